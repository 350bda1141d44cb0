// The done-when journey of issue 4, at 2 a.m. site time on a moved server clock: the officer asks
// for a warm hand-off from their phone; the on-call primary's queue (a second browser, signed in)
// shows it within a second without reloading, from the live stream (polling is 15 s and only while
// the stream is down); nobody answers; after the acknowledgement limit the timer worker escalates
// and the backup's queue shows it; the backup acknowledges with an ETA and then arrives, and the
// officer's page follows each step live. Then the intake deadline passes with no intake and the
// prosecutor's page shows exactly the five fields, with the decision buttons.
import { existsSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { addDays, instantAt, localDateOf } from '../../src/domain/on-call/local-time.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { HttpClient } from '../support/http-client.ts';
import { CHROMIUM, type Journey, screenshotPath, startJourney, watchForProblems } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const MANAGER = 'manager@demo.lead.test';
const PRIMARY = 'casemanager@demo.lead.test';
const BACKUP = 'outreach@demo.lead.test';
const PROSECUTOR = 'prosecutor@demo.lead.test';
const ANALYST = 'analyst@demo.lead.test';
const NAME = 'Jordan Synthetic-Dispatch';
const TIMEZONE = 'America/New_York';
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const INCIDENT = `NPD-${Date.now().toString(36).toUpperCase()}`;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The next 2:00 a.m. in the site's zone: where the server's clock starts, and then moves on. */
const twoAm = instantAt(addDays(localDateOf(new Date(), TIMEZONE), 1), 120, TIMEZONE).getTime();
let offset = twoAm - Date.now();
const clock = () => new Date(Date.now() + offset);

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

async function apiSignedIn(baseUrl: string, email: string) {
  const client = new HttpClient(baseUrl);
  const response = await client.logIn(email, DEMO_PASSWORD);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return { client, session: response.body };
}

async function signInPage(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await shown(page.getByRole('heading', { level: 1, name: 'Demo City LEAD' }));
}

const markNotReloaded = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
const stillNotReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

describe.skipIf(!existsSync(CHROMIUM))(
  'browser journey: hand-off dispatch at 2 a.m., escalation, the prosecutor',
  () => {
    let journey: Journey | undefined;
    let baseUrl: string;
    let officerPage: Page;
    let primaryPage: Page;
    let backupPage: Page;
    const contexts: BrowserContext[] = [];
    const problems: string[][] = [];
    let handoffId: string;

    async function phoneContext(): Promise<Page> {
      if (!journey) throw new Error('no journey');
      const context = await journey.browser.newContext({ locale: 'en-US', ...PHONE });
      await context.clock.install({ time: clock() });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      problems.push(watchForProblems(page));
      return page;
    }

    beforeAll(async () => {
      journey = await startJourney({ context: PHONE, clock });
      baseUrl = journey.server.baseUrl;
      await journey.context.clock.install({ time: clock() });
      officerPage = journey.page;
      problems.push(journey.problems);
      const officer = await apiSignedIn(baseUrl, OFFICER);
      const manager = await apiSignedIn(baseUrl, MANAGER);
      const primary = await apiSignedIn(baseUrl, PRIMARY);
      const backup = await apiSignedIn(baseUrl, BACKUP);
      const siteId = officer.session.sites[0].id;
      // The program manager's roster: the case manager primary, outreach backup, every day, all day.
      const shifts = [0, 1, 2, 3, 4, 5, 6].flatMap((weekday) =>
        [primary, backup].map((who, index) => ({
          weekday,
          startsAt: '00:00',
          endsAt: '00:00',
          level: index + 1,
          userId: who.session.user.id,
        })),
      );
      const pattern = await manager.client.request('PUT', `/api/v1/sites/${siteId}/on-call/pattern`, {
        body: { shifts },
      });
      expect(pattern.status, JSON.stringify(pattern.body)).toBe(200);
      // An arrest diversion the officer recorded ten minutes ago, accepted.
      const encounter = await officer.client.post(
        `/api/v1/sites/${siteId}/encounters`,
        eligibleEncounter({
          pathway: 'arrest_diversion',
          incidentNumber: INCIDENT,
          chargeCodes: ['POSS_PARA'],
          occurredAt: new Date(clock().getTime() - 10 * MINUTE).toISOString(),
          person: { nameOrAlias: NAME },
        }),
        { 'idempotency-key': crypto.randomUUID() },
      );
      expect(encounter.status, JSON.stringify(encounter.body)).toBe(201);
      expect(encounter.body.referral.status).toBe('accepted');
    }, 180_000);

    afterAll(async () => {
      for (const context of contexts) await context.close().catch(() => {});
      await journey?.close();
    });

    it('the program manager adds a holiday override and sees the coverage gap, then removes it', async () => {
      const page = await phoneContext();
      await signInPage(page, baseUrl, MANAGER);
      await page.getByRole('link', { name: /On-call roster/ }).click();
      await shown(page.getByRole('heading', { level: 1, name: 'On-call roster' }));
      await shown(page.getByTestId('coverage-gaps').filter({ hasText: 'No gaps' }));
      const tomorrow = new Date(addDays(localDateOf(clock(), TIMEZONE), 1)).toISOString().slice(0, 10);
      const form = page.getByRole('form', { name: 'Add an override' });
      await form.getByLabel('Starts').fill(`${tomorrow}T10:00`);
      await form.getByLabel('Ends').fill(`${tomorrow}T12:00`);
      await form.getByLabel('Reason').fill('Training day');
      await form.getByRole('button', { name: 'Add an override' }).click();
      await shown(page.getByTestId('on-call-override').filter({ hasText: 'Training day' }));
      const gap = page.getByTestId('coverage-gaps').filter({ hasText: '1 gap in coverage' });
      await shown(gap);
      await shown(gap.getByText(/Primary/));
      await shown(gap.getByText(/10:00 AM/));
      await page.screenshot({ path: screenshotPath('dispatch-on-call-gap.png'), fullPage: true });
      await page
        .getByTestId('on-call-override')
        .filter({ hasText: 'Training day' })
        .getByRole('button', { name: 'Remove' })
        .click();
      await shown(page.getByTestId('coverage-gaps').filter({ hasText: 'No gaps' }));
      await shown(page.getByText('No overrides to come.'));
      // The site's acknowledgement limit and target, for the program manager: the defaults.
      expect(await page.getByLabel('Time to acknowledge (min)').inputValue()).toBe('5');
      expect(await page.getByLabel('Warm hand-off target (min)').inputValue()).toBe('30');
    });

    it('at 2 a.m. with no coverage gap, the primary waits on the live queue, the backup on their home page', async () => {
      primaryPage = await phoneContext();
      await signInPage(primaryPage, baseUrl, PRIMARY);
      await primaryPage.getByRole('link', { name: /On-call roster/ }).click();
      await shown(primaryPage.getByRole('heading', { level: 1, name: 'On-call roster' }));
      await shown(primaryPage.getByTestId('coverage-gaps').filter({ hasText: 'No gaps' }));
      await shown(primaryPage.getByTestId('on-call-now-1').filter({ hasText: 'Casey Casemanager' }));
      await shown(primaryPage.getByTestId('on-call-now-2').filter({ hasText: 'Rowan Outreach' }));
      await primaryPage.screenshot({ path: screenshotPath('dispatch-on-call.png'), fullPage: true });
      await primaryPage.goto(`${baseUrl}/`);
      await primaryPage
        .getByRole('link', { name: /Hand-off queue/ })
        .first()
        .click();
      await shown(primaryPage.getByRole('heading', { level: 1, name: 'Hand-off queue' }));
      await shown(primaryPage.locator('[data-testid="queue-live"][data-connected="true"]'));
      await shown(primaryPage.getByText('No hand-offs are waiting.'));
      // The primary turns on SMS alerts for their own number.
      await primaryPage.getByRole('button', { name: 'My SMS alerts' }).click();
      await primaryPage.getByLabel('Mobile number').fill('+19105550123');
      await primaryPage.getByLabel('Send me SMS alerts').check();
      await primaryPage.getByRole('button', { name: 'Save', exact: true }).click();
      await primaryPage.getByRole('button', { name: 'My SMS alerts' }).click();
      await shown(primaryPage.getByLabel('Send me SMS alerts'));
      expect(await primaryPage.getByLabel('Mobile number').inputValue()).toBe('+19105550123');
      expect(await primaryPage.getByLabel('Send me SMS alerts').isChecked()).toBe(true);
      await primaryPage.getByRole('button', { name: 'Close' }).click();
      await markNotReloaded(primaryPage);

      backupPage = await phoneContext();
      // The backup waits on their home page: an offer shows there as a banner, from the live stream.
      await signInPage(backupPage, baseUrl, BACKUP);
      await markNotReloaded(backupPage);
    });

    it('the officer requests a hand-off and the primary sees it within a second, without reloading', async () => {
      await signInPage(officerPage, baseUrl, OFFICER);
      await officerPage.getByRole('link', { name: /Request a warm hand-off/ }).click();
      await shown(officerPage.getByRole('heading', { level: 1, name: 'My referrals' }));
      await shown(officerPage.getByTestId('accepted-only'));
      const card = officerPage.getByTestId('my-referral').first();
      await card.getByRole('button', { name: 'Request warm hand-off' }).click();
      const posted = officerPage.waitForResponse(
        (response) =>
          response.request().method() === 'POST' && /\/handoffs$/.test(new URL(response.url()).pathname),
      );
      await card.getByRole('button', { name: 'In person' }).click();
      const response = await posted;
      expect(response.status()).toBe(201);
      handoffId = ((await response.json()) as { id: string }).id;

      // Within one second of the request's answer, from the live stream.
      const item = primaryPage.locator(`[data-testid="queue-handoff"][data-handoff-id="${handoffId}"]`);
      await shown(item, 1_000);
      await shown(primaryPage.getByTestId('handoff-alert'), 1_000);
      await shown(item.getByText('For you'));
      await shown(item.getByRole('button', { name: 'Acknowledge' }));
      expect(await stillNotReloaded(primaryPage)).toBe(true);
      const heights = await item
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      await primaryPage.screenshot({ path: screenshotPath('dispatch-primary-offered.png'), fullPage: true });

      // The backup was told nothing: no banner, and nothing offered to them.
      expect(await backupPage.getByTestId('handoff-offer-banner').count()).toBe(0);
      await shown(officerPage.getByRole('heading', { level: 1, name: 'Warm hand-off' }));
      await shown(
        officerPage.getByTestId('handoff-state').filter({ hasText: 'Waiting for the on-call responder' }),
      );
      await markNotReloaded(officerPage);
    });

    it('nobody answers: after the limit the backup is offered it, live, and the officer sees the escalation', async () => {
      offset += 5 * MINUTE + 1_000;
      const run = await journey?.server.runTimers();
      expect(run?.fired).toBeGreaterThanOrEqual(1);
      const banner = backupPage.getByTestId('handoff-offer-banner');
      await shown(banner.filter({ hasText: 'New hand-off for you' }), 1_000);
      expect(await stillNotReloaded(backupPage)).toBe(true);
      await banner.getByRole('button', { name: 'Hand-off queue' }).click();
      const item = backupPage.locator(`[data-testid="queue-handoff"][data-handoff-id="${handoffId}"]`);
      await shown(item.getByText('For you'));
      await shown(
        officerPage.getByTestId('handoff-state').filter({ hasText: 'Escalated to the backup' }),
        2_000,
      );
      // The primary's queue no longer offers it to them (the offer moved on).
      const primaryItem = primaryPage.locator(
        `[data-testid="queue-handoff"][data-handoff-id="${handoffId}"]`,
      );
      await shown(primaryItem.getByText('Backup'), 2_000);
      expect(await primaryItem.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
      await backupPage.screenshot({ path: screenshotPath('dispatch-backup-offered.png'), fullPage: true });
    });

    it('the backup acknowledges with an ETA, then arrives; the officer watches each change live', async () => {
      const item = backupPage.locator(`[data-testid="queue-handoff"][data-handoff-id="${handoffId}"]`);
      await item.getByLabel('Arrive in (min)').fill('10');
      await item.getByRole('button', { name: 'Acknowledge' }).click();
      await shown(
        officerPage.getByTestId('handoff-state').filter({ hasText: 'On the way, ETA 10 min' }),
        2_000,
      );
      await shown(item.getByRole('button', { name: 'Arrived' }));

      // Its person is also among the pending intakes, below the hand-offs.
      await shown(backupPage.getByTestId('pending-intake').filter({ hasText: NAME }));
      await item.getByRole('link', { name: 'Open' }).click();
      await shown(backupPage.getByRole('heading', { level: 1, name: 'Warm hand-off' }));
      const actions = backupPage.getByTestId('responder-actions');
      await actions.getByRole('button', { name: 'En route' }).click();
      await shown(officerPage.getByTestId('handoff-state').filter({ hasText: 'On the way, ETA 10 min' }));
      await shown(officerPage.getByText('On the way', { exact: true }), 2_000);
      await actions.getByRole('button', { name: 'Arrived' }).click();
      await shown(
        officerPage.getByTestId('handoff-state').filter({ hasText: 'Arrived: handed off in person' }),
        2_000,
      );
      await shown(
        backupPage.getByTestId('handoff-state').filter({ hasText: 'Arrived: handed off in person' }),
      );
      expect(await backupPage.getByTestId('responder-actions').count()).toBe(0);
      expect(await stillNotReloaded(officerPage)).toBe(true);
      await officerPage.screenshot({ path: screenshotPath('dispatch-officer-arrived.png'), fullPage: true });
    });

    it('the analyst sees the response figures of the period, and nobody named', async () => {
      const page = await phoneContext();
      await signInPage(page, baseUrl, ANALYST);
      await page.getByRole('link', { name: /Hand-off response figures/ }).click();
      await shown(page.getByRole('heading', { level: 1, name: 'Hand-off response figures' }));
      await page.getByLabel('Period').selectOption('7');
      const acknowledge = page.getByTestId('figure-acknowledge');
      await shown(acknowledge.filter({ hasText: /Time to acknowledge \(\d+ acknowledged\)/ }));
      await shown(acknowledge.getByText(/^Median \d+ (min|s)$/));
      await shown(page.getByTestId('figure-arrival').getByText(/^90% within \d+ (min|s)$/));
      await shown(
        page.getByTestId('figure-over-target').getByText('Over the 30-minute target (or never reached)'),
      );
      await shown(page.getByTestId('figure-warm').getByText(/^\d+%$/));
      await shown(page.getByTestId('figure-unanswered').getByText(/^\d+ of \d+$/));
      expect(await page.locator('body').textContent()).not.toContain(NAME);
      await page.screenshot({ path: screenshotPath('dispatch-figures.png'), fullPage: true });
    });

    it('the intake deadline passes with no intake: the prosecutor sees exactly the five fields', async () => {
      offset += 31 * DAY;
      await journey?.server.runTimers();
      const page = await phoneContext();
      await page.setViewportSize({ width: 1024, height: 800 });
      await signInPage(page, baseUrl, PROSECUTOR);
      await page.getByRole('link', { name: /Intake deadlines/ }).click();
      await shown(page.getByRole('heading', { level: 1, name: 'Arrest diversions: intake deadlines' }));
      const card = page.getByTestId('arrest-diversion').filter({ hasText: INCIDENT });
      await shown(card);
      expect(await card.getAttribute('data-expired')).toBe('true');
      // Expired ones come first.
      const expiredFlags = await page
        .getByTestId('arrest-diversion')
        .evaluateAll((cards) => cards.map((each) => each.getAttribute('data-expired')));
      expect(
        expiredFlags.indexOf('false') === -1 ||
          expiredFlags.lastIndexOf('true') < expiredFlags.indexOf('false'),
      ).toBe(true);
      expect(await card.getByTestId('field-label').allTextContents()).toEqual([
        'Incident number',
        'Referring officer',
        'Referral date',
        'Deadline',
        'Intake completed',
      ]);
      const values = await card.getByTestId('field-value').allTextContents();
      expect(values[0]).toBe(INCIDENT);
      expect(values[1]).toBe('Officer Oakley');
      expect(values[4]).toBe('No');
      expect(Date.parse(values[3] ?? '') - Date.parse(values[2] ?? '')).toBeGreaterThanOrEqual(29 * DAY);
      // Nothing about the person: no name, no screening, no hand-off.
      const text = (await card.textContent()) ?? '';
      for (const absent of ['Synthetic', 'Beat 4', 'hand-off', 'eligible', 'Accepted'])
        expect(text.toLowerCase()).not.toContain(absent.toLowerCase());
      await page.screenshot({ path: screenshotPath('dispatch-prosecutor.png'), fullPage: true });

      await card.getByRole('button', { name: 'Declined to file' }).click();
      await card.getByRole('button', { name: 'Record it' }).click();
      await shown(card.getByTestId('decision').filter({ hasText: 'Decision: declined to file' }));
      expect(await card.getByRole('button', { name: 'Filed' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Español' }).click();
      await shown(
        page.getByRole('heading', { level: 1, name: 'Desvíos de arresto: fechas límite de admisión' }),
      );
      expect(await card.getByTestId('field-label').allTextContents()).toEqual([
        'Número de incidente',
        'Agente que derivó',
        'Fecha de derivación',
        'Fecha límite',
        'Admisión completada',
      ]);
      await shown(card.getByText('Decisión: no presentar cargos'));
      await page.getByRole('button', { name: 'English' }).click();
      expect(problems.flat()).toEqual([]);
    });
  },
);
