import type { HttpClient } from './http-client.ts';

export type ReceivedEvent = { type: string; data: Record<string, unknown> };

export type OpenStream = {
  status: number;
  contentType: string | null;
  /** The next event (comments skipped), or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ReceivedEvent>;
  close(): void;
};

/** Opens a Server-Sent Events stream over real HTTP with the client's session, as a browser would. */
export async function openEventStream(client: HttpClient, url: string): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { cookie: client.cookieHeader(), accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queued: ReceivedEvent[] = [];
  const read = async (): Promise<ReceivedEvent> => {
    for (;;) {
      const event = queued.shift();
      if (event) return event;
      const boundary = buffer.indexOf('\n\n');
      if (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const lines = block.split('\n').filter((line) => !line.startsWith(':'));
        const type = lines.find((line) => line.startsWith('event: '))?.slice(7);
        const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
        if (type && data) queued.push({ type, data: JSON.parse(data) });
        continue;
      }
      if (!reader) throw new Error('no body');
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  let pending: Promise<ReceivedEvent> | undefined;
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    next(timeoutMs = 1000) {
      pending ??= read();
      const current = pending;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
      });
      return Promise.race([current, timeout]).then(
        (event) => {
          clearTimeout(timer);
          pending = undefined;
          return event;
        },
        (error: unknown) => {
          clearTimeout(timer);
          throw error;
        },
      );
    },
    close() {
      abort.abort();
    },
  };
}
