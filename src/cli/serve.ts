import { fileURLToPath } from 'node:url';
import { startBackgroundWork } from '../app/background-work.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../app/demo/seed-demo.ts';
import { createLiveEvents } from '../app/live-events.ts';
import { closeTransports, configuredTransports } from '../app/outbox/transports/configured-transports.ts';
import { timerHandlers } from '../app/timers/timer-handlers.ts';
import type { Config } from '../config.ts';
import { openConfiguredDatabase } from '../db/open-configured.ts';
import { buildServer } from '../http/build-server.ts';

export const WEB_DIRECTORY = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * Runs the server and the background worker (outbox, timers) until SIGINT or SIGTERM, then stops
 * the worker, checkpoints and closes the database cleanly.
 */
export async function serve(config: Config, print: (line: string) => void): Promise<void> {
  const database = await openConfiguredDatabase(config);
  const seeded = config.seedDemo ? (await seedDemo(database.db)).seeded : false;
  const clock = () => new Date();
  // One broker for the routes and the timer worker, so an escalation reaches open streams.
  const live = createLiveEvents();
  const app = await buildServer({ db: database.db, clock, config, webDirectory: WEB_DIRECTORY, live });
  const checkpoints = setInterval(() => {
    database.checkpoint().catch((error: unknown) => app.log.warn({ err: error }, 'checkpoint failed'));
  }, config.checkpointSeconds * 1000);
  checkpoints.unref();
  // Sends the outbox and fires due timers; the log transport's lines carry no recipient or body.
  const transports = configuredTransports(config, (line) => app.log.info(line));
  const background = startBackgroundWork(
    { db: database.db, clock, config },
    {
      intervalMs: config.workerIntervalMs,
      transports,
      timerHandlers: timerHandlers({ live }),
      onError: (error) => app.log.warn({ err: error }, 'background work failed'),
    },
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    clearInterval(checkpoints);
    await background.stop();
    await closeTransports(transports);
    await app.close();
    await database.checkpoint().catch(() => {});
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  print(`LEAD is running at ${address.replace('127.0.0.1', 'localhost')} (database: ${database.kind})`);
  print(`API documentation: ${address}/docs`);
  if (config.seedDemo) {
    print(seeded ? 'Loaded the demo sites and accounts.' : 'Demo accounts (if not changed since):');
    print(`  password for every demo account: ${DEMO_PASSWORD}`);
    for (const login of DEMO_LOGINS) print(`  ${login.email.padEnd(36)} ${login.role} at ${login.siteSlug}`);
  }
}
