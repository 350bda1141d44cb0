import type { Generated } from 'kysely';
import type { Capacity, ServiceStatus } from '../domain/directory/directory.ts';
import type { ServiceReferralStatus } from '../domain/service-referrals/service-referral.ts';

/** Kysely's view of the partner directory and service referral tables (migration 0009). */

type Json = Record<string, unknown>;

export type DirectoryOrganizationsTable = {
  site_id: string;
  id: Generated<string>;
  name: string;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
  hsds: Json;
  created_at: Date;
  updated_at: Date;
};

export type DirectoryServicesTable = {
  site_id: string;
  id: Generated<string>;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  email: string | null;
  url: string | null;
  status: ServiceStatus;
  categories: Generated<string[]>;
  capacity: Generated<Capacity>;
  capacity_updated_at: Date | null;
  capacity_updated_by: string | null;
  hsds: Json;
  created_at: Date;
  updated_at: Date;
};

export type DirectoryLocationsTable = {
  site_id: string;
  id: Generated<string>;
  organization_id: string | null;
  name: string | null;
  address_1: string | null;
  city: string | null;
  state_province: string | null;
  postal_code: string | null;
  hsds: Json;
  created_at: Date;
  updated_at: Date;
};

export type DirectoryServiceLocationsTable = {
  site_id: string;
  id: Generated<string>;
  service_id: string;
  location_id: string;
  hsds: Json;
};

export type DirectoryOwnerKind = 'organization' | 'service' | 'location' | 'service_at_location';

export type DirectoryPhonesTable = {
  site_id: string;
  owner_kind: DirectoryOwnerKind;
  owner_id: string;
  position: number;
  id: string;
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
  hsds: Json;
};

export type DirectoryLanguagesTable = {
  site_id: string;
  owner_kind: DirectoryOwnerKind;
  owner_id: string;
  position: number;
  id: string;
  name: string | null;
  code: string | null;
  hsds: Json;
};

export type DirectorySchedulesTable = {
  site_id: string;
  owner_kind: DirectoryOwnerKind;
  owner_id: string;
  position: number;
  id: string;
  description: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  hsds: Json;
};

export type ProviderOrganizationsTable = {
  site_id: string;
  user_id: string;
  organization_id: string;
  set_by: string;
  set_at: Date;
};

export type ServiceReferralsTable = {
  site_id: string;
  id: Generated<string>;
  participant_id: string;
  service_id: string;
  organization_id: string;
  status: ServiceReferralStatus;
  note: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
};

export type ServiceReferralEventsTable = {
  site_id: string;
  service_referral_id: string;
  seq: number;
  from_status: ServiceReferralStatus | null;
  to_status: ServiceReferralStatus;
  reason: string;
  user_id: string;
  at: Date;
};
