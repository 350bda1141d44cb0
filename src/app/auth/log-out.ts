import { endSession } from '../../db/repositories/sessions.ts';
import { inScope } from '../../db/scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AppDeps } from '../deps.ts';

export async function logOut(deps: AppDeps, input: { tokenHash: string; userId: string; requestId: string }) {
  const now = deps.clock();
  await inScope(deps.db, { siteId: null, userId: input.userId }, async (tx) => {
    await endSession(tx, input.tokenHash, now);
    await recordAudit(tx, {
      occurredAt: now,
      userId: input.userId,
      role: null,
      siteId: null,
      action: 'auth.logout',
      resourceType: 'user',
      resourceId: input.userId,
      outcome: 'success',
      requestId: input.requestId,
    });
  });
}
