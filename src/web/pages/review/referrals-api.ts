// The care team's reads and writes of referrals (src/http/routes/referrals.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { referralDetail, referralSummary } from '../../../contracts/referrals.ts';
import { useApi } from '../../api/api-context.tsx';
import type { EncounterSubmitted, ScreenRequestBody } from '../../offline/field-api.ts';

export type ReferralSummary = z.infer<typeof referralSummary>;
export type ReferralDetail = z.infer<typeof referralDetail>;

const referralsPath = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/referrals`;

/** Pending community and self requests, or every open referral; oldest first. */
export function useReferralList(siteId: string, status: 'pending_review' | 'open') {
  const api = useApi();
  return useQuery({
    queryKey: ['referrals', siteId, status],
    queryFn: () =>
      api.request<{ referrals: ReferralSummary[] }>('GET', `${referralsPath(siteId)}?status=${status}`),
  });
}

export function useReferral(siteId: string, referralId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['referrals', siteId, 'detail', referralId],
    queryFn: () =>
      api.request<ReferralDetail>('GET', `${referralsPath(siteId)}/${encodeURIComponent(referralId)}`),
  });
}

/** Closes a pending request with a reason; a fresh Idempotency-Key per submission. */
export function useCloseRequest(siteId: string, referralId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { reason: string; key: string }) =>
      api.request<ReferralSummary>(
        'POST',
        `${referralsPath(siteId)}/${encodeURIComponent(referralId)}/events`,
        { body: { type: 'close', reason: input.reason }, headers: { 'idempotency-key': input.key } },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['referrals', siteId] }),
  });
}

/** What the last screening recorded here decided, kept for the referral's page to show. */
export const screenedKey = (siteId: string, referralId: string) => ['screened', siteId, referralId];

/**
 * Screens a pending community or self-referral (online only: no outbox). The caller gives the
 * Idempotency-Key, made once per submission, so a retry after a lost answer is never doubled.
 */
export function useScreenRequest(siteId: string, referralId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    // Tried even when the browser says it is offline: the failure is shown, never silently paused.
    networkMode: 'always',
    mutationFn: (input: { body: ScreenRequestBody; key: string }) =>
      api.request<EncounterSubmitted>(
        'POST',
        `${referralsPath(siteId)}/${encodeURIComponent(referralId)}/screening`,
        { body: input.body, headers: { 'idempotency-key': input.key } },
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(screenedKey(siteId, referralId), result);
      await queryClient.invalidateQueries({ queryKey: ['referrals', siteId] });
    },
  });
}
