import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type DataDirectoryLock = { release(): void };

export class DataDirectoryLockedError extends Error {}

const LOCK_FILE = 'lead.lock';
/** Held, for a moment, by the one process allowed to replace a stale lock file. */
const TAKEOVER_SUFFIX = '.takeover';
const ATTEMPTS = 100;
const PAUSE_MILLISECONDS = 10;

/**
 * Holds an exclusive lock file in the PGlite data folder: PGlite itself takes no lock, and two
 * processes opening one folder would corrupt it. A lock left by a process that has died is taken
 * over, by exactly one process however many start at once.
 *
 * What must hold: a lock file appears only whole (written aside, then hard-linked into place, which
 * fails if one exists), and only a process holding the takeover file removes another's lock file,
 * after checking under it that the holder is dead. Nobody else can remove or replace that file in
 * between, so the check stays true until the removal.
 */
export function holdDataDirectoryLock(dataDirectory: string): DataDirectoryLock {
  const path = join(dataDirectory, LOCK_FILE);
  const held = { release: () => releaseIfOurs(path) };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusively(path)) return held;
    const holder = readHolder(path);
    if (holder === undefined) continue; // released meanwhile
    if (holder === process.pid) {
      throw new DataDirectoryLockedError(
        `the data folder ${dataDirectory} is already open in this process (pid ${holder})`,
      );
    }
    if (holder !== 'unreadable' && isAlive(holder)) {
      throw new DataDirectoryLockedError(
        `the data folder ${dataDirectory} is in use by another lead process (pid ${holder}); ` +
          'stop it first, or use another LEAD_DATA_DIR',
      );
    }
    const outcome = takeOver(path);
    if (outcome === 'taken') return held;
    if (outcome === 'busy') pause(PAUSE_MILLISECONDS);
  }
  throw new DataDirectoryLockedError(`could not lock the data folder ${dataDirectory}`);
}

/**
 * Replaces a dead process's lock file with ours, holding the takeover file meanwhile: 'busy' when
 * another process holds it, 'changed' when the lock file is no longer a dead process's.
 */
function takeOver(path: string): 'taken' | 'busy' | 'changed' {
  const takeover = `${path}${TAKEOVER_SUFFIX}`;
  if (!createExclusively(takeover)) {
    removeIfStale(takeover);
    return 'busy';
  }
  try {
    const holder = readHolder(path);
    if (holder === undefined || holder === process.pid) return 'changed';
    if (holder !== 'unreadable' && isAlive(holder)) return 'changed';
    rmSync(path, { force: true });
    return createExclusively(path) ? 'taken' : 'changed';
  } finally {
    rmSync(takeover, { force: true });
  }
}

/**
 * Removes a takeover file whose process died while holding it (a crash in a window of a few
 * system calls). Two processes doing this at once could both proceed; that needs a second crash.
 */
function removeIfStale(takeover: string): void {
  const holder = readHolder(takeover);
  if (holder === 'unreadable' || (holder !== undefined && holder !== process.pid && !isAlive(holder)))
    rmSync(takeover, { force: true });
}

/** Creates `path` holding our pid, whole, unless it exists; answers whether it did. */
function createExclusively(path: string): boolean {
  const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(aside, `${process.pid}\n`, { flag: 'wx' });
  try {
    linkSync(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

/** The pid in a lock file; undefined when there is no file, 'unreadable' when it holds no pid. */
function readHolder(path: string): number | 'unreadable' | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'unreadable';
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : 'unreadable';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits without giving up the thread: the lock is taken before anything else runs. */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

function releaseIfOurs(path: string): void {
  if (readHolder(path) === process.pid) rmSync(path, { force: true });
}
