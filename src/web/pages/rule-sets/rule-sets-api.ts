// Eligibility rule sets: every version, saving a new one, and the what-if on recorded screenings
// (src/http/routes/screening.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ruleSchema,
  ruleSetListResponse,
  ruleSetResponse,
  whatIfResponse,
} from '../../../contracts/screening.ts';
import { useApi } from '../../api/api-context.tsx';

export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
export type StoredRuleSet = z.infer<typeof ruleSetListResponse>['ruleSets'][number];
export type SavedRuleSet = z.infer<typeof ruleSetResponse>;
export type WhatIf = z.infer<typeof whatIfResponse>;

/** The templates the server knows (src/domain/eligibility/templates.ts). */
export const TEMPLATES = ['wilmington-2017', 'inclusive-2023'] as const;

const ruleSetsPath = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/rule-sets`;

export function useRuleSets(siteId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ['rule-sets', siteId],
    queryFn: () => api.request<{ ruleSets: StoredRuleSet[] }>('GET', ruleSetsPath(siteId)),
    enabled,
  });
}

/** Saves edited rules (or a template) as the next version, which becomes current. */
export function useSaveRuleSet(siteId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: { rules: Rule[] } | { template: string }; key: string }) =>
      api.request<SavedRuleSet>('POST', ruleSetsPath(siteId), {
        body: input.body,
        headers: { 'idempotency-key': input.key },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['rule-sets', siteId] }),
  });
}

export function useWhatIf(siteId: string, ruleSetId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['rule-sets', siteId, 'what-if', ruleSetId],
    queryFn: () =>
      api.request<WhatIf>('GET', `${ruleSetsPath(siteId)}/${encodeURIComponent(ruleSetId ?? '')}/what-if`),
    enabled: ruleSetId !== undefined,
  });
}
