// The care team's reads and writes of referrals (src/http/routes/referrals.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { referralDetail, referralSummary } from '../../../contracts/referrals.ts';
import { useApi } from '../../api/api-context.tsx';

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
