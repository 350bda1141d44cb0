import {
  findRelease,
  type ReleaseRecord,
  revokeRelease as saveRevocation,
} from '../../db/repositories/releases.ts';
import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { accessibleParticipant } from './accessible-participant.ts';

/**
 * Revokes a release at once: from this transaction's commit, no recipient's next request sees
 * anything under it (every disclosure asks disclosableCategories at the moment of the read).
 */
export async function revokeRelease(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  participantId: string,
  releaseId: string,
  note: string | null,
): Promise<ReleaseRecord> {
  const { siteId, principal, now } = context;
  await accessibleParticipant(tx, siteId, participantId);
  const release = await findRelease(tx, siteId, participantId, releaseId);
  if (!release) throw new DomainError('NOT_FOUND', 'Not found.');
  if (!(await saveRevocation(tx, { siteId, releaseId, at: now, by: principal.userId, note })))
    throw new DomainError('RELEASE_ALREADY_REVOKED', 'This release was revoked already.');
  return { ...release, revokedAt: now, revokedBy: principal.userId, revocationNote: note };
}
