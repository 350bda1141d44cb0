import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../domain/access/roles.ts';
import type {
  DirectoryLanguagesTable,
  DirectoryLocationsTable,
  DirectoryOrganizationsTable,
  DirectoryPhonesTable,
  DirectorySchedulesTable,
  DirectoryServiceLocationsTable,
  DirectoryServicesTable,
  ProviderOrganizationsTable,
  ServiceReferralEventsTable,
  ServiceReferralsTable,
} from './schema-directory.ts';
import type {
  HandoffEventsTable,
  HandoffsTable,
  IntakeDeadlinesTable,
  OnCallOverridesTable,
  OnCallPatternTable,
  OutboxMessagesTable,
  StaffContactsTable,
  TimersTable,
} from './schema-dispatch.ts';
import type {
  AppointmentsTable,
  CaseManagerAssignmentsTable,
  FundEntriesTable,
  FundingSourcesTable,
  IntakeNeedsTable,
  IntakesTable,
  ParticipantContactsTable,
  ParticipantStatusEventsTable,
  ParticipantsTable,
  PersonContactMethodsTable,
  PlanGoalEventsTable,
  PlanGoalsTable,
  ReleaseRecipientsTable,
  ReleasesTable,
  StaffCapacityTable,
} from './schema-participants.ts';

/** Kysely's view of the tables; the SQL in migrations/ is the authority. */
export type Database = {
  sites: SitesTable;
  users: UsersTable;
  login_failures: { user_id: string; failed_at: Date };
  mfa_recovery_codes: { user_id: string; code_hash: string; used_at: Date | null };
  memberships: MembershipsTable;
  sessions: SessionsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  schema_migrations: { version: string; checksum: string; applied_at: Generated<Date> };
  site_settings: {
    site_id: string;
    prosecutor_approval_required: boolean;
    current_rule_set_id: string | null;
    intake_days_arrest_diversion: Generated<number>;
    intake_days_social_contact: Generated<number>;
    intake_days_community_referral: Generated<number>;
    intake_days_self_referral: Generated<number>;
    handoff_acknowledge_minutes: Generated<number>;
    handoff_target_minutes: Generated<number>;
    intake_reminder_days: Generated<number[]>;
    reminder_phone: string | null;
    caseload_average_per_fte: Generated<number>;
    caseload_hard_max: Generated<number>;
    engagement_inactive_days: Generated<number>;
    engagement_in_the_wind_days: Generated<number>;
    appointment_reminder_hours: Generated<number[]>;
    missed_appointments_exit: number | null;
  };
  rule_sets: RuleSetsTable;
  eligible_charges: {
    site_id: string;
    code: string;
    statute: string;
    description: string;
    active: Generated<boolean>;
  };
  people: PeopleTable;
  encounters: EncountersTable;
  screenings: ScreeningsTable;
  screening_rule_outcomes: {
    site_id: string;
    encounter_id: string;
    position: number;
    rule_code: string;
    outcome: string;
  };
  demographic_reports: DemographicReportsTable;
  referrals: ReferralsTable;
  referral_status_changes: ReferralStatusChangesTable;
  contact_requests: ContactRequestsTable;
  outbox_messages: OutboxMessagesTable;
  timers: TimersTable;
  on_call_pattern: OnCallPatternTable;
  on_call_overrides: OnCallOverridesTable;
  intake_deadlines: IntakeDeadlinesTable;
  handoffs: HandoffsTable;
  handoff_events: HandoffEventsTable;
  participants: ParticipantsTable;
  participant_status_events: ParticipantStatusEventsTable;
  releases: ReleasesTable;
  release_recipients: ReleaseRecipientsTable;
  person_contact_methods: PersonContactMethodsTable;
  appointments: AppointmentsTable;
  funding_sources: FundingSourcesTable;
  fund_entries: FundEntriesTable;
  directory_organizations: DirectoryOrganizationsTable;
  directory_services: DirectoryServicesTable;
  directory_locations: DirectoryLocationsTable;
  directory_service_locations: DirectoryServiceLocationsTable;
  directory_phones: DirectoryPhonesTable;
  directory_languages: DirectoryLanguagesTable;
  directory_schedules: DirectorySchedulesTable;
  provider_organizations: ProviderOrganizationsTable;
  service_referrals: ServiceReferralsTable;
  service_referral_events: ServiceReferralEventsTable;
  intakes: IntakesTable;
  intake_needs: IntakeNeedsTable;
  staff_contacts: StaffContactsTable;
  staff_capacity: StaffCapacityTable;
  case_manager_assignments: CaseManagerAssignmentsTable;
  participant_contacts: ParticipantContactsTable;
  participant_contact_staff: { site_id: string; contact_id: string; user_id: string };
  plan_goals: PlanGoalsTable;
  plan_goal_events: PlanGoalEventsTable;
};

type Json<T> = ColumnType<T, string, string>;

export type RuleSetsTable = {
  site_id: string;
  id: Generated<string>;
  name: string;
  version: number;
  rules: Json<unknown>;
  created_at: Date;
  created_by: string | null;
};

export type PeopleTable = {
  site_id: string;
  id: Generated<string>;
  name_or_alias: string;
  date_of_birth: string | null;
  approximate_age: number | null;
  created_at: Date;
};

export type Pathway = 'arrest_diversion' | 'social_contact' | 'community_referral' | 'self_referral';

export type EncountersTable = {
  site_id: string;
  id: Generated<string>;
  person_id: string;
  pathway: Pathway;
  recorded_by: string | null;
  incident_number: string | null;
  charge_codes: string[];
  area: string | null;
  occurred_at: Date;
  recorded_at: Date;
};

export type ScreeningsTable = {
  site_id: string;
  encounter_id: string;
  rule_set_id: string;
  screened_on: string;
  answers: Json<unknown>;
  status: 'eligible' | 'ineligible' | 'needs_information';
  decided_by: string[];
  screened_at: Date;
};

export type MissingReason = 'doesnt_know' | 'prefers_not_to_answer' | 'not_collected';

export type DemographicReportsTable = {
  site_id: string;
  id: Generated<string>;
  person_id: string;
  encounter_id: string | null;
  source: 'officer_perceived' | 'self_reported';
  race: string[] | null;
  race_missing: MissingReason | null;
  ethnicity: string | null;
  ethnicity_missing: MissingReason | null;
  gender: string[] | null;
  gender_missing: MissingReason | null;
  recorded_at: Date;
  recorded_by: string | null;
};

export type ReferralsTable = {
  site_id: string;
  id: Generated<string>;
  encounter_id: string;
  person_id: string;
  status: string;
  created_at: Date;
  updated_at: Date;
};

export type ReferralStatusChangesTable = {
  site_id: string;
  referral_id: string;
  seq: number;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  changed_at: Date;
  changed_by: string | null;
};

export type ContactRequestsTable = {
  site_id: string;
  referral_id: string;
  requester: 'self' | 'family' | 'friend' | 'service_provider' | 'other';
  phone: string | null;
  email: string | null;
  best_time: string | null;
  message: string | null;
  created_at: Date;
};

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type SitesTable = {
  id: Generated<string>;
  slug: string;
  name: string;
  timezone: string;
  created_at: CreatedAt;
};

export type UsersTable = {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  locked_at: Date | null;
  mfa_secret: string | null;
  mfa_enabled_at: Date | null;
  created_at: CreatedAt;
};

export type MembershipsTable = {
  site_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
};

export type MfaState = 'not_required' | 'pending' | 'enrolment_required' | 'verified';

export type SessionsTable = {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_state: MfaState;
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
};

export type IdempotencyKeysTable = {
  user_id: string;
  key: string;
  request_hash: string;
  state: 'running' | 'done';
  response_status: number | null;
  response_body: ColumnType<unknown, string | null, string | null>;
  created_at: Date;
};

export type AuditLogTable = {
  seq: number;
  occurred_at: Date;
  user_id: string | null;
  role: string | null;
  site_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  request_id: string | null;
  previous_hash: string;
  hash: string;
};
