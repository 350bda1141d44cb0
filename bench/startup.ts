// `npm run bench -- startup [--runs N]`: the cold start of `npm start` (node scripts/start.mjs), from
// spawn to the first 200 from GET /healthz, on an empty data folder and on one already migrated and
// seeded, against a baseline of PGlite opening alone. Talks only to 127.0.0.1; every wait is bounded.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const MAX_RUNS = 20;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, strict: true });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
  process.stderr.write(`--runs must be a whole number from 1 to ${MAX_RUNS}\n`);
  process.exit(2);
}

const folders: string[] = [];
function temporaryFolder(): string {
  const path = mkdtempSync(join(tmpdir(), 'lead-bench-startup-'));
  folders.push(path);
  return path;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM, then waits for the exit (SIGKILL after STOP_TIMEOUT_MS). */
async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited(child);
  clearTimeout(timer);
}

/** Starts `npm start`'s script on a data folder; answers ms from spawn to the first 200 from /healthz. */
async function timeStart(dataDirectory: string): Promise<{ ms: number; output: string }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      LEAD_DATA_DIR: dataDirectory,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  try {
    while (performance.now() - started < START_TIMEOUT_MS) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`npm start exited before it answered:\n${output}`);
      const status = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) })
        .then((response) => response.status)
        .catch(() => 0);
      if (status === 200) return { ms: performance.now() - started, output };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`npm start did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${output}`);
  } finally {
    await stop(child);
  }
}

/** PGlite.create() in memory, timed inside a fresh Node process (so the WebAssembly is compiled cold). */
function timePgliteOpen(): Promise<number> {
  const script = `
    const { PGlite } = await import('@electric-sql/pglite');
    const started = performance.now();
    const pglite = await PGlite.create();
    const ms = performance.now() - started;
    await pglite.close();
    process.stdout.write(String(ms));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
  return exited(child).then(() => {
    clearTimeout(timer);
    const ms = Number(output);
    if (!Number.isFinite(ms) || ms <= 0) throw new Error(`the PGlite baseline failed: ${output}`);
    return ms;
  });
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const round = (ms: number) => Math.round(ms);
/** A timed run should never build; if the web sources changed during the bench, say so beside it. */
const buildNote = (output: string) =>
  output.includes('Building the web app') ? ' (includes a web build: its sources changed meanwhile)' : '';

async function bench() {
  // Untimed warm-up: builds the web app if its sources changed (as `npm start` does), so the build is
  // not in any timed run, and leaves a migrated, seeded folder for the "existing folder" runs.
  const existing = temporaryFolder();
  const warmUp = await timeStart(existing);
  const built = warmUp.output.includes('Building the web app');
  console.log(
    `warm-up (not timed): ${built ? 'built the web app first' : 'the web build was up to date, no build'}; ` +
      `${round(warmUp.ms)} ms to /healthz`,
  );

  const emptyFolder: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const { ms, output } = await timeStart(temporaryFolder());
    emptyFolder.push(ms);
    console.log(`empty folder    run ${run}: ${round(ms)} ms${buildNote(output)}`);
  }
  const existingFolder: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const { ms, output } = await timeStart(existing);
    existingFolder.push(ms);
    console.log(`existing folder run ${run}: ${round(ms)} ms${buildNote(output)}`);
  }
  const pgliteOpen: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const ms = await timePgliteOpen();
    pgliteOpen.push(ms);
    console.log(`PGlite.create in memory run ${run}: ${round(ms)} ms`);
  }

  const emptyFolderMedianMs = round(median(emptyFolder));
  const existingFolderMedianMs = round(median(existingFolder));
  const pgliteOpenMedianMs = round(median(pgliteOpen));
  console.log(
    `medians: empty folder ${emptyFolderMedianMs} ms, existing folder ${existingFolderMedianMs} ms, ` +
      `PGlite open alone ${pgliteOpenMedianMs} ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'startup',
      runs,
      webBuildBeforeTiming: built,
      emptyFolderMedianMs,
      existingFolderMedianMs,
      baseline: 'PGlite open alone (PGlite.create in-memory)',
      pgliteOpenMedianMs,
      emptyFolderRatioToBaseline: Number((emptyFolderMedianMs / pgliteOpenMedianMs).toFixed(2)),
      existingFolderRatioToBaseline: Number((existingFolderMedianMs / pgliteOpenMedianMs).toFixed(2)),
    }),
  );
}

try {
  await bench();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  for (const path of folders) rmSync(path, { recursive: true, force: true });
}
