import { sql } from 'kysely';
import type { Tx } from '../scope.ts';

export type FunnelDimension = 'pathway' | 'race' | 'ethnicity' | 'gender';

export type FunnelRow = {
  value: string;
  screened: number;
  eligible: number;
  ineligible: number;
  needsInformation: number;
  offered: number;
  accepted: number;
  declined: number;
  notOfferedIneligible: number;
  notOfferedOther: number;
};

const DIMENSIONS: Record<FunnelDimension, ReturnType<typeof sql.raw>> = {
  pathway: sql.raw('base.pathway'),
  race: sql.raw("unnest(coalesce(d.race, array['missing:' || d.race_missing]))"),
  ethnicity: sql.raw("coalesce(d.ethnicity, 'missing:' || d.ethnicity_missing)"),
  gender: sql.raw("unnest(coalesce(d.gender, array['missing:' || d.gender_missing]))"),
};

/**
 * Every screening counted by one dimension, with how far each got (from the status history, so a
 * referral that went on counts as offered too). Demographics are the officer-perceived ones recorded
 * with the encounter; a person with several races counts once under each.
 */
export async function countScreeningFunnel(
  tx: Tx,
  siteId: string,
  dimension: FunnelDimension,
  period: { from: Date; to: Date },
): Promise<FunnelRow[]> {
  const reached = (condition: string) =>
    sql.raw(`exists (select 1 from referral_status_changes c
      where c.site_id = r.site_id and c.referral_id = r.id and ${condition})`);
  const { rows } = await sql<FunnelRow>`
    with base as (
      select e.site_id, e.id as encounter_id, e.pathway, s.status as screening,
        ${reached("c.to_status = 'offered'")} as offered,
        ${reached("c.to_status in ('accepted', 'awaiting_prosecutor')")} as accepted,
        ${reached("c.to_status = 'declined'")} as declined,
        ${reached("c.to_status = 'not_offered' and c.reason like 'ineligible%'")} as not_offered_ineligible,
        ${reached("c.to_status = 'not_offered' and c.reason not like 'ineligible%'")} as not_offered_other
      from encounters e
      join screenings s on s.site_id = e.site_id and s.encounter_id = e.id
      join referrals r on r.site_id = e.site_id and r.encounter_id = e.id
      where e.site_id = ${siteId} and e.occurred_at >= ${period.from} and e.occurred_at < ${period.to}
    ), grouped as (
      select ${DIMENSIONS[dimension]} as value, base.*
      from base
      left join demographic_reports d
        on d.site_id = base.site_id and d.encounter_id = base.encounter_id and d.source = 'officer_perceived'
    )
    select coalesce(value, 'missing:not_collected') as value,
      count(*)::int as screened,
      (count(*) filter (where screening = 'eligible'))::int as eligible,
      (count(*) filter (where screening = 'ineligible'))::int as ineligible,
      (count(*) filter (where screening = 'needs_information'))::int as "needsInformation",
      (count(*) filter (where offered))::int as offered,
      (count(*) filter (where accepted))::int as accepted,
      (count(*) filter (where declined))::int as declined,
      (count(*) filter (where not_offered_ineligible))::int as "notOfferedIneligible",
      (count(*) filter (where not_offered_other))::int as "notOfferedOther"
    from grouped
    group by 1
    order by 1`.execute(tx);
  return rows;
}

/** For each rule, how many screenings it failed and how many it could not decide. */
export async function countRuleOutcomes(tx: Tx, siteId: string, period: { from: Date; to: Date }) {
  const { rows } = await sql<{ code: string; failed: number; unknown: number; passed: number }>`
    select o.rule_code as code,
      (count(*) filter (where o.outcome = 'fail'))::int as failed,
      (count(*) filter (where o.outcome = 'unknown'))::int as unknown,
      (count(*) filter (where o.outcome = 'pass'))::int as passed
    from screening_rule_outcomes o
    join encounters e on e.site_id = o.site_id and e.id = o.encounter_id
    where o.site_id = ${siteId} and e.occurred_at >= ${period.from} and e.occurred_at < ${period.to}
    group by o.rule_code
    order by min(o.position), o.rule_code`.execute(tx);
  return rows;
}
