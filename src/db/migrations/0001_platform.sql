-- The platform: sites, accounts and memberships, sessions, idempotency keys and the audit log.
-- Site-scoped tables carry site_id in their key and FORCE row-level security keyed by the
-- per-transaction setting app.site_id, so a query with no site set sees nothing.

create table sites (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(name) between 1 and 200),
  timezone text not null,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email)),
  display_name text not null,
  password_hash text not null,
  locked_at timestamptz,
  mfa_secret text,
  mfa_enabled_at timestamptz,
  created_at timestamptz not null default now()
);

create table login_failures (
  user_id uuid not null references users (id) on delete cascade,
  failed_at timestamptz not null
);
create index login_failures_user_time on login_failures (user_id, failed_at);

create table mfa_recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

create table memberships (
  site_id uuid not null references sites (id),
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in (
    'officer', 'community_referrer', 'case_manager', 'outreach', 'peer_support',
    'program_manager', 'prosecutor', 'provider', 'analyst', 'admin')),
  created_at timestamptz not null default now(),
  primary key (site_id, user_id, role)
);
create index memberships_user on memberships (user_id);
alter table memberships enable row level security;
alter table memberships force row level security;
-- A member's own memberships are visible to them (to list their sites at login); a site's to that site.
create policy memberships_site on memberships
  using (
    site_id = nullif(current_setting('app.site_id', true), '')::uuid
    or user_id = nullif(current_setting('app.user_id', true), '')::uuid)
  with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  mfa_state text not null check (mfa_state in ('not_required', 'pending', 'enrolment_required', 'verified')),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  ended_at timestamptz
);
create index sessions_user on sessions (user_id);

create table idempotency_keys (
  user_id uuid not null references users (id) on delete cascade,
  key text not null,
  request_hash text not null,
  state text not null check (state in ('running', 'done')),
  response_status integer,
  response_body jsonb,
  created_at timestamptz not null,
  primary key (user_id, key)
);

create table audit_log (
  seq bigint primary key,
  occurred_at timestamptz not null,
  user_id uuid,
  role text,
  site_id uuid,
  action text not null,
  resource_type text,
  resource_id text,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  request_id text,
  previous_hash text not null,
  hash text not null unique
);
create index audit_log_site_time on audit_log (site_id, occurred_at);

-- Append-only: no role the application runs as may change or remove a row.
revoke update, delete, truncate on audit_log from public;
revoke update, delete, truncate on audit_log from current_user;
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
