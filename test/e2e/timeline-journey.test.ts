// A case manager on a phone opens the record of someone with a long history: the timeline shows the
// newest 50 items and "Show older" brings the rest a page at a time, until there is nothing older;
// the same in Spanish. The warm hand-off that brought the person in and a service referral to a
// partner are on it too, with their labels in both languages and never a reason.
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { findSiteById } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { makeRelease } from '../support/service-referral-fixtures.ts';
import { CHROMIUM, type Journey, type RunningServer, startJourney } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const CASE_MANAGER = 'casemanager@demo.lead.test';
const MANAGER = 'manager@demo.lead.test';
const PROVIDER = 'provider@demo.lead.test';
const PHONE = { width: 390, height: 844 };
const CONTACTS = 60;

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

describe.skipIf(!existsSync(CHROMIUM))('browser journey: a long timeline, a page at a time', () => {
  let server: RunningServer;
  let page: Page;
  let problems: string[];
  let participantId: string;
  let items: number;
  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE, hasTouch: true, isMobile: true } });
    ({ server, page, problems } = journey);
    const officer = new HttpClient(server.baseUrl);
    const login = await officer.logIn(OFFICER, DEMO_PASSWORD);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const siteId: string = login.body.sites[0].id;
    const site = await findSiteById(journey.database.db, siteId);
    if (!site) throw new Error('no demo site');
    const clock = { now: () => new Date() };
    let referralId: string;
    ({ participantId, referralId } = await makeParticipant(
      { database: journey.database, clock },
      site,
      officer,
    ));
    const caseManager = new HttpClient(server.baseUrl);
    expect((await caseManager.logIn(CASE_MANAGER, DEMO_PASSWORD)).status).toBe(200);
    // 60 contacts, a day apart, plus the intake's start: 61 items, more than one page.
    for (let index = 0; index < CONTACTS; index++) {
      const logged = await caseManager.post(
        `/api/v1/sites/${siteId}/participants/${participantId}/contacts`,
        {
          kind: 'field',
          occurredAt: new Date(Date.now() - (index + 1) * 86_400_000).toISOString(),
        },
      );
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    }
    // The officer asks for a hand-off by phone; the program manager answers it and hands off by phone.
    const api = `/api/v1/sites/${siteId}`;
    const handoff = await officer.post(`${api}/referrals/${referralId}/handoffs`, { mode: 'phone' });
    expect(handoff.status, JSON.stringify(handoff.body)).toBe(201);
    const manager = new HttpClient(server.baseUrl);
    expect((await manager.logIn(MANAGER, DEMO_PASSWORD)).status).toBe(200);
    for (const body of [{ type: 'acknowledge', etaMinutes: 5 }, { type: 'by_phone' }]) {
      const answered = await manager.post(`${api}/handoffs/${handoff.body.id}/events`, body);
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    }
    // A service referral to the demo provider's organization, under a release naming it.
    const db = journey.database.db;
    const partner = await inScope(db, { siteId, userId: null }, (tx) =>
      tx
        .selectFrom('provider_organizations as p')
        .innerJoin('users as u', 'u.id', 'p.user_id')
        .innerJoin('directory_services as s', (join) =>
          join.onRef('s.site_id', '=', 'p.site_id').onRef('s.organization_id', '=', 'p.organization_id'),
        )
        .select(['p.organization_id as organizationId', 's.id as serviceId'])
        .where('p.site_id', '=', siteId)
        .where('u.email', '=', PROVIDER)
        .executeTakeFirstOrThrow(),
    );
    const caseManagerId = (
      await db.selectFrom('users').select('id').where('email', '=', CASE_MANAGER).executeTakeFirstOrThrow()
    ).id;
    await makeRelease({ database: journey.database, clock }, site, participantId, {
      organizationId: partner.organizationId,
      categories: ['service_referrals'],
      recordedBy: caseManagerId,
    });
    const sent = await caseManager.post(`${api}/participants/${participantId}/service-referrals`, {
      serviceId: partner.serviceId,
      reason: 'SECRET-REASON a wound that needs care',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const whole = await caseManager.get(`${api}/participants/${participantId}/timeline?limit=100`);
    expect(whole.status, JSON.stringify(whole.body)).toBe(200);
    expect(whole.body.timelineCursor).toBeNull();
    items = whole.body.timeline.length;
    // 60 contacts, the intake's start, a release, a referral sent, and the hand-off's steps (at least 3).
    expect(items).toBeGreaterThanOrEqual(CONTACTS + 6);
  }, 240_000);

  afterAll(() => journey?.close());

  it('shows the newest 50, then the older ones on "Show older"', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('E-mail').fill(CASE_MANAGER);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('button', { name: 'Sign out' }));
    await page.goto(`${server.baseUrl}/participants/${participantId}`);
    const timeline = page.getByTestId('timeline');
    await shown(timeline.locator('li').first());
    expect(await timeline.locator('li').count()).toBe(50);
    // The newest: the service referral, the release before it, and the hand-off's steps.
    await shown(timeline.getByText('Service referral sent'));
    await shown(timeline.getByText('Handed off by phone'));
    await shown(timeline.getByText('Hand-off answered'));
    await shown(timeline.getByText('Warm hand-off asked for (by phone)'));

    // In Spanish the button reads "Ver anteriores", and the steps have their Spanish labels.
    await page.getByRole('button', { name: 'Español' }).first().click();
    await shown(page.getByRole('button', { name: 'Ver anteriores' }));
    await shown(timeline.getByText('Derivación a servicio enviada'));
    await shown(timeline.getByText('Traspaso hecho por teléfono'));
    await shown(timeline.getByText('Traspaso directo solicitado (por teléfono)'));
    await page.getByRole('button', { name: 'English' }).first().click();
    expect(await timeline.textContent()).not.toContain('SECRET');

    await page.getByRole('button', { name: 'Show older' }).click();
    await expect.poll(() => timeline.locator('li').count(), { timeout: 15_000 }).toBe(items);
    await shown(timeline.getByText('Intake started'));
    expect(await page.getByRole('button', { name: 'Show older' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
