/** How long to wait before trying again after the first failed attempt. */
export const FIRST_RETRY_MILLISECONDS = 30_000;
/** The longest wait between attempts. */
export const LONGEST_RETRY_MILLISECONDS = 60 * 60_000;
const LONGEST_ERROR = 200;

/** Exponential back-off: 30 s after the first failed attempt, doubling, at most an hour. */
export function retryDelayMilliseconds(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(FIRST_RETRY_MILLISECONDS * 2 ** Math.min(exponent, 30), LONGEST_RETRY_MILLISECONDS);
}

/**
 * A transport's error as one short line fit to store: without the message's body or recipient
 * (an SMTP server may echo either back), newlines folded, at most 200 characters.
 */
export function describeFailure(error: unknown, hidden: readonly string[]): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  for (const secret of hidden) {
    if (secret.length >= 3) text = text.split(secret).join('[redacted]');
  }
  text = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return text.length > LONGEST_ERROR ? `${text.slice(0, LONGEST_ERROR - 1)}…` : text;
}
