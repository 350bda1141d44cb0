// What the browser journeys need: a built web app, a seeded server on a loopback port, Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { seedDemo } from '../../src/app/demo/seed-demo.ts';
import { createLiveEvents, type LiveEvents } from '../../src/app/live-events.ts';
import { timerHandlers } from '../../src/app/timers/timer-handlers.ts';
import { runTimersOnce, type TimersRun } from '../../src/app/timers/timer-worker.ts';
import { type Config, testConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { buildServer } from '../../src/http/build-server.ts';
import { openTestDatabase } from '../support/test-database.ts';

/** Debian's Chromium; the journeys are skipped where it is not installed (browsers are never downloaded). */
export const CHROMIUM = '/usr/bin/chromium';
export const OUTPUT_DIRECTORY = join(process.cwd(), '.test-output');

const WEB_SOURCES = ['src/web', 'src/contracts', 'vite.config.ts'];
const BUILT_INDEX = 'dist/web/index.html';

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function webAppIsStale(): boolean {
  const newestSource = Math.max(...WEB_SOURCES.filter(existsSync).map(newestChange));
  return !existsSync(BUILT_INDEX) || statSync(BUILT_INDEX).mtimeMs < newestSource;
}

/**
 * Builds the web app with Vite when dist/web is missing or older than its sources. Test files run
 * in parallel, so a lock folder makes sure only one builds (the others then find it fresh).
 */
export async function buildWebAppIfStale(): Promise<void> {
  mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  const lock = join(OUTPUT_DIRECTORY, 'web-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (!webAppIsStale()) return;
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export type RunningServer = {
  app: FastifyInstance;
  baseUrl: string;
  /** The server's live-event broker, shared with `runTimers`. */
  live: LiveEvents;
  /** Fires the timers due on the server's clock once (escalations, deadlines), as the worker would. */
  runTimers(): Promise<TimersRun>;
};

/** The real server, serving dist/web, on a database holding the demo sites and logins. */
export async function startSeededServer(
  database: DatabaseHandle,
  overrides: Partial<Config> = {},
  clock: () => Date = () => new Date(),
): Promise<RunningServer> {
  const config = testConfig(overrides);
  const live = createLiveEvents();
  const app = await buildServer({ db: database.db, clock, config, webDirectory: 'dist/web', live });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    live,
    runTimers: () => runTimersOnce({ db: database.db, clock, config }, timerHandlers({ live })),
  };
}

export async function openSeededDatabase(): Promise<DatabaseHandle> {
  const database = await openTestDatabase();
  await seedDemo(database.db);
  return database;
}

export function launchChromium(): Promise<Browser> {
  mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Collects what should never happen on a page: uncaught errors and CSP violations. (Chromium also
 * logs every 4xx answer as a console error; the app expects some, e.g. the 401 before sign-in.)
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) problems.push(text);
  });
  return problems;
}

export const screenshotPath = (name: string) => join(OUTPUT_DIRECTORY, name);

export type Journey = {
  database: DatabaseHandle;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Page errors and CSP violations seen so far; a journey ends by asserting there were none. */
  problems: string[];
  close(): Promise<void>;
};

/** Everything a browser journey starts from: the built app, a seeded server, Chromium and one page. */
export async function startJourney(
  options: {
    context?: BrowserContextOptions;
    config?: Partial<Config>;
    /** The server's clock (the real one unless a journey moves time). */
    clock?: () => Date;
  } = {},
): Promise<Journey> {
  await buildWebAppIfStale();
  const database = await openSeededDatabase();
  const server = await startSeededServer(database, options.config, options.clock);
  const browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', ...options.context });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return {
    database,
    server,
    browser,
    context,
    page,
    problems: watchForProblems(page),
    async close() {
      await browser.close();
      await server.app.close();
      await database.close();
    },
  };
}
