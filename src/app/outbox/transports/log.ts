import type { Transport } from './transport.ts';

/**
 * The default transport: "sends" by writing one line without the recipient or the body, since logs
 * must not hold participant identifiers. For trying the product and for development.
 */
export function logTransport(writeLine: (line: string) => void): Transport {
  return {
    async send(message) {
      writeLine(
        `${message.channel} message ${message.id} to site ${message.siteId} (${message.body.length} chars)`,
      );
    },
  };
}
