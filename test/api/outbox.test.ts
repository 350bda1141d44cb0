import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { LEASE_MILLISECONDS, runOutboxOnce } from '../../src/app/outbox/outbox-worker.ts';
import { configuredTransports } from '../../src/app/outbox/transports/configured-transports.ts';
import { smsHttpTransport } from '../../src/app/outbox/transports/sms-http.ts';
import { smtpTransport } from '../../src/app/outbox/transports/smtp.ts';
import type { Transport, Transports } from '../../src/app/outbox/transports/transport.ts';
import { type Config, testConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import {
  claimDueMessages,
  enqueueMessage,
  markMessageSent,
  type NewMessage,
} from '../../src/db/repositories/outbox-messages.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { testClock } from '../support/clock.ts';
import { makeSite } from '../support/factories.ts';
import { headerOf, type MailServer, startMailServer } from '../support/mail-server.ts';
import { openTestDatabase } from '../support/test-database.ts';

let database: DatabaseHandle;
let mail: MailServer;
const clock = testClock();
const FROM = 'LEAD <lead@example.test>';

const unique = () => randomBytes(5).toString('hex');
const deps = (overrides: Partial<Config> = {}): AppDeps => ({
  db: database.db,
  clock: clock.now,
  config: testConfig(overrides),
});
const smtpTo = (port: number) =>
  smtpTransport({
    transport: 'smtp',
    host: '127.0.0.1',
    port,
    secure: false,
    user: undefined,
    password: undefined,
    from: FROM,
  });
const failing: Transport = {
  async send() {
    throw new Error('transport down');
  },
};
const emailThrough = (email: Transport): Transports => ({ email, sms: failing });

async function enqueue(site: SiteRow, message: Partial<NewMessage> = {}): Promise<string> {
  return inScope(database.db, { siteId: site.id, userId: null }, (tx) =>
    enqueueMessage(tx, {
      siteId: site.id,
      channel: 'email',
      recipient: `person.${unique()}@example.test`,
      subject: 'Your appointment',
      body: `Please come by the office on Tuesday (${unique()}).`,
      purpose: 'test.notice',
      at: clock.now(),
      ...message,
    }),
  );
}

const messageRow = (site: SiteRow, id: string) =>
  inScope(database.db, { siteId: site.id, userId: null }, (tx) =>
    tx.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst(),
  );
const deliveriesOf = (id: string) =>
  mail.received.filter((received) => headerOf(received.raw, 'Message-ID') === `<outbox.${id}@example.test>`);

beforeAll(async () => {
  database = await openTestDatabase();
  mail = await startMailServer();
});
afterAll(async () => {
  await mail.close();
  await database.close();
});

describe('the outbox', () => {
  it('sends real mail through SMTP once, with a Message-ID made from the message id', async () => {
    const site = await makeSite(database.db);
    const recipient = `pat.${unique()}@example.test`;
    const id = await enqueue(site, {
      recipient,
      subject: 'Hand-off requested',
      body: 'A hand-off is waiting.',
    });
    const transports = emailThrough(smtpTo(mail.port));

    await runOutboxOnce(deps(), transports);
    await runOutboxOnce(deps(), transports);

    const [delivered, ...more] = deliveriesOf(id);
    expect(more).toEqual([]);
    expect(delivered?.to).toEqual([recipient]);
    expect(delivered?.from).toBe('lead@example.test');
    expect(headerOf(delivered?.raw ?? '', 'Subject')).toBe('Hand-off requested');
    expect(delivered?.raw).toContain('A hand-off is waiting.');
    expect(await messageRow(site, id)).toMatchObject({
      state: 'sent',
      attempts: 1,
      sent_at: clock.now(),
      claimed_by: null,
      claimed_until: null,
    });
    // Row-level security holds for the outbox: another site's scope does not see the message.
    const otherSite = await makeSite(database.db);
    expect(await messageRow(otherSite, id)).toBeUndefined();
  });

  it('never sends a message whose transaction rolled back', async () => {
    const site = await makeSite(database.db);
    const recipient = `rolled.back.${unique()}@example.test`;
    await expect(
      inScope(database.db, { siteId: site.id, userId: null }, async (tx) => {
        await enqueueMessage(tx, {
          siteId: site.id,
          channel: 'email',
          recipient,
          subject: 'never',
          body: 'never sent',
          purpose: 'test.notice',
          at: clock.now(),
        });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');

    await runOutboxOnce(deps(), emailThrough(smtpTo(mail.port)));

    expect(mail.received.filter((received) => received.to.includes(recipient))).toEqual([]);
    const count = await inScope(database.db, { siteId: site.id, userId: null }, (tx) =>
      tx
        .selectFrom('outbox_messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(count.n)).toBe(0);
  });

  it('keeps a message through a mail server outage and delivers it once when the server is back', async () => {
    const site = await makeSite(database.db);
    const outage = await startMailServer();
    const port = outage.port;
    await outage.close();
    const recipient = `outage.${unique()}@example.test`;
    const body = `Reminder for the intake (${unique()})`;
    const id = await enqueue(site, { recipient, body });
    const transports = emailThrough(smtpTo(port));

    expect(await runOutboxOnce(deps(), transports)).toMatchObject({ sent: 0 });
    const waiting = await messageRow(site, id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, claimed_until: null });
    expect(waiting?.next_attempt_at).toEqual(new Date(clock.now().getTime() + 30_000));
    expect(waiting?.last_error).toMatch(/ECONNREFUSED/);
    expect(waiting?.last_error).not.toContain(recipient);
    expect(waiting?.last_error).not.toContain(body);

    // Not tried again before its time.
    await runOutboxOnce(deps(), transports);
    expect(await messageRow(site, id)).toMatchObject({ state: 'pending', attempts: 1 });

    const back = await startMailServer({ port });
    try {
      clock.advance(31_000);
      await runOutboxOnce(deps(), transports);
      await runOutboxOnce(deps(), transports);
      expect(back.received.filter((received) => received.to.includes(recipient))).toHaveLength(1);
      expect(await messageRow(site, id)).toMatchObject({ state: 'sent', attempts: 2, last_error: null });
    } finally {
      await back.close();
    }
  });

  it('backs off exponentially and gives up after the last attempt', async () => {
    const site = await makeSite(database.db);
    const id = await enqueue(site);
    const settings = deps({ outboxMaxAttempts: 3 });
    const started = clock.now().getTime();

    await runOutboxOnce(settings, emailThrough(failing));
    expect((await messageRow(site, id))?.next_attempt_at).toEqual(new Date(started + 30_000));
    clock.advance(30_000);
    await runOutboxOnce(settings, emailThrough(failing));
    expect((await messageRow(site, id))?.next_attempt_at).toEqual(new Date(started + 30_000 + 60_000));
    clock.advance(60_000);
    await runOutboxOnce(settings, emailThrough(failing));
    expect(await messageRow(site, id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      last_error: 'Error: transport down',
    });
    clock.advance(24 * 60 * 60_000);
    await runOutboxOnce(settings, emailThrough(smtpTo(mail.port)));
    expect(deliveriesOf(id)).toEqual([]);
  });

  it('delivers once with two workers at the same time, and not again on a later run', async () => {
    const site = await makeSite(database.db);
    const ids = await Promise.all([enqueue(site), enqueue(site), enqueue(site)]);

    await Promise.all([
      runOutboxOnce(deps(), emailThrough(smtpTo(mail.port))),
      runOutboxOnce(deps(), emailThrough(smtpTo(mail.port))),
    ]);
    // A "restarted" worker: a new instance, nothing in memory.
    await runOutboxOnce(deps(), emailThrough(smtpTo(mail.port)));

    for (const id of ids) expect(deliveriesOf(id)).toHaveLength(1);
  });

  it('takes over a message from a worker that died mid-send once its lease expired, and delivers it once', async () => {
    const site = await makeSite(database.db);
    const id = await enqueue(site);
    const now = clock.now();
    const [claim] = await inScope(database.db, { siteId: site.id, userId: null }, (tx) =>
      claimDueMessages(tx, {
        siteId: site.id,
        workerId: 'worker-that-died',
        now,
        leaseUntil: new Date(now.getTime() + LEASE_MILLISECONDS),
        limit: 50,
      }),
    );
    expect(claim?.id).toBe(id);

    await runOutboxOnce(deps(), emailThrough(smtpTo(mail.port)));
    expect(deliveriesOf(id)).toHaveLength(0);

    clock.advance(LEASE_MILLISECONDS + 1000);
    await runOutboxOnce(deps(), emailThrough(smtpTo(mail.port)));
    await runOutboxOnce(deps(), emailThrough(smtpTo(mail.port)));
    expect(deliveriesOf(id)).toHaveLength(1);
    expect(await messageRow(site, id)).toMatchObject({ state: 'sent', attempts: 2 });

    // The dead worker's claim cannot be finalized any more.
    const late = await inScope(database.db, { siteId: site.id, userId: null }, (tx) =>
      markMessageSent(tx, {
        siteId: site.id,
        id,
        workerId: 'worker-that-died',
        attempts: 1,
        at: clock.now(),
      }),
    );
    expect(late).toBe(false);
  });
});

describe('the SMS gateway transport', () => {
  type Request = { headers: IncomingHttpHeaders; body: string };
  let gateway: Server;
  let gatewayUrl: string;
  const requests: Request[] = [];
  let answer = 200;
  let hang = false;

  beforeAll(async () => {
    gateway = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (hang) return;
        response.writeHead(answer, { 'content-type': 'application/json' }).end('{"echo":"+15550100"}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  });
  afterAll(async () => {
    gateway.closeAllConnections();
    await new Promise((resolve) => gateway.close(resolve));
  });

  const sms = (timeoutMs = 2000) =>
    smsHttpTransport({
      transport: 'http',
      url: gatewayUrl,
      bodyTemplate: '{"to":"{{to}}","text":"{{body}}","sender":"LEAD"}',
      authorization: 'Bearer gateway-token',
      timeoutMs,
    });

  it('posts the filled-in template, once', async () => {
    const site = await makeSite(database.db);
    const body = 'Case manager "Sam" is on the way.\nAbout 10 minutes.';
    const id = await enqueue(site, { channel: 'sms', recipient: '+15550100', subject: null, body });
    answer = 200;

    await runOutboxOnce(deps(), { email: failing, sms: sms() });
    await runOutboxOnce(deps(), { email: failing, sms: sms() });

    const mine = requests.filter((request) => request.headers['idempotency-key'] === id);
    expect(mine).toHaveLength(1);
    expect(JSON.parse(mine[0]?.body ?? '')).toEqual({ to: '+15550100', text: body, sender: 'LEAD' });
    expect(mine[0]?.headers).toMatchObject({
      authorization: 'Bearer gateway-token',
      'content-type': 'application/json',
    });
    expect(await messageRow(site, id)).toMatchObject({ state: 'sent' });
  });

  it('treats a non-2xx answer or no answer in time as a failed attempt', async () => {
    const site = await makeSite(database.db);
    const id = await enqueue(site, { channel: 'sms', recipient: '+15550100', subject: null });
    answer = 503;
    await runOutboxOnce(deps(), { email: failing, sms: sms() });
    expect(await messageRow(site, id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      last_error: 'Error: SMS gateway answered HTTP 503',
    });

    hang = true;
    clock.advance(30_000);
    await runOutboxOnce(deps(), { email: failing, sms: sms(200) });
    hang = false;
    const row = await messageRow(site, id);
    expect(row).toMatchObject({ state: 'pending', attempts: 2 });
    expect(row?.last_error).toMatch(/TimeoutError/);
    expect(row?.last_error).not.toContain('+15550100');
  });
});

describe('the log transport', () => {
  it('writes one line with neither the recipient nor the body', async () => {
    const site = await makeSite(database.db);
    const recipient = '+15550199';
    const body = `Meet at 14 Elm St (${unique()})`;
    const id = await enqueue(site, { channel: 'sms', recipient, subject: null, body });
    const lines: string[] = [];
    const transports = configuredTransports(testConfig(), (line) => lines.push(line));

    await runOutboxOnce(deps(), transports);

    const line = lines.find((candidate) => candidate.includes(id));
    expect(line).toBe(`sms message ${id} to site ${site.id} (${body.length} chars)`);
    for (const written of lines) {
      expect(written).not.toContain(recipient);
      expect(written).not.toContain(body);
    }
    expect(await messageRow(site, id)).toMatchObject({ state: 'sent' });
  });
});
