import type { CreateReleaseRequest } from '../../contracts/participants.ts';
import { insertRelease } from '../../db/repositories/releases.ts';
import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { requireInProgram } from '../../domain/participants/participant-status.ts';
import { accessibleParticipant } from './accessible-participant.ts';

/**
 * Records a signed release of information for a participant (every §2.31 element checked by the
 * request schema). A participant who exited gets no new release. Answers the release's id.
 */
export async function recordRelease(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  participantId: string,
  request: CreateReleaseRequest,
): Promise<string> {
  const { siteId, principal, now } = context;
  const participant = await accessibleParticipant(tx, siteId, participantId);
  requireInProgram(participant.status, 'recording a release');
  return insertRelease(tx, siteId, {
    participantId,
    personName: request.personName,
    discloser: request.discloser,
    categories: request.categories,
    recipients: request.recipients.map((recipient) => ({
      kind: recipient.kind,
      organizationId: recipient.organizationId ?? null,
      name: recipient.name,
    })),
    purpose: request.purpose,
    revocationTerms: request.revocationTerms,
    expiresOn: request.expiresOn ?? null,
    expiryEvent: request.expiryEvent ?? null,
    signatureKind: request.signature.kind,
    signature: request.signature.kind === 'typed' ? request.signature.typedName : request.signature.image,
    signedOn: request.signedOn,
    recordedBy: principal.userId,
    recordedAt: now,
  });
}
