import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * Where a page of a participant's timeline starts: the last item already shown. The timeline is
 * ordered newest first by (at, kind, id), all descending, so ties on time still have one order.
 */
export type TimelineCursor = { at: Date; kind: string; id: string };

/** A page of one timeline source: at most `limit` items strictly older than `before` (if any). */
export type TimelinePage = { before: TimelineCursor | null; limit: number };

/** An item's time to the millisecond (what JSON and a JavaScript Date carry), so SQL and the merge agree. */
export const timelineAt = (expression: RawBuilder<unknown>): RawBuilder<Date> =>
  sql<Date>`date_trunc('milliseconds', ${expression})`;

/** An item's id, compared byte by byte (collation "C"), as JavaScript compares strings. */
export const timelineId = (expression: RawBuilder<unknown>): RawBuilder<string> =>
  sql<string>`(${expression})::text collate "C"`;

/** Items of `kind` (with time `at` and id `id`) that come after `before` in the timeline's order. */
export function olderThan(
  kind: string,
  at: RawBuilder<Date>,
  id: RawBuilder<string>,
  before: TimelineCursor | null,
): RawBuilder<SqlBool> {
  if (!before) return sql<SqlBool>`true`;
  // At the same time, a greater kind came first (already shown) and a lesser one comes after.
  if (kind > before.kind) return sql<SqlBool>`${at} < ${before.at}`;
  if (kind < before.kind) return sql<SqlBool>`${at} <= ${before.at}`;
  return sql<SqlBool>`(${at} < ${before.at} or (${at} = ${before.at} and ${id} < ${before.id}))`;
}
