import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Io } from '../command.ts';

/** The full path of `program` on PATH, if it is there. */
export function findOnPath(program: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(folder, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** The URL without its password, which goes in PGPASSWORD instead so `ps` does not show it. */
function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs pg_dump or pg_restore with the arguments `argsFor` builds around the database URL (whose
 * password travels in PGPASSWORD), forwarding their messages;
 * if the program is not installed, prints the command to run and answers 1.
 */
export async function runPostgresTool(
  program: 'pg_dump' | 'pg_restore',
  argsFor: (url: string) => string[],
  databaseUrl: string,
  io: Io,
): Promise<number> {
  const { url, password } = splitPassword(databaseUrl);
  const path = findOnPath(program);
  if (!path) {
    io.err(`${program} is not installed (or not on PATH). Run this where it is:`);
    io.err(`  ${[program, ...argsFor(url)].map(shellQuote).join(' ')}`);
    if (password) io.err('  with the password in PGPASSWORD or ~/.pgpass');
    return 1;
  }
  const child = spawn(path, argsFor(url), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  });
  const forward = (stream: NodeJS.ReadableStream, write: (line: string) => void) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) write(line);
    });
    stream.on('end', () => rest && write(rest));
  };
  forward(child.stdout, io.out);
  forward(child.stderr, io.err);
  const status = await new Promise<number>((resolve) => {
    child.on('error', (error) => {
      io.err(`${program}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
  if (status !== 0) io.err(`${program} failed (exit status ${status})`);
  return status === 0 ? 0 : 1;
}
