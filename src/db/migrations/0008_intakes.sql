-- Intakes. A case manager starts the intake of an accepted referral (creating the participant, see
-- 0007), saves it as a draft as often as the day allows, and completes it once a signed release of
-- information is in force; completing enrols the participant and the referral. One intake per
-- participant. Needs by domain are rows (one per domain), so they can be counted. Self-reported
-- demographics wait here as a draft and become a demographic_reports row (source self_reported)
-- when the intake completes. Site-scoped: site_id in every key, FORCEd row-level security.

create table intakes (
  site_id uuid not null,
  participant_id uuid not null,
  state text not null check (state in ('draft', 'completed')),
  -- "What do you need right now?", in the person's words.
  needed_now text check (length(needed_now) between 1 and 2000),
  immediate_needs text check (length(immediate_needs) between 1 and 2000),
  priorities text check (length(priorities) between 1 and 2000),
  -- The self-reported demographics as last saved: {race, raceMissing, ethnicity, ...} (HMIS codes).
  demographics jsonb,
  started_at timestamptz not null,
  started_by uuid not null references users (id),
  updated_at timestamptz not null,
  updated_by uuid not null references users (id),
  completed_at timestamptz,
  completed_by uuid references users (id),
  primary key (site_id, participant_id),
  foreign key (site_id, participant_id) references participants (site_id, id),
  check ((state = 'completed') = (completed_at is not null)),
  check ((completed_at is null) = (completed_by is null))
);

create table intake_needs (
  site_id uuid not null,
  participant_id uuid not null,
  domain text not null check (domain in ('food', 'shelter_housing', 'id_documents', 'benefits', 'medical',
    'behavioral_health', 'moud', 'harm_reduction_supplies_naloxone', 'transportation', 'phone', 'legal',
    'employment')),
  level text not null check (level in ('none', 'some', 'urgent')),
  notes text check (length(notes) between 1 and 1000),
  primary key (site_id, participant_id, domain),
  foreign key (site_id, participant_id) references intakes (site_id, participant_id)
);

do $$
declare
  scoped text;
begin
  foreach scoped in array array['intakes', 'intake_needs']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
