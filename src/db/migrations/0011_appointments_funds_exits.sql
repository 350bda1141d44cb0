-- Appointments with reminders, the discretionary funds ledger, and exits (PRODUCT.md steps 6 and 7).
-- An appointment is when, where, with whom (free text, optionally a partner service from the
-- directory, which is not a foreign key here) and why; its status is scheduled, attended, missed or
-- cancelled, recorded by the care team. Reminders are timers (kind 'appointment_reminder', one per
-- offset) that write outbox messages; the offsets are a site setting, and a site may exit someone
-- after N consecutive missed appointments (off by default).
-- Funds: each entry is money spent for a participant (amount in cents, > 0) from one of the site's
-- funding sources, in one category; a correction is a reversing entry, never an update or delete.
-- Site-scoped: site_id in every key, FORCEd row-level security.

alter table site_settings
  add column appointment_reminder_hours integer[] not null default '{24,2}'
    check (cardinality(appointment_reminder_hours) <= 6
      and array_position(appointment_reminder_hours, null) is null
      and 1 <= all (appointment_reminder_hours)
      and 336 >= all (appointment_reminder_hours)),
  add column missed_appointments_exit integer check (missed_appointments_exit between 1 and 20);

-- Which exit reason an 'exited' step recorded (the free-text note stays in reason).
alter table participant_status_events
  add column exit_reason text check (exit_reason ~ '^[a-z_]{1,40}$');

create table appointments (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  participant_id uuid not null,
  starts_at timestamptz not null,
  place text not null check (length(place) between 1 and 300),
  with_whom text not null check (length(with_whom) between 1 and 200),
  -- The partner directory's service, when the appointment is with one (no foreign key: another table).
  partner_service_id uuid,
  purpose text not null check (length(purpose) between 1 and 500),
  status text not null default 'scheduled' check (status in ('scheduled', 'attended', 'missed', 'cancelled')),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  -- Who recorded the status (attendance or cancellation), and when.
  status_by uuid references users (id),
  status_at timestamptz,
  primary key (site_id, id),
  foreign key (site_id, participant_id) references participants (site_id, id),
  check ((status = 'scheduled') = (status_at is null))
);
create index appointments_participant on appointments (site_id, participant_id, starts_at);
create index appointments_scheduled on appointments (site_id, starts_at) where status = 'scheduled';

create table funding_sources (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 120),
  active boolean not null default true,
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  primary key (site_id, id)
);
create unique index funding_sources_name on funding_sources (site_id, lower(name));

create table fund_entries (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  participant_id uuid not null,
  -- 'spend', or 'reversal' of the entry in reverses_id (same amount, category and source).
  kind text not null check (kind in ('spend', 'reversal')),
  reverses_id uuid,
  entry_date date not null,
  amount_cents bigint not null check (amount_cents > 0 and amount_cents <= 10000000),
  category text not null check (category in ('phone_service', 'transport', 'housing_deposit', 'id_fees', 'food', 'other')),
  funding_source_id uuid not null,
  note text check (length(note) between 1 and 500),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  primary key (site_id, id),
  foreign key (site_id, participant_id) references participants (site_id, id),
  foreign key (site_id, funding_source_id) references funding_sources (site_id, id),
  foreign key (site_id, reverses_id) references fund_entries (site_id, id),
  check ((kind = 'reversal') = (reverses_id is not null)),
  -- An entry is reversed at most once.
  unique (site_id, reverses_id)
);
create index fund_entries_participant on fund_entries (site_id, participant_id, entry_date);
create index fund_entries_date on fund_entries (site_id, entry_date);

-- Entries are never changed or removed: a correction is a reversing entry. (A trigger rather than a
-- revoked UPDATE privilege: the reversal's foreign key to its entry needs a row lock, which needs it.)
create function fund_entries_append_only() returns trigger language plpgsql as $fn$
begin
  raise exception 'fund entries are never changed or removed; record a reversing entry';
end
$fn$;
create trigger fund_entries_append_only before update or delete on fund_entries
  for each row execute function fund_entries_append_only();
revoke truncate on fund_entries from public;
revoke truncate on fund_entries from current_user;

do $$
declare
  scoped text;
begin
  foreach scoped in array array['appointments', 'funding_sources', 'fund_entries']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
