import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { verifyAuditChain } from '../../app/audit/verify-audit-chain.ts';
import type { Config } from '../../config.ts';
import { DataDirectoryLockedError, holdDataDirectoryLock } from '../../db/data-directory-lock.ts';
import { type DatabaseHandle, openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { CommandFailure, type Io } from '../command.ts';
import { holdsPgliteDatabase, pgliteDataFolder } from '../database.ts';
import { rowCount } from './audit.ts';

/** Runs `open`, which takes the data folder's lock; a held lock becomes "stop the server first". */
async function whileServerStopped<T>(open: () => T | Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof DataDirectoryLockedError)
      throw new CommandFailure(`${error.message}. Stop the server first, then run this again.`);
    throw error;
  }
}

/** The PGlite instance under a handle opened with kind 'pglite' (openDatabase does not type it). */
function pgliteOf(handle: DatabaseHandle): PGlite {
  const { pglite } = handle as DatabaseHandle & { pglite?: PGlite };
  if (handle.kind !== 'pglite' || !pglite) throw new Error('not a PGlite database');
  return pglite;
}

/** Writes the PGlite data folder, as a gzipped tarball, to `file`; holds the folder's lock meanwhile. */
export async function backupPglite(config: Config, file: string, io: Io): Promise<number> {
  const dataDirectory = resolve(config.dataDirectory);
  if (!holdsPgliteDatabase(config))
    throw new CommandFailure(`there is no database in ${dataDirectory} to back up`);
  const handle = await whileServerStopped(() => openDatabase({ kind: 'pglite', dataDirectory }));
  try {
    const pglite = pgliteOf(handle);
    // A checkpoint first, so the tarball holds the data pages, not only the log to replay.
    await handle.checkpoint();
    const tarball = Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
    // Written beside the target and renamed onto it, so a failure never leaves half a backup there.
    const partial = `${file}.partial-${process.pid}`;
    try {
      writeFileSync(partial, tarball, { mode: 0o600 });
      renameSync(partial, file);
    } finally {
      rmSync(partial, { force: true });
    }
    io.out(`backed up ${dataDirectory} to ${file} (${tarball.length} bytes)`);
    return 0;
  } finally {
    await handle.close();
  }
}

function looksLikeTarball(bytes: Buffer): { gzip: boolean } | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { gzip: true };
  if (bytes.subarray(257, 262).toString('latin1') === 'ustar') return { gzip: false };
  return undefined;
}

/**
 * Recreates the PGlite database from a backup. An existing database is kept, moved aside to
 * pgdata.before-restore-<timestamp>, and only with `force`; if the restore fails it is put back.
 */
export async function restorePglite(config: Config, file: string, force: boolean, io: Io): Promise<number> {
  const dataDirectory = resolve(config.dataDirectory);
  const pgdata = pgliteDataFolder(config);
  const bytes = readFileSync(file);
  const kind = looksLikeTarball(bytes);
  if (!kind) throw new CommandFailure(`${file} is not a lead backup (a tarball of a PGlite data folder)`);

  mkdirSync(dataDirectory, { recursive: true });
  let setAside: string | undefined;
  const lock = await whileServerStopped(() => holdDataDirectoryLock(dataDirectory));
  try {
    const occupied = existsSync(pgdata) && readdirSync(pgdata).length > 0;
    if (occupied && !holdsPgliteDatabase(config) && !force)
      throw new CommandFailure(`${pgdata} is not empty; add --force to move it aside and restore`);
    if (occupied && !force)
      throw new CommandFailure(
        `${dataDirectory} already holds a database; add --force to move it aside (it is kept) and restore`,
      );
    if (occupied) {
      setAside = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(pgdata, setAside);
    } else {
      rmSync(pgdata, { recursive: true, force: true });
    }
  } finally {
    // openDatabase takes the lock again; it refuses a lock this process already holds.
    lock.release();
  }

  let handle: DatabaseHandle | undefined;
  try {
    const blob = new Blob([bytes], { type: kind.gzip ? 'application/x-gzip' : 'application/x-tar' });
    handle = await whileServerStopped(() =>
      openDatabase({ kind: 'pglite', dataDirectory, loadDataDir: blob }),
    );
    const applied = await migrate(handle.db);
    const verdict = await verifyAuditChain(handle.db);
    io.out(`restored ${file} into ${dataDirectory}`);
    if (applied.length) io.out(`applied migrations newer than the backup: ${applied.join(', ')}`);
    io.out(
      verdict.intact
        ? `audit log intact: ${rowCount(verdict.rows)}`
        : `warning: the restored audit log is broken at row ${verdict.firstBadSeq}: ${verdict.reason}`,
    );
    if (setAside) io.out(`the database that was there is kept in ${setAside}`);
    return 0;
  } catch (error) {
    await handle?.close();
    handle = undefined;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (error instanceof CommandFailure) {
      // Someone else opened the folder after the old database was moved aside: leave it all alone.
      throw new CommandFailure(`${reason}${setAside ? ` (the previous database is in ${setAside})` : ''}`);
    }
    throw new CommandFailure(
      `could not restore ${file}: ${reason}${putBack(dataDirectory, pgdata, setAside)}`,
    );
  } finally {
    await handle?.close();
  }
}

/** Removes a failed restore and moves the set-aside database back, under the folder's lock. */
function putBack(dataDirectory: string, pgdata: string, setAside: string | undefined): string {
  let lock: { release(): void };
  try {
    lock = holdDataDirectoryLock(dataDirectory);
  } catch {
    return setAside ? ` (the previous database is in ${setAside})` : '';
  }
  try {
    rmSync(pgdata, { recursive: true, force: true });
    if (!setAside) return '';
    renameSync(setAside, pgdata);
    return '; the previous database is back in place';
  } finally {
    lock.release();
  }
}
