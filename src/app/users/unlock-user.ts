import type { Db } from '../../db/database.ts';
import { findUserByEmail, unlockUser as unlockUserRow } from '../../db/repositories/users.ts';
import { inScope } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Clock } from '../deps.ts';

/** Lifts a lockout (an admin's act from the command line), and audits it. */
export async function unlockUser(db: Db, clock: Clock, email: string): Promise<{ wasLocked: boolean }> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new DomainError('USER_NOT_FOUND', `No account has the e-mail address ${email}.`);
  return inScope(db, { siteId: null, userId: user.id }, async (tx) => {
    const wasLocked = await unlockUserRow(tx, user.id);
    await recordAudit(tx, {
      occurredAt: clock(),
      userId: null,
      role: 'admin',
      siteId: null,
      action: 'auth.unlock',
      resourceType: 'user',
      resourceId: user.id,
      outcome: 'success',
      requestId: 'cli',
    });
    return { wasLocked };
  });
}
