import {
  countCaseloads,
  findCaseManagementSettings,
  insertAssignment,
  lockCaseload,
} from '../../db/repositories/caseloads.ts';
import type { Tx } from '../../db/scope.ts';
import { mayOverrideCaseloadCap, type Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { mayAssign } from '../../domain/participants/caseload.ts';

/**
 * Someone who exited comes back to the case manager they had: that is an assignment like any other,
 * so it takes the same rule as assignCaseManager. The case manager's caseload row is locked before
 * counting (two re-entries or an assignment racing for the last place take turns); at the hard
 * maximum it is refused (CASELOAD_FULL) unless a program manager gives a reason, which is stored with
 * the assignment. Call it with the participant locked and still exited (not yet counted).
 */
export async function keepCaseManagerOnReEntry(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  input: { participantId: string; caseManagerId: string; overrideReason: string | null },
): Promise<{ overCap: boolean }> {
  const { siteId, principal, now } = context;
  if (input.overrideReason !== null && !mayOverrideCaseloadCap(principal))
    throw new DomainError(
      'CASELOAD_OVERRIDE_NOT_PERMITTED',
      'Only a program manager can assign past the caseload maximum.',
    );
  await lockCaseload(tx, siteId, input.caseManagerId, now);
  const { caps } = await findCaseManagementSettings(tx, siteId);
  const load = (await countCaseloads(tx, siteId, input.caseManagerId)).get(input.caseManagerId) ?? 0;
  if (mayAssign(load, caps)) return { overCap: false };
  if (input.overrideReason === null)
    throw new DomainError(
      'CASELOAD_FULL',
      `Their case manager already carries ${load} people, the site's maximum of ${caps.hardMax}.`,
    );
  await insertAssignment(tx, siteId, {
    participantId: input.participantId,
    caseManagerId: input.caseManagerId,
    previousCaseManagerId: input.caseManagerId,
    assignedBy: principal.userId,
    assignedAt: now,
    loadBefore: load,
    hardMax: caps.hardMax,
    overrideReason: input.overrideReason,
  });
  return { overCap: true };
}
