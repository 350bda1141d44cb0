// The outbox: encounters the officer submitted that the server has not yet acknowledged. Each item
// is written to the device before the first attempt to send it, with the idempotency key made once
// when the officer pressed submit and reused on every retry, so an acknowledged submission is
// never lost and a retried one is never doubled. Sent items leave the device at once (kept in memory
// for this page only, to say "sent"); items the server refused stay, with its message, until the
// officer dismisses them. Sign-out clears the lot (storage.ts).
import { useSyncExternalStore } from 'react';
import { readStored, STORAGE_KEYS, writeStored } from '../storage.ts';
import type { EncounterRequest } from './field-api.ts';

export type OutboxError = { status: number; code: string; message: string };

export type OutboxItem = {
  /** Also the Idempotency-Key. */
  key: string;
  userId: string;
  siteId: string;
  createdAt: string;
  body: EncounterRequest;
  /** waiting: to be sent (again); failed: the server refused it (a 4xx), kept so the officer sees why. */
  state: 'waiting' | 'failed';
  attempts: number;
  /** Epoch milliseconds; the next automatic try is not before this. */
  nextAttemptAt: number;
  lastError?: OutboxError;
};

export type SentItem = {
  key: string;
  userId: string;
  siteId: string;
  nameOrAlias: string;
  offer: EncounterRequest['offer']['outcome'];
  sentAt: string;
  referral: { id: string; status: string };
  screening: { status: string; decidedBy: string[] };
};

export type OutboxSnapshot = {
  items: OutboxItem[];
  sent: SentItem[];
  /** Keys being sent right now. */
  sending: string[];
  /** The server said nobody is signed in: the queue waits for the officer to sign in again. */
  signInNeeded: boolean;
};

const listeners = new Set<() => void>();
let snapshot: OutboxSnapshot = { items: readItems(), sent: [], sending: [], signInNeeded: false };

function readItems(): OutboxItem[] {
  try {
    const parsed: unknown = JSON.parse(readStored(STORAGE_KEYS.outbox) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((item): item is OutboxItem => typeof (item as OutboxItem)?.key === 'string')
      : [];
  } catch {
    return [];
  }
}

function publish(next: Partial<OutboxSnapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const listener of listeners) listener();
}

/** Re-reads the stored queue (another tab, or a sign-out, may have changed it). */
export function reloadOutbox(): void {
  publish({ items: readItems() });
}

function saveItems(items: OutboxItem[]): void {
  if (items.length === 0) {
    try {
      window.localStorage.removeItem(STORAGE_KEYS.outbox);
    } catch {
      // nothing stored
    }
  } else writeStored(STORAGE_KEYS.outbox, JSON.stringify(items));
  publish({ items });
}

export function getOutbox(): OutboxSnapshot {
  return snapshot;
}

function onStorage(event: StorageEvent): void {
  if (event.key === null || event.key === STORAGE_KEYS.outbox) reloadOutbox();
}

export function subscribeOutbox(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

/** Puts a submission on the device. Returns false if the device refused to store it. */
export function enqueue(item: Pick<OutboxItem, 'key' | 'userId' | 'siteId' | 'body'>, now: Date): boolean {
  const queued: OutboxItem = {
    ...item,
    createdAt: now.toISOString(),
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: now.getTime(),
  };
  const items = [...readItems().filter((each) => each.key !== item.key), queued];
  saveItems(items);
  return readItems().some((each) => each.key === item.key);
}

export function updateItem(key: string, change: (item: OutboxItem) => OutboxItem): void {
  saveItems(readItems().map((item) => (item.key === key ? change(item) : item)));
}

export function removeItem(key: string): void {
  saveItems(readItems().filter((item) => item.key !== key));
}

export function markSent(item: OutboxItem, sent: Omit<SentItem, 'key' | 'userId' | 'siteId'>): void {
  saveItems(readItems().filter((each) => each.key !== item.key));
  publish({
    sent: [
      { key: item.key, userId: item.userId, siteId: item.siteId, ...sent },
      ...snapshot.sent.filter((each) => each.key !== item.key),
    ],
  });
}

export function setSending(key: string, sending: boolean): void {
  const others = snapshot.sending.filter((each) => each !== key);
  publish({ sending: sending ? [...others, key] : others });
}

export function setSignInNeeded(signInNeeded: boolean): void {
  if (snapshot.signInNeeded !== signInNeeded) publish({ signInNeeded });
}

/** Forgets the in-memory part too (at sign-out the stored part is cleared by storage.ts). */
export function forgetSent(): void {
  publish({ sent: [], sending: [], signInNeeded: false, items: readItems() });
}

/** The queue as this user at this site sees it: only their own items. */
export function useOutbox(userId: string, siteId?: string) {
  const current = useSyncExternalStore(subscribeOutbox, getOutbox);
  const mine = <T extends { userId: string; siteId: string }>(list: T[]) =>
    list.filter((each) => each.userId === userId && (siteId === undefined || each.siteId === siteId));
  return {
    items: mine(current.items),
    waiting: mine(current.items).filter((item) => item.state === 'waiting'),
    failed: mine(current.items).filter((item) => item.state === 'failed'),
    sent: mine(current.sent),
    sending: current.sending,
    signInNeeded: current.signInNeeded,
  };
}
