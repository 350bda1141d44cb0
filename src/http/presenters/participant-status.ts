import type {
  ParticipantStanding,
  ParticipantStatusEventRecord,
} from '../../db/repositories/participant-status-events.ts';

/** A participant's status and its history, for the care team. */
export function presentParticipantStatus(
  participant: ParticipantStanding,
  events: readonly ParticipantStatusEventRecord[],
) {
  return {
    participantId: participant.id,
    status: participant.status,
    exitedAt: participant.exitedAt?.toISOString() ?? null,
    exitReason: participant.exitReason,
    events: events.map((event) => ({
      seq: event.seq,
      event: event.event,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      exitReason: event.exitReason,
      note: event.reason,
      byUserId: event.userId,
      at: event.at.toISOString(),
    })),
  };
}
