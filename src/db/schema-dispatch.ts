import type { ColumnType, Generated } from 'kysely';
import type { HandoffMode, HandoffState } from '../domain/handoffs/handoff.ts';

/** Kysely's view of the dispatch tables: hand-offs, intake deadlines, on-call, staff SMS, outbox and timers. */

type Json<T> = ColumnType<T, string, string>;

/** A member of staff's mobile number for SMS alerts at a site (E.164), and whether they want them. */
export type StaffContactsTable = {
  site_id: string;
  user_id: string;
  sms_number: string | null;
  sms_enabled: boolean;
  updated_at: Date;
  updated_by: string | null;
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
