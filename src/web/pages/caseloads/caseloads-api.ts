// Caseloads against the caps, the program manager's settings and FTEs, and assigning a case
// manager (src/http/routes/caseloads.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assignCaseManagerRequest,
  assignmentResponse,
  caseloadsResponse,
  caseManagementSettingsRequest,
} from '../../../contracts/caseloads.ts';
import { useApi } from '../../api/api-context.tsx';

export type Caseloads = z.infer<typeof caseloadsResponse>;
export type StaffCaseload = Caseloads['staff'][number];
export type CaseManagementSettingsBody = z.input<typeof caseManagementSettingsRequest>;
export type AssignBody = z.input<typeof assignCaseManagerRequest>;

const caseloadsUrl = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/caseloads`;

export function useCaseloads(siteId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['caseloads', siteId],
    queryFn: () => api.request<Caseloads>('GET', caseloadsUrl(siteId)),
  });
}

function useInvalidateCaseloads(siteId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['caseloads', siteId] });
    await queryClient.invalidateQueries({ queryKey: ['engagement', siteId] });
    await queryClient.invalidateQueries({ queryKey: ['participants', siteId] });
  };
}

export function useSaveCaseManagementSettings(siteId: string) {
  const api = useApi();
  const invalidate = useInvalidateCaseloads(siteId);
  return useMutation({
    mutationFn: (body: CaseManagementSettingsBody) =>
      api.request('PUT', `${caseloadsUrl(siteId)}/settings`, { body }),
    onSuccess: invalidate,
  });
}

export function useSaveFte(siteId: string) {
  const api = useApi();
  const invalidate = useInvalidateCaseloads(siteId);
  return useMutation({
    mutationFn: ({ userId, fte }: { userId: string; fte: number }) =>
      api.request('PUT', `${caseloadsUrl(siteId)}/staff/${encodeURIComponent(userId)}/fte`, {
        body: { fte },
      }),
    onSuccess: invalidate,
  });
}

export function useAssignCaseManager(siteId: string) {
  const api = useApi();
  const invalidate = useInvalidateCaseloads(siteId);
  return useMutation({
    mutationFn: ({ participantId, body }: { participantId: string; body: AssignBody }) =>
      api.request<z.infer<typeof assignmentResponse>>(
        'POST',
        `/api/v1/sites/${encodeURIComponent(siteId)}/participants/${encodeURIComponent(participantId)}/case-manager`,
        { body },
      ),
    onSuccess: invalidate,
  });
}
