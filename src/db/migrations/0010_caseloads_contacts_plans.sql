-- Caseloads, the contact log and the participant's plan.
-- Caseloads: each staff member has an FTE at a site (1.0 unless set); the site caps a caseload at an
-- average per FTE and a hard maximum per person. Every assignment of a case manager is a row in
-- case_manager_assignments (who, by whom, and the program manager's reason when over the cap).
-- Contacts: an append-only log (a correction is a new entry naming the one it corrects); logging one
-- moves participants.last_contact_at forward. Engagement is derived from it, never stored.
-- Plan: goals in the person's own words, linked to needs, each change a plan_goal_events row.
-- Site-scoped: site_id in every key, FORCEd row-level security.

alter table site_settings
  add column caseload_average_per_fte integer not null default 20 check (caseload_average_per_fte between 1 and 200),
  add column caseload_hard_max integer not null default 25 check (caseload_hard_max between 1 and 500),
  add column engagement_inactive_days integer not null default 30 check (engagement_inactive_days between 1 and 3650),
  add column engagement_in_the_wind_days integer not null default 90 check (engagement_in_the_wind_days between 2 and 3650),
  add constraint site_settings_engagement_order check (engagement_in_the_wind_days > engagement_inactive_days);

create table staff_capacity (
  site_id uuid not null references sites (id),
  user_id uuid not null references users (id),
  fte numeric(3, 2) not null default 1.00 check (fte > 0 and fte <= 1),
  updated_at timestamptz not null,
  updated_by uuid references users (id),
  primary key (site_id, user_id)
);

create table case_manager_assignments (
  site_id uuid not null,
  participant_id uuid not null,
  seq integer not null check (seq >= 1),
  case_manager_id uuid not null references users (id),
  previous_case_manager_id uuid references users (id),
  assigned_by uuid not null references users (id),
  assigned_at timestamptz not null,
  -- The load of the new case manager before this assignment, and the hard maximum then.
  load_before integer not null check (load_before >= 0),
  hard_max integer not null,
  -- Set only when a program manager assigned over the hard maximum.
  override_reason text check (length(override_reason) between 1 and 500),
  primary key (site_id, participant_id, seq),
  foreign key (site_id, participant_id) references participants (site_id, id)
);

create table participant_contacts (
  site_id uuid not null,
  id uuid not null default gen_random_uuid(),
  participant_id uuid not null,
  kind text not null check (kind in ('field', 'office', 'phone', 'text', 'collateral')),
  occurred_at timestamptz not null,
  duration_minutes integer check (duration_minutes between 0 and 1440),
  note text check (length(note) between 1 and 4000),
  logged_by uuid not null references users (id),
  logged_at timestamptz not null,
  -- A correction names the entry it corrects (entries are never edited).
  corrects_contact_id uuid,
  primary key (site_id, id),
  foreign key (site_id, participant_id) references participants (site_id, id),
  foreign key (site_id, corrects_contact_id) references participant_contacts (site_id, id)
);
create index participant_contacts_participant on participant_contacts (site_id, participant_id, occurred_at desc);

-- The staff present at a contact (the logger unless others are named).
create table participant_contact_staff (
  site_id uuid not null,
  contact_id uuid not null,
  user_id uuid not null references users (id),
  primary key (site_id, contact_id, user_id),
  foreign key (site_id, contact_id) references participant_contacts (site_id, id)
);

create table plan_goals (
  site_id uuid not null,
  id uuid not null default gen_random_uuid(),
  participant_id uuid not null,
  -- The goal as the person said it.
  goal text not null check (length(goal) between 1 and 1000),
  needs text[] not null default '{}' check (needs <@ array['food', 'shelter_housing', 'id_documents', 'benefits',
    'medical', 'behavioral_health', 'moud', 'harm_reduction_supplies_naloxone', 'transportation', 'phone',
    'legal', 'employment']::text[]),
  status text not null check (status in ('not_started', 'in_progress', 'achieved', 'set_aside')),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (site_id, id),
  foreign key (site_id, participant_id) references participants (site_id, id)
);
create index plan_goals_participant on plan_goals (site_id, participant_id);

create table plan_goal_events (
  site_id uuid not null,
  goal_id uuid not null,
  seq integer not null check (seq >= 1),
  -- created, status_changed, reworded, needs_changed (several in one change: one row each)
  event text not null check (event in ('created', 'status_changed', 'reworded', 'needs_changed')),
  from_status text,
  to_status text,
  goal text,
  needs text[],
  note text check (length(note) between 1 and 1000),
  user_id uuid not null references users (id),
  at timestamptz not null,
  primary key (site_id, goal_id, seq),
  foreign key (site_id, goal_id) references plan_goals (site_id, id)
);

do $$
declare
  scoped text;
begin
  foreach scoped in array array['staff_capacity', 'case_manager_assignments', 'participant_contacts',
    'participant_contact_staff', 'plan_goals', 'plan_goal_events']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
