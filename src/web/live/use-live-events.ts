// The site's live stream (Server-Sent Events with the session cookie), for the pages that follow
// hand-offs: they refetch what an event is about, and poll every 15 s while the stream is down.
// One stream per site however many parts of the page listen (the offer banner and My day, say).
import { useEffect, useRef, useState } from 'react';

/** When the live stream is down, a page asks the server this often instead. */
export const POLL_MS = 15_000;

/** The stream's address for a site. */
export const liveStreamUrl = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/live`;

/** What every hand-off event carries: no names, nothing clinical. */
export type LiveHandoffData = { handoffId?: string; state?: string; level?: number; at?: string };

export type LiveListener = (type: string, data: LiveHandoffData | undefined) => void;

/** Someone listening to a site's stream: for events of `types`, and for the connection's state. */
type Subscriber = {
  types: ReadonlySet<string>;
  onEvent: LiveListener;
  onConnected: (connected: boolean) => void;
};

/** The open stream of a site, shared by its subscribers; closed when the last one leaves. */
type SharedStream = {
  source: EventSource;
  subscribers: Set<Subscriber>;
  connected: boolean;
  types: Set<string>;
};

const streams = new Map<string, SharedStream>();

function openStream(siteId: string): SharedStream {
  const stream: SharedStream = {
    source: new EventSource(liveStreamUrl(siteId)),
    subscribers: new Set(),
    connected: false,
    types: new Set(),
  };
  let opened = false;
  stream.source.onopen = () => {
    stream.connected = true;
    for (const subscriber of stream.subscribers) {
      subscriber.onConnected(true);
      if (opened) subscriber.onEvent('reconnected', undefined);
    }
    opened = true;
  };
  stream.source.onerror = () => {
    stream.connected = false;
    for (const subscriber of stream.subscribers) subscriber.onConnected(false);
  };
  return stream;
}

/** Makes the stream deliver events of `type` to the subscribers that asked for it. */
function listenFor(stream: SharedStream, type: string): void {
  if (stream.types.has(type)) return;
  stream.types.add(type);
  stream.source.addEventListener(type, (event) => {
    let data: LiveHandoffData | undefined;
    try {
      data = JSON.parse((event as MessageEvent<string>).data) as LiveHandoffData;
    } catch {
      data = undefined;
    }
    for (const subscriber of stream.subscribers)
      if (subscriber.types.has(type)) subscriber.onEvent(type, data);
  });
}

function subscribe(siteId: string, subscriber: Subscriber): () => void {
  const stream = streams.get(siteId) ?? openStream(siteId);
  streams.set(siteId, stream);
  stream.subscribers.add(subscriber);
  for (const type of subscriber.types) listenFor(stream, type);
  subscriber.onConnected(stream.connected);
  return () => {
    stream.subscribers.delete(subscriber);
    if (stream.subscribers.size > 0) return;
    stream.source.close();
    streams.delete(siteId);
  };
}

/**
 * Listens to the site's live stream and calls `onEvent` for each event of `types`, and once more
 * (with type 'reconnected') after the stream comes back, since an event may have been missed.
 * Answers whether the stream is connected now.
 */
export function useLiveEvents(siteId: string, types: readonly string[], onEvent: LiveListener): boolean {
  const [connected, setConnected] = useState(false);
  const latest = useRef(onEvent);
  latest.current = onEvent;
  const typesKey = types.join(',');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const unsubscribe = subscribe(siteId, {
      types: new Set(typesKey.split(',')),
      onEvent: (type, data) => latest.current(type, data),
      onConnected: setConnected,
    });
    return () => {
      unsubscribe();
      setConnected(false);
    };
  }, [siteId, typesKey]);
  return connected;
}

/**
 * Whether the page should poll: the stream has been down for a short grace period (it takes a
 * moment to open; polling starts only if it stays down).
 */
export function useStreamDown(connected: boolean, graceMs = 3_000): boolean {
  const [down, setDown] = useState(false);
  useEffect(() => {
    if (connected) {
      setDown(false);
      return;
    }
    const timer = setTimeout(() => setDown(true), graceMs);
    return () => clearTimeout(timer);
  }, [connected, graceMs]);
  return down;
}
