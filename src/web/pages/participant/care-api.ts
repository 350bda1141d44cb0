// The care team's contact log, engagement and plan (src/http/routes/participant-care.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  contactLogResponse,
  engagementListResponse,
  logContactRequest,
  loggedContactResponse,
} from '../../../contracts/participant-contacts.ts';
import type {
  addGoalRequest,
  changeGoalRequest,
  goalResponse,
  planResponse,
} from '../../../contracts/participant-plan.ts';
import { useApi } from '../../api/api-context.tsx';
import { ApiError } from '../../api/client.ts';

export type ContactLog = z.infer<typeof contactLogResponse>;
export type Contact = ContactLog['contacts'][number];
export type Engagement = ContactLog['engagement'];
export type LogContactBody = z.input<typeof logContactRequest>;
export type EngagementList = z.infer<typeof engagementListResponse>;
export type Plan = z.infer<typeof planResponse>;
export type Goal = z.infer<typeof goalResponse>;
export type AddGoalBody = z.input<typeof addGoalRequest>;
export type ChangeGoalBody = z.input<typeof changeGoalRequest>;

const sitePath = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}`;
const participantUrl = (siteId: string, participantId: string) =>
  `${sitePath(siteId)}/participants/${encodeURIComponent(participantId)}`;

export function useContactLog(siteId: string, participantId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['participants', siteId, 'contacts', participantId],
    queryFn: () =>
      api.request<ContactLog>('GET', `${participantUrl(siteId, participantId)}/contacts?limit=50`),
  });
}

/**
 * Logs a contact. The caller keeps one idempotency key per contact being logged (made when the
 * form starts, kept across retries), so a retry after a lost answer never logs it twice.
 */
export function useLogContact(siteId: string, participantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    // Only a lost answer is retried (same key: the server replays, never logs twice).
    retry: (failures, error) => failures < 3 && error instanceof ApiError && error.status === 0,
    mutationFn: ({ body, idempotencyKey }: { body: LogContactBody; idempotencyKey: string }) =>
      api.request<z.infer<typeof loggedContactResponse>>(
        'POST',
        `${participantUrl(siteId, participantId)}/contacts`,
        {
          body,
          headers: { 'idempotency-key': idempotencyKey },
        },
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['participants', siteId] });
      await queryClient.invalidateQueries({ queryKey: ['engagement', siteId] });
    },
  });
}

export function useEngagementList(
  siteId: string,
  filter: { caseload: 'me' | 'all'; goingInTheWindWithinDays?: number },
) {
  const api = useApi();
  const query = new URLSearchParams({ caseload: filter.caseload });
  if (filter.goingInTheWindWithinDays !== undefined)
    query.set('goingInTheWindWithinDays', String(filter.goingInTheWindWithinDays));
  return useQuery({
    queryKey: ['engagement', siteId, filter.caseload, filter.goingInTheWindWithinDays ?? null],
    queryFn: () => api.request<EngagementList>('GET', `${sitePath(siteId)}/engagement?${query}`),
  });
}

export function usePlan(siteId: string, participantId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['participants', siteId, 'plan', participantId],
    queryFn: () => api.request<Plan>('GET', `${participantUrl(siteId, participantId)}/plan`),
  });
}

export function useAddGoal(siteId: string, participantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddGoalBody) =>
      api.request<Goal>('POST', `${participantUrl(siteId, participantId)}/plan/goals`, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['participants', siteId] }),
  });
}

export function useChangeGoal(siteId: string, participantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ goalId, body }: { goalId: string; body: ChangeGoalBody }) =>
      api.request<Goal>(
        'PATCH',
        `${participantUrl(siteId, participantId)}/plan/goals/${encodeURIComponent(goalId)}`,
        { body },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['participants', siteId] }),
  });
}
