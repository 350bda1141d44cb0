import { sql } from 'kysely';
import type { ScreeningDecision } from '../../domain/eligibility/evaluate.ts';
import type { ReferralStatus, Transition } from '../../domain/referrals/lifecycle.ts';
import type { ContactRequestsTable, DemographicReportsTable, Pathway } from '../schema.ts';
import type { Tx } from '../scope.ts';

export async function insertPerson(
  tx: Tx,
  person: {
    siteId: string;
    nameOrAlias: string;
    dateOfBirth: string | null;
    approximateAge: number | null;
    at: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('people')
    .values({
      site_id: person.siteId,
      name_or_alias: person.nameOrAlias,
      date_of_birth: person.dateOfBirth,
      approximate_age: person.approximateAge,
      created_at: person.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertEncounter(
  tx: Tx,
  encounter: {
    siteId: string;
    personId: string;
    pathway: Pathway;
    recordedBy: string | null;
    incidentNumber: string | null;
    chargeCodes: string[];
    area: string | null;
    occurredAt: Date;
    recordedAt: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('encounters')
    .values({
      site_id: encounter.siteId,
      person_id: encounter.personId,
      pathway: encounter.pathway,
      recorded_by: encounter.recordedBy,
      incident_number: encounter.incidentNumber,
      charge_codes: encounter.chargeCodes,
      area: encounter.area,
      occurred_at: encounter.occurredAt,
      recorded_at: encounter.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stores a screening with each rule's outcome as its own row, so screenings are countable by rule. */
export async function insertScreening(
  tx: Tx,
  screening: {
    siteId: string;
    encounterId: string;
    ruleSetId: string;
    answers: unknown;
    decision: ScreeningDecision;
    screenedOn: string;
    at: Date;
  },
): Promise<void> {
  await tx
    .insertInto('screenings')
    .values({
      site_id: screening.siteId,
      encounter_id: screening.encounterId,
      rule_set_id: screening.ruleSetId,
      screened_on: screening.screenedOn,
      answers: JSON.stringify(screening.answers),
      status: screening.decision.status,
      decided_by: screening.decision.decidedBy,
      screened_at: screening.at,
    })
    .execute();
  if (screening.decision.rules.length === 0) return;
  await tx
    .insertInto('screening_rule_outcomes')
    .values(
      screening.decision.rules.map((rule, position) => ({
        site_id: screening.siteId,
        encounter_id: screening.encounterId,
        position,
        rule_code: rule.code,
        outcome: rule.outcome,
      })),
    )
    .execute();
}

export type DemographicReport = Omit<DemographicReportsTable, 'id'>;

export async function insertDemographicReport(tx: Tx, report: DemographicReport): Promise<void> {
  await tx.insertInto('demographic_reports').values(report).execute();
}

export async function insertReferral(
  tx: Tx,
  referral: { siteId: string; encounterId: string; personId: string; status: ReferralStatus; at: Date },
): Promise<string> {
  const row = await tx
    .insertInto('referrals')
    .values({
      site_id: referral.siteId,
      encounter_id: referral.encounterId,
      person_id: referral.personId,
      status: referral.status,
      created_at: referral.at,
      updated_at: referral.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

type StatusChanges = { siteId: string; referralId: string; steps: Transition[]; at: Date; by: string | null };

async function insertStatusRows(tx: Tx, change: StatusChanges, firstSeq: number): Promise<void> {
  await tx
    .insertInto('referral_status_changes')
    .values(
      change.steps.map((step, index) => ({
        site_id: change.siteId,
        referral_id: change.referralId,
        seq: firstSeq + index,
        from_status: step.from,
        to_status: step.to,
        reason: step.reason,
        changed_at: change.at,
        changed_by: change.by,
      })),
    )
    .execute();
}

/**
 * The first status changes of a referral just inserted with the last one's status (what
 * appendStatusChanges would do, without reading the none before them or rewriting the status).
 */
export async function insertFirstStatusChanges(tx: Tx, change: StatusChanges): Promise<void> {
  if (change.steps.length > 0) await insertStatusRows(tx, change, 1);
}

/** Appends status changes and moves the cached status to the last one. */
export async function appendStatusChanges(tx: Tx, change: StatusChanges): Promise<void> {
  const last = change.steps.at(-1);
  if (!last) return;
  const row = await tx
    .selectFrom('referral_status_changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('site_id', '=', change.siteId)
    .where('referral_id', '=', change.referralId)
    .executeTakeFirst();
  await insertStatusRows(tx, change, Number(row?.seq ?? 0) + 1);
  await tx
    .updateTable('referrals')
    .set({ status: last.to, updated_at: change.at })
    .where('site_id', '=', change.siteId)
    .where('id', '=', change.referralId)
    .execute();
}

export type ReferralRecord = {
  id: string;
  status: ReferralStatus;
  createdAt: Date;
  updatedAt: Date;
  personId: string;
  nameOrAlias: string;
  encounterId: string;
  pathway: Pathway;
  recordedBy: string | null;
  incidentNumber: string | null;
  chargeCodes: string[];
  area: string | null;
  occurredAt: Date;
  screeningStatus: 'eligible' | 'ineligible' | 'needs_information' | null;
  decidedBy: string[] | null;
  ruleSetId: string | null;
};

function referralQuery(tx: Tx, siteId: string) {
  return tx
    .selectFrom('referrals')
    .innerJoin('encounters', (join) =>
      join
        .onRef('encounters.site_id', '=', 'referrals.site_id')
        .onRef('encounters.id', '=', 'referrals.encounter_id'),
    )
    .innerJoin('people', (join) =>
      join.onRef('people.site_id', '=', 'referrals.site_id').onRef('people.id', '=', 'referrals.person_id'),
    )
    .leftJoin('screenings', (join) =>
      join
        .onRef('screenings.site_id', '=', 'referrals.site_id')
        .onRef('screenings.encounter_id', '=', 'referrals.encounter_id'),
    )
    .select([
      'referrals.id',
      'referrals.status',
      'referrals.created_at as createdAt',
      'referrals.updated_at as updatedAt',
      'people.id as personId',
      'people.name_or_alias as nameOrAlias',
      'encounters.id as encounterId',
      'encounters.pathway',
      'encounters.recorded_by as recordedBy',
      'encounters.incident_number as incidentNumber',
      'encounters.charge_codes as chargeCodes',
      'encounters.area',
      'encounters.occurred_at as occurredAt',
      'screenings.status as screeningStatus',
      'screenings.decided_by as decidedBy',
      'screenings.rule_set_id as ruleSetId',
    ])
    .where('referrals.site_id', '=', siteId);
}

export async function findReferral(
  tx: Tx,
  siteId: string,
  referralId: string,
): Promise<ReferralRecord | undefined> {
  return (await referralQuery(tx, siteId).where('referrals.id', '=', referralId).executeTakeFirst()) as
    | ReferralRecord
    | undefined;
}

/** Locks the referral row until the transaction ends, so two status changes cannot interleave. */
export async function lockReferral(tx: Tx, siteId: string, referralId: string): Promise<void> {
  await sql`select 1 from referrals where site_id = ${siteId} and id = ${referralId} for update`.execute(tx);
}

export async function findReferralsRecordedBy(
  tx: Tx,
  siteId: string,
  userId: string,
  limit: number,
): Promise<ReferralRecord[]> {
  return (await referralQuery(tx, siteId)
    .where('encounters.recorded_by', '=', userId)
    .orderBy('encounters.occurred_at', 'desc')
    .limit(limit)
    .execute()) as ReferralRecord[];
}

export async function findReferralsByStatus(
  tx: Tx,
  siteId: string,
  statuses: ReferralStatus[],
  limit: number,
): Promise<ReferralRecord[]> {
  return (await referralQuery(tx, siteId)
    .where('referrals.status', 'in', statuses)
    .orderBy('referrals.created_at', 'asc')
    .limit(limit)
    .execute()) as ReferralRecord[];
}

export function findStatusChanges(tx: Tx, siteId: string, referralId: string) {
  return tx
    .selectFrom('referral_status_changes')
    .select([
      'seq',
      'from_status as from',
      'to_status as to',
      'reason',
      'changed_at as at',
      'changed_by as by',
    ])
    .where('site_id', '=', siteId)
    .where('referral_id', '=', referralId)
    .orderBy('seq')
    .execute();
}

export async function insertContactRequest(tx: Tx, request: ContactRequestsTable): Promise<void> {
  await tx.insertInto('contact_requests').values(request).execute();
}

export function findContactRequest(tx: Tx, siteId: string, referralId: string) {
  return tx
    .selectFrom('contact_requests')
    .select(['requester', 'phone', 'email', 'best_time as bestTime', 'message'])
    .where('site_id', '=', siteId)
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
}

/** Every stored screening's answers, for re-running them under another rule set. */
export function findScreeningAnswers(tx: Tx, siteId: string) {
  return tx
    .selectFrom('screenings')
    .select(['encounter_id as encounterId', 'answers', 'status'])
    .where('site_id', '=', siteId)
    .execute();
}

/** Records the date of birth or approximate age learned at a later screening. */
export async function updatePersonAge(
  tx: Tx,
  siteId: string,
  personId: string,
  age: { dateOfBirth: string | null; approximateAge: number | null },
): Promise<void> {
  await tx
    .updateTable('people')
    .set({ date_of_birth: age.dateOfBirth, approximate_age: age.approximateAge })
    .where('site_id', '=', siteId)
    .where('id', '=', personId)
    .execute();
}
