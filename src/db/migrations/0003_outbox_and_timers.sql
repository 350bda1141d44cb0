-- Messages and timers. Outgoing e-mail and SMS are written to outbox_messages in the same
-- transaction as the event that causes them and sent later by a worker; timers (escalations,
-- deadlines, reminders) are rows with a due time, so they survive a restart. Both are site-scoped:
-- site_id in the key, FORCEd row-level security; the worker works one site at a time.

create table outbox_messages (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null check (length(recipient) between 1 and 320),
  subject text check (length(subject) <= 300),
  body text not null check (length(body) between 1 and 100000),
  -- What the message is for ('handoff.requested', 'intake.reminder', ...), for counts and tracing.
  purpose text not null check (purpose ~ '^[a-z][a-z0-9_.-]{0,62}$'),
  created_at timestamptz not null,
  state text not null default 'pending' check (state in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null,
  -- The transport's error, trimmed and without the message's recipient or body.
  last_error text check (length(last_error) <= 300),
  sent_at timestamptz,
  -- A claim is a lease: a worker that dies mid-send leaves a claim that expires, and the message
  -- becomes claimable again.
  claimed_by text,
  claimed_until timestamptz,
  primary key (site_id, id),
  check ((state = 'sending') = (claimed_until is not null)),
  check ((state = 'sent') = (sent_at is not null))
);
create index outbox_messages_due on outbox_messages (site_id, next_attempt_at) where state = 'pending';
create index outbox_messages_claimed on outbox_messages (site_id, claimed_until) where state = 'sending';

create table timers (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{0,62}$'),
  subject_id uuid not null,
  due_at timestamptz not null,
  state text not null default 'scheduled' check (state in ('scheduled', 'fired', 'cancelled')),
  fired_at timestamptz,
  attempts integer not null default 0 check (attempts >= 0),
  -- Not claimable before this: the back-off after a handler failed.
  claimed_until timestamptz,
  last_error text check (length(last_error) <= 300),
  payload jsonb not null default '{}',
  created_at timestamptz not null,
  primary key (site_id, id),
  -- Scheduling the same timer twice (a retried request) keeps one.
  unique (site_id, kind, subject_id),
  check ((state = 'fired') = (fired_at is not null))
);
create index timers_due on timers (site_id, due_at) where state = 'scheduled';

do $$
declare
  scoped text;
begin
  foreach scoped in array array['outbox_messages', 'timers']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
