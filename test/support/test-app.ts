import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createLiveEvents, type LiveEvents } from '../../src/app/live-events.ts';
import { type Config, testConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { buildServer, type ServerOptions } from '../../src/http/build-server.ts';
import { testClock } from './clock.ts';
import { HttpClient } from './http-client.ts';
import { openTestDatabase } from './test-database.ts';

export type TestApp = {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: ReturnType<typeof testClock>;
  baseUrl: string;
  /** The server's live-event broker, to hand to a timer worker the test runs. */
  live: LiveEvents;
  client(): HttpClient;
  close(): Promise<void>;
};

/** A whole server on a fresh database, listening on a loopback port, with a clock the test moves. */
export async function startTestApp(
  overrides: Partial<Config> = {},
  server: Pick<ServerOptions, 'logStream'> = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = testClock();
  const live = createLiveEvents();
  const app = await buildServer({
    db: database.db,
    clock: clock.now,
    config: testConfig(overrides),
    live,
    ...server,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    database,
    clock,
    baseUrl,
    live,
    client: () => new HttpClient(baseUrl),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
