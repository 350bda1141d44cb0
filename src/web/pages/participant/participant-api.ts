// The care team's reads and writes of participants (src/http/routes/participants.ts).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createReleaseRequest,
  participantDetail,
  participantSummary,
  participantTimelinePage,
  releaseSchema,
  saveIntakeRequest,
} from '../../../contracts/participants.ts';
import { useApi } from '../../api/api-context.tsx';

export type ParticipantSummary = z.infer<typeof participantSummary>;
export type ParticipantDetail = z.infer<typeof participantDetail>;
export type Release = z.infer<typeof releaseSchema>;
export type TimelinePage = z.infer<typeof participantTimelinePage>;
export type SaveIntakeBody = z.input<typeof saveIntakeRequest>;
export type CreateReleaseBody = z.input<typeof createReleaseRequest>;

const sitePath = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}`;
const participantUrl = (siteId: string, participantId: string) =>
  `${sitePath(siteId)}/participants/${encodeURIComponent(participantId)}`;

export function useParticipants(siteId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['participants', siteId, 'list'],
    queryFn: () =>
      api.request<{ participants: ParticipantSummary[] }>('GET', `${sitePath(siteId)}/participants`),
  });
}

export function useParticipant(siteId: string, participantId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['participants', siteId, 'detail', participantId],
    queryFn: () => api.request<ParticipantDetail>('GET', participantUrl(siteId, participantId)),
  });
}

/**
 * The timeline's older pages, from the cursor the record gave (`from`), fetched only once asked
 * (`enabled`); each next page on fetchNextPage.
 */
export function useOlderTimeline(
  siteId: string,
  participantId: string,
  from: string | null,
  enabled: boolean,
) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ['participants', siteId, 'timeline', participantId, from],
    enabled: enabled && from !== null,
    initialPageParam: from ?? '',
    queryFn: ({ pageParam }) =>
      api.request<TimelinePage>(
        'GET',
        `${participantUrl(siteId, participantId)}/timeline?before=${encodeURIComponent(pageParam)}`,
      ),
    getNextPageParam: (last) => last.timelineCursor ?? undefined,
  });
}

export function useRelease(siteId: string, participantId: string, releaseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['participants', siteId, 'release', releaseId],
    queryFn: () =>
      api.request<Release>(
        'GET',
        `${participantUrl(siteId, participantId)}/releases/${encodeURIComponent(releaseId)}`,
      ),
  });
}

/** Starts (or reopens) the intake of an accepted referral; answers the participant. */
export function useStartIntake(siteId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (referralId: string) =>
      api.request<ParticipantSummary>(
        'POST',
        `${sitePath(siteId)}/referrals/${encodeURIComponent(referralId)}/intake`,
        { body: {} },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['participants', siteId] }),
  });
}

function useParticipantMutation<Input, Output>(
  siteId: string,
  participantId: string,
  request: (input: Input) => { method: 'POST' | 'PUT'; path: string; body?: unknown; key?: string },
) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (input: Input) => {
      const { method, path, body, key } = request(input);
      return api.request<Output>(method, `${participantUrl(siteId, participantId)}${path}`, {
        body: body ?? {},
        // Made once per submission by the form, so a retry after a lost answer is never doubled.
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
    },
    onSuccess: async (result) => {
      if (result && typeof result === 'object' && 'timeline' in result)
        queryClient.setQueryData(['participants', siteId, 'detail', participantId], result);
      await queryClient.invalidateQueries({ queryKey: ['participants', siteId] });
    },
  });
}

export const useSaveIntake = (siteId: string, participantId: string) =>
  useParticipantMutation<SaveIntakeBody, ParticipantDetail>(siteId, participantId, (body) => ({
    method: 'PUT',
    path: '/intake',
    body,
  }));

export const useCompleteIntake = (siteId: string, participantId: string) =>
  useParticipantMutation<{ key: string }, ParticipantDetail>(siteId, participantId, ({ key }) => ({
    method: 'POST',
    path: '/intake/complete',
    key,
  }));

export const useCreateRelease = (siteId: string, participantId: string) =>
  useParticipantMutation<{ body: CreateReleaseBody; key: string }, Release>(
    siteId,
    participantId,
    ({ body, key }) => ({ method: 'POST', path: '/releases', body, key }),
  );

export const useRevokeRelease = (siteId: string, participantId: string) =>
  useParticipantMutation<{ releaseId: string; note?: string }, Release>(siteId, participantId, (input) => ({
    method: 'POST',
    path: `/releases/${encodeURIComponent(input.releaseId)}/revoke`,
    body: input.note ? { note: input.note } : {},
  }));

/** The partner directory's organizations, for naming a provider as a release's recipient. */
export function usePartnerOrganizations(siteId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['directory', siteId, 'organizations'],
    enabled,
    queryFn: () =>
      api.request<{ organizations: { id: string; name: string }[] }>(
        'GET',
        `${sitePath(siteId)}/directory/organizations`,
      ),
  });
}
