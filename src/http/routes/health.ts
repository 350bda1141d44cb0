import { sql } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { defineRoute } from '../route.ts';

export const healthRoutes = [
  defineRoute({
    id: 'health.check',
    method: 'GET',
    url: '/healthz',
    summary: 'Whether the server is up and its database reachable',
    tags: ['health'],
    access: { kind: 'public' },
    transaction: false,
    response: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
    async handler({ deps }) {
      try {
        await sql`select 1`.execute(deps.db);
      } catch {
        throw new DomainError('DATABASE_UNAVAILABLE', 'The database cannot be reached.');
      }
      return {
        status: 'ok' as const,
        database: deps.config.databaseUrl ? ('postgres' as const) : ('pglite' as const),
      };
    },
  }),
];
