-- Hand-off figures and intake reminders. Each site sets its warm hand-off target (request to
-- arrival or phone hand-off, default 30 minutes, the LEAD Support Bureau's guidance), the days
-- before an intake deadline on which reminders go out (default 7 and 2), and the program's phone
-- number that reminders to a person give. Staff may give a mobile number for SMS alerts
-- (hand-offs offered to them, intake reminders), per site, set by themselves or a program manager.
-- Site-scoped: site_id in every key, FORCEd row-level security.

alter table site_settings
  add column handoff_target_minutes integer not null default 30 check (handoff_target_minutes between 5 and 240),
  add column intake_reminder_days integer[] not null default '{7,2}' check (
    cardinality(intake_reminder_days) <= 5
    and array_position(intake_reminder_days, null) is null
    and 1 <= all (intake_reminder_days)
    and 90 >= all (intake_reminder_days)
  ),
  add column reminder_phone text check (reminder_phone ~ '^[0-9+() .-]{3,30}$');

create table staff_contacts (
  site_id uuid not null references sites (id),
  user_id uuid not null references users (id),
  -- E.164: a plus, the country code and the number, digits only.
  sms_number text check (sms_number ~ '^\+[1-9][0-9]{6,14}$'),
  sms_enabled boolean not null default false,
  updated_at timestamptz not null,
  updated_by uuid references users (id),
  primary key (site_id, user_id),
  check (not sms_enabled or sms_number is not null)
);

do $$
declare
  scoped text;
begin
  foreach scoped in array array['staff_contacts']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
