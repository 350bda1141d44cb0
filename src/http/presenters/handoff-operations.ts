import type { PendingIntake } from '../../app/intake-deadlines/pending-intakes.ts';
import type { StaffContact } from '../../db/repositories/staff-contacts.ts';

export function presentStaffContact(contact: StaffContact) {
  return {
    userId: contact.userId,
    smsNumber: contact.smsNumber,
    smsEnabled: contact.smsEnabled,
    updatedAt: contact.updatedAt?.toISOString() ?? null,
  };
}

/** One row of the case manager's queue: the person's name or alias is for the care team only. */
export function presentPendingIntake(intake: PendingIntake) {
  const handoff = intake.latestHandoff;
  return {
    referralId: intake.referralId,
    personName: intake.personName,
    pathway: intake.pathway,
    acceptedAt: intake.acceptedAt.toISOString(),
    dueAt: intake.dueAt.toISOString(),
    daysLeft: intake.daysLeft,
    latestHandoff: handoff
      ? {
          id: handoff.id,
          state: handoff.state,
          mode: handoff.mode,
          requestedAt: handoff.requestedAt.toISOString(),
          updatedAt: handoff.updatedAt.toISOString(),
        }
      : null,
    caseManager:
      intake.caseManagerId !== null
        ? { userId: intake.caseManagerId, displayName: intake.caseManagerName ?? '' }
        : null,
  };
}
