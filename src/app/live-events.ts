/**
 * Live events for the web app (Server-Sent Events): an in-process broker of events addressed to a
 * user at a site. It decides nothing: use cases return the events their change causes and callers
 * publish them after the transaction commits, so no one hears of a change that rolled back. A
 * listener that misses an event (not connected, or another server process) sees the change on its
 * next read; the database stays the record.
 */
export type LiveEvent = {
  siteId: string;
  userId: string;
  /** 'handoff.offered', 'handoff.updated', ... */
  type: string;
  data: Record<string, unknown>;
};

export type LiveListener = {
  send(event: LiveEvent): void;
  /** Called when the broker shuts down (the server is closing): end the stream. */
  close(): void;
};

export type LiveEvents = {
  /** Listens for events addressed to `userId` at `siteId`; answers the function that stops listening. */
  subscribe(siteId: string, userId: string, listener: LiveListener): () => void;
  publish(events: readonly LiveEvent[]): void;
  /** How many listeners are connected (for tests and health). */
  listenerCount(): number;
  /** Ends every listener, so open streams do not hold the server open while it closes. */
  closeAll(): void;
};

const keyOf = (siteId: string, userId: string) => `${siteId}/${userId}`;

export function createLiveEvents(): LiveEvents {
  const listeners = new Map<string, Set<LiveListener>>();
  return {
    subscribe(siteId, userId, listener) {
      const key = keyOf(siteId, userId);
      const set = listeners.get(key) ?? new Set<LiveListener>();
      set.add(listener);
      listeners.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
    publish(events) {
      for (const event of events) {
        for (const listener of listeners.get(keyOf(event.siteId, event.userId)) ?? []) {
          try {
            listener.send(event);
          } catch {
            // One broken connection must not keep the event from the others.
          }
        }
      }
    },
    listenerCount() {
      let count = 0;
      for (const set of listeners.values()) count += set.size;
      return count;
    },
    closeAll() {
      const all = [...listeners.values()].flatMap((set) => [...set]);
      listeners.clear();
      for (const listener of all) {
        try {
          listener.close();
        } catch {
          // Already gone.
        }
      }
    },
  };
}
