import type { SaveIntakeRequest } from '../../contracts/participants.ts';
import { findIntake, saveIntakeDraft } from '../../db/repositories/intakes.ts';
import { lockParticipant, replaceContactMethods } from '../../db/repositories/participants.ts';
import type { Tx } from '../../db/scope.ts';
import type { Principal } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { accessibleParticipant } from './accessible-participant.ts';

/**
 * Saves the intake as a draft (a case manager in the field is often interrupted): the fields given
 * replace what was saved, the rest stay. Ways to reach the person are kept on the person at once,
 * so reminders can use them before the intake completes. A completed intake is not a draft.
 */
export async function saveIntake(
  tx: Tx,
  context: { siteId: string; principal: Principal; now: Date },
  participantId: string,
  request: SaveIntakeRequest,
): Promise<void> {
  const { siteId, principal, now } = context;
  const participant = await accessibleParticipant(tx, siteId, participantId);
  await lockParticipant(tx, siteId, participantId);
  const intake = await findIntake(tx, siteId, participantId);
  if (!intake) throw new DomainError('NOT_FOUND', 'Not found.');
  if (intake.state === 'completed')
    throw new DomainError('INTAKE_COMPLETED', 'This intake is completed; it is no longer a draft.');
  await saveIntakeDraft(tx, {
    siteId,
    participantId,
    by: principal.userId,
    at: now,
    neededNow: request.neededNow,
    immediateNeeds: request.immediateNeeds,
    priorities: request.priorities,
    demographics: request.demographics,
    needs: request.needs?.map((need) => ({
      domain: need.domain,
      level: need.level,
      notes: need.notes ?? null,
    })),
  });
  if (request.contactMethods !== undefined)
    await replaceContactMethods(
      tx,
      siteId,
      participant.personId,
      request.contactMethods.map((method) => ({
        kind: method.kind,
        value: method.value,
        note: method.note ?? null,
        remindersAllowed: method.remindersAllowed,
      })),
    );
}
