import type { ColumnType, Generated } from 'kysely';
import type { NeedDomain, NeedLevel } from '../domain/participants/intake.ts';
import type { PARTICIPANT_STATUSES } from '../domain/participants/participant-status.ts';
import type { RecipientKind, ReleaseCategory } from '../domain/participants/release.ts';

/**
 * Kysely's view of the case-management tables: participants and their status history, intakes,
 * releases, contact methods, contacts, plans, caseloads, appointments and funds.
 */

type Json<T> = ColumnType<T, string, string>;

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

export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

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
