// Sends the outbox: on app start, when the network returns (the "online" event), on a timer with
// back-off, after each new submission, and when the officer asks. One run at a time per tab; two
// tabs sending the same item are safe too, as the server answers a repeated key with the first
// answer (or "still in progress", which is retried).
import { useEffect } from 'react';
import { type ApiClient, ApiError, MFA_CODES, SIGNED_OUT_CODES } from '../api/client.ts';
import { submitEncounter } from './field-api.ts';
import {
  forgetSent,
  getOutbox,
  markSent,
  type OutboxItem,
  reloadOutbox,
  setSending,
  setSignInNeeded,
  updateItem,
} from './outbox.ts';

const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 5 * 60_000;

/** 5 s, 10 s, 20 s, … up to 5 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Worth trying again later: no answer, a server error, a timeout, too many requests, or a key still in use. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  if (error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429) return true;
  return error.code === 'IDEMPOTENCY_KEY_IN_USE' || error.code === 'CSRF_TOKEN_INVALID';
}

function isSignedOut(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 401 || SIGNED_OUT_CODES.has(error.code) || MFA_CODES.has(error.code))
  );
}

const describe = (error: unknown) =>
  error instanceof ApiError
    ? { status: error.status, code: error.code, message: error.message }
    : { status: 0, code: 'NETWORK_ERROR', message: String(error) };

let running: Promise<void> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function scheduleNext(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const next = Math.min(
    ...getOutbox()
      .items.filter((item) => item.state === 'waiting')
      .map((item) => item.nextAttemptAt),
  );
  if (Number.isFinite(next))
    timer = setTimeout(() => void flushOutbox(currentApi), Math.max(0, next - Date.now()));
}

let currentApi: ApiClient | undefined;

async function sendDue(api: ApiClient, force: boolean): Promise<void> {
  reloadOutbox();
  const due = (items: OutboxItem[]) =>
    items.filter((item) => item.state === 'waiting' && (force || item.nextAttemptAt <= Date.now()));
  if (due(getOutbox().items).length === 0) return;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;

  // A fresh session first: it proves who is signed in and gives the CSRF token (the app may have
  // opened offline, from the stored session).
  let userId: string;
  try {
    const session = await api.getSession();
    if (!session || session.mfaState === 'pending' || session.mfaState === 'enrolment_required') {
      setSignInNeeded(true);
      return;
    }
    userId = session.user.id;
    setSignInNeeded(false);
  } catch {
    return; // unreachable: the timer or the online event tries again
  }

  for (const item of due(getOutbox().items).filter((each) => each.userId === userId)) {
    setSending(item.key, true);
    try {
      const answer = await submitEncounter(api, item.siteId, item.body, item.key);
      markSent(item, {
        nameOrAlias: item.body.person.nameOrAlias,
        offer: item.body.offer.outcome,
        sentAt: new Date().toISOString(),
        referral: { id: answer.referral.id, status: answer.referral.status },
        screening: { status: answer.screening.status, decidedBy: answer.screening.decidedBy },
      });
    } catch (error) {
      if (isSignedOut(error)) {
        setSignInNeeded(true);
        return;
      }
      const attempts = item.attempts + 1;
      if (isTransient(error)) {
        updateItem(item.key, (stored) => ({
          ...stored,
          attempts,
          nextAttemptAt: Date.now() + retryDelay(attempts),
          lastError: describe(error),
        }));
        // No answer at all: the connection is gone, so the rest would fail the same way.
        if (error instanceof ApiError && error.status === 0) return;
      } else {
        updateItem(item.key, (stored) => ({
          ...stored,
          attempts,
          state: 'failed',
          lastError: describe(error),
        }));
      }
    } finally {
      setSending(item.key, false);
    }
  }
}

/** Sends what is due (everything waiting, when `force`). Resolves when this run is over. */
export function flushOutbox(api: ApiClient | undefined, options: { force?: boolean } = {}): Promise<void> {
  if (!api) return Promise.resolve();
  currentApi = api;
  if (running) return running.then(() => (options.force ? flushOutbox(api, options) : undefined));
  running = sendDue(api, options.force === true).finally(() => {
    running = undefined;
    scheduleNext();
  });
  return running;
}

/** Keeps the outbox moving while someone is signed in: now, on "online", and on the retry timer. */
export function useOutboxSync(api: ApiClient, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    void flushOutbox(api);
    const onOnline = () => void flushOutbox(api, { force: true });
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      if (timer) clearTimeout(timer);
      timer = undefined;
      // Signed out (or the session ended): nothing said about sent items outlives it in memory.
      forgetSent();
    };
  }, [api, enabled]);
}
