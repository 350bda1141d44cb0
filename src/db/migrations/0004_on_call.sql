-- On call: a per-site weekly pattern of shifts in the site's local time, and overrides (swaps,
-- holidays) as instants that replace the pattern for their level and time. Escalation levels:
-- 1 primary, 2 backup, 3 mobile crisis or the program manager. Every table is site-scoped:
-- site_id in the key, FORCEd row-level security.

create table on_call_pattern (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  weekday integer not null check (weekday between 0 and 6),
  -- Local wall-clock times; a shift whose end is not after its start ends on the next day.
  starts_at text not null check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  ends_at text not null check (ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  user_id uuid not null references users (id),
  escalation_level integer not null check (escalation_level between 1 and 3),
  primary key (site_id, id)
);
create index on_call_pattern_weekday on on_call_pattern (site_id, weekday, starts_at);

create table on_call_overrides (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  escalation_level integer not null check (escalation_level between 1 and 3),
  -- No one: a holiday gap at this level.
  user_id uuid references users (id),
  reason text not null check (length(reason) between 1 and 500),
  created_by uuid references users (id),
  created_at timestamptz not null,
  primary key (site_id, id),
  check (ends_at > starts_at)
);
create index on_call_overrides_ends on on_call_overrides (site_id, ends_at);

do $$
declare
  scoped text;
begin
  foreach scoped in array array['on_call_pattern', 'on_call_overrides']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
