// The care team screens a pending request in a phone-sized browser: someone asks for contact on
// the public page, the case manager opens the request, records a screening with the field app's
// steps (demographics self-reported, as asked on the phone), and the request then shows the
// decision and its new status; the person wants time to think, and their answer is recorded later
// on the request's page. Online only: nothing about the person is left on the device.
import { existsSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { inScope } from '../../src/db/scope.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const PHONE = { width: 360, height: 740 };
const CASE_MANAGER = 'casemanager@demo.lead.test';
const PERSON = 'Riley Synthetic';

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

describe.skipIf(!existsSync(CHROMIUM))('browser journey: the care team screens a pending request', () => {
  let database: DatabaseHandle;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  const stepHeading = (name: string) => page.getByRole('heading', { level: 2, name, exact: true });
  const next = () =>
    page
      .locator('.field-nav')
      .getByRole('button', { name: /^(Next|Record)$/ })
      .click();
  const answer = (question: string | RegExp, choice: string) =>
    page
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: choice, exact: true })
      .click();
  const pick = (role: 'radio' | 'checkbox', name: string) =>
    page.getByRole(role, { name, exact: true }).click();
  const capture = (name: string) =>
    page.screenshot({ path: screenshotPath(`review-screen-${name}.png`), fullPage: true });

  async function expectNoSidewaysScroll(): Promise<void> {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }

  /** The demographics recorded for the person: whose view, and what. */
  async function demographicsOf(name: string) {
    const session = await (await page.request.get(`${server.baseUrl}/api/v1/auth/session`)).json();
    return inScope(database.db, { siteId: session.sites[0].id, userId: null }, (tx) =>
      tx
        .selectFrom('demographic_reports')
        .innerJoin('people', 'people.id', 'demographic_reports.person_id')
        .where('people.name_or_alias', '=', name)
        .select(['source', 'race', 'ethnicity', 'gender_missing'])
        .execute(),
    );
  }

  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE, hasTouch: true, isMobile: true } });
    ({ database, server, context, page, problems } = journey);
  });

  afterAll(() => journey?.close());

  it('takes a request for contact from the public page', async () => {
    await page.goto(`${server.baseUrl}/refer/demo-city`);
    await shown(page.getByRole('heading', { level: 1, name: 'Ask LEAD to get in touch' }));
    await page.getByRole('radio', { name: 'I am asking for myself' }).check();
    await page.getByLabel('Your name, or what we should call you').fill(PERSON);
    await page.getByLabel('Phone number').fill('555-010-0142');
    // A form sent within two seconds of opening is taken for a bot's (and silently dropped).
    await page.waitForTimeout(2100);
    await page.getByRole('button', { name: 'Send' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Thank you' }));
  });

  it('lets the case manager open the request and start a screening from it', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('E-mail').fill(CASE_MANAGER);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Demo City LEAD' }));
    await page.getByRole('link', { name: /Referrals to review/ }).click();
    const pending = page.locator('section[aria-labelledby="pending-heading"]');
    await pending.getByRole('link', { name: PERSON }).click();
    await shown(page.getByRole('heading', { level: 1, name: PERSON }));
    expect(await page.locator('[data-coming-soon]').count()).toBe(0);
    await capture('detail-pending');

    await page.getByRole('link', { name: 'Record a screening' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Record a screening' }));
    expect(new URL(page.url()).pathname).toMatch(/^\/referrals\/[0-9a-f-]{36}\/screen$/);
    await shown(page.getByText(`For ${PERSON}, usually on the phone.`));
  });

  it('asks the age, then demographics as the person tells them, then the questions', async () => {
    // The request has the name, how they came and when: the form starts at the age.
    await shown(stepHeading('Age'));
    await shown(page.getByTestId('step-indicator').filter({ hasText: 'Step 1 of 9' }));
    expect(await page.getByLabel('Name or alias').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Date of birth' }).fill('1988-02-03');
    await expectNoSidewaysScroll();
    await capture('age');
    await next();

    await shown(stepHeading('Race (as they describe it)'));
    const source = page.getByRole('radiogroup', { name: 'Who gives race, ethnicity and gender?' });
    await shown(source.getByRole('radio', { name: 'They tell you (self-reported)', checked: true }));
    await pick('checkbox', 'White');
    await expectNoSidewaysScroll();
    await capture('race');
    await next();
    await shown(stepHeading('Ethnicity (as they describe it)'));
    await pick('radio', 'Not Hispanic or Latino');
    await next();
    await shown(stepHeading('Gender (as they describe it)'));
    await pick('radio', 'They prefer not to say');
    await next();

    await shown(stepHeading('Screening questions'));
    await page.getByLabel('How many dosage units of opioids do they have?').fill('0');
    await answer('Are they involved in distributing drugs?', 'No');
    await answer('Are they involved in exploiting minors?', 'No');
    await capture('questions');
    await next();
    await answer('Are they involved in promoting prostitution?', 'No');
    await answer(/^Any violent crime in the last 10 years/, 'No');
    await answer('Are they on parole or probation?', 'No');
    await next();
    await answer(/^Any charge of assault/, 'No');
    await next();
  });

  it('shows the decision on the device, records "decide later" and sends it', async () => {
    await shown(stepHeading('Decision'));
    await shown(page.getByTestId('decision-status').filter({ hasText: 'Eligible for LEAD' }));
    await capture('decision');
    await next();
    await shown(stepHeading('Offer'));
    await shown(page.getByText('They want time to think. The referral stays open.'));
    await pick('radio', 'Decide later');
    await expectNoSidewaysScroll();
    await capture('offer');
    // Nothing about the person was written to the device: the form lives in memory only.
    expect(
      await page.evaluate(() => [
        localStorage.getItem('lead.screenDraft'),
        localStorage.getItem('lead.outbox'),
      ]),
    ).toEqual([null, null]);
    // Online only: with no connection, it says so and stays on the form, answers kept.
    await context.setOffline(true);
    await next();
    await shown(page.getByRole('alert').filter({ hasText: 'The server could not be reached.' }));
    await shown(page.getByRole('radio', { name: 'Decide later', checked: true }));
    await capture('offline-error');
    await context.setOffline(false);
    await next();

    // Back on the request: its new status and the decision; their answer is still to come.
    await shown(page.getByRole('heading', { level: 1, name: PERSON }));
    expect(new URL(page.url()).pathname).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
    await shown(
      page.getByTestId('screened-state').filter({ hasText: `${PERSON}: Screened: answer not recorded yet.` }),
    );
    await shown(page.getByTestId('decision-status').filter({ hasText: 'Eligible for LEAD' }));
    await shown(page.getByTestId('referral-screening').filter({ hasText: 'Screening: Eligible' }));
    await shown(page.getByText('Screened', { exact: true }).first());
    // No longer pending: nothing left to screen or close.
    expect(await page.getByRole('link', { name: 'Record a screening' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Close request' }).count()).toBe(0);
    await expectNoSidewaysScroll();
    await capture('done');

    expect(await demographicsOf(PERSON)).toEqual([
      {
        source: 'self_reported',
        race: ['white'],
        ethnicity: 'not_hispanic_latino',
        gender_missing: 'prefers_not_to_answer',
      },
    ]);
  });

  it('completes the "decide later" screening from the request: offered and accepted', async () => {
    const happened = page.getByRole('radiogroup', { name: 'What happened?' });
    await shown(happened);
    for (const choice of ['Offered and accepted', 'Offered and declined', 'Not offered (our decision)'])
      await shown(happened.getByRole('radio', { name: choice, exact: true }));
    const save = page.getByRole('button', { name: 'Save', exact: true });
    // A decline needs its reason before it can be saved.
    await happened.getByRole('radio', { name: 'Offered and declined', exact: true }).click();
    await shown(page.getByLabel('Why did they decline?'));
    expect(await save.isDisabled()).toBe(true);
    await happened.getByRole('radio', { name: 'Offered and accepted', exact: true }).click();
    await expectNoSidewaysScroll();
    await capture('answer');

    // Meanwhile someone else records the offer: saving here is refused (409), said in plain words.
    const referralId = new URL(page.url()).pathname.split('/')[2];
    const offered = await page.evaluate(async (id) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const response = await fetch(`/api/v1/sites/${session.sites[0].id}/referrals/${id}/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': session.csrfToken,
          'idempotency-key': crypto.randomUUID(),
        },
        body: JSON.stringify({ type: 'offer' }),
      });
      return response.status;
    }, referralId);
    expect(offered).toBe(200);
    await save.click();
    await shown(
      page
        .getByTestId('answer-conflict')
        .filter({ hasText: 'the referral changed since this page was opened' }),
    );
    await capture('answer-conflict');

    // Read again, it is offered: the answer is now accepted or declined, never "not offered".
    await page.getByRole('button', { name: 'Reload', exact: true }).click();
    const answered = page.getByRole('radiogroup', { name: 'What did they answer?' });
    await shown(answered);
    expect(await page.getByTestId('answer-conflict').count()).toBe(0);
    expect(await answered.getByRole('radio').allTextContents()).toEqual(['Accepted', 'Declined']);
    await answered.getByRole('radio', { name: 'Accepted', exact: true }).click();
    await save.click();

    await shown(page.getByTestId('answer-recorded').filter({ hasText: 'Recorded: Accepted LEAD.' }));
    const history = page.locator('section[aria-labelledby="history-heading"]');
    await shown(history.getByText('Screened → Offered', { exact: true }));
    await shown(history.getByText('Offered → Accepted', { exact: true }));
    await shown(page.getByText('Accepted', { exact: true }).first());
    expect(await page.getByRole('radiogroup', { name: 'What did they answer?' }).count()).toBe(0);
    await expectNoSidewaysScroll();
    await capture('answered');
  });

  it('sends the screening page back to the request once it is no longer pending, in Spanish too', async () => {
    await page.goto(`${page.url()}/screen`);
    await shown(page.getByText('This request is no longer waiting for review'));
    await page.getByRole('button', { name: 'Español' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Registrar una evaluación' }));
    await shown(page.getByText('Esta solicitud ya no está por revisar'));
    await page.getByRole('link', { name: 'Volver a la solicitud' }).click();
    await shown(page.getByText('Evaluación: Elegible'));
    await capture('done-es');

    // The steps in Spanish, on one of the demo's own pending requests (not sent).
    await page.getByRole('link', { name: 'Volver a referidos por revisar' }).click();
    const pending = page.locator('section[aria-labelledby="pending-heading"]');
    await pending.getByRole('listitem').first().getByRole('link').click();
    await page.getByRole('link', { name: 'Registrar una evaluación' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Registrar una evaluación' }));
    await page.locator('.field-nav').getByRole('button', { name: 'Siguiente' }).click();
    await shown(stepHeading('Raza (según la persona)'));
    await shown(page.getByRole('radio', { name: 'La persona se lo dice (autoinformado)', checked: true }));
    await expectNoSidewaysScroll();
    await capture('race-es');
    await page.getByRole('button', { name: 'English' }).click();
    expect(problems).toEqual([]);
  });
});
