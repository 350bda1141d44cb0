import { sql, type Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

export type Tx = Transaction<Database>;

/** What a transaction may see: one site's rows (row-level security), and the user's own memberships. */
export type Scope = { siteId: string | null; userId: string | null };

async function setScope(tx: Tx, scope: Scope): Promise<void> {
  await sql`select set_config('app.site_id', ${scope.siteId ?? ''}, true), set_config('app.user_id', ${scope.userId ?? ''}, true)`.execute(
    tx,
  );
}

/**
 * Runs `work` in a transaction whose row-level security is keyed to `scope`. The settings are
 * transaction-local, so a pooled connection never carries one request's site into another. Given a
 * transaction already open, `work` joins it (in the new scope), so several use cases can commit or
 * roll back together (the demo seed does).
 */
export async function inScope<T>(db: Db | Tx, scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    const tx = db as Tx;
    await setScope(tx, scope);
    return work(tx);
  }
  return db.transaction().execute(async (tx) => {
    await setScope(tx, scope);
    return work(tx);
  });
}
