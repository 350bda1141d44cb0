import { fileURLToPath } from 'node:url';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../app/demo/seed-demo.ts';
import type { Config } from '../config.ts';
import { openConfiguredDatabase } from '../db/open-configured.ts';
import { buildServer } from '../http/build-server.ts';

export const WEB_DIRECTORY = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Runs the server until SIGINT or SIGTERM, then checkpoints and closes the database cleanly. */
export async function serve(config: Config, print: (line: string) => void): Promise<void> {
  const database = await openConfiguredDatabase(config);
  const seeded = config.seedDemo ? (await seedDemo(database.db)).seeded : false;
  const app = await buildServer({
    db: database.db,
    clock: () => new Date(),
    config,
    webDirectory: WEB_DIRECTORY,
  });
  const checkpoints = setInterval(() => {
    database.checkpoint().catch((error: unknown) => app.log.warn({ err: error }, 'checkpoint failed'));
  }, config.checkpointSeconds * 1000);
  checkpoints.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    clearInterval(checkpoints);
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
