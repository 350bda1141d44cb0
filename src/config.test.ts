import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('needs nothing: PGlite in ./data on port 3000, MFA off outside production', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDirectory: './data',
      requireMfa: false,
      secureCookies: false,
    });
  });

  it('turns MFA and secure cookies on in production, unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ requireMfa: true, secureCookies: true });
    expect(loadConfig({ NODE_ENV: 'production', LEAD_REQUIRE_MFA: 'false' }).requireMfa).toBe(false);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it('names the setting that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('sends messages to the log unless a transport is set up', () => {
    expect(loadConfig({})).toMatchObject({ email: { transport: 'log' }, sms: { transport: 'log' } });
    expect(
      loadConfig({
        LEAD_EMAIL_TRANSPORT: 'smtp',
        LEAD_SMTP_URL: 'smtps://lead%40example.org:s%3Acret@mail.example.org',
        LEAD_SMTP_FROM: 'LEAD <lead@example.org>',
      }).email,
    ).toEqual({
      transport: 'smtp',
      host: 'mail.example.org',
      port: 465,
      secure: true,
      user: 'lead@example.org',
      password: 's:cret',
      from: 'LEAD <lead@example.org>',
    });
    expect(() => loadConfig({ LEAD_EMAIL_TRANSPORT: 'smtp', LEAD_SMTP_FROM: 'a@b.c' })).toThrow(
      /LEAD_SMTP_HOST/,
    );
    expect(() => loadConfig({ LEAD_SMS_TRANSPORT: 'http' })).toThrow(/LEAD_SMS_URL/);
    expect(() =>
      loadConfig({
        LEAD_SMS_TRANSPORT: 'http',
        LEAD_SMS_URL: 'https://sms.example.org',
        LEAD_SMS_BODY_TEMPLATE: '{to}',
      }),
    ).toThrow(/LEAD_SMS_BODY_TEMPLATE/);
  });
});
