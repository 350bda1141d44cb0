import type { FastifyReply } from 'fastify';
import type { LiveEvent, LiveEvents } from '../app/live-events.ts';

const HEARTBEAT_MS = 15_000;

/**
 * Takes the connection over as a Server-Sent Events stream of the events addressed to `userId` at
 * `siteId`: a comment line every 15 s keeps proxies from closing it; it ends when the client goes
 * away or the broker closes (the server is shutting down). Call only after the guard admitted the
 * request and its transaction committed.
 */
export function openLiveStream(
  reply: FastifyReply,
  live: LiveEvents,
  listener: { siteId: string; userId: string },
): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  raw.write(': connected\n\n');
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    if (!raw.writableEnded) raw.end();
  };
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const unsubscribe = live.subscribe(listener.siteId, listener.userId, {
    send(event: LiveEvent) {
      raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
    },
    close: end,
  });
  raw.on('close', end);
  raw.on('error', end);
}
