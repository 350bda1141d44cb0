import type { SmsSettings } from '../../../config.ts';
import type { Transport } from './transport.ts';

type HttpSmsSettings = Extract<SmsSettings, { transport: 'http' }>;

/** Fills {{to}} and {{body}} into the JSON template, escaped as JSON string content. */
export function fillSmsTemplate(template: string, values: { to: string; body: string }): string {
  const asJsonText = (value: string) => JSON.stringify(value).slice(1, -1);
  return template.replaceAll('{{to}}', asJsonText(values.to)).replaceAll('{{body}}', asJsonText(values.body));
}

/**
 * Sends SMS by POSTing to a gateway. Anything but a 2xx answer within the timeout is a failure
 * (retried by the worker). The Idempotency-Key header, the outbox id, lets a gateway that supports
 * it drop a repeat after a crash between its answer and our commit.
 */
export function smsHttpTransport(settings: HttpSmsSettings): Transport {
  return {
    async send(message) {
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.id,
          ...(settings.authorization ? { authorization: settings.authorization } : {}),
        },
        body: fillSmsTemplate(settings.bodyTemplate, { to: message.recipient, body: message.body }),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      // The gateway's answer is not read into the error: it may echo the number or the text.
      await response.body?.cancel();
      if (!response.ok) throw new Error(`SMS gateway answered HTTP ${response.status}`);
    },
  };
}
