import type { MessageChannel } from '../../../db/schema-dispatch.ts';

/** What a transport is given: one message, identified by its outbox id (stable across retries). */
export type OutgoingMessage = {
  siteId: string;
  id: string;
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  body: string;
};

/** Delivers one message or throws; it must not log the recipient or the body. */
export type Transport = {
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
};

export type Transports = Record<MessageChannel, Transport>;
