import { sql } from 'kysely';
import type { FundCategory, FundEntryKind } from '../../domain/funds/fund-ledger.ts';
import type { Tx } from '../scope.ts';
import { olderThan, type TimelinePage, timelineAt, timelineId } from './timeline-page.ts';

export type FundingSourceRecord = { id: string; name: string; active: boolean; createdAt: Date };

export type FundEntryRecord = {
  id: string;
  participantId: string;
  kind: FundEntryKind;
  reversesId: string | null;
  /** The reversing entry, when this one was reversed. */
  reversedBy: string | null;
  entryDate: string;
  amountCents: number;
  category: FundCategory;
  fundingSourceId: string;
  fundingSourceName: string;
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
};

export type FundTotalRow = {
  fundingSourceId: string;
  fundingSourceName: string;
  category: FundCategory;
  totalCents: number;
  entries: number;
};

export async function findFundingSources(tx: Tx, siteId: string): Promise<FundingSourceRecord[]> {
  return tx
    .selectFrom('funding_sources')
    .select(['id', 'name', 'active', 'created_at as createdAt'])
    .where('site_id', '=', siteId)
    .orderBy('name')
    .execute();
}

export async function findFundingSource(
  tx: Tx,
  siteId: string,
  id: string,
): Promise<FundingSourceRecord | undefined> {
  return tx
    .selectFrom('funding_sources')
    .select(['id', 'name', 'active', 'created_at as createdAt'])
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Adds a funding source; undefined when the site already has one of that name (any case). */
export async function insertFundingSource(
  tx: Tx,
  source: { siteId: string; name: string; createdBy: string; at: Date },
): Promise<FundingSourceRecord | undefined> {
  const clash = await tx
    .selectFrom('funding_sources')
    .select('id')
    .where('site_id', '=', source.siteId)
    .where(sql<string>`lower(name)`, '=', source.name.toLowerCase())
    .executeTakeFirst();
  if (clash) return undefined;
  return tx
    .insertInto('funding_sources')
    .values({
      site_id: source.siteId,
      name: source.name,
      created_by: source.createdBy,
      created_at: source.at,
    })
    .returning(['id', 'name', 'active', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
}

export async function setFundingSourceActive(
  tx: Tx,
  key: { siteId: string; id: string },
  active: boolean,
): Promise<FundingSourceRecord | undefined> {
  return tx
    .updateTable('funding_sources')
    .set({ active })
    .where('site_id', '=', key.siteId)
    .where('id', '=', key.id)
    .returning(['id', 'name', 'active', 'created_at as createdAt'])
    .executeTakeFirst();
}

export async function insertFundEntry(
  tx: Tx,
  entry: {
    siteId: string;
    participantId: string;
    kind: FundEntryKind;
    reversesId: string | null;
    entryDate: string;
    amountCents: number;
    category: FundCategory;
    fundingSourceId: string;
    note: string | null;
    recordedBy: string;
    at: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('fund_entries')
    .values({
      site_id: entry.siteId,
      participant_id: entry.participantId,
      kind: entry.kind,
      reverses_id: entry.reversesId,
      entry_date: entry.entryDate,
      amount_cents: entry.amountCents,
      category: entry.category,
      funding_source_id: entry.fundingSourceId,
      note: entry.note,
      recorded_by: entry.recordedBy,
      recorded_at: entry.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function entries(tx: Tx, siteId: string) {
  return tx
    .selectFrom('fund_entries as e')
    .innerJoin('funding_sources as s', (join) =>
      join.onRef('s.site_id', '=', 'e.site_id').onRef('s.id', '=', 'e.funding_source_id'),
    )
    .leftJoin('fund_entries as r', (join) =>
      join.onRef('r.site_id', '=', 'e.site_id').onRef('r.reverses_id', '=', 'e.id'),
    )
    .select([
      'e.id',
      'e.participant_id as participantId',
      'e.kind',
      'e.reverses_id as reversesId',
      'r.id as reversedBy',
      'e.entry_date as entryDate',
      'e.amount_cents as amountCents',
      'e.category',
      'e.funding_source_id as fundingSourceId',
      's.name as fundingSourceName',
      'e.note',
      'e.recorded_by as recordedBy',
      'e.recorded_at as recordedAt',
    ])
    .where('e.site_id', '=', siteId);
}

/** One entry of a participant's ledger (with whether it was reversed), locked when `lock` is set. */
export async function findFundEntry(
  tx: Tx,
  key: { siteId: string; participantId: string; entryId: string },
): Promise<FundEntryRecord | undefined> {
  const row = await entries(tx, key.siteId)
    .where('e.participant_id', '=', key.participantId)
    .where('e.id', '=', key.entryId)
    .executeTakeFirst();
  return row as FundEntryRecord | undefined;
}

/** A participant's ledger, newest date first. */
export async function findParticipantFundEntries(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<FundEntryRecord[]> {
  const rows = await entries(tx, siteId)
    .where('e.participant_id', '=', participantId)
    .orderBy('e.entry_date', 'desc')
    .orderBy('e.recorded_at', 'desc')
    .execute();
  return rows as FundEntryRecord[];
}

/**
 * Net spending from `from` to `to` (dates, both included) by funding source and category: spends
 * less reversals, each counted on its own date. For one participant, or the whole site.
 */
export async function findFundTotals(
  tx: Tx,
  query: { siteId: string; participantId?: string | undefined; from: string; to: string },
): Promise<FundTotalRow[]> {
  let select = tx
    .selectFrom('fund_entries as e')
    .innerJoin('funding_sources as s', (join) =>
      join.onRef('s.site_id', '=', 'e.site_id').onRef('s.id', '=', 'e.funding_source_id'),
    )
    .select([
      'e.funding_source_id as fundingSourceId',
      's.name as fundingSourceName',
      'e.category',
      sql<number>`sum(case when e.kind = 'spend' then e.amount_cents else -e.amount_cents end)::bigint`.as(
        'totalCents',
      ),
      sql<number>`count(*)::bigint`.as('entries'),
    ])
    .where('e.site_id', '=', query.siteId)
    .where('e.entry_date', '>=', query.from)
    .where('e.entry_date', '<=', query.to);
  if (query.participantId) select = select.where('e.participant_id', '=', query.participantId);
  const rows = await select
    .groupBy(['e.funding_source_id', 's.name', 'e.category'])
    .orderBy('s.name')
    .orderBy('e.category')
    .execute();
  return rows.map((row) => ({
    ...row,
    category: row.category as FundCategory,
    totalCents: Number(row.totalCents),
    entries: Number(row.entries),
  }));
}

export type FundTimelineRow = {
  id: string;
  kind: FundEntryKind;
  recordedAt: Date;
  amountCents: number;
  category: FundCategory;
  fundingSourceName: string;
  recordedBy: string | null;
};

/** A page of a participant's ledger entries for the timeline, newest first, with who recorded each (never the note). */
export async function findFundTimeline(
  tx: Tx,
  siteId: string,
  participantId: string,
  page: TimelinePage,
): Promise<FundTimelineRow[]> {
  const at = timelineAt(sql.ref('e.recorded_at'));
  const id = timelineId(sql.ref('e.id'));
  const rows = await tx
    .selectFrom('fund_entries as e')
    .innerJoin('funding_sources as s', (join) =>
      join.onRef('s.site_id', '=', 'e.site_id').onRef('s.id', '=', 'e.funding_source_id'),
    )
    .leftJoin('users as u', 'u.id', 'e.recorded_by')
    .select([
      id.as('id'),
      'e.kind',
      at.as('recordedAt'),
      'e.amount_cents as amountCents',
      'e.category',
      's.name as fundingSourceName',
      'u.display_name as recordedBy',
    ])
    .where('e.site_id', '=', siteId)
    .where('e.participant_id', '=', participantId)
    .where(olderThan('funds', at, id, page.before))
    .orderBy(at, 'desc')
    .orderBy(id, 'desc')
    .limit(page.limit)
    .execute();
  return rows as FundTimelineRow[];
}
