-- Intake deadlines. Each site sets how many days after acceptance the intake must happen, per
-- pathway; each accepted referral keeps its deadline (computed at acceptance), when its intake was
-- completed (filled by a later feature), and, for an arrest diversion whose deadline passed, the
-- prosecutor's decision. Site-scoped: site_id in the key, FORCEd row-level security.

alter table site_settings
  add column intake_days_arrest_diversion integer not null default 30 check (intake_days_arrest_diversion between 1 and 365),
  add column intake_days_social_contact integer not null default 14 check (intake_days_social_contact between 1 and 365),
  add column intake_days_community_referral integer not null default 14 check (intake_days_community_referral between 1 and 365),
  add column intake_days_self_referral integer not null default 14 check (intake_days_self_referral between 1 and 365);

create table intake_deadlines (
  site_id uuid not null,
  referral_id uuid not null,
  accepted_at timestamptz not null,
  due_at timestamptz not null,
  intake_completed_at timestamptz,
  prosecutor_decision text check (prosecutor_decision in ('declined_to_file', 'filed')),
  decided_at timestamptz,
  decided_by uuid references users (id),
  primary key (site_id, referral_id),
  foreign key (site_id, referral_id) references referrals (site_id, id),
  check ((prosecutor_decision is null) = (decided_at is null))
);
create index intake_deadlines_due on intake_deadlines (site_id, due_at);

alter table intake_deadlines enable row level security;
alter table intake_deadlines force row level security;
create policy intake_deadlines_site on intake_deadlines
  using (site_id = nullif(current_setting('app.site_id', true), '')::uuid)
  with check (site_id = nullif(current_setting('app.site_id', true), '')::uuid);
