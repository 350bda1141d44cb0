// The site's live stream (Server-Sent Events with the session cookie), for the pages that follow
// hand-offs: they refetch what an event is about, and poll every 15 s while the stream is down.
import { useEffect, useRef, useState } from 'react';

/** When the live stream is down, a page asks the server this often instead. */
export const POLL_MS = 15_000;

/** The stream's address for a site. */
export const liveStreamUrl = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/live`;

/** What every hand-off event carries: no names, nothing clinical. */
export type LiveHandoffData = { handoffId?: string; state?: string; level?: number; at?: string };

export type LiveListener = (type: string, data: LiveHandoffData | undefined) => void;

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
    const source = new EventSource(liveStreamUrl(siteId));
    let opened = false;
    source.onopen = () => {
      setConnected(true);
      if (opened) latest.current('reconnected', undefined);
      opened = true;
    };
    source.onerror = () => setConnected(false);
    for (const type of typesKey.split(',')) {
      source.addEventListener(type, (event) => {
        let data: LiveHandoffData | undefined;
        try {
          data = JSON.parse((event as MessageEvent<string>).data) as LiveHandoffData;
        } catch {
          data = undefined;
        }
        latest.current(type, data);
      });
    }
    return () => {
      source.close();
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
