import type { ArrestDiversionDeadline } from '../../db/repositories/intake-deadlines.ts';

/** The prosecutor's row: exactly the fields the issue lists, plus the opaque id to decide on. */
export function presentArrestDiversionDeadline(deadline: ArrestDiversionDeadline) {
  return {
    id: deadline.id,
    incidentNumber: deadline.incidentNumber,
    referringOfficer: deadline.referringOfficer,
    referralDate: deadline.referredAt.toISOString(),
    deadline: deadline.dueAt.toISOString(),
    intakeCompleted: deadline.intakeCompletedAt !== null,
    intakeCompletedOn: deadline.intakeCompletedAt?.toISOString() ?? null,
    decision: deadline.decision,
  };
}
