// The officer's field app on a phone-sized window: screen and refer while offline, come back
// online, see it synced exactly once (the first answer is lost on purpose, so the retry must reuse
// the idempotency key); an ineligible screening is recorded as "not offered: not eligible".
import { existsSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { inScope } from '../../src/db/scope.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const PHONE = { width: 360, height: 740 };
const ELIGIBLE = 'Sam Synthetic-Eligible';
const INELIGIBLE = 'Riley Synthetic-Probation';

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

// Skipped where Debian's Chromium is not installed: browsers are never downloaded (.ci/run installs it).
describe.skipIf(!existsSync(CHROMIUM))('browser journey: the officer screens offline and online', () => {
  let database: DatabaseHandle;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let shot = 0;

  /** A full-page screenshot of the current step at 360 px, checked for sideways scrolling. */
  async function capture(name: string) {
    shot += 1;
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: screenshotPath(`field-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  }

  /** Every answer card and the back/next buttons are big enough for a thumb. */
  async function expectBigTargets() {
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'main [role=radio], main [role=checkbox], .field-nav button',
        ),
      ]
        .filter((element) => element.getBoundingClientRect().height < 48)
        .map((element) => element.textContent),
    );
    expect(small).toEqual([]);
  }

  const stepHeading = (name: string) => page.getByRole('heading', { level: 2, name, exact: true });
  const next = async () =>
    page
      .locator('.field-nav')
      .getByRole('button', { name: /^(Next|Submit)$/ })
      .click();
  const answer = (question: string | RegExp, choice: string) =>
    page
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: choice, exact: true })
      .click();
  const pick = (role: 'radio' | 'checkbox', name: string) =>
    page.getByRole(role, { name, exact: true }).click();

  async function siteId(): Promise<string> {
    const session = await (await page.request.get(`${server.baseUrl}/api/v1/auth/session`)).json();
    return session.sites[0].id as string;
  }

  async function encountersFor(name: string): Promise<number> {
    const id = await siteId();
    return inScope(database.db, { siteId: id, userId: null }, async (tx) =>
      Number(
        (
          await tx
            .selectFrom('encounters')
            .innerJoin('people', 'people.id', 'encounters.person_id')
            .where('people.name_or_alias', '=', name)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
  }

  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE, hasTouch: true, isMobile: true } });
    ({ database, server, context, page, problems } = journey);
  });

  afterAll(() => journey?.close());

  it('signs in as the officer and opens Screen someone from the home page', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('E-mail').fill(OFFICER);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('heading', { level: 2, name: 'Officer tools' }));
    // Built now: the card opens My referrals, showing the accepted ones a hand-off can be asked for.
    const handoff = page.getByRole('link', { name: /Request a warm hand-off/ });
    await shown(handoff);
    expect(await handoff.getAttribute('href')).toBe('/referrals/mine?status=accepted');
    expect(
      await page.locator('[data-coming-soon]').filter({ hasText: 'Request a warm hand-off' }).count(),
    ).toBe(0);
    await capture('home');
    await page.getByRole('link', { name: /Screen someone/ }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Screen someone' }));
    await shown(stepHeading('How you met'));
    // The service worker has the app shell, so the app opens without a connection from here on.
    const controlled = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      for (let tries = 0; tries < 50 && !navigator.serviceWorker.controller; tries++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      return navigator.serviceWorker.controller !== null;
    });
    expect(controlled).toBe(true);
    const manifest = await (await page.request.get(`${server.baseUrl}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ short_name: 'LEAD', display: 'standalone' });
  });

  it('screens an eligible person with no connection, and keeps it on the phone', async () => {
    await context.setOffline(true);
    await shown(page.getByTestId('offline-note'));

    await pick('radio', 'Social contact');
    await expectBigTargets();
    await capture('pathway');
    await next();

    await shown(stepHeading('Person'));
    await next(); // nothing entered yet: the step says what is missing
    await shown(page.getByRole('alert').filter({ hasText: 'Enter a name or alias.' }));
    await page.getByLabel('Name or alias').fill(ELIGIBLE);
    await page.getByRole('textbox', { name: 'Date of birth' }).fill('1990-04-12');
    await capture('person');
    await next();

    await shown(stepHeading('Race (as you perceive it)'));
    await pick('checkbox', 'Black or African American');
    await expectBigTargets();
    await capture('race');
    await next();
    await shown(stepHeading('Ethnicity (as you perceive it)'));
    await pick('radio', 'Not Hispanic or Latino');
    await next();
    await shown(stepHeading('Gender (as you perceive it)'));
    await pick('checkbox', 'Woman');
    await capture('gender');
    await next();

    await shown(stepHeading('Screening questions'));
    await page.getByLabel('How many dosage units of opioids do they have?').fill('3');
    await answer('Are they involved in distributing drugs?', 'No');
    await answer('Are they involved in exploiting minors?', 'No');
    await expectBigTargets();
    await capture('questions-1');
    await next();
    await answer('Are they involved in promoting prostitution?', 'No');
    await answer(/^Any violent crime in the last 10 years/, 'Yes');
    await page.getByLabel('Date 1').fill('2009-06-01'); // longer ago than 10 years: still eligible
    await answer('Are they on parole or probation?', 'No');
    await capture('questions-2');
    await next();
    await answer(/^Any charge of assault/, 'No');
    await next();

    await shown(stepHeading('Decision'));
    await shown(page.getByTestId('decision-status').filter({ hasText: 'Eligible for LEAD' }));
    await capture('decision-eligible');
    await next();

    await shown(stepHeading('Offer'));
    await pick('radio', 'Accepted');
    await capture('offer');
    await next();

    await shown(stepHeading('Where and when'));
    await page.getByLabel('Beat or area').fill('Beat 7');
    await capture('place');
    // The draft survives a reload.
    await page.reload();
    await shown(stepHeading('Where and when'));
    expect(await page.getByLabel('Beat or area').inputValue()).toBe('Beat 7');
    await next();

    await shown(page.getByTestId('submission-state').filter({ hasText: 'Saved on this phone' }));
    await shown(page.getByRole('heading', { name: 'Waiting to send (1)' }));
    await expect(page.getByRole('button', { name: 'Request warm hand-off' }).isDisabled()).resolves.toBe(
      true,
    );
    await shown(page.getByText('Available once sent.'));
    await capture('queued');
    const stored = await page.evaluate(() => JSON.parse(window.localStorage.getItem('lead.outbox') ?? '[]'));
    expect(stored).toHaveLength(1);
    expect(stored[0].key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.evaluate(() => window.localStorage.getItem('lead.screenDraft'))).toBeNull();

    // Still offline, the app opens again from the service worker, with the queue.
    await page.reload();
    await shown(page.getByRole('heading', { level: 1, name: 'Screen someone' }));
    await shown(page.getByTestId('outbox-item').filter({ hasText: ELIGIBLE }));
    expect(await page.getByTestId('outbox-item').getAttribute('data-state')).toBe('waiting');
    expect(await encountersFor(ELIGIBLE)).toBe(0);

    // Signing out would delete the unsent screening: the app asks first, and "cancel" keeps it.
    const warning = new Promise<string>((resolve) => {
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      });
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await warning).toMatch(/One screening on this phone has not been sent yet/);
    await shown(page.getByTestId('outbox-item').filter({ hasText: ELIGIBLE }));
    expect(
      await page.evaluate(() => JSON.parse(window.localStorage.getItem('lead.outbox') ?? '[]')),
    ).toHaveLength(1);
  });

  it('sends it once when the connection returns, even when the first answer is lost', async () => {
    const keys: string[] = [];
    await context.route('**/api/v1/sites/*/encounters', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        // The server records it, but the phone never hears back: it must retry with the same key.
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await context.setOffline(false);
    await shown(page.getByTestId('outbox-item').and(page.locator('[data-state=sent]')), 40_000);
    await capture('sent');
    expect(keys.length).toBe(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await encountersFor(ELIGIBLE)).toBe(1);
    expect(await page.evaluate(() => window.localStorage.getItem('lead.outbox'))).toBeNull();
    await context.unroute('**/api/v1/sites/*/encounters');
  });

  it('records an ineligible person (on probation) online as not offered: not eligible', async () => {
    // The page was reloaded since the last submission, so it shows a fresh form.
    await shown(stepHeading('How you met'));
    await pick('radio', 'Arrest diversion');
    await next();
    await shown(stepHeading('Incident and charges'));
    await page.getByLabel('Incident number').fill('INC-2026-0042');
    await pick('checkbox', 'Possess drug paraphernalia');
    await capture('incident');
    await next();
    await page.getByLabel('Name or alias').fill(INELIGIBLE);
    await pick('radio', 'Approximate age');
    await page.getByLabel('Age in years').fill('34');
    await next();
    await pick('radio', "Can't tell");
    await next();
    await pick('radio', 'Not collected');
    await next();
    await pick('radio', 'Person prefers not to say');
    await next();
    await page.getByLabel('How many dosage units of opioids do they have?').fill('0');
    await answer('Are they involved in distributing drugs?', 'No');
    await answer('Are they involved in exploiting minors?', 'No');
    await next();
    await answer('Are they involved in promoting prostitution?', 'No');
    await answer(/^Any violent crime in the last 10 years/, 'No');
    await answer('Are they on parole or probation?', 'Yes');
    await next();
    await answer(/^Any charge of assault/, 'Not asked');
    await next();
    await shown(page.getByTestId('decision-status').filter({ hasText: 'Not eligible for LEAD' }));
    await shown(page.getByRole('listitem').filter({ hasText: 'On parole or probation' }));
    await capture('decision-ineligible');
    await next();
    await shown(page.getByTestId('offer-recorded').filter({ hasText: 'not offered: not eligible' }));
    await capture('offer-ineligible');
    await next();
    await page.getByLabel('Beat or area').fill('Downtown');
    await next();
    await shown(page.getByTestId('submission-state').filter({ hasText: 'Sent' }));
    await shown(page.getByText(`Recorded for ${INELIGIBLE}: Not offered: not eligible.`));
    expect(await encountersFor(INELIGIBLE)).toBe(1);
  });

  it('lists my referrals, newest first, with their status in plain words', async () => {
    await page.getByRole('link', { name: 'My referrals' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'My referrals' }));
    const cards = page.getByTestId('my-referral');
    await shown(cards.first());
    const ineligible = cards.filter({ hasText: INELIGIBLE });
    await shown(ineligible.getByTestId('referral-status').filter({ hasText: 'Not offered: not eligible' }));
    await shown(cards.filter({ hasText: ELIGIBLE }).getByText('Accepted LEAD'));
    // Newest first (the demo data holds older ones too).
    const order = (await cards.allTextContents()).map((text) =>
      text.includes(INELIGIBLE) ? 'ineligible' : text.includes(ELIGIBLE) ? 'eligible' : 'other',
    );
    expect(order.slice(0, 2)).toEqual(['ineligible', 'eligible']);
    await capture('my-referrals');
  });

  it('records a "decide later" answer from My referrals', async () => {
    await page.goto(`${server.baseUrl}/screen`);
    await pick('radio', 'Self-referral');
    await next();
    await page.getByLabel('Name or alias').fill('Jo Synthetic-Later');
    await pick('radio', 'Approximate age');
    await page.getByLabel('Age in years').fill('41');
    await next();
    await pick('radio', 'Not collected');
    await next();
    await pick('radio', 'Not collected');
    await next();
    await pick('radio', 'Not collected');
    await next();
    await page.getByLabel('How many dosage units of opioids do they have?').fill('0');
    await answer('Are they involved in distributing drugs?', 'No');
    await answer('Are they involved in exploiting minors?', 'No');
    await next();
    await answer('Are they involved in promoting prostitution?', 'No');
    await answer(/^Any violent crime in the last 10 years/, 'No');
    await answer('Are they on parole or probation?', 'No');
    await next();
    await answer(/^Any charge of assault/, 'No');
    await next();
    await next();
    await pick('radio', 'Decide later');
    await next();
    await next();
    await shown(page.getByTestId('submission-state').filter({ hasText: 'Sent' }));
    await page.getByRole('button', { name: 'Screen someone else' }).click();
    await shown(stepHeading('How you met'));
    await page.goto(`${server.baseUrl}/referrals/mine`);
    const card = page.getByTestId('my-referral').filter({ hasText: 'Jo Synthetic-Later' });
    await shown(card.getByText('Screened: answer not recorded yet'));
    await card.getByRole('button', { name: 'Record their answer' }).click();
    await card.getByRole('radio', { name: 'Accepted', exact: true }).click();
    await capture('record-answer');
    await card.getByRole('button', { name: 'Save' }).click();
    await shown(card.getByText('Accepted LEAD'));
  });

  it('shows the screening in Spanish too', async () => {
    await page.goto(`${server.baseUrl}/screen`);
    await page.getByRole('button', { name: 'Español' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Evaluar a una persona' }));
    await pick('radio', 'Contacto social');
    await capture('pathway-es');
    await page.getByRole('button', { name: 'English' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Screen someone' }));
  });

  it('signs out, leaving nothing on the phone but the language', async () => {
    expect(await page.evaluate(() => window.localStorage.getItem('lead.screenDraft'))).not.toBeNull();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Sign in' }));
    const stored = await page.evaluate(() => Object.keys(window.localStorage));
    expect(stored.filter((key) => key !== 'lead.language')).toEqual([]);
    expect(problems).toEqual([]);
  });
});
