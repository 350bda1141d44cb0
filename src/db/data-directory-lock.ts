import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export type DataDirectoryLock = { release(): void };

export class DataDirectoryLockedError extends Error {}

const LOCK_FILE = 'lead.lock';

/**
 * Holds an exclusive lock file in the PGlite data folder: PGlite itself takes no lock, and two
 * processes opening one folder would corrupt it. A lock left by a process that has died is taken over.
 */
export function holdDataDirectoryLock(dataDirectory: string): DataDirectoryLock {
  const path = join(dataDirectory, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const descriptor = openSync(path, 'wx');
      writeSync(descriptor, `${process.pid}\n`);
      closeSync(descriptor);
      return { release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new DataDirectoryLockedError(
          `the data folder ${dataDirectory} is in use by another lead process (pid ${holder}); ` +
            'stop it first, or use another LEAD_DATA_DIR',
        );
      }
      if (holder === process.pid) {
        throw new DataDirectoryLockedError(
          `the data folder ${dataDirectory} is already open in this process (pid ${holder})`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirectoryLockedError(`could not lock the data folder ${dataDirectory}`);
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfOurs(path: string): void {
  if (readHolder(path) === process.pid) rmSync(path, { force: true });
}
