import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../domain/access/roles.ts';
import type { HandoffMode, HandoffState } from '../domain/handoffs/handoff.ts';
import type { NeedDomain, NeedLevel } from '../domain/participants/intake.ts';
import type { RecipientKind, ReleaseCategory } from '../domain/participants/release.ts';
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

export type StaffCapacityTable = {
  site_id: string;
  user_id: string;
  /** numeric(3,2): read as a string by the driver. */
  fte: ColumnType<string, string | number | undefined, string | number>;
  updated_at: Date;
  updated_by: string | null;
};

export type CaseManagerAssignmentsTable = {
  site_id: string;
  participant_id: string;
  seq: number;
  case_manager_id: string;
  previous_case_manager_id: string | null;
  assigned_by: string;
  assigned_at: Date;
  load_before: number;
  hard_max: number;
  override_reason: string | null;
};

export type ParticipantContactsTable = {
  site_id: string;
  id: Generated<string>;
  participant_id: string;
  kind: 'field' | 'office' | 'phone' | 'text' | 'collateral';
  occurred_at: Date;
  duration_minutes: number | null;
  note: string | null;
  logged_by: string;
  logged_at: Date;
  corrects_contact_id: string | null;
};

export type PlanGoalsTable = {
  site_id: string;
  id: Generated<string>;
  participant_id: string;
  goal: string;
  needs: string[];
  status: 'not_started' | 'in_progress' | 'achieved' | 'set_aside';
  created_by: string;
  created_at: Date;
  updated_at: Date;
};

export type PlanGoalEventsTable = {
  site_id: string;
  goal_id: string;
  seq: number;
  event: 'created' | 'status_changed' | 'reworded' | 'needs_changed';
  from_status: string | null;
  to_status: string | null;
  goal: string | null;
  needs: string[] | null;
  note: string | null;
  user_id: string;
  at: Date;
};

/** A member of staff's mobile number for SMS alerts at a site (E.164), and whether they want them. */
export type StaffContactsTable = {
  site_id: string;
  user_id: string;
  sms_number: string | null;
  sms_enabled: boolean;
  updated_at: Date;
  updated_by: string | null;
};

export type IntakesTable = {
  site_id: string;
  participant_id: string;
  state: 'draft' | 'completed';
  needed_now: string | null;
  immediate_needs: string | null;
  priorities: string | null;
  demographics: Json<unknown> | null;
  started_at: Date;
  started_by: string;
  updated_at: Date;
  updated_by: string;
  completed_at: Date | null;
  completed_by: string | null;
};

export type IntakeNeedsTable = {
  site_id: string;
  participant_id: string;
  domain: NeedDomain;
  level: NeedLevel;
  notes: string | null;
};

export type AppointmentStatus = 'scheduled' | 'attended' | 'missed' | 'cancelled';

export type AppointmentsTable = {
  site_id: string;
  id: Generated<string>;
  participant_id: string;
  starts_at: Date;
  place: string;
  with_whom: string;
  partner_service_id: string | null;
  purpose: string;
  status: AppointmentStatus;
  created_by: string;
  created_at: Date;
  status_by: string | null;
  status_at: Date | null;
};

export type FundingSourcesTable = {
  site_id: string;
  id: Generated<string>;
  name: string;
  active: Generated<boolean>;
  created_by: string;
  created_at: Date;
};

export type FundEntriesTable = {
  site_id: string;
  id: Generated<string>;
  participant_id: string;
  kind: 'spend' | 'reversal';
  reverses_id: string | null;
  /** A calendar date, 'YYYY-MM-DD'. */
  entry_date: ColumnType<string, string, never>;
  /** bigint, read as a number (src/db/database.ts). */
  amount_cents: ColumnType<number, number, never>;
  category: string;
  funding_source_id: string;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
};

export type PersonContactMethodsTable = {
  site_id: string;
  person_id: string;
  position: number;
  kind: 'sms' | 'phone' | 'email' | 'other';
  value: string;
  note: string | null;
  reminders_allowed: Generated<boolean>;
};

export type ParticipantStatus = 'intake' | 'enrolled' | 'exited';

export type ParticipantsTable = {
  site_id: string;
  id: Generated<string>;
  person_id: string;
  referral_id: string;
  status: ParticipantStatus;
  case_manager_id: string | null;
  created_at: Date;
  enrolled_at: Date | null;
  exited_at: Date | null;
  exit_reason: string | null;
  last_contact_at: Date | null;
};

export type ParticipantStatusEventsTable = {
  site_id: string;
  participant_id: string;
  seq: number;
  event: string;
  from_status: ParticipantStatus | null;
  to_status: ParticipantStatus;
  reason: string | null;
  user_id: string | null;
  at: Date;
  /** The exit reason of an 'exited' step (added by 0011). */
  exit_reason: ColumnType<string | null, string | null | undefined, never>;
};

export type ReleasesTable = {
  site_id: string;
  id: Generated<string>;
  participant_id: string;
  person_name: string;
  discloser: string;
  categories: ReleaseCategory[];
  purpose: string;
  revocation_terms: string;
  expires_on: string | null;
  expiry_event: string | null;
  signature_kind: 'typed' | 'drawn';
  signature: string;
  signed_on: string;
  recorded_by: string;
  recorded_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  revocation_note: string | null;
};

export type ReleaseRecipientsTable = {
  site_id: string;
  release_id: string;
  position: number;
  kind: RecipientKind;
  organization_id: string | null;
  name: string;
};

export type HandoffsTable = {
  site_id: string;
  id: Generated<string>;
  referral_id: string;
  requested_by: string;
  mode: HandoffMode;
  requested_at: Date;
  state: HandoffState;
  current_level: number;
  responder_user_id: string | null;
  eta_minutes: number | null;
  updated_at: Date;
};

export type HandoffEventsTable = {
  site_id: string;
  handoff_id: string;
  seq: number;
  event: string;
  from_state: HandoffState | null;
  to_state: HandoffState;
  level: number;
  user_id: string | null;
  at: Date;
  eta_minutes: number | null;
  reason: string | null;
};

export type IntakeDeadlinesTable = {
  site_id: string;
  referral_id: string;
  accepted_at: Date;
  due_at: Date;
  intake_completed_at: Date | null;
  prosecutor_decision: 'declined_to_file' | 'filed' | null;
  decided_at: Date | null;
  decided_by: string | null;
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

export type MessageChannel = 'email' | 'sms';

export type OutboxMessagesTable = {
  site_id: string;
  id: Generated<string>;
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  body: string;
  purpose: string;
  created_at: Date;
  state: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  claimed_by: string | null;
  claimed_until: Date | null;
};

export type TimersTable = {
  site_id: string;
  id: Generated<string>;
  kind: string;
  subject_id: string;
  due_at: Date;
  state: Generated<'scheduled' | 'fired' | 'cancelled'>;
  fired_at: Date | null;
  attempts: Generated<number>;
  claimed_until: Date | null;
  last_error: string | null;
  payload: Json<unknown>;
  created_at: Date;
};

export type OnCallPatternTable = {
  site_id: string;
  id: Generated<string>;
  weekday: number;
  starts_at: string;
  ends_at: string;
  user_id: string;
  escalation_level: number;
};

export type OnCallOverridesTable = {
  site_id: string;
  id: Generated<string>;
  starts_at: Date;
  ends_at: Date;
  escalation_level: number;
  user_id: string | null;
  reason: string;
  created_by: string | null;
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
