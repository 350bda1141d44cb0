// The directory's and service referrals' shapes, from the API contracts.
import type { z } from 'zod';
import type {
  capacitySchema,
  directoryOrganization,
  directoryService,
  organizationRequest,
  serviceRequest,
} from '../../../contracts/directory.ts';
import type {
  providerReferral,
  serviceReferral,
  serviceReferralStatusSchema,
} from '../../../contracts/service-referrals.ts';

export type DirectoryService = z.infer<typeof directoryService>;
export type DirectoryOrganization = z.infer<typeof directoryOrganization>;
export type Capacity = z.infer<typeof capacitySchema>;
export type OrganizationRequestBody = z.input<typeof organizationRequest>;
export type ServiceRequestBody = z.input<typeof serviceRequest>;
export type ServiceReferral = z.infer<typeof serviceReferral>;
export type ProviderReferral = z.infer<typeof providerReferral>;
export type ServiceReferralStatus = z.infer<typeof serviceReferralStatusSchema>;

export { CAPACITIES, SERVICE_CATEGORIES } from '../../../domain/directory/directory.ts';
