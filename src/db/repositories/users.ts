import type { Db } from '../database.ts';
import type { Tx } from '../scope.ts';

type Executor = Db | Tx;

export type UserRow = {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  lockedAt: Date | null;
  mfaSecret: string | null;
  mfaEnabledAt: Date | null;
};

const userColumns = [
  'id',
  'email',
  'display_name as displayName',
  'password_hash as passwordHash',
  'locked_at as lockedAt',
  'mfa_secret as mfaSecret',
  'mfa_enabled_at as mfaEnabledAt',
] as const;

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .select(userColumns)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Executor,
  user: { email: string; displayName: string; passwordHash: string },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email.toLowerCase(),
      display_name: user.displayName,
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordLoginFailure(db: Executor, userId: string, at: Date): Promise<void> {
  await db.insertInto('login_failures').values({ user_id: userId, failed_at: at }).execute();
}

export async function countLoginFailuresSince(db: Executor, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('failed_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function clearLoginFailures(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('login_failures').where('user_id', '=', userId).execute();
}

export async function lockUser(db: Executor, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ locked_at: at })
    .where('id', '=', userId)
    .where('locked_at', 'is', null)
    .execute();
}

/** Clears the lock and the failures that led to it; answers whether the account was locked. */
export async function unlockUser(db: Executor, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ locked_at: null })
    .where('id', '=', userId)
    .where('locked_at', 'is not', null)
    .executeTakeFirst();
  await clearLoginFailures(db, userId);
  return Number(result.numUpdatedRows) > 0;
}

export async function setPendingMfaSecret(db: Executor, userId: string, secret: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ mfa_secret: secret, mfa_enabled_at: null })
    .where('id', '=', userId)
    .execute();
}

export async function enableMfa(
  db: Executor,
  userId: string,
  at: Date,
  recoveryCodeHashes: string[],
): Promise<void> {
  await db.updateTable('users').set({ mfa_enabled_at: at }).where('id', '=', userId).execute();
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('mfa_recovery_codes')
    .values(recoveryCodeHashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
    .execute();
}

/** Marks an unused recovery code used; answers whether one was. */
export async function consumeRecoveryCode(
  db: Executor,
  userId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
