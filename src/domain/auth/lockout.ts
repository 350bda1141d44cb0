/** An account locks after 5 failed logins within 15 minutes, until an admin unlocks it. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/** The start of the window in which failures count towards a lockout. */
export function lockoutWindowStart(now: Date): Date {
  return new Date(now.getTime() - LOCKOUT_WINDOW_MS);
}

/** Whether this many failures inside the window lock the account. */
export function shouldLock(failuresInWindow: number): boolean {
  return failuresInWindow >= LOCKOUT_THRESHOLD;
}
