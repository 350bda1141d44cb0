import type { Config } from '../../../config.ts';
import { logTransport } from './log.ts';
import { smsHttpTransport } from './sms-http.ts';
import { smtpTransport } from './smtp.ts';
import type { Transports } from './transport.ts';

/** The transports the settings ask for; `writeLine` receives the log transport's lines. */
export function configuredTransports(config: Config, writeLine: (line: string) => void): Transports {
  return {
    email: config.email.transport === 'smtp' ? smtpTransport(config.email) : logTransport(writeLine),
    sms: config.sms.transport === 'http' ? smsHttpTransport(config.sms) : logTransport(writeLine),
  };
}

export async function closeTransports(transports: Transports): Promise<void> {
  await Promise.all([transports.email.close?.(), transports.sms.close?.()]);
}
