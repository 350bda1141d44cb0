// The officer asks for a warm hand-off from My referrals on a phone-sized window and watches its
// status change live: the on-call case manager (put on call through the API by the program
// manager) acknowledges with an arrival estimate, then arrives, and the page follows without
// reloading (from the live stream, well before the 15 s polling fallback would).
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { HttpClient } from '../support/http-client.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const MANAGER = 'manager@demo.lead.test';
const CASE_MANAGER = 'casemanager@demo.lead.test';
const PHONE = { width: 360, height: 740 };
const NAME = 'Dana Synthetic-Handoff';

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

async function signedIn(baseUrl: string, email: string) {
  const client = new HttpClient(baseUrl);
  const response = await client.logIn(email, DEMO_PASSWORD);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return { client, session: response.body };
}

describe.skipIf(!existsSync(CHROMIUM))('browser journey: the officer watches a warm hand-off live', () => {
  let server: RunningServer;
  let page: Page;
  let problems: string[];
  let siteId: string;
  let caseManager: HttpClient;
  let handoffId: string;
  let journey: Journey | undefined;

  async function noSidewaysScroll(name: string) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`handoff-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE, hasTouch: true, isMobile: true } });
    ({ server, page, problems } = journey);
    const officer = await signedIn(server.baseUrl, OFFICER);
    const manager = await signedIn(server.baseUrl, MANAGER);
    const responder = await signedIn(server.baseUrl, CASE_MANAGER);
    caseManager = responder.client;
    siteId = officer.session.sites[0].id;
    // The demo has no roster: the program manager puts the case manager on call all week, all day.
    const pattern = await manager.client.request('PUT', `/api/v1/sites/${siteId}/on-call/pattern`, {
      body: {
        shifts: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
          weekday,
          startsAt: '00:00',
          endsAt: '00:00',
          level: 1,
          userId: responder.session.user.id,
        })),
      },
    });
    expect(pattern.status, JSON.stringify(pattern.body)).toBe(200);
    // An accepted referral by the officer, recorded just now.
    const encounter = await officer.client.post(
      `/api/v1/sites/${siteId}/encounters`,
      eligibleEncounter({ occurredAt: new Date().toISOString(), person: { nameOrAlias: NAME } }),
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(encounter.status, JSON.stringify(encounter.body)).toBe(201);
    expect(encounter.body.referral.status).toBe('accepted');
  }, 120_000);

  afterAll(() => journey?.close());

  it('requests a hand-off in person from My referrals', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('E-mail').fill(OFFICER);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('heading', { level: 2, name: 'Officer tools' }));
    await page.getByRole('link', { name: 'My referrals' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'My referrals' }));
    const card = page.getByTestId('my-referral').filter({ hasText: NAME });
    await shown(card.getByText('Accepted LEAD'));
    await card.getByRole('button', { name: 'Request warm hand-off' }).click();
    const choice = card.getByRole('group', { name: 'How should the case manager take over?' });
    await shown(choice);
    const heights = await choice
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);
    await noSidewaysScroll('choose');
    const posted = page.waitForRequest(
      (request) => request.method() === 'POST' && /\/handoffs$/.test(new URL(request.url()).pathname),
    );
    await choice.getByRole('button', { name: 'In person' }).click();
    const request = await posted;
    expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.postDataJSON()).toEqual({ mode: 'in_person' });

    await shown(page.getByRole('heading', { level: 1, name: 'Warm hand-off' }));
    handoffId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(page.url()).toBe(`${server.baseUrl}/handoffs/${handoffId}`);
    await shown(page.getByTestId('handoff-state').filter({ hasText: 'Waiting for the on-call responder' }));
    await shown(page.getByTestId('handoff-live').filter({ hasText: 'Live' }));
    await noSidewaysScroll('waiting');
  });

  it('shows "on the way" as soon as the case manager acknowledges, without reloading', async () => {
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const acknowledged = await caseManager.post(`/api/v1/sites/${siteId}/handoffs/${handoffId}/events`, {
      type: 'acknowledge',
      etaMinutes: 12,
    });
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    // Within 5 s: from the live stream, not from the 15 s polling.
    await shown(page.getByTestId('handoff-state').filter({ hasText: 'On the way, ETA 12 min' }), 5_000);
    await shown(page.getByText(/^Expected around /));
    await shown(page.getByText('Answered', { exact: true }));
    await noSidewaysScroll('on-the-way');

    const arrived = await caseManager.post(`/api/v1/sites/${siteId}/handoffs/${handoffId}/events`, {
      type: 'arrived',
    });
    expect(arrived.status, JSON.stringify(arrived.body)).toBe(200);
    await shown(
      page.getByTestId('handoff-state').filter({ hasText: 'Arrived: handed off in person' }),
      5_000,
    );
    await shown(page.getByText('Ended', { exact: true }));
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await noSidewaysScroll('arrived');
  });

  it('shows the status in Spanish too, and keeps nothing of it on the phone', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Traspaso directo' }));
    await shown(page.getByTestId('handoff-state').filter({ hasText: 'Llegó: traspaso en persona hecho' }));
    const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
    expect(stored).not.toContain(handoffId);
    expect(stored).not.toContain(NAME);
    await page.getByRole('button', { name: 'English' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Warm hand-off' }));
    expect(problems).toEqual([]);
  });
});
