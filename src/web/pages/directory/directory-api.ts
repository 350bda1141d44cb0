// The partner directory and service referrals (src/http/routes/directory.ts, service-referrals.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import type {
  Capacity,
  DirectoryOrganization,
  DirectoryService,
  OrganizationRequestBody,
  ProviderReferral,
  ServiceReferral,
  ServiceReferralStatus,
  ServiceRequestBody,
} from './directory-types.ts';

const sitePath = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}`;

export type DirectoryFilters = { q: string; category: string; language: string; capacity: string };

export function useDirectory(siteId: string, filters: DirectoryFilters) {
  const api = useApi();
  const query = new URLSearchParams(
    Object.entries(filters).filter(([, value]) => value.trim() !== '') as [string, string][],
  ).toString();
  return useQuery({
    queryKey: ['directory', siteId, 'services', query],
    queryFn: () =>
      api.request<{ services: DirectoryService[] }>(
        'GET',
        `${sitePath(siteId)}/directory/services${query ? `?${query}` : ''}`,
      ),
  });
}

export function useSetCapacity(siteId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceId, capacity }: { serviceId: string; capacity: Capacity }) =>
      api.request<DirectoryService>(
        'PUT',
        `${sitePath(siteId)}/directory/services/${encodeURIComponent(serviceId)}/capacity`,
        { body: { capacity } },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['directory', siteId] });
      void queryClient.invalidateQueries({ queryKey: ['provider', siteId] });
    },
  });
}

/** A program manager adds an organization with its first service. */
export function useAddPartner(siteId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { organization: OrganizationRequestBody; service: ServiceRequestBody }) => {
      const organization = await api.request<DirectoryOrganization>(
        'POST',
        `${sitePath(siteId)}/directory/organizations`,
        { body: input.organization },
      );
      return api.request<DirectoryService>(
        'POST',
        `${sitePath(siteId)}/directory/organizations/${encodeURIComponent(organization.id)}/services`,
        { body: input.service },
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['directory', siteId] }),
  });
}

const participantReferrals = (siteId: string, participantId: string) =>
  `${sitePath(siteId)}/participants/${encodeURIComponent(participantId)}/service-referrals`;

export function useServiceReferrals(siteId: string, participantId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['service-referrals', siteId, participantId],
    queryFn: () =>
      api.request<{ referrals: ServiceReferral[] }>('GET', participantReferrals(siteId, participantId)),
  });
}

export function useSendServiceReferral(siteId: string, participantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { serviceId: string; reason: string }) =>
      api.request<ServiceReferral>('POST', participantReferrals(siteId, participantId), { body }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: ['service-referrals', siteId, participantId] }),
  });
}

export type StatusChangeBody = { status: ServiceReferralStatus; reason: string };

export function useChangeServiceReferral(siteId: string, participantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, ...body }: StatusChangeBody & { referralId: string }) =>
      api.request<ServiceReferral>(
        'POST',
        `${sitePath(siteId)}/service-referrals/${encodeURIComponent(referralId)}/status`,
        { body },
      ),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: ['service-referrals', siteId, participantId] }),
  });
}

export function useProviderReferrals(siteId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['provider', siteId, 'referrals'],
    queryFn: () =>
      api.request<{ organization: { id: string; name: string } | null; referrals: ProviderReferral[] }>(
        'GET',
        `${sitePath(siteId)}/provider/referrals`,
      ),
  });
}

export function useProviderOrganization(siteId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['provider', siteId, 'organization'],
    enabled,
    queryFn: () => api.request<DirectoryOrganization>('GET', `${sitePath(siteId)}/provider/organization`),
  });
}

export function useAnswerReferral(siteId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, ...body }: StatusChangeBody & { referralId: string }) =>
      api.request<ProviderReferral>(
        'POST',
        `${sitePath(siteId)}/provider/referrals/${encodeURIComponent(referralId)}/status`,
        { body },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['provider', siteId, 'referrals'] }),
  });
}

export function usePartnerList(siteId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['directory', siteId, 'organizations'],
    queryFn: () =>
      api.request<{ organizations: { id: string; name: string; services: number }[] }>(
        'GET',
        `${sitePath(siteId)}/directory/organizations`,
      ),
  });
}

export function useLinkProvider(siteId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: ({ userId, organizationId }: { userId: string; organizationId: string }) =>
      api.request<{ userId: string; organizationId: string; organizationName: string }>(
        'PUT',
        `${sitePath(siteId)}/staff/${encodeURIComponent(userId)}/provider-organization`,
        { body: { organizationId } },
      ),
  });
}

/** Fetches the directory as HSDS 3.0 JSON and hands it to the browser as a file. */
export function useDownloadHsds(siteId: string, fileName: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async () => {
      const page = await api.request<unknown>('GET', `${sitePath(siteId)}/directory/hsds`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(
        new Blob([JSON.stringify(page, null, 2)], { type: 'application/json' }),
      );
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(link.href);
    },
  });
}
