// A case manager, on a phone-sized window, opens a participant's page, logs a contact in three taps
// and a note, sees engagement come from it, adds a goal to the person's plan in their words, and
// opens the caseloads page.
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { findSiteById } from '../../src/db/repositories/sites.ts';
import { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const CASE_MANAGER = 'casemanager@demo.lead.test';
const PHONE = { width: 390, height: 844 };

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

describe.skipIf(!existsSync(CHROMIUM))('browser journey: a contact and a goal on a phone', () => {
  let server: RunningServer;
  let page: Page;
  let problems: string[];
  let participantId: string;
  let journey: Journey | undefined;

  async function noSidewaysScroll(name: string) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`contacts-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE, hasTouch: true, isMobile: true } });
    ({ server, page, problems } = journey);
    const officer = new HttpClient(server.baseUrl);
    const login = await officer.logIn(OFFICER, DEMO_PASSWORD);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const site = await findSiteById(journey.database.db, login.body.sites[0].id);
    if (!site) throw new Error('no demo site');
    ({ participantId } = await makeParticipant(
      { database: journey.database, clock: { now: () => new Date() } },
      site,
      officer,
    ));
  }, 240_000);

  afterAll(() => journey?.close());

  it('logs a contact in three taps and a note, and engagement follows', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('E-mail').fill(CASE_MANAGER);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('link', { name: /Participants/ }).first());
    await page.goto(`${server.baseUrl}/participants/${participantId}`);
    await shown(page.getByRole('heading', { name: 'Contacts' }));
    await shown(page.getByTestId('engagement'));
    expect(await page.getByTestId('engagement').textContent()).toMatch(/Active · 0 days since enrolment/);

    const form = page.getByRole('form', { name: 'Log a contact' });
    await form.getByRole('button', { name: 'Phone', exact: true }).click(); // tap 1
    await form.getByLabel('Note (optional)').fill('Called back; wants help getting an ID'); // tap 2 + note
    // Optional: someone else from the team was there too.
    await form.getByLabel('Others from the team who were there (optional)').click();
    await page.getByRole('option', { name: 'Pat Peer' }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Log contact' }).click(); // tap 3
    await shown(form.getByRole('status'));
    expect(await form.getByRole('status').textContent()).toBe('Contact logged.');
    await shown(page.getByTestId('contacts').getByText('Called back; wants help getting an ID'));
    await shown(page.getByTestId('contacts').getByText('Casey Casemanager, Pat Peer'));
    await expect
      .poll(async () => page.getByTestId('engagement').textContent())
      .toMatch(/Active · 0 days since last contact/);
    await noSidewaysScroll('logged');
  });

  it("adds a goal to the plan in the person's words", async () => {
    const form = page.getByRole('form', { name: 'Add a goal' });
    await form.getByLabel('Goal, in their own words').fill('Get my ID back so I can apply for housing');
    await form.getByText('ID and documents').click();
    await form.getByRole('button', { name: 'Add goal' }).click();
    const goal = page.getByTestId('goal').first();
    await shown(goal.getByText('“Get my ID back so I can apply for housing”'));
    await shown(goal.getByText('Not started'));
    await noSidewaysScroll('plan');
  });

  it('opens the caseloads page with the care team’s loads', async () => {
    await page.goto(`${server.baseUrl}/caseloads`);
    await shown(page.getByRole('heading', { name: 'Caseloads', exact: true }));
    await shown(page.getByTestId('caseloads'));
    // Everyone's engagement, not only those going in the wind: the person just contacted is active.
    await page.getByText('Everyone', { exact: true }).click();
    await page.getByLabel(/^Only people within 14 days/).uncheck();
    await shown(
      page
        .getByTestId('going-in-the-wind')
        .getByText(/Active · 0 days since last contact/)
        .first(),
    );
    await noSidewaysScroll('caseloads');
    expect(problems).toEqual([]);
  });
});
