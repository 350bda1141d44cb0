import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timerHandlers } from '../../src/app/timers/timer-handlers.ts';
import { runTimersOnce } from '../../src/app/timers/timer-worker.ts';
import { testConfig } from '../../src/config.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { MINUTE } from '../support/clock.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { makeSite, makeUser, type TestUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// The site is in New York (EDT, UTC-4): the local dates 1 and 2 May 2026 run from
// 2026-05-01T04:00Z to 2026-05-03T04:00Z.
const FROM = '2026-05-01';
const TO = '2026-05-03';

let t: TestApp;
let site: SiteRow;
const users = {} as Record<'officer' | 'responder' | 'backup' | 'manager' | 'analyst', TestUser>;

/** A fresh sign-in now (the clock moves by hours between steps, past the idle timeout). */
async function as(who: keyof typeof users): Promise<HttpClient> {
  const client = t.client();
  const user = users[who];
  expect((await client.logIn(user.email, user.password)).status).toBe(200);
  return client;
}

const runTimers = () =>
  runTimersOnce({ db: t.database.db, clock: t.clock.now, config: testConfig() }, timerHandlers());

async function acceptedReferral(): Promise<string> {
  const response = await (await as('officer')).post(
    `/api/v1/sites/${site.id}/encounters`,
    eligibleEncounter(),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.referral.id;
}

async function answer(who: 'responder' | 'backup', handoffId: string, body: Record<string, unknown>) {
  const answered = await (await as(who)).post(`/api/v1/sites/${site.id}/handoffs/${handoffId}/events`, body);
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
}

type Step = { after: number; who?: 'responder' | 'backup'; body?: Record<string, unknown>; timers?: true };

/** At `at`: a referral accepted, a hand-off asked for at once, then each step `after` minutes from the request. */
async function handoffAt(at: string, mode: 'in_person' | 'phone', steps: Step[]): Promise<void> {
  const requestedAt = new Date(at);
  t.clock.set(requestedAt);
  const referralId = await acceptedReferral();
  const requested = await (await as('officer')).post(
    `/api/v1/sites/${site.id}/referrals/${referralId}/handoffs`,
    { mode },
  );
  expect(requested.status, JSON.stringify(requested.body)).toBe(201);
  for (const step of steps) {
    t.clock.set(new Date(requestedAt.getTime() + step.after * MINUTE));
    if (step.timers) expect((await runTimers()).fired).toBe(1);
    if (step.who && step.body) await answer(step.who, requested.body.id, step.body);
  }
}

const figuresUrl = (from = FROM, to = TO) =>
  `/api/v1/sites/${site.id}/reports/handoffs?from=${from}&to=${to}`;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-04-30T12:00:00Z'));
  site = await makeSite(t.database.db, { timezone: 'America/New_York' });
  const roles: Record<keyof typeof users, Role> = {
    officer: 'officer',
    responder: 'case_manager',
    backup: 'outreach',
    manager: 'program_manager',
    analyst: 'analyst',
  };
  for (const [who, role] of Object.entries(roles))
    users[who as keyof typeof users] = await makeUser(t.database.db, site, role);
  const manager = await as('manager');
  for (const [level, who] of [
    [1, 'responder'],
    [2, 'backup'],
  ] as const) {
    const cover = await manager.post(`/api/v1/sites/${site.id}/on-call/overrides`, {
      startsAt: '2026-04-30T00:00:00Z',
      endsAt: '2026-05-04T00:00:00Z',
      level,
      userId: users[who].userId,
      reason: 'Covering',
    });
    expect(cover.status, JSON.stringify(cover.body)).toBe(201);
  }

  const acknowledge = { type: 'acknowledge', etaMinutes: 15 };
  // Just before the period (23:59 on 30 April, local): not counted.
  await handoffAt('2026-05-01T03:59:00Z', 'in_person', [
    { after: 1, who: 'responder', body: acknowledge },
    { after: 5, who: 'responder', body: { type: 'arrived' } },
  ]);
  // Midnight at the start of 1 May: acknowledged after 10 minutes, arrived after 25.
  await handoffAt('2026-05-01T04:00:00Z', 'in_person', [
    { after: 10, who: 'responder', body: acknowledge },
    { after: 25, who: 'responder', body: { type: 'arrived' } },
  ]);
  // 2 and 20 minutes.
  await handoffAt('2026-05-01T14:00:00Z', 'in_person', [
    { after: 2, who: 'responder', body: acknowledge },
    { after: 8, who: 'responder', body: { type: 'en_route' } },
    { after: 20, who: 'responder', body: { type: 'arrived' } },
  ]);
  // 4 and 40 minutes: over the 30-minute target.
  await handoffAt('2026-05-01T16:00:00Z', 'in_person', [
    { after: 4, who: 'responder', body: acknowledge },
    { after: 40, who: 'responder', body: { type: 'arrived' } },
  ]);
  // By phone: acknowledged after 1 minute, handed off by phone after 10.
  await handoffAt('2026-05-02T13:00:00Z', 'phone', [
    { after: 1, who: 'responder', body: acknowledge },
    { after: 10, who: 'responder', body: { type: 'by_phone' } },
  ]);
  // Nobody answers: the backup after 5 minutes, then no one at level 3: unanswered.
  await handoffAt('2026-05-02T15:00:00Z', 'in_person', [
    { after: 5, timers: true },
    { after: 10, timers: true },
  ]);
  // Acknowledged after 3 minutes, then unable to come.
  await handoffAt('2026-05-02T17:00:00Z', 'in_person', [
    { after: 3, who: 'responder', body: acknowledge },
    { after: 6, who: 'responder', body: { type: 'unable', reason: 'Called to another scene' } },
  ]);
  // An accepted referral with no hand-off in the period.
  t.clock.set(new Date('2026-05-02T20:00:00Z'));
  await acceptedReferral();
  // 00:30 on 3 May, local: after the period.
  await handoffAt('2026-05-03T04:30:00Z', 'in_person', [
    { after: 1, who: 'responder', body: acknowledge },
    { after: 2, who: 'responder', body: { type: 'arrived' } },
  ]);
  t.clock.set(new Date('2026-05-04T12:00:00Z'));
}, 120_000);
afterAll(() => t.close());

describe('hand-off response figures', () => {
  it('counts the hand-offs requested in the local dates, with exact times, target and shares', async () => {
    const response = await (await as('manager')).get(figuresUrl());
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      from: FROM,
      to: TO,
      timezone: 'America/New_York',
      targetMinutes: 30,
      handoffs: {
        count: 6,
        byState: {
          requested: 0,
          acknowledged: 0,
          en_route: 0,
          arrived: 3,
          handed_off_by_phone: 1,
          unable: 1,
          unanswered: 1,
        },
        unanswered: 1,
        // 40 minutes to arrival, unanswered, unable.
        overTarget: 3,
        overTargetShare: 0.5,
      },
      // 60, 120, 180, 240, 600 s: median 180; p90 240 + 0.6 * 360.
      timeToAcknowledge: { count: 5, medianSeconds: 180, p90Seconds: 456 },
      // 1200, 1500, 2400 s: median 1500; p90 1500 + 0.8 * 900.
      timeToArrival: { count: 3, medianSeconds: 1500, p90Seconds: 2220 },
      acceptedReferrals: {
        count: 7,
        warmHandoff: 3,
        warmHandoffShare: 0.4286,
        byPhone: 1,
        byPhoneShare: 0.1429,
      },
    });
  });

  it('measures against the target as the site sets it, and gives analysts the same aggregates', async () => {
    const manager = await as('manager');
    expect(
      (
        await manager.request('PUT', `/api/v1/sites/${site.id}/handoff-settings`, {
          body: { targetMinutes: 45 },
        })
      ).status,
    ).toBe(200);
    const analyst = await (await as('analyst')).get(figuresUrl());
    expect(analyst.status).toBe(200);
    expect(analyst.body.targetMinutes).toBe(45);
    expect(analyst.body.handoffs).toMatchObject({ overTarget: 2, overTargetShare: 0.3333 });
    expect(JSON.stringify(analyst.body)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('counts one local day, and nothing in an empty period', async () => {
    const manager = await as('manager');
    const firstDay = await manager.get(figuresUrl('2026-05-01', '2026-05-02'));
    expect(firstDay.body.handoffs.count).toBe(3);
    expect(firstDay.body.timeToArrival).toEqual({ count: 3, medianSeconds: 1500, p90Seconds: 2220 });
    const empty = await manager.get(figuresUrl('2026-06-01', '2026-06-02'));
    expect(empty.body.handoffs.count).toBe(0);
    expect(empty.body.timeToAcknowledge).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
    expect(empty.body.acceptedReferrals.warmHandoffShare).toBeNull();
  });

  it('refuses a period that ends before it starts or is not a date, naming the field; officers are refused', async () => {
    const manager = await as('manager');
    for (const [url, field] of [
      [figuresUrl('2026-05-03', '2026-05-01'), /to/],
      [figuresUrl('2026-05-01', '2026-05-01'), /to/],
      [figuresUrl('2026-5-1', '2026-05-03'), /from/],
      [`/api/v1/sites/${site.id}/reports/handoffs?from=2026-05-01`, /to/],
      [figuresUrl('2020-01-01', '2026-01-01'), /to/],
    ] as const) {
      const refused = await manager.get(url);
      expect(refused.status, url).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(refused.body.error.message).toMatch(field);
    }
    expect((await (await as('officer')).get(figuresUrl())).status).toBe(403);
  });
});
