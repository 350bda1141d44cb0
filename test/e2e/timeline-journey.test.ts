// A case manager on a phone opens the record of someone with a long history: the timeline shows the
// newest 50 items and "Show older" brings the rest a page at a time, until there is nothing older;
// the same in Spanish.
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { findSiteById } from '../../src/db/repositories/sites.ts';
import { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { CHROMIUM, type Journey, type RunningServer, startJourney } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const CASE_MANAGER = 'casemanager@demo.lead.test';
const PHONE = { width: 390, height: 844 };
const CONTACTS = 60;

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

describe.skipIf(!existsSync(CHROMIUM))('browser journey: a long timeline, a page at a time', () => {
  let server: RunningServer;
  let page: Page;
  let problems: string[];
  let participantId: string;
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
    ({ participantId } = await makeParticipant(
      { database: journey.database, clock: { now: () => new Date() } },
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

    // In Spanish the button reads "Ver anteriores".
    await page.getByRole('button', { name: 'Español' }).first().click();
    await shown(page.getByRole('button', { name: 'Ver anteriores' }));
    await page.getByRole('button', { name: 'English' }).first().click();

    await page.getByRole('button', { name: 'Show older' }).click();
    await expect.poll(() => timeline.locator('li').count(), { timeout: 15_000 }).toBe(CONTACTS + 1);
    await shown(timeline.getByText('Intake started'));
    expect(await page.getByRole('button', { name: 'Show older' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
