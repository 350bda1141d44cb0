// The field app must open without a connection. The server is the only judge of who is signed in,
// so when it cannot be reached the app shows the last session it saw on this device (the user and
// their sites, never the CSRF token) until the connection returns. Nothing is sent in the meantime:
// the outbox asks the server for a fresh session before every send.
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { SESSION_KEY } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { readStored, STORAGE_KEYS, writeStored } from '../storage.ts';

function isSession(value: unknown): value is Session {
  const session = value as Partial<Session> | null;
  return typeof session?.user?.id === 'string' && Array.isArray(session.sites);
}

export function readSessionSnapshot(): Session | null {
  try {
    const parsed: unknown = JSON.parse(readStored(STORAGE_KEYS.offlineSession) ?? 'null');
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function remember(session: Session | null | undefined): void {
  if (!session) {
    try {
      window.localStorage.removeItem(STORAGE_KEYS.offlineSession);
    } catch {
      // nothing stored
    }
    return;
  }
  // Only a finished sign-in is worth opening offline.
  if (session.mfaState === 'pending' || session.mfaState === 'enrolment_required') return;
  writeStored(STORAGE_KEYS.offlineSession, JSON.stringify({ ...session, csrfToken: '' }));
}

/** Keeps the snapshot in step with the session the server last gave (and drops it at sign-out). */
export function rememberSessionForOffline(queryClient: QueryClient): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryKey[0] !== SESSION_KEY[0]) return;
    if (event.action.type === 'success') remember(event.query.state.data as Session | null);
  });
}

/**
 * The session to show while the server cannot be reached: the stored one, when the session query is
 * waiting for the network (TanStack pauses queries offline) or failed for want of it.
 */
export function offlineSession(query: {
  isPending: boolean;
  isError: boolean;
  fetchStatus: string;
  error: unknown;
}): Session | null {
  const waitingForNetwork = query.isPending && query.fetchStatus === 'paused';
  const unreachable =
    query.isError && query.error instanceof ApiError && query.error.code === 'NETWORK_ERROR';
  return waitingForNetwork || unreachable ? readSessionSnapshot() : null;
}
