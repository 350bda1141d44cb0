// The hand-off page's path: kept apart from the page so the router can tell it without loading it.
import { PATHS } from '../../routing.ts';

const ID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

export const handoffPath = (handoffId: string) => `${PATHS.handoffs}/${handoffId}`;

/** The hand-off id in /handoffs/<id>, or undefined for any other path. */
export function handoffIdOf(path: string): string | undefined {
  return new RegExp(`^/handoffs/${ID}$`, 'i').exec(path)?.[1];
}
