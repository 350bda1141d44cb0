// The care team's referral paths: kept apart from the pages so the router can tell them without
// loading the pages (which are loaded when first opened).
import { PATHS } from '../../routing.ts';

const ID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

export const referralPath = (referralId: string) => `${PATHS.referralQueue}/${referralId}`;

export const screenRequestPath = (referralId: string) => `${referralPath(referralId)}/screen`;

/** The referral id in /referrals/<id>, or undefined for any other path (e.g. /referrals/mine). */
export function referralIdOf(path: string): string | undefined {
  return new RegExp(`^/referrals/${ID}$`, 'i').exec(path)?.[1];
}

/** The referral id in /referrals/<id>/screen, or undefined for any other path. */
export function screenRequestIdOf(path: string): string | undefined {
  return new RegExp(`^/referrals/${ID}/screen$`, 'i').exec(path)?.[1];
}
