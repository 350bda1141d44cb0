import { findCaseManagementSettings } from '../../db/repositories/caseloads.ts';
import { type CareParticipant, findCareParticipant } from '../../db/repositories/participant-care.ts';
import { findSiteById } from '../../db/repositories/sites.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  type Engagement,
  type EngagementThresholds,
  engagementOf,
} from '../../domain/participants/engagement.ts';

/** A participant at the site in scope, or "not found" (another site's people do not exist here). */
export async function requireCareParticipant(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<CareParticipant> {
  const participant = await findCareParticipant(tx, siteId, participantId);
  if (!participant) throw new DomainError('NOT_FOUND', 'Not found.');
  return participant;
}

/** What engagement needs from the site: its time zone and thresholds. */
export async function engagementContext(
  tx: Tx,
  siteId: string,
): Promise<{ timeZone: string; thresholds: EngagementThresholds }> {
  const site = await findSiteById(tx, siteId);
  if (!site) throw new DomainError('NOT_FOUND', 'Not found.');
  return { timeZone: site.timezone, thresholds: (await findCaseManagementSettings(tx, siteId)).engagement };
}

export function engagementOfParticipant(
  participant: CareParticipant,
  now: Date,
  context: { timeZone: string; thresholds: EngagementThresholds },
): Engagement {
  return engagementOf(participant, now, context.timeZone, context.thresholds);
}
