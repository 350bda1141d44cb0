// `npm run bench -- referral-submit [--concurrency N] [--seconds S | --requests N]`: throughput and
// latency of submitting a screening with its referral (POST /api/v1/sites/:siteId/encounters, a fresh
// Idempotency-Key each time) over real HTTP on 127.0.0.1, from N concurrent signed-in officers, against
// a baseline of plain single-row INSERTs at the same concurrency through the same Kysely pool, on the
// same database: PostgreSQL when DATABASE_URL is set (in a throwaway database `lead_bench_<random>`
// created beside it and dropped at the end, when the role may), else PGlite in a temporary folder.
// The load runs in a worker thread (plain fetch, no dependency), so the clients do not share the
// server's event loop. Every phase is bounded in requests and time. Ends with one JSON line.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import pg from 'pg';
import { verifyAuditChain } from '../src/app/audit/verify-audit-chain.ts';
import { createSite } from '../src/app/sites/create-site.ts';
import { createUser } from '../src/app/users/create-user.ts';
import { testConfig } from '../src/config.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildServer } from '../src/http/build-server.ts';
import { eligibleEncounter } from '../test/support/encounters.ts';
import { HttpClient } from '../test/support/http-client.ts';
import { type BenchDatabase, openBenchDatabase } from './support/bench-database.ts';
import {
  auditChainSummary,
  describe,
  describeAuditChain,
  type Failure,
  measuredPhaseFromArgs,
  type Phase,
  type PhaseResult,
  printFailures,
  runInWorker,
  runOnBenchDatabase,
  type Stats,
  statsOf,
  WORKER_RUN_PHASE,
  wholeNumber,
} from './support/measure.ts';

const MAX_CONCURRENCY = 500;
const MAX_SECONDS = 300;
const MAX_REQUESTS = 1_000_000;
const WARM_UP_PER_CLIENT = 5;
const WARM_UP_MAX_SECONDS = 60;
const REQUEST_TIMEOUT_MS = 30_000;
const GOAL_RATIO = 0.25;
const GOAL_P99_MS_POSTGRES = 20;

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '50' },
    seconds: { type: 'string' },
    requests: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'pool-size': { type: 'string' },
  },
  strict: true,
});
const { measured, seconds, requestsLimit } = measuredPhaseFromArgs(values, {
  maxSeconds: MAX_SECONDS,
  maxRequests: MAX_REQUESTS,
});
const concurrency = wholeNumber('concurrency', values.concurrency, MAX_CONCURRENCY);
/** PostgreSQL only, for profiling: the pool size instead of the application's (10). */
const poolSize =
  values['pool-size'] === undefined ? undefined : wholeNumber('pool-size', values['pool-size'], 200);
const warmUp: Phase = { requests: concurrency * WARM_UP_PER_CLIENT, seconds: WARM_UP_MAX_SECONDS };

// --profile: times every database round trip of the measured submit phase, by statement, and how
// long the audit-chain lock is held (from pg_advisory_xact_lock returning to COMMIT returning).
type Timing = { calls: number; totalMs: number };
const timings = new Map<string, Timing>();
let profiling = false;
function recordTiming(key: string, ms: number) {
  if (!profiling) return;
  const timing = timings.get(key) ?? { calls: 0, totalMs: 0 };
  timing.calls += 1;
  timing.totalMs += ms;
  timings.set(key, timing);
}
function statementKey(text: string): string {
  const sqlText = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (sqlText.includes('pg_advisory_xact_lock') || sqlText.includes('audit_chain_head'))
    return 'audit chain lock (pg_advisory_xact_lock, incl. wait)';
  if (sqlText.startsWith('select set_config')) return 'set_config (row-level security scope)';
  if (/^(begin|commit|rollback)/.test(sqlText)) return sqlText.split(' ')[0] as string;
  const table = /(?:from|into|update) "?([a-z_]+)"?/.exec(sqlText)?.[1] ?? '?';
  const verb = sqlText.split(' ')[0];
  if (verb === 'select' && sqlText.includes('max(')) return `select max(seq) ${table}`;
  return `${verb} ${table}`;
}
/** Wraps a promise-returning query method so each call's time is recorded under its statement. */
function timeMethod(target: object, name: string, textOf: (args: unknown[]) => string) {
  const holder = target as Record<string, (...args: unknown[]) => unknown>;
  const original = holder[name] as (...args: unknown[]) => unknown;
  holder[name] = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, args);
    if (!(result instanceof Promise)) return result;
    const key = statementKey(textOf(args));
    return result.then(
      (value) => {
        const now = performance.now();
        recordTiming(key, now - started);
        const connection = this as { auditLockedAt?: number };
        if (key.startsWith('audit chain lock')) connection.auditLockedAt = now;
        if ((key === 'commit' || key === 'rollback') && connection.auditLockedAt !== undefined) {
          recordTiming('(audit chain lock held until commit)', now - connection.auditLockedAt);
          connection.auditLockedAt = undefined;
        }
        return value;
      },
      (error: unknown) => {
        recordTiming(key, performance.now() - started);
        throw error;
      },
    );
  };
}
function instrument(handle: DatabaseHandle) {
  const textOf = (args: unknown[]) =>
    typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string } | undefined)?.text);
  if (handle.kind === 'postgres') {
    timeMethod(pg.Client.prototype, 'query', textOf);
    const connect = pg.Pool.prototype.connect;
    (pg.Pool.prototype as { connect: unknown }).connect = function (this: pg.Pool, ...args: unknown[]) {
      const started = performance.now();
      const result = (connect as (...args: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise)
        void result.then(() => recordTiming('(waiting for a pool connection)', performance.now() - started));
      return result;
    };
  } else {
    const pglite = (handle as unknown as { pglite: object }).pglite;
    timeMethod(pglite, 'query', textOf);
    timeMethod(pglite, 'exec', textOf);
  }
}
function printProfile(requests: number, elapsedMs: number) {
  console.log(`profile of the measured submit phase (${requests} requests, ${Math.round(elapsedMs)} ms):`);
  console.log('  statement                                              calls/req  mean ms  ms/req (summed)');
  for (const [key, timing] of [...timings].sort((a, b) => b[1].totalMs - a[1].totalMs)) {
    console.log(
      `  ${key.padEnd(55)}${(timing.calls / requests).toFixed(2).padStart(9)}` +
        `${(timing.totalMs / timing.calls).toFixed(3).padStart(9)}${(timing.totalMs / requests).toFixed(3).padStart(10)}`,
    );
  }
}

/** Runs `concurrency` loops of `once` until the phase's request count or time is used up. */
async function runLoops(
  phase: Phase,
  loops: number,
  once: (loop: number) => Promise<Failure | null>,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const failures: Failure[] = [];
  let started = 0;
  const begin = performance.now();
  const end = begin + phase.seconds * 1000;
  const more = () => !stopping && (phase.requests === undefined || started < phase.requests);
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      while (more() && performance.now() < end) {
        started += 1;
        const sent = performance.now();
        const failure = await once(loop).catch((error: unknown) => ({ status: 0, body: String(error) }));
        latencies.push(performance.now() - sent);
        if (failure) failures.push(failure);
      }
    }),
  );
  return { latencies, failures, elapsedMs: performance.now() - begin };
}

// The HTTP clients, in a worker thread. Plain JavaScript (a TypeScript worker entry does not load
// under tsx on Node 20); each client keeps its officer's cookie and CSRF token, and sends a fresh
// Idempotency-Key and a fresh synthetic name with every request.
const CLIENT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { randomBytes, randomUUID } = require('node:crypto');
const { url, healthUrl, clients, bodyTemplate, timeoutMs } = workerData;
let stopping = false;
async function health() {
  const response = await fetch(healthUrl, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  return response.status === 200 ? null : { status: response.status, body: text.slice(0, 300) };
}
async function once(client) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: bodyTemplate.replace('__NAME__', randomBytes(3).toString('hex')),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return response.status === 201 ? null : { status: response.status, body: text.slice(0, 300) };
}
parentPort.on('message', async (message) => {
  if (message === 'stop') { stopping = true; return; }
  const { requests, seconds, mode } = message;
  const send = mode === 'health' ? health : once;
  const result = await runPhase(clients, { requests, seconds }, send, (body) => ({ status: 0, body }));
  parentPort.postMessage(result);
});
${WORKER_RUN_PHASE}`;

let stopping = false;
let worker: Worker | undefined;
const stop = () => {
  stopping = true;
  worker?.postMessage('stop');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

async function bench(database: BenchDatabase) {
  const { db, kind } = database.handle;
  console.log(`database: ${database.where}`);
  await migrate(db);
  const site = await createSite(db, {
    slug: 'bench-site',
    name: 'Bench Site',
    timezone: 'America/New_York',
  });

  // One officer per client, each signed in once over HTTP (argon2 runs here, not per request).
  const officers: { email: string; password: string }[] = [];
  for (let first = 0; first < concurrency; first += 10) {
    const batch = Array.from({ length: Math.min(10, concurrency - first) }, (_, offset) => ({
      email: `officer.${first + offset}@bench.example`,
      password: randomBytes(12).toString('hex'),
    }));
    await Promise.all(
      batch.map((officer, offset) =>
        createUser(db, {
          ...officer,
          displayName: `Bench Officer ${first + offset}`,
          siteSlug: site.slug,
          role: 'officer',
        }),
      ),
    );
    officers.push(...batch);
  }

  const config = testConfig({ logLevel: 'silent' });
  const app = await buildServer({ db, clock: () => new Date(), config });
  let submit: Stats;
  let insert: Stats;
  let ceiling: Stats;
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const clients = await Promise.all(
      officers.map(async (officer) => {
        const client = new HttpClient(baseUrl);
        const response = await client.logIn(officer.email, officer.password);
        if (response.status !== 200 || !client.csrfToken)
          throw new Error(`an officer could not sign in: ${response.status} ${response.text}`);
        return { cookie: client.cookieHeader(), csrfToken: client.csrfToken };
      }),
    );
    console.log(`${clients.length} officers signed in; server on ${baseUrl}`);

    const bodyTemplate = JSON.stringify(eligibleEncounter({ person: { nameOrAlias: 'Synthetic __NAME__' } }));
    worker = new Worker(CLIENT_WORKER, {
      eval: true,
      workerData: {
        url: `${baseUrl}/api/v1/sites/${site.id}/encounters`,
        healthUrl: `${baseUrl}/healthz`,
        clients,
        bodyTemplate,
        timeoutMs: REQUEST_TIMEOUT_MS,
      },
    });
    const submitWarmUp = await runInWorker<PhaseResult>(worker, warmUp);
    console.log(`warm-up (not counted): ${describe('submit', statsOf(submitWarmUp))}`);
    printFailures('submit warm-up', submitWarmUp.failures);
    if (submitWarmUp.failures.length > 0) throw new Error('the warm-up failed; not measuring');
    if (values.profile) {
      instrument(database.handle);
      profiling = true;
    }
    const loopBefore = performance.eventLoopUtilization();
    const submitResult = await runInWorker<PhaseResult>(worker, measured);
    const loop = performance.eventLoopUtilization(loopBefore);
    profiling = false;
    submit = statsOf(submitResult);
    console.log(describe('submit (POST encounters over HTTP)', submit));
    printFailures('submit', submitResult.failures);
    console.log(
      `server event loop busy ${Math.round(loop.utilization * 100)}% of the submit phase ` +
        `(${((loop.active / Math.max(1, submit.requests)) * 1).toFixed(2)} ms per request)`,
    );
    if (values.profile) printProfile(submit.requests, submitResult.elapsedMs);

    // The ceiling: the cheapest request that touches the database (GET /healthz: one `select 1`), from
    // the same clients. No request that writes anything can be faster, so ceiling / INSERT bounds
    // the ratio any submission could reach on this machine.
    await runInWorker<PhaseResult>(worker, { ...warmUp, mode: 'health' });
    ceiling = statsOf(await runInWorker<PhaseResult>(worker, { ...measured, mode: 'health' }));
    console.log(describe('ceiling (GET /healthz over HTTP: one select 1)', ceiling));

    // The baseline: plain single-row INSERTs through the same Kysely pool, same concurrency.
    await sql`create table bench_insert (
      id uuid default gen_random_uuid() primary key,
      site_id uuid not null,
      note text not null,
      created_at timestamptz not null default now())`.execute(db);
    const insertOnce = async (loop: number) => {
      await sql`insert into bench_insert (site_id, note, created_at)
        values (${site.id}, ${`client ${loop}`}, ${new Date()})`.execute(db);
      return null;
    };
    const insertWarmUp = await runLoops(warmUp, concurrency, insertOnce);
    console.log(`warm-up (not counted): ${describe('insert', statsOf(insertWarmUp))}`);
    const insertResult = await runLoops(measured, concurrency, insertOnce);
    insert = statsOf(insertResult);
    console.log(describe('baseline (single-row INSERT, same pool)', insert));
    printFailures('insert', insertResult.failures);
  } finally {
    await worker?.terminate();
    worker = undefined;
    await app.close();
  }

  const chain = await verifyAuditChain(db);
  console.log(describeAuditChain(chain));

  const ratio = Math.round((submit.throughputPerSecond / insert.throughputPerSecond) * 1000) / 1000;
  const ratioMet = ratio >= GOAL_RATIO;
  const p99Met = kind !== 'postgres' || submit.p99Ms <= GOAL_P99_MS_POSTGRES;
  const met = ratioMet && p99Met && submit.errors === 0 && chain.intact;
  console.log(
    `ratio of submit to INSERT throughput: ${ratio} (goal >= ${GOAL_RATIO}: ${ratioMet ? 'met' : 'not met'}); ` +
      `submit p99 ${submit.p99Ms} ms (goal <= ${GOAL_P99_MS_POSTGRES} ms on PostgreSQL: ` +
      `${kind === 'postgres' ? (p99Met ? 'met' : 'not met') : 'not applicable'})`,
  );
  console.log(
    `ceiling: GET /healthz reaches ${Math.round((ceiling.throughputPerSecond / insert.throughputPerSecond) * 1000) / 1000} ` +
      `of INSERT throughput (p99 ${ceiling.p99Ms} ms), the most any request touching the database can reach here`,
  );
  if (submit.errors > 0 || !chain.intact) process.exitCode = 1;
  console.log(
    JSON.stringify({
      bench: 'referral-submit',
      database: kind,
      concurrency,
      ...(seconds === undefined ? { requestsPerPhase: requestsLimit } : { seconds }),
      submit,
      baseline: 'plain single-row INSERTs, same database, same concurrency',
      insert,
      ratio,
      ceiling,
      ceilingRatio: Math.round((ceiling.throughputPerSecond / insert.throughputPerSecond) * 1000) / 1000,
      auditChain: auditChainSummary(chain),
      goal: { ratio: `>= ${GOAL_RATIO}`, p99Ms: `<= ${GOAL_P99_MS_POSTGRES} (PostgreSQL)` },
      met,
    }),
  );
}

await runOnBenchDatabase(
  () =>
    openBenchDatabase(process.env.DATABASE_URL, {
      label: 'referral',
      poolSize,
      tidySharedDatabase: async (handle) => {
        await sql`drop table if exists bench_insert`.execute(handle.db);
      },
    }),
  bench,
);
