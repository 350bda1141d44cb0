-- Warm hand-offs: an officer with an accepted referral asks the on-call responder to come (or call).
-- The hand-off is offered to the on-call person at level 1 (primary); unacknowledged within the
-- site's limit it escalates to level 2 (backup), then 3 (mobile crisis or program manager), and then
-- stays unanswered. Every step is a handoff_events row with its time. Site-scoped: site_id in every
-- key, FORCEd row-level security.

alter table site_settings
  add column handoff_acknowledge_minutes integer not null default 5 check (handoff_acknowledge_minutes between 1 and 120);

create table handoffs (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  referral_id uuid not null,
  requested_by uuid not null references users (id),
  mode text not null check (mode in ('in_person', 'phone')),
  requested_at timestamptz not null,
  state text not null check (state in ('requested', 'acknowledged', 'en_route', 'arrived', 'handed_off_by_phone', 'unable', 'unanswered')),
  current_level integer not null check (current_level between 1 and 3),
  -- Who it is offered to now (null when no one is on call), or who acknowledged it.
  responder_user_id uuid references users (id),
  eta_minutes integer check (eta_minutes between 0 and 600),
  -- The time of the latest step, so a queue and the officer's screen sort and refresh cheaply.
  updated_at timestamptz not null,
  primary key (site_id, id),
  foreign key (site_id, referral_id) references referrals (site_id, id)
);
create index handoffs_open on handoffs (site_id, requested_at)
  where state in ('requested', 'acknowledged', 'en_route', 'unanswered');
create index handoffs_referral on handoffs (site_id, referral_id);

create table handoff_events (
  site_id uuid not null,
  handoff_id uuid not null,
  seq integer not null check (seq >= 1),
  -- request, escalate, acknowledge, en_route, arrived, by_phone, unable
  event text not null check (event ~ '^[a-z_]{1,40}$'),
  from_state text,
  to_state text not null,
  level integer not null check (level between 1 and 3),
  -- For request and escalate: who it was offered to (null: no one on call at that level);
  -- otherwise who took the step.
  user_id uuid references users (id),
  at timestamptz not null,
  eta_minutes integer check (eta_minutes between 0 and 600),
  reason text check (length(reason) between 1 and 500),
  primary key (site_id, handoff_id, seq),
  foreign key (site_id, handoff_id) references handoffs (site_id, id)
);

do $$
declare
  scoped text;
begin
  foreach scoped in array array['handoffs', 'handoff_events']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
