-- The partner directory (modelled on Open Referral HSDS 3.0) and closed-loop service referrals.
-- Directory rows keep the columns the app searches, shows and edits; `hsds` keeps the rest of the
-- HSDS object exactly as imported (fields we do not model, nested objects we do not split out), so
-- an export gives back what was imported. An HSDS id is the row's id (unique within a site).
-- Phones, languages and schedules belong to one owner (organization, service, location or service
-- at location); HSDS files reuse their ids across owners, so their key is the owner and position.
-- Site-scoped: site_id in every key, FORCEd row-level security.

create table directory_organizations (
  site_id uuid not null references sites (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 300),
  alternate_name text check (length(alternate_name) <= 300),
  description text not null check (length(description) <= 10000),
  email text check (length(email) <= 300),
  website text check (length(website) <= 1000),
  hsds jsonb not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (site_id, id)
);

create table directory_services (
  site_id uuid not null,
  id uuid not null default gen_random_uuid(),
  organization_id uuid not null,
  name text not null check (length(name) between 1 and 300),
  alternate_name text check (length(alternate_name) <= 300),
  description text check (length(description) <= 10000),
  email text check (length(email) <= 300),
  url text check (length(url) <= 1000),
  status text not null check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
  -- The needs the service meets (the intake's need domains), for the care team's search.
  categories text[] not null default '{}',
  capacity text not null default 'accepting' check (capacity in ('accepting', 'waitlist', 'full')),
  capacity_updated_at timestamptz,
  capacity_updated_by uuid references users (id),
  hsds jsonb not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (site_id, id),
  foreign key (site_id, organization_id) references directory_organizations (site_id, id)
);
create index directory_services_organization on directory_services (site_id, organization_id);

create table directory_locations (
  site_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- HSDS allows a location no organization claims.
  organization_id uuid,
  name text check (length(name) <= 300),
  -- The first address, for display and search; every address stays in hsds.addresses.
  address_1 text check (length(address_1) <= 300),
  city text check (length(city) <= 200),
  state_province text check (length(state_province) <= 100),
  postal_code text check (length(postal_code) <= 40),
  hsds jsonb not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (site_id, id),
  foreign key (site_id, organization_id) references directory_organizations (site_id, id)
);

create table directory_service_locations (
  site_id uuid not null,
  id uuid not null default gen_random_uuid(),
  service_id uuid not null,
  location_id uuid not null,
  hsds jsonb not null default '{}',
  primary key (site_id, id),
  foreign key (site_id, service_id) references directory_services (site_id, id),
  foreign key (site_id, location_id) references directory_locations (site_id, id)
);
create index directory_service_locations_service on directory_service_locations (site_id, service_id);

create table directory_phones (
  site_id uuid not null references sites (id),
  owner_kind text not null check (owner_kind in ('organization', 'service', 'location', 'service_at_location')),
  owner_id uuid not null,
  position integer not null check (position >= 1),
  id uuid not null,
  number text not null check (length(number) between 1 and 100),
  extension text check (length(extension) <= 40),
  type text check (length(type) <= 40),
  description text check (length(description) <= 1000),
  hsds jsonb not null default '{}',
  primary key (site_id, owner_kind, owner_id, position)
);

create table directory_languages (
  site_id uuid not null references sites (id),
  owner_kind text not null check (owner_kind in ('service', 'location')),
  owner_id uuid not null,
  position integer not null check (position >= 1),
  id uuid not null,
  name text check (length(name) <= 200),
  code text check (length(code) <= 40),
  hsds jsonb not null default '{}',
  primary key (site_id, owner_kind, owner_id, position)
);
create index directory_languages_code on directory_languages (site_id, code);

create table directory_schedules (
  site_id uuid not null references sites (id),
  owner_kind text not null check (owner_kind in ('service', 'location', 'service_at_location')),
  owner_id uuid not null,
  position integer not null check (position >= 1),
  id uuid not null,
  description text check (length(description) <= 2000),
  byday text check (length(byday) <= 100),
  opens_at text check (length(opens_at) <= 40),
  closes_at text check (length(closes_at) <= 40),
  hsds jsonb not null default '{}',
  primary key (site_id, owner_kind, owner_id, position)
);

-- A provider user's organization at a site (one), set by a program manager or an admin.
create table provider_organizations (
  site_id uuid not null,
  user_id uuid not null references users (id),
  organization_id uuid not null,
  set_by uuid not null references users (id),
  set_at timestamptz not null,
  primary key (site_id, user_id),
  foreign key (site_id, organization_id) references directory_organizations (site_id, id)
);
create index provider_organizations_organization on provider_organizations (site_id, organization_id);

-- A participant referred to a partner service; statuses modelled on FHIR Task.
create table service_referrals (
  site_id uuid not null,
  id uuid not null default gen_random_uuid(),
  participant_id uuid not null,
  service_id uuid not null,
  -- The service's organization (the recipient), kept for the provider's list.
  organization_id uuid not null,
  status text not null check (status in ('requested', 'received', 'accepted', 'rejected', 'in_progress',
    'on_hold', 'completed', 'cancelled', 'failed')),
  note text check (length(note) between 1 and 1000),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (site_id, id),
  foreign key (site_id, participant_id) references participants (site_id, id),
  foreign key (site_id, service_id) references directory_services (site_id, id),
  foreign key (site_id, organization_id) references directory_organizations (site_id, id)
);
create index service_referrals_participant on service_referrals (site_id, participant_id, created_at desc);
create index service_referrals_organization on service_referrals (site_id, organization_id, updated_at desc);

create table service_referral_events (
  site_id uuid not null,
  service_referral_id uuid not null,
  seq integer not null check (seq >= 1),
  from_status text,
  to_status text not null,
  reason text not null check (length(reason) between 1 and 500),
  user_id uuid not null references users (id),
  at timestamptz not null,
  primary key (site_id, service_referral_id, seq),
  foreign key (site_id, service_referral_id) references service_referrals (site_id, id)
);

do $$
declare
  scoped text;
begin
  foreach scoped in array array['directory_organizations', 'directory_services', 'directory_locations',
    'directory_service_locations', 'directory_phones', 'directory_languages', 'directory_schedules',
    'provider_organizations', 'service_referrals', 'service_referral_events']
  loop
    execute format('alter table %I enable row level security', scoped);
    execute format('alter table %I force row level security', scoped);
    execute format($policy$create policy %I on %I
      using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
      with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid)$policy$, scoped || '_site', scoped);
  end loop;
end $$;
