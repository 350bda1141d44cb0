// Participant paths: kept apart from the pages so the router can tell them without loading them.
import { PATHS } from '../../routing.ts';

const ID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

export const participantPath = (participantId: string) => `${PATHS.participants}/${participantId}`;
export const intakePath = (participantId: string) => `${participantPath(participantId)}/intake`;
export const releasePrintPath = (participantId: string, releaseId: string) =>
  `${participantPath(participantId)}/releases/${releaseId}/print`;

/** The participant id in /participants/<id>, or undefined. */
export function participantIdOf(path: string): string | undefined {
  return new RegExp(`^/participants/${ID}$`, 'i').exec(path)?.[1];
}

/** The participant id in /participants/<id>/intake, or undefined. */
export function intakeIdOf(path: string): string | undefined {
  return new RegExp(`^/participants/${ID}/intake$`, 'i').exec(path)?.[1];
}

/** The participant and release ids in /participants/<id>/releases/<id>/print, or undefined. */
export function releasePrintIdsOf(path: string): { participantId: string; releaseId: string } | undefined {
  const match = new RegExp(`^/participants/${ID}/releases/${ID}/print$`, 'i').exec(path);
  return match?.[1] && match[2] ? { participantId: match[1], releaseId: match[2] } : undefined;
}

/** Which participant page a path is, if any (the router asks this one function). */
export function participantRouteOf(
  path: string,
):
  | { page: 'participant' | 'intake'; participantId: string; releaseId?: undefined }
  | { page: 'print'; participantId: string; releaseId: string }
  | undefined {
  const participantId = participantIdOf(path);
  if (participantId) return { page: 'participant', participantId };
  const intakeId = intakeIdOf(path);
  if (intakeId) return { page: 'intake', participantId: intakeId };
  const print = releasePrintIdsOf(path);
  return print ? { page: 'print', ...print } : undefined;
}
