import nodemailer from 'nodemailer';
import type { EmailSettings } from '../../../config.ts';
import type { Transport } from './transport.ts';

type SmtpSettings = Extract<EmailSettings, { transport: 'smtp' }>;

/**
 * The Message-ID of an outbox message: the same on every attempt, so when a send reaches the server
 * but the worker dies before recording it, the repeat carries the same id and mail systems and
 * clients that deduplicate on Message-ID show it once.
 */
export function outboxMessageId(messageId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'lead.invalid';
  return `<outbox.${messageId}@${domain}>`;
}

/** Sends e-mail through an SMTP server (nodemailer), one connection per message. */
export function smtpTransport(settings: SmtpSettings): Transport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    // Well under the worker's lease, so a hung server cannot outlive the claim.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transporter.sendMail({
        from: settings.from,
        to: message.recipient,
        subject: message.subject ?? '',
        text: message.body,
        messageId: outboxMessageId(message.id, settings.from),
      });
    },
    async close() {
      transporter.close();
    },
  };
}
