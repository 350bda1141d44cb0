import { findService } from '../../db/repositories/directory.ts';
import {
  findParticipantForReferral,
  insertServiceReferral,
} from '../../db/repositories/service-referrals.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireInProgram } from '../../domain/participants/participant-status.ts';
import { openServiceReferral } from '../../domain/service-referrals/service-referral.ts';
import { categoriesForOrganization } from './disclosure.ts';
import { notifyPartnerOfReferral } from './notify-partner.ts';

/**
 * The care team refers a participant to a partner service. Sending it discloses the person to the
 * partner, so a release in force must name that organization for service referrals; a person who
 * has exited is not referred. The partner's users are told by e-mail that a referral arrived (only
 * that), in the same transaction.
 */
export async function createServiceReferral(
  tx: Tx,
  context: { siteId: string; userId: string; now: Date; appUrl: string },
  participantId: string,
  request: { serviceId: string; reason: string },
): Promise<string> {
  const participant = await findParticipantForReferral(tx, context.siteId, participantId);
  if (!participant) throw new DomainError('NOT_FOUND', 'Not found.');
  requireInProgram(participant.status, 'referring them');
  const service = await findService(tx, context.siteId, request.serviceId);
  if (!service) throw new DomainError('UNKNOWN_SERVICE', 'That service is not in the directory.');
  const allowed = await categoriesForOrganization(tx, context, participantId, service.organization_id);
  if (!allowed.has('service_referrals'))
    throw new DomainError(
      'RELEASE_REQUIRED',
      'A referral tells the partner about this person: first record a release in force that names this organization for service referrals.',
    );
  const opened = openServiceReferral({ reason: request.reason, userId: context.userId, at: context.now });
  if (!opened.ok) throw new DomainError(opened.code, opened.message);
  const id = await insertServiceReferral(tx, {
    siteId: context.siteId,
    participantId,
    serviceId: service.id,
    organizationId: service.organization_id,
    note: opened.event.reason,
    event: opened.event,
  });
  await notifyPartnerOfReferral(tx, {
    siteId: context.siteId,
    organizationId: service.organization_id,
    appUrl: context.appUrl,
    at: context.now,
  });
  return id;
}
