// What the benchmarks share to measure: argument parsing, the phases they run (in a worker thread or
// here), percentiles by the nearest-rank method, per-phase stats and how they are printed, the audit
// chain's verdict, and running a bench on its database.
import type { Worker } from 'node:worker_threads';
import type { ChainVerdict } from '../../src/app/audit/verify-audit-chain.ts';
import type { BenchDatabase } from './bench-database.ts';

/** The whole number `text` given as `--name`, from `min` to `max`; else a message and exit code 2. */
export function wholeNumber(name: string, text: string, max: number, min = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`--${name} must be a whole number from ${min} to ${max}\n`);
    process.exit(2);
  }
  return value;
}

/** A phase: a number of requests (if given), bounded in time by `seconds` either way. */
export type Phase = { requests?: number; seconds: number };

/**
 * The measured phase from `--seconds S | --requests N` (not both; 10 seconds if neither): a number of
 * requests (bounded by `maxSeconds` too) or a number of seconds. `seconds` is undefined when
 * `--requests` was given, `requestsLimit` when it was not.
 */
export function measuredPhaseFromArgs(
  values: { seconds?: string | undefined; requests?: string | undefined },
  limits: { maxSeconds: number; maxRequests: number },
): { measured: Phase; seconds: number | undefined; requestsLimit: number | undefined } {
  if (values.seconds !== undefined && values.requests !== undefined) {
    process.stderr.write('give --seconds or --requests, not both\n');
    process.exit(2);
  }
  const requestsLimit =
    values.requests === undefined ? undefined : wholeNumber('requests', values.requests, limits.maxRequests);
  const seconds =
    requestsLimit === undefined
      ? wholeNumber('seconds', values.seconds ?? '10', limits.maxSeconds)
      : undefined;
  const measured: Phase = requestsLimit
    ? { requests: requestsLimit, seconds: limits.maxSeconds }
    : { seconds: seconds as number };
  return { measured, seconds, requestsLimit };
}

/** A request that did not answer as it should; `path` names which, where a phase sends several. */
export type Failure = { status: number; path?: string; body: string };

/** What a phase gives back: every request's latency (ms), the failures among them, its duration. */
export type PhaseResult<F extends Failure = Failure> = {
  latencies: number[];
  failures: F[];
  elapsedMs: number;
};

/** Sends `message` (a phase) to the client worker and resolves with the result it posts back. */
export function runInWorker<Result>(target: Worker, message: Phase & { mode?: string }): Promise<Result> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    target.once('error', onError);
    target.once('message', (result: Result) => {
      target.off('error', onError);
      resolve(result);
    });
    target.postMessage(message);
  });
}

/**
 * JavaScript for a client worker's source (plain JavaScript: a TypeScript worker entry does not load
 * under tsx on Node 20): `runPhase(clients, phase, send, failed)` runs one loop per client, each
 * sending `send(client)` (resolving to a failure or null) until the phase's requests (if given) are
 * started, its seconds are up or the worker's `stopping` is set; a request that throws counts as
 * `failed(String(error))`. It resolves with the phase's result (latencies, failures, elapsedMs). The
 * worker's source must declare `let stopping`.
 */
export const WORKER_RUN_PHASE = `
async function runPhase(clients, { requests, seconds }, send, failed) {
  const latencies = [];
  const failures = [];
  let started = 0;
  const begin = performance.now();
  const end = begin + seconds * 1000;
  const more = () => !stopping && (requests === undefined || started < requests);
  await Promise.all(clients.map(async (client) => {
    while (more() && performance.now() < end) {
      started += 1;
      const sent = performance.now();
      const failure = await send(client).catch((error) => failed(String(error)));
      latencies.push(performance.now() - sent);
      if (failure) failures.push(failure);
    }
  }));
  return { latencies, failures, elapsedMs: performance.now() - begin };
}
`;

/** `n` rounded to two decimals. */
export const twoDecimals = (n: number): number => Math.round(n * 100) / 100;

export type Percentiles = { p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number };

/**
 * p50, p90, p99 and the maximum of `latencies` (ms, two decimals), by the nearest-rank method: the
 * p-th percentile is the ceil(p/100 × n)-th smallest value. All zero when there are none.
 */
export function percentiles(latencies: readonly number[]): Percentiles {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (percent: number) =>
    sorted.length === 0 ? 0 : (sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)] as number);
  return {
    p50Ms: twoDecimals(at(50)),
    p90Ms: twoDecimals(at(90)),
    p99Ms: twoDecimals(at(99)),
    maxMs: twoDecimals(sorted.at(-1) ?? 0),
  };
}

/** A phase of requests summed up; its fields, in this order, are in the benches' JSON lines. */
export type Stats = {
  requests: number;
  errors: number;
  throughputPerSecond: number;
} & Percentiles;

/** The phase's stats: requests completed, errors, throughput (one decimal) and percentiles. */
export function statsOf(result: PhaseResult<Failure>): Stats {
  return {
    requests: result.latencies.length,
    errors: result.failures.length,
    throughputPerSecond: Math.round((result.latencies.length / (result.elapsedMs / 1000)) * 10) / 10,
    ...percentiles(result.latencies),
  };
}

/**
 * One line for a phase's stats: `label: N requests, E errors, T req/s; p50 …`; `unit` replaces
 * "requests" and `rate` the suffix right after the throughput (" req/s").
 */
export function describe(label: string, stats: Stats, words: { unit?: string; rate?: string } = {}): string {
  const { unit = 'requests', rate = ' req/s' } = words;
  return (
    `${label}: ${stats.requests} ${unit}, ${stats.errors} errors, ${stats.throughputPerSecond}${rate}; ` +
    `p50 ${stats.p50Ms} ms, p90 ${stats.p90Ms} ms, p99 ${stats.p99Ms} ms, max ${stats.maxMs} ms`
  );
}

/** Prints the failures, if any: `label: N <heading>:` then up to 10 distinct ones with their counts. */
export function printFailures(
  label: string,
  failures: readonly Failure[],
  heading = 'failed requests',
): void {
  if (failures.length === 0) return;
  const counts = new Map<string, number>();
  for (const failure of failures) {
    const key =
      failure.path === undefined
        ? `${failure.status} ${failure.body}`
        : `${failure.status} ${failure.path} ${failure.body}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  console.log(`${label}: ${failures.length} ${heading}:`);
  for (const [key, count] of [...counts].slice(0, 10)) console.log(`  ${count} x ${key}`);
}

/** The line a bench prints for the audit chain it verified at the end. */
export function describeAuditChain(chain: ChainVerdict): string {
  return chain.intact
    ? `audit chain: intact, ${chain.rows} rows verified`
    : `audit chain: BROKEN at seq ${chain.firstBadSeq} (${chain.reason}) after ${chain.rows} rows`;
}

/** The audit chain as a bench's JSON line gives it (`auditChain`). */
export function auditChainSummary(
  chain: ChainVerdict,
): { intact: true; rows: number } | { intact: false; rows: number; firstBadSeq: number } {
  return chain.intact
    ? { intact: true, rows: chain.rows }
    : { intact: false, rows: chain.rows, firstBadSeq: chain.firstBadSeq };
}

/**
 * Opens the bench's database, runs `bench` on it and cleans it up, whatever happens; an error is
 * written to stderr (with its stack) and sets exit code 1.
 */
export async function runOnBenchDatabase(
  open: () => Promise<BenchDatabase>,
  bench: (database: BenchDatabase) => Promise<void>,
): Promise<void> {
  let database: BenchDatabase | undefined;
  try {
    database = await open();
    await bench(database);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await database?.cleanUp();
  }
}
