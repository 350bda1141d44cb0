import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

/**
 * Lets Kysely's own PostgresDialect drive PGlite. PGlite is one connection, so the "pool" hands it
 * to one borrower at a time, in order; a transaction therefore holds it until commit or rollback.
 */
export function pglitePool(pglite: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  let closed = false;
  return {
    async connect(): Promise<PostgresPoolClient> {
      if (closed) throw new Error('the database is closed');
      let release!: () => void;
      const turn = new Promise<void>((resolve) => {
        release = resolve;
      });
      const previous = tail;
      tail = previous.then(() => turn);
      await previous;
      return {
        async query(sql: string, parameters: ReadonlyArray<unknown>) {
          // Without parameters, use the simple protocol, which (like pg) accepts several statements.
          const result =
            parameters.length === 0
              ? (await pglite.exec(sql)).at(-1)
              : await pglite.query(sql, parameters as unknown[]);
          return { command: commandOf(sql), rowCount: result?.affectedRows ?? 0, rows: result?.rows ?? [] };
        },
        release,
      } as unknown as PostgresPoolClient;
    },
    async end() {
      closed = true;
      await tail;
    },
  };
}

function commandOf(sql: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select|commit|rollback)\b/i.exec(
    sql,
  );
  return match?.[1]?.toUpperCase() ?? 'SELECT';
}
