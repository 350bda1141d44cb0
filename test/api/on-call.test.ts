import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { makeSite, makeUser, type TestUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// The test clock stands at Friday 2026-05-01 12:00Z, 08:00 in New York (EDT, UTC-4).
let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
let manager: HttpClient;
let otherManager: HttpClient;
let admin: HttpClient;
let day: TestUser;
let night: TestUser;
let backup: TestUser;
let swapIn: TestUser;
let officer: TestUser;
let otherCaseManager: TestUser;

async function signedIn(target: SiteRow, role: Role) {
  const client = t.client();
  const user = await makeUser(t.database.db, target, role);
  expect((await client.logIn(user.email, user.password)).status).toBe(200);
  return client;
}

const onCallUrl = (target = site) => `/api/v1/sites/${target.id}/on-call`;

/** Days 08:00–20:00 and nights 20:00–08:00 as primary, a whole-day backup, every day of the week. */
function weeklyPattern(skip: (shift: { weekday: number; startsAt: string }) => boolean = () => false) {
  return [0, 1, 2, 3, 4, 5, 6]
    .flatMap((weekday) => [
      { weekday, startsAt: '08:00', endsAt: '20:00', level: 1, userId: day.userId },
      { weekday, startsAt: '20:00', endsAt: '08:00', level: 1, userId: night.userId },
      { weekday, startsAt: '00:00', endsAt: '00:00', level: 2, userId: backup.userId },
    ])
    .filter((shift) => !skip(shift));
}

const putPattern = (shifts: unknown[], client = manager, target = site) =>
  client.request('PUT', `${onCallUrl(target)}/pattern`, { body: { shifts } });

const gaps = async (days?: number) => {
  const response = await manager.get(`${onCallUrl()}/gaps${days ? `?days=${days}` : ''}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.gaps;
};

const countOnCallRows = (siteId: string) =>
  inScope(t.database.db, { siteId, userId: null }, async (tx) => ({
    pattern: Number(
      (
        await tx
          .selectFrom('on_call_pattern')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    overrides: Number(
      (
        await tx
          .selectFrom('on_call_overrides')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  }));

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  otherSite = await makeSite(t.database.db);
  manager = await signedIn(site, 'program_manager');
  admin = await signedIn(site, 'admin');
  otherManager = await signedIn(otherSite, 'program_manager');
  day = await makeUser(t.database.db, site, 'case_manager');
  night = await makeUser(t.database.db, site, 'peer_support');
  backup = await makeUser(t.database.db, site, 'outreach');
  swapIn = await makeUser(t.database.db, site, 'case_manager');
  officer = await makeUser(t.database.db, site, 'officer');
  otherCaseManager = await makeUser(t.database.db, otherSite, 'case_manager');
});
afterAll(() => t.close());

describe('the on-call roster', () => {
  it('a pattern covering 24/7 has no gaps, and shows who is on call now with names', async () => {
    const saved = await putPattern(weeklyPattern());
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.pattern).toHaveLength(21);
    expect(await gaps()).toEqual([]);

    const view = await manager.get(onCallUrl());
    expect(view.body.timezone).toBe('America/New_York');
    expect(view.body.onCallNow).toEqual([
      { level: 1, userId: day.userId, displayName: expect.stringContaining('case_manager') },
      { level: 2, userId: backup.userId, displayName: expect.stringContaining('outreach') },
    ]);

    const audit = await admin.get(`/api/v1/sites/${site.id}/audit?limit=500`);
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toContain(
      'on_call.pattern_replaced',
    );
  });

  it('removing the Wednesday night shift creates exactly that gap', async () => {
    expect(
      (await putPattern(weeklyPattern((shift) => shift.weekday === 3 && shift.startsAt === '20:00'))).status,
    ).toBe(200);
    // Wednesday 2026-05-06 20:00 EDT to Thursday 08:00 EDT.
    expect(await gaps(7)).toEqual([
      { level: 1, from: '2026-05-07T00:00:00.000Z', to: '2026-05-07T12:00:00.000Z' },
    ]);
    expect(await gaps()).toHaveLength(2);
    expect((await putPattern(weeklyPattern())).status).toBe(200);
  });

  it('an override swap changes who is on call at that time, and removing it restores the pattern', async () => {
    const added = await manager.post(`${onCallUrl()}/overrides`, {
      startsAt: '2026-05-01T11:00:00Z',
      endsAt: '2026-05-01T16:00:00Z',
      level: 1,
      userId: swapIn.userId,
      reason: 'Swapped with a colleague',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.onCallNow[0]).toMatchObject({ level: 1, userId: swapIn.userId });
    const override = added.body.overrides.find((entry: { userId: string }) => entry.userId === swapIn.userId);
    expect(override).toMatchObject({ level: 1, reason: 'Swapped with a colleague' });
    expect(await gaps()).toEqual([]);

    expect((await manager.delete(`${onCallUrl()}/overrides/${override.id}`)).status).toBe(200);
    expect((await manager.get(onCallUrl())).body.onCallNow[0]).toMatchObject({
      level: 1,
      userId: day.userId,
    });
  });

  it('a holiday override with nobody creates a primary gap', async () => {
    const added = await manager.post(`${onCallUrl()}/overrides`, {
      startsAt: '2026-05-02T12:00:00Z',
      endsAt: '2026-05-03T12:00:00Z',
      level: 1,
      userId: null,
      reason: 'Holiday',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(await gaps()).toEqual([
      { level: 1, from: '2026-05-02T12:00:00.000Z', to: '2026-05-03T12:00:00.000Z' },
    ]);
    const holiday = added.body.overrides.find((entry: { reason: string }) => entry.reason === 'Holiday');
    expect(holiday).toMatchObject({ userId: null, displayName: null });
    expect((await manager.delete(`${onCallUrl()}/overrides/${holiday.id}`)).status).toBe(200);
    expect(await gaps()).toEqual([]);
  });

  it("answers 404 for another site's override id, and leaves it in place", async () => {
    const theirs = await otherManager.post(`${onCallUrl(otherSite)}/overrides`, {
      startsAt: '2026-05-02T12:00:00Z',
      endsAt: '2026-05-03T12:00:00Z',
      level: 1,
      userId: null,
      reason: 'Their holiday',
    });
    expect(theirs.status).toBe(201);
    const id = theirs.body.overrides[0].id;
    const response = await manager.delete(`${onCallUrl()}/overrides/${id}`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
    expect((await countOnCallRows(otherSite.id)).overrides).toBe(1);
  });

  it('will not put someone from another site, or off the care team, on call; nothing is written', async () => {
    const before = await countOnCallRows(site.id);
    for (const outsider of [otherCaseManager, officer]) {
      const pattern = await putPattern([
        { weekday: 1, startsAt: '08:00', endsAt: '20:00', level: 1, userId: outsider.userId },
      ]);
      expect(pattern.status).toBe(400);
      expect(pattern.body.error.code).toBe('NOT_ON_CARE_TEAM');
      const override = await manager.post(`${onCallUrl()}/overrides`, {
        startsAt: '2026-05-02T12:00:00Z',
        endsAt: '2026-05-02T14:00:00Z',
        level: 2,
        userId: outsider.userId,
        reason: 'Cover',
      });
      expect(override.status).toBe(400);
      expect(override.body.error.code).toBe('NOT_ON_CARE_TEAM');
    }
    expect(await countOnCallRows(site.id)).toEqual(before);
    expect(before.pattern).toBe(21);
  });

  it.each([
    [
      'a time past 23:59',
      [{ weekday: 1, startsAt: '24:00', endsAt: '08:00', level: 1 }],
      'VALIDATION_FAILED',
    ],
    ['a level past 3', [{ weekday: 1, startsAt: '08:00', endsAt: '20:00', level: 4 }], 'VALIDATION_FAILED'],
    ['a weekday past 6', [{ weekday: 7, startsAt: '08:00', endsAt: '20:00', level: 1 }], 'VALIDATION_FAILED'],
  ])('rejects a pattern with %s', async (_name, shifts, code) => {
    const response = await putPattern(shifts.map((shift) => ({ ...shift, userId: day.userId })));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
  });

  it('rejects an override that ends before it starts or is already over', async () => {
    for (const [startsAt, endsAt] of [
      ['2026-05-03T12:00:00Z', '2026-05-02T12:00:00Z'],
      ['2026-04-01T12:00:00Z', '2026-04-02T12:00:00Z'],
    ]) {
      const response = await manager.post(`${onCallUrl()}/overrides`, {
        startsAt,
        endsAt,
        level: 1,
        userId: null,
        reason: 'Holiday',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('INVALID_ON_CALL_WINDOW');
    }
  });
});
