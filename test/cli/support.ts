import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEAD = join(ROOT, 'bin/lead.mjs');

/** A new, empty temporary folder; removed by `removeFolder` (in afterAll). */
export function temporaryFolder(prefix = 'lead-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

export type Outcome = { status: number; out: string[]; err: string[] };

/**
 * Runs `lead` in this process with captured output, with `env` set in process.env for the call
 * (and put back after), and `stdin` as standard input.
 */
export async function lead(
  argv: string[],
  options: { env?: Record<string, string | undefined>; stdin?: string } = {},
): Promise<Outcome> {
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries({ LOG_LEVEL: 'silent', ...options.env })) {
    saved.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const out: string[] = [];
  const err: string[] = [];
  try {
    const status = await main(argv, {
      out: (line) => out.push(...line.split('\n')),
      err: (line) => err.push(...line.split('\n')),
      stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    });
    return { status, out, err };
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Runs `node bin/lead.mjs ...` as a real process; answers its exit status and output. */
export function leadProcess(
  argv: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [LEAD, ...argv], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(options.stdin ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export type Server = {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  output(): string;
  /** SIGTERM (or the signal given), then waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Starts `lead serve` on a loopback port the system picks (PORT=0), and waits until /healthz
 * answers 200. Rejects with the server's output if it exits first.
 */
export async function startServer(dataDirectory: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [LEAD, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LEAD_DATA_DIR: dataDirectory,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
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
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!done) child.kill(signal);
    return exited;
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (done) throw new Error(`lead serve exited before it was up:\n${output}`);
    const match = /running at (http:\/\/\S+)/.exec(output);
    if (match?.[1]) {
      const baseUrl = match[1].replace('localhost', '127.0.0.1');
      const health = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
      if (health?.status === 200) {
        return { child, pid: child.pid as number, baseUrl, output: () => output, stop };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop('SIGKILL');
  throw new Error(`lead serve did not answer /healthz within 90 s:\n${output}`);
}

/** Waits for a process to exit, with a bound; answers its exit code or signal. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}
