-- Screening and referral: per-site versioned rule sets, people, encounters with their screenings
-- and per-rule outcomes, demographics with their source, referrals and their status history.
-- Every table is site-scoped: site_id in the key, FORCEd row-level security.

create table site_settings (
  site_id uuid primary key references sites (id),
  prosecutor_approval_required boolean not null default false,
  current_rule_set_id uuid
);

create table rule_sets (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (name ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  version integer not null check (version >= 1),
  rules jsonb not null,
  created_at timestamptz not null,
  created_by uuid references users (id),
  primary key (site_id, id),
  unique (site_id, name, version)
);
alter table site_settings add foreign key (site_id, current_rule_set_id) references rule_sets (site_id, id);

create table eligible_charges (
  site_id uuid not null references sites (id),
  code text not null check (code ~ '^[A-Z0-9_]{1,40}$'),
  statute text not null,
  description text not null,
  active boolean not null default true,
  primary key (site_id, code)
);

create table people (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  name_or_alias text not null check (length(name_or_alias) between 1 and 200),
  date_of_birth date,
  approximate_age integer check (approximate_age between 0 and 120),
  created_at timestamptz not null,
  primary key (site_id, id)
);

create table encounters (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  pathway text not null check (pathway in ('arrest_diversion', 'social_contact', 'community_referral', 'self_referral')),
  recorded_by uuid references users (id),
  incident_number text check (length(incident_number) between 1 and 60),
  charge_codes text[] not null default '{}',
  area text check (length(area) <= 100),
  occurred_at timestamptz not null,
  recorded_at timestamptz not null,
  primary key (site_id, id),
  foreign key (site_id, person_id) references people (site_id, id),
  check (pathway <> 'arrest_diversion' or incident_number is not null)
);
create index encounters_recorded_by on encounters (site_id, recorded_by, occurred_at desc);

create table screenings (
  site_id uuid not null,
  encounter_id uuid not null,
  rule_set_id uuid not null,
  screened_on date not null,
  answers jsonb not null,
  status text not null check (status in ('eligible', 'ineligible', 'needs_information')),
  decided_by text[] not null,
  screened_at timestamptz not null,
  primary key (site_id, encounter_id),
  foreign key (site_id, encounter_id) references encounters (site_id, id),
  foreign key (site_id, rule_set_id) references rule_sets (site_id, id)
);

create table screening_rule_outcomes (
  site_id uuid not null,
  encounter_id uuid not null,
  position integer not null,
  rule_code text not null,
  outcome text not null check (outcome in ('pass', 'fail', 'unknown')),
  primary key (site_id, encounter_id, position),
  foreign key (site_id, encounter_id) references screenings (site_id, encounter_id)
);
create index screening_rule_outcomes_rule on screening_rule_outcomes (site_id, rule_code, outcome);

-- Race (several answers allowed), ethnicity and gender, each either answered or recorded as why
-- not (HUD HMIS: client doesn't know, prefers not to answer, data not collected); never blank.
create table demographic_reports (
  site_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  encounter_id uuid,
  source text not null check (source in ('officer_perceived', 'self_reported')),
  race text[] check (cardinality(race) > 0),
  race_missing text check (race_missing in ('doesnt_know', 'prefers_not_to_answer', 'not_collected')),
  ethnicity text check (ethnicity in ('hispanic_latino', 'not_hispanic_latino')),
  ethnicity_missing text check (ethnicity_missing in ('doesnt_know', 'prefers_not_to_answer', 'not_collected')),
  gender text[] check (cardinality(gender) > 0),
  gender_missing text check (gender_missing in ('doesnt_know', 'prefers_not_to_answer', 'not_collected')),
  recorded_at timestamptz not null,
  recorded_by uuid references users (id),
  primary key (site_id, id),
  foreign key (site_id, person_id) references people (site_id, id),
  foreign key (site_id, encounter_id) references encounters (site_id, id),
  check ((race is null) <> (race_missing is null)),
  check ((ethnicity is null) <> (ethnicity_missing is null)),
  check ((gender is null) <> (gender_missing is null))
);

create table referrals (
  site_id uuid not null,
  id uuid not null default gen_random_uuid(),
  encounter_id uuid not null,
  person_id uuid not null,
  -- A cache of the newest row in referral_status_changes, written by the lifecycle use case only.
  status text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (site_id, id),
  unique (site_id, encounter_id),
  foreign key (site_id, encounter_id) references encounters (site_id, id),
  foreign key (site_id, person_id) references people (site_id, id)
);
create index referrals_status on referrals (site_id, status, created_at);

create table referral_status_changes (
  site_id uuid not null,
  referral_id uuid not null,
  seq integer not null,
  from_status text,
  to_status text not null,
  reason text,
  changed_at timestamptz not null,
  changed_by uuid references users (id),
  primary key (site_id, referral_id, seq),
  foreign key (site_id, referral_id) references referrals (site_id, id)
);

-- How to reach someone who asked for contact through the public page.
create table contact_requests (
  site_id uuid not null,
  referral_id uuid not null,
  requester text not null check (requester in ('self', 'family', 'friend', 'service_provider', 'other')),
  phone text,
  email text,
  best_time text,
  message text check (length(message) <= 2000),
  created_at timestamptz not null,
  primary key (site_id, referral_id),
  foreign key (site_id, referral_id) references referrals (site_id, id)
);

do $$
declare
  scoped text;
begin
  foreach scoped in array array['site_settings', 'rule_sets', 'eligible_charges', 'people', 'encounters', 'screenings',
    'screening_rule_outcomes', 'demographic_reports', 'referrals', 'referral_status_changes', 'contact_requests']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
