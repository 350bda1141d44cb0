// Issue 5's done-when journey, tried as a new user would, on a phone: a case manager gets a warm
// hand-off on "My day" (their home), answers it in person, starts the intake from the person's
// pending intake, records their needs and a release naming a partner from the directory, completes
// the intake, logs a contact (engagement active) and refers the person to the partner's service.
// The partner's provider user, in their own browser, accepts the referral and then puts it in
// progress, each with a reason; the case manager sees it. Their caseload went up by one, today's
// appointment is on their day, and when the server's clock moves past the site's inactive threshold
// engagement reads "Inactive" (and, later, the person shows as going in the wind on "My day").
import { existsSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { instantAt, localDateOf } from '../../src/domain/on-call/local-time.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { HttpClient } from '../support/http-client.ts';
import { CHROMIUM, type Journey, screenshotPath, startJourney, watchForProblems } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const MANAGER = 'manager@demo.lead.test';
const CASE_MANAGER = 'casemanager@demo.lead.test';
const CASE_MANAGER_NAME = 'Casey Casemanager';
const PROVIDER = 'provider@demo.lead.test';
const PARTNER = 'Cape Fear Harbor Shelter'; // the demo provider account's organization
const SERVICE_OPTION = 'Overnight beds — Cape Fear Harbor Shelter (Waitlist)';
const TIMEZONE = 'America/New_York';
const NAME = 'Sky Synthetic-Casework';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DAY = 24 * 60 * 60_000;

/** The server's clock: the real one, until the journey moves it on. */
let offset = 0;
const clock = () => new Date(Date.now() + offset);

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

async function apiSignedIn(baseUrl: string, email: string) {
  const client = new HttpClient(baseUrl);
  const response = await client.logIn(email, DEMO_PASSWORD);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return { client, session: response.body };
}

describe.skipIf(!existsSync(CHROMIUM))('browser journey: a case manager, from hand-off to caseload', () => {
  let journey: Journey | undefined;
  let baseUrl: string;
  let page: Page;
  let siteId: string;
  let handoffId: string;
  let participantId: string;
  let loadBefore: number;
  const contexts: BrowserContext[] = [];

  async function noSidewaysScroll(on: Page, name: string) {
    const overflow = await on.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await on.screenshot({ path: screenshotPath(`case-management-${name}.png`), fullPage: true });
  }

  /** Signs in from the sign-in page (the app shows it on any path once the session is gone). */
  async function signIn(on: Page, email: string) {
    await on.goto(`${baseUrl}/`);
    await shown(on.getByLabel('E-mail'), 60_000);
    await on.getByLabel('E-mail').fill(email);
    await on.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await on.getByRole('button', { name: 'Sign in' }).click();
    await shown(on.getByRole('heading', { level: 1, name: 'Demo City LEAD' }));
  }

  async function pick(on: Page | Locator, label: string, option: string) {
    await on.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
  }

  /** The case manager's row on /caseloads: their load (the number before the caps). */
  async function caseManagerLoad(): Promise<number> {
    await page.goto(`${baseUrl}/caseloads`);
    await shown(page.getByRole('heading', { name: 'Caseloads', exact: true }));
    const row = page.getByTestId('caseloads').getByRole('row').filter({ hasText: CASE_MANAGER_NAME });
    await shown(row);
    const text = (await row.getByRole('cell').nth(1).textContent()) ?? '';
    const load = /^(\d+) \(/.exec(text.trim())?.[1];
    expect(load, `the load in "${text}"`).toBeDefined();
    return Number(load);
  }

  beforeAll(async () => {
    journey = await startJourney({ context: PHONE, clock });
    baseUrl = journey.server.baseUrl;
    page = journey.page;
    const officer = await apiSignedIn(baseUrl, OFFICER);
    const manager = await apiSignedIn(baseUrl, MANAGER);
    const caseManager = await apiSignedIn(baseUrl, CASE_MANAGER);
    siteId = officer.session.sites[0].id;
    // The on-call roster: the case manager answers hand-offs, every day, all day.
    const shifts = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
      weekday,
      startsAt: '00:00',
      endsAt: '00:00',
      level: 1,
      userId: caseManager.session.user.id,
    }));
    const pattern = await manager.client.request('PUT', `/api/v1/sites/${siteId}/on-call/pattern`, {
      body: { shifts },
    });
    expect(pattern.status, JSON.stringify(pattern.body)).toBe(200);
    // An officer's social contact, accepted on the street, and a warm hand-off asked for.
    const encounter = await officer.client.post(
      `/api/v1/sites/${siteId}/encounters`,
      eligibleEncounter({ occurredAt: clock().toISOString(), person: { nameOrAlias: NAME } }),
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(encounter.status, JSON.stringify(encounter.body)).toBe(201);
    expect(encounter.body.referral.status).toBe('accepted');
    const handoff = await officer.client.post(
      `/api/v1/sites/${siteId}/referrals/${encounter.body.referral.id}/handoffs`,
      { mode: 'in_person' },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(handoff.status, JSON.stringify(handoff.body)).toBe(201);
    handoffId = handoff.body.id;
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await journey?.close();
  });

  it('the case manager signs in on a phone and "My day" shows the hand-off offered to them', async () => {
    await signIn(page, CASE_MANAGER);
    loadBefore = await caseManagerLoad();
    const streams: string[] = [];
    const countStream = (request: { url(): string }) => {
      if (request.url().endsWith('/live')) streams.push(request.url());
    };
    page.on('request', countStream);
    await page.goto(`${baseUrl}/`);
    const day = page.getByTestId('my-day');
    await shown(day.getByRole('heading', { name: 'My day' }));
    const offer = day.getByTestId('my-day-handoff');
    await shown(offer.getByText('Waiting for an answer'));
    // The offer banner and My day both listen, on one stream.
    page.off('request', countStream);
    expect(streams).toHaveLength(1);
    await noSidewaysScroll(page, 'my-day-offer');
    await offer.getByRole('link', { name: /In person/ }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Warm hand-off' }));
    expect(page.url()).toBe(`${baseUrl}/handoffs/${handoffId}`);
  });

  it('answers it: acknowledged, then arrived in person', async () => {
    const actions = page.getByTestId('responder-actions');
    await actions.getByRole('button', { name: 'Acknowledge' }).click();
    await shown(actions.getByRole('button', { name: 'Arrived' }));
    await actions.getByRole('button', { name: 'Arrived' }).click();
    await shown(page.getByTestId('handoff-state').filter({ hasText: 'Arrived: handed off in person' }));
    expect(await page.getByTestId('responder-actions').count()).toBe(0);
  });

  it('starts the intake from "Intakes due" on their day, records needs and a release naming the partner', async () => {
    await page.goto(`${baseUrl}/`);
    const day = page.getByTestId('my-day');
    // The hand-off is over: nothing waits for them; the person's intake is due.
    await shown(day.getByText('No hand-off is waiting for you.'));
    const intake = day.getByTestId('my-day-intake').filter({ hasText: NAME });
    await shown(intake);
    await intake.getByRole('link', { name: NAME }).click();
    await shown(page.getByRole('heading', { name: NAME }));
    await page.getByRole('button', { name: 'Start intake' }).click();
    await shown(page.getByRole('heading', { name: `Intake: ${NAME}` }));
    participantId = /\/participants\/([0-9a-f-]{36})\/intake$/.exec(page.url())?.[1] ?? '';
    expect(participantId).not.toBe('');

    await page.getByLabel('What do you need right now?').fill('A bed tonight and my ID back');
    await page.getByTestId('need-food').getByText('Urgent').click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await shown(page.getByTestId('draft-saved'));

    // The release: the arresting agency (enrolment status) and the shelter, from the directory, for
    // service referrals. Typed signature.
    await page
      .getByTestId('recipient')
      .first()
      .getByLabel('Name', { exact: true })
      .fill('Demo Police Department');
    await page.getByRole('button', { name: 'Add someone' }).click();
    const partner = page.getByTestId('recipient').nth(1);
    await pick(partner, 'Who', 'A partner provider');
    await pick(partner, 'Partner organization', PARTNER);
    expect(await partner.getByLabel('Name', { exact: true }).inputValue()).toBe(PARTNER);
    await page.getByRole('checkbox', { name: 'Referrals to services and their status' }).check();
    await page.getByLabel('Expires on').fill('2027-12-31');
    await page.getByLabel('Their name, typed by them').fill(NAME);
    await noSidewaysScroll(page, 'release');
    await page.getByRole('button', { name: 'Save signed release' }).click();
    await shown(page.getByTestId('releases-in-force'));
    await page.getByRole('button', { name: 'Complete intake' }).click();
    await shown(page.getByTestId('participant-status'));
    expect(await page.getByTestId('participant-status').textContent()).toBe('Enrolled');
    expect(page.url()).toBe(`${baseUrl}/participants/${participantId}`);
    await shown(page.getByTestId('release').getByText(PARTNER).first());
  });

  it('logs a contact on the phone: engagement is active', async () => {
    const form = page.getByRole('form', { name: 'Log a contact' });
    await form.getByRole('button', { name: 'Field', exact: true }).click();
    await form.getByLabel('Note (optional)').fill('Met at the shelter door; wants a bed');
    await form.getByRole('button', { name: 'Log contact' }).click();
    await shown(form.getByRole('status'));
    await shown(page.getByTestId('contacts').getByText('Met at the shelter door; wants a bed'));
    await expect
      .poll(async () => page.getByTestId('engagement').first().textContent())
      .toMatch(/^Active · 0 days since last contact/);
  });

  it("refers them to the partner's service", async () => {
    await shown(page.getByRole('heading', { name: 'Service referrals' }));
    await page.getByRole('button', { name: 'Refer to a service' }).click();
    await pick(page, 'Service', SERVICE_OPTION);
    await page.getByLabel('What does the person need from them?').fill('A bed tonight');
    await page.getByRole('button', { name: 'Send referral' }).click();
    const referral = page.getByTestId('service-referral');
    await shown(referral.getByText('Requested', { exact: true }));
    await noSidewaysScroll(page, 'referred');
  });

  it('the partner accepts it and puts it in progress from their own login, each with a reason', async () => {
    if (!journey) throw new Error('no journey');
    const context = await journey.browser.newContext({ locale: 'en-US', ...PHONE });
    contexts.push(context);
    const partner = await context.newPage();
    partner.setDefaultTimeout(15_000);
    const partnerProblems = watchForProblems(partner);
    await signIn(partner, PROVIDER);
    await partner
      .getByRole('link', { name: /Service referrals/ })
      .first()
      .click();
    await shown(partner.getByRole('heading', { name: 'Referrals to my organization' }));
    const card = partner.getByTestId('provider-referral').filter({ hasText: 'Overnight beds' }).first();
    await shown(card);
    await pick(card, 'New status', 'Accepted');
    await card.getByLabel('Reason').fill('Bed held until 9pm');
    await card.getByRole('button', { name: 'Save' }).click();
    await shown(card.getByText('Accepted', { exact: true }));
    await pick(card, 'New status', 'In progress');
    await card.getByLabel('Reason').fill('Checked in; bed 12');
    await card.getByRole('button', { name: 'Save' }).click();
    await shown(card.getByText('In progress', { exact: true }));
    await noSidewaysScroll(partner, 'partner');
    expect(partnerProblems).toEqual([]);
    await context.close();

    await page.reload();
    const referral = page.getByTestId('service-referral');
    await shown(referral.getByText('In progress', { exact: true }));
    await shown(referral.getByText(/Checked in; bed 12/));
  });

  it("the caseload went up by one, and today's appointment is on their day", async () => {
    expect(await caseManagerLoad()).toBe(loadBefore + 1);
    await noSidewaysScroll(page, 'caseloads');
    // An appointment at noon today, site time, booked through the API (the casework journey books one in the UI).
    const caseManager = await apiSignedIn(baseUrl, CASE_MANAGER);
    const noon = instantAt(localDateOf(clock(), TIMEZONE), 12 * 60, TIMEZONE);
    const booked = await caseManager.client.post(
      `/api/v1/sites/${siteId}/participants/${participantId}/appointments`,
      {
        startsAt: noon.toISOString(),
        place: 'Harbor Shelter front desk',
        withWhom: 'Intake worker',
        purpose: 'Bed',
      },
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    await page.goto(`${baseUrl}/`);
    const appointment = page.getByTestId('my-day-appointment').filter({ hasText: NAME });
    await shown(appointment.getByText('Harbor Shelter front desk', { exact: false }));
    await shown(appointment.getByText('12:00 PM'));
    await page.getByTestId('my-day').getByText('Whole site', { exact: true }).click();
    await shown(page.getByTestId('my-day-appointment').filter({ hasText: NAME }));
    await noSidewaysScroll(page, 'my-day-today');
    await appointment.getByRole('link', { name: NAME }).click();
    await shown(page.getByTestId('participant-status'));
    expect(page.url()).toBe(`${baseUrl}/participants/${participantId}`);
  });

  it('past the inactive threshold engagement reads "Inactive"; near "in the wind" they show on "My day"', async () => {
    offset += 31 * DAY;
    await signIn(page, CASE_MANAGER);
    await page.goto(`${baseUrl}/participants/${participantId}`);
    await expect
      .poll(async () => page.getByTestId('engagement').first().textContent())
      .toMatch(/^Inactive · 31 days since last contact/);
    await noSidewaysScroll(page, 'inactive');
    // 80 days: within 14 of the 90-day "in the wind" threshold.
    offset += 49 * DAY;
    await signIn(page, CASE_MANAGER);
    const wind = page.getByTestId('my-day-wind').filter({ hasText: NAME });
    await shown(wind);
    await shown(wind.getByText('Inactive', { exact: true }));
    await shown(wind.getByText('80 days since last contact', { exact: true }));
    await noSidewaysScroll(page, 'my-day-wind');
    // The same day in Spanish.
    await page.getByRole('button', { name: 'Español' }).first().click();
    await shown(page.getByRole('heading', { name: 'Mi día' }));
    await shown(page.getByRole('heading', { name: /A punto de quedar sin rastro/ }));
    await shown(wind.getByText('80 días desde el último contacto', { exact: true }));
    await page.getByRole('button', { name: 'English' }).first().click();
    await shown(page.getByRole('heading', { name: 'My day' }));
    await wind.getByRole('link', { name: NAME }).click();
    await shown(page.getByTestId('participant-status'));
    expect(journey?.problems).toEqual([]);
  });
});
