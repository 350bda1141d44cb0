-- Participants and their releases of information (42 CFR Part 2, section 2.31).
-- A participant is a person the program works with: created when a case manager starts the intake
-- of an accepted referral ('intake'), enrolled when the intake completes with a signed release,
-- exited with a reason, and re-entered. Every change is a participant_status_events row.
-- A release names who may disclose, what (categories), to whom (several recipients), why, how to
-- revoke, when it expires (a date or an event), and the person's signature and date. Revoking one
-- sets revoked_at; every read of what a recipient may see checks it at that moment.
-- Site-scoped: site_id in every key, FORCEd row-level security.

create table participants (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  -- The referral that brought the person in (the latest one, on re-entry).
  referral_id uuid not null,
  status text not null check (status in ('intake', 'enrolled', 'exited')),
  -- The assigned case manager (caseloads count these).
  case_manager_id uuid references users (id),
  created_at timestamptz not null,
  enrolled_at timestamptz,
  exited_at timestamptz,
  exit_reason text check (exit_reason ~ '^[a-z_]{1,40}$'),
  -- The latest logged contact, kept with the contact log, so engagement is a comparison, not a scan.
  last_contact_at timestamptz,
  primary key (site_id, id),
  unique (site_id, person_id),
  foreign key (site_id, person_id) references people (site_id, id),
  foreign key (site_id, referral_id) references referrals (site_id, id)
);
create index participants_case_manager on participants (site_id, case_manager_id) where status <> 'exited';

create table participant_status_events (
  site_id uuid not null,
  participant_id uuid not null,
  seq integer not null check (seq >= 1),
  -- intake_started, enrolled, exited, re_entered
  event text not null check (event ~ '^[a-z_]{1,40}$'),
  from_status text,
  to_status text not null,
  reason text check (length(reason) between 1 and 500),
  user_id uuid references users (id),
  at timestamptz not null,
  primary key (site_id, participant_id, seq),
  foreign key (site_id, participant_id) references participants (site_id, id)
);

create table releases (
  site_id uuid not null,
  id uuid not null default gen_random_uuid(),
  participant_id uuid not null,
  -- The name of the person whose records are disclosed, as they gave it on the form.
  person_name text not null check (length(person_name) between 1 and 200),
  -- Who may disclose (the program, by name).
  discloser text not null check (length(discloser) between 1 and 200),
  -- What may be disclosed: enrolment_status, engagement_level, attendance, treatment_information,
  -- service_referrals, appointments, contact_information (the contract lists them).
  categories text[] not null check (cardinality(categories) >= 1),
  purpose text not null check (length(purpose) between 1 and 1000),
  -- The right to revoke, and how, as the person was told it.
  revocation_terms text not null check (length(revocation_terms) between 1 and 1000),
  expires_on date,
  expiry_event text check (length(expiry_event) between 1 and 300),
  signature_kind text not null check (signature_kind in ('typed', 'drawn')),
  -- The typed name, or the drawn signature as a PNG data URL.
  signature text not null check (length(signature) between 1 and 200000),
  signed_on date not null,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  revocation_note text check (length(revocation_note) between 1 and 500),
  primary key (site_id, id),
  foreign key (site_id, participant_id) references participants (site_id, id),
  check (expires_on is not null or expiry_event is not null),
  check ((revoked_at is null) = (revoked_by is null))
);
create index releases_participant on releases (site_id, participant_id);

create table release_recipients (
  site_id uuid not null,
  release_id uuid not null,
  position integer not null check (position >= 1),
  -- arresting_agency, district_attorney, provider_organization, named_party
  kind text not null check (kind in ('arresting_agency', 'district_attorney', 'provider_organization', 'named_party')),
  -- The partner organization (the directory's organization id) when kind is provider_organization.
  organization_id uuid,
  name text not null check (length(name) between 1 and 200),
  primary key (site_id, release_id, position),
  foreign key (site_id, release_id) references releases (site_id, id),
  check ((kind = 'provider_organization') = (organization_id is not null))
);
create index release_recipients_organization on release_recipients (site_id, organization_id)
  where organization_id is not null;

-- Ways to reach a person (from intake, or a public contact request), and whether reminders may use
-- each. Kept on the person, so a reminder before intake can use what they gave when referred.
create table person_contact_methods (
  site_id uuid not null,
  person_id uuid not null,
  position integer not null check (position >= 1),
  kind text not null check (kind in ('sms', 'phone', 'email', 'other')),
  value text not null check (length(value) between 1 and 200),
  -- e.g. "a friend's phone, ask for Sam", "leave no message"
  note text check (length(note) between 1 and 300),
  reminders_allowed boolean not null default false,
  primary key (site_id, person_id, position),
  foreign key (site_id, person_id) references people (site_id, id)
);

do $$
declare
  scoped text;
begin
  foreach scoped in array array['participants', 'participant_status_events', 'releases', 'release_recipients',
    'person_contact_methods']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
