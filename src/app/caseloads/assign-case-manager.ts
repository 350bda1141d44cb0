import {
  countCaseloads,
  findCaseManagementSettings,
  insertAssignment,
  lockCaseload,
} from '../../db/repositories/caseloads.ts';
import { lockCareParticipant } from '../../db/repositories/participant-care.ts';
import type { Tx } from '../../db/scope.ts';
import { mayOverrideCaseloadCap, type Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { mayAssign } from '../../domain/participants/caseload.ts';
import { requireInProgram } from '../../domain/participants/participant-status.ts';
import { requireCareTeamMembers } from './care-team.ts';

export type Assignment = {
  participantId: string;
  caseManagerId: string;
  previousCaseManagerId: string | null;
  /** The new case manager's caseload with this person. */
  load: number;
  hardMax: number;
  /** True when a program manager assigned past the hard maximum (the reason is stored). */
  overCap: boolean;
  changed: boolean;
};

/**
 * Assigns (or reassigns) a participant's case manager. Refused at the hard maximum unless a program
 * manager gives a reason. Race-safe: the case manager's caseload row is locked before counting, so
 * two assignments competing for the last place are counted one after the other.
 */
export async function assignCaseManager(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  input: { participantId: string; caseManagerId: string; overrideReason: string | null },
): Promise<Assignment> {
  const { siteId, principal, now } = context;
  if (input.overrideReason !== null && !mayOverrideCaseloadCap(principal))
    throw new DomainError(
      'CASELOAD_OVERRIDE_NOT_PERMITTED',
      'Only a program manager can assign past the caseload maximum.',
    );
  const participant = await lockCareParticipant(tx, siteId, input.participantId);
  if (!participant) throw new DomainError('NOT_FOUND', 'Not found.');
  requireInProgram(participant.status, 'assigning a case manager');
  await requireCareTeamMembers(tx, siteId, [input.caseManagerId]);

  await lockCaseload(tx, siteId, input.caseManagerId, now);
  const { caps } = await findCaseManagementSettings(tx, siteId);
  const load = (await countCaseloads(tx, siteId, input.caseManagerId)).get(input.caseManagerId) ?? 0;
  if (participant.caseManagerId === input.caseManagerId)
    return {
      participantId: participant.id,
      caseManagerId: input.caseManagerId,
      previousCaseManagerId: participant.caseManagerId,
      load,
      hardMax: caps.hardMax,
      overCap: load > caps.hardMax,
      changed: false,
    };
  const overCap = !mayAssign(load, caps);
  if (overCap && input.overrideReason === null)
    throw new DomainError(
      'CASELOAD_FULL',
      `This case manager already carries ${load} people, the site's maximum of ${caps.hardMax}.`,
    );
  await insertAssignment(tx, siteId, {
    participantId: participant.id,
    caseManagerId: input.caseManagerId,
    previousCaseManagerId: participant.caseManagerId,
    assignedBy: principal.userId,
    assignedAt: now,
    loadBefore: load,
    hardMax: caps.hardMax,
    overrideReason: overCap ? input.overrideReason : null,
  });
  return {
    participantId: participant.id,
    caseManagerId: input.caseManagerId,
    previousCaseManagerId: participant.caseManagerId,
    load: load + 1,
    hardMax: caps.hardMax,
    overCap,
    changed: true,
  };
}
