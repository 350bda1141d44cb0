import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../domain/access/roles.ts';

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
