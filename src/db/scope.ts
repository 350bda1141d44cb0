import { sql, type Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

export type Tx = Transaction<Database>;

/** What a transaction may see: one site's rows (row-level security), and the user's own memberships. */
export type Scope = { siteId: string | null; userId: string | null };

/**
 * Runs `work` in a transaction whose row-level security is keyed to `scope`. The settings are
 * transaction-local, so a pooled connection never carries one request's site into another.
 */
export function inScope<T>(db: Db, scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('app.site_id', ${scope.siteId ?? ''}, true), set_config('app.user_id', ${scope.userId ?? ''}, true)`.execute(
      tx,
    );
    return work(tx);
  });
}
