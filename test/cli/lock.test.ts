import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, removeFolder, temporaryFolder } from './support.ts';

const HOLD_LOCK = join(ROOT, 'test/cli/fixtures/hold-lock.ts');
const PROCESSES = 8;
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) removeFolder(folder);
});

/** The pid of a process that has exited: what a crashed `lead` leaves in its lock file. */
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid as number));
  });
}

/** Runs the fixture: answers its pid and what it printed ("held", or "refused: ..."). */
function holdLock(folder: string, startAt: number): Promise<{ pid: number; said: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLD_LOCK, folder, String(startAt)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve({ pid: child.pid as number, said: output.trim() }));
  });
}

describe('the data-folder lock', () => {
  it.each([
    [PROCESSES, 1],
    [PROCESSES, 2],
    [PROCESSES, 3],
  ])(
    'left by a crashed process, is taken over by exactly one of %i processes starting at once (round %i)',
    async (count) => {
      const folder = temporaryFolder('lead-lock-');
      folders.push(folder);
      const stale = await deadPid();
      writeFileSync(join(folder, 'lead.lock'), `${stale}\n`);

      // Far enough ahead that every process has loaded before the moment comes.
      const startAt = Date.now() + 4000;
      const results = await Promise.all(Array.from({ length: count }, () => holdLock(folder, startAt)));

      const holders = results.filter((result) => result.said === 'held');
      expect(holders, JSON.stringify(results)).toHaveLength(1);
      const winner = holders[0]?.pid;
      for (const result of results.filter((result) => result.said !== 'held'))
        expect(result.said).toMatch(
          new RegExp(`^refused: .* in use by another lead process \\(pid ${winner}\\)`),
        );
      // Released on exit, and nothing left behind.
      expect(readdirSync(folder)).toEqual([]);
    },
  );

  it('still refuses while its holder is alive', async () => {
    const folder = temporaryFolder('lead-lock-');
    folders.push(folder);
    writeFileSync(join(folder, 'lead.lock'), `${process.pid}\n`);
    const result = await holdLock(folder, 0);
    expect(result.said).toMatch(new RegExp(`in use by another lead process \\(pid ${process.pid}\\)`));
    expect(readFileSync(join(folder, 'lead.lock'), 'utf8')).toBe(`${process.pid}\n`);
  });
});
