// The program pages in a phone-sized browser: a community request from the public page (no
// sign-in), the care team reviewing and closing it, and the program manager changing the
// eligibility rules (a new version), the what-if on recorded screenings and the screening report.
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const PHONE = { width: 360, height: 740 };
const CASE_MANAGER = 'casemanager@demo.lead.test';
const MANAGER = 'manager@demo.lead.test';

const shown = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 15_000 });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await shown(page.getByRole('heading', { level: 1, name: 'Sign in' }));
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await shown(page.getByRole('heading', { level: 1, name: 'Demo City LEAD' }));
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await shown(page.getByRole('heading', { level: 1, name: 'Sign in' }));
}

/** Records a screening through the API as the signed-in user (the field app's own request). */
async function recordEncounter(page: Page, body: Record<string, unknown>): Promise<number> {
  return page.evaluate(async (encounter) => {
    const session = await (await fetch('/api/v1/auth/session')).json();
    const response = await fetch(`/api/v1/sites/${session.sites[0].id}/encounters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify(encounter),
    });
    return response.status;
  }, body);
}

/** Reads the API as the signed-in user, at the first site, to compare the page with it. */
async function apiGet<T>(
  page: Page,
  path: (siteId: string, ruleSets: { id: string; version: number }[]) => string,
): Promise<T> {
  const where = await page.evaluate(async () => {
    const session = await (await fetch('/api/v1/auth/session')).json();
    const siteId: string = session.sites[0].id;
    const list = await (await fetch(`/api/v1/sites/${siteId}/rule-sets`)).json();
    return { siteId, ruleSets: list.ruleSets as { id: string; version: number }[] };
  });
  const url = path(where.siteId, where.ruleSets);
  return page.evaluate(async (address) => (await fetch(address)).json(), url) as Promise<T>;
}

const NO_DISQUALIFIERS = {
  opioidDosageUnits: 4,
  involvedInDistribution: false,
  involvedInExploitationOfMinors: false,
  involvedInPromotingProstitution: false,
  onParoleOrProbation: false,
  violentCrimeDates: [],
  assaultChargeDates: [],
};

describe.skipIf(!existsSync(CHROMIUM))('browser journey: public request, review, rules and report', () => {
  let server: RunningServer;
  let page: Page;
  let problems: string[];

  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE } });
    ({ server, page, problems } = journey);
  });

  afterAll(() => journey?.close());

  it('shows the public page without sign-in, in English and Spanish, at phone width', async () => {
    await page.goto(`${server.baseUrl}/refer/demo-city`);
    await shown(page.getByRole('heading', { level: 1, name: 'Ask LEAD to get in touch' }));
    await shown(page.getByText('Nothing here goes to the police'));
    // The hidden field for bots is out of reach for people and screen readers.
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.evaluate((input) => input.closest('[aria-hidden="true"]') !== null)).toBe(true);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('program-public-360.png'), fullPage: true });

    await page.getByRole('button', { name: 'Español' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Pida que LEAD se comunique' }));
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('program-public-360-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Ask LEAD to get in touch' }));
  });

  it('explains what is missing beside each field, then sends a request for a friend', async () => {
    await page.getByRole('button', { name: 'Send' }).click();
    await shown(page.getByText('Write a name, or what to call the person.'));
    await shown(page.getByText('Give a phone number or an e-mail, so the program can reach you.'));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')))
      .toBe('true');

    await page.getByRole('radio', { name: 'A friend' }).check();
    await page.getByLabel('Their name, or what they like to be called').fill('Jordan Synthetic');
    await page.getByLabel('Phone number').fill('555-010-0199');
    await page.getByLabel('Best time to reach (optional)').fill('Afternoons, text first');
    await page
      .getByLabel('What would help right now? (optional)')
      .fill('Needs a place to stay. This is my number.');
    // A form sent within two seconds of opening is taken for a bot's (and silently dropped).
    await page.waitForTimeout(2100);
    await page.getByRole('button', { name: 'Send' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Thank you' }));
    await shown(page.getByRole('status').filter({ hasText: 'We got your message.' }));
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('program-public-thanks-360.png'), fullPage: true });
  });

  it('shows the request to the case manager, who opens it and closes it with a reason', async () => {
    await signIn(page, server.baseUrl, CASE_MANAGER);
    await page.getByRole('link', { name: /Referrals to review/ }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Referrals to review' }));
    const pending = page.locator('section[aria-labelledby="pending-heading"]');
    await shown(pending.getByRole('link', { name: 'Jordan Synthetic' }));
    await shown(pending.getByText(/^Waiting (less than a minute|\d+ minutes?)$/));
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('program-review-360.png'), fullPage: true });

    await pending.getByRole('link', { name: 'Jordan Synthetic' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Jordan Synthetic' }));
    await shown(page.getByRole('link', { name: '555-010-0199' }));
    await shown(page.getByText('A friend', { exact: true }));
    await shown(page.getByText('Afternoons, text first'));
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('program-review-detail-360.png'), fullPage: true });

    await page.getByRole('button', { name: 'Close request' }).click();
    await shown(page.getByText('Write why the request is being closed.'));
    await page
      .getByLabel('Why close this request?')
      .fill('Reached Jordan by text; connected with the shelter directly.');
    await page.getByRole('button', { name: 'Close request' }).click();
    await shown(page.getByRole('status').filter({ hasText: 'The request is closed.' }));
    await shown(page.getByText('Reason: Reached Jordan by text; connected with the shelter directly.'));
    expect(await page.getByRole('button', { name: 'Close request' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('program-review-closed-360.png'), fullPage: true });

    await page.getByRole('link', { name: 'Back to referrals to review' }).click();
    // The demo's own two requests still wait; this one is gone from the list.
    await shown(page.getByRole('heading', { level: 2, name: 'Waiting for review (2)' }));
    expect(await pending.getByRole('link', { name: 'Jordan Synthetic' }).count()).toBe(0);
    await signOut(page);
  });

  it('lets the program manager remove a rule and change a number, saving version 2', async () => {
    await signIn(page, server.baseUrl, MANAGER);
    // Two screenings under version 1: one eligible and accepted, one screened out for probation.
    const today = new Date().toISOString().slice(0, 10);
    const common = { pathway: 'social_contact', occurredAt: new Date().toISOString(), area: 'Beat 3' };
    expect(
      await recordEncounter(page, {
        ...common,
        person: { nameOrAlias: 'Synthetic Person A' },
        perceivedDemographics: {
          race: ['black_african_american'],
          ethnicity: 'not_hispanic_latino',
          gender: ['woman'],
        },
        answers: { screenedOn: today, age: 34, ...NO_DISQUALIFIERS },
        offer: { outcome: 'accepted' },
      }),
    ).toBe(201);
    expect(
      await recordEncounter(page, {
        ...common,
        person: { nameOrAlias: 'Synthetic Person B' },
        perceivedDemographics: {
          raceMissing: 'not_collected',
          ethnicityMissing: 'not_collected',
          gender: ['man'],
        },
        answers: { screenedOn: today, age: 41, ...NO_DISQUALIFIERS, onParoleOrProbation: true },
        offer: { outcome: 'not_offered', reason: 'ineligible' },
      }),
    ).toBe(201);

    await page.screenshot({ path: screenshotPath('program-home-manager-360.png'), fullPage: true });
    await page.getByRole('link', { name: /Eligibility rules/ }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Eligibility rules' }));
    await shown(page.getByTestId('current-rule-set').filter({ hasText: 'wilmington-2017, version 1' }));
    await shown(page.getByText('Not eligible if younger than 18 years.'));
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('program-rules-360.png'), fullPage: true });

    await page.getByRole('button', { name: 'Remove rule PAROLE_OR_PROBATION' }).click();
    await page.getByLabel('Look-back in years (ASSAULT_CHARGE_5Y)').fill('3');
    await shown(
      page.getByText(
        'Not eligible if charged with assault on a female, on an officer or with a deadly weapon in the last 3 years.',
      ),
    );
    await shown(page.getByText('Changes not saved yet. Saving makes version 2.'));
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await shown(
      page.getByRole('status').filter({ hasText: 'Version 2 of wilmington-2017 is saved and now current.' }),
    );
    await shown(page.getByText('Screenings keep the version they were decided under.'));
    await shown(page.getByTestId('current-rule-set').filter({ hasText: 'wilmington-2017, version 2' }));
    expect(await page.locator('[data-rule-code="PAROLE_OR_PROBATION"]').count()).toBe(0);
    const versions = page.getByRole('table', { name: 'Versions of the eligibility rules, newest first' });
    await shown(versions.getByRole('row', { name: /wilmington-2017 v2.*Current/ }));
    await shown(versions.getByRole('row', { name: /wilmington-2017 v1/ }));
  });

  it('shows what version 2 would have decided for the screenings recorded under version 1', async () => {
    await page.getByRole('button', { name: 'What if: wilmington-2017 version 2' }).click();
    await shown(page.getByRole('heading', { name: 'What if wilmington-2017 version 2 had been used?' }));
    // The demo's screenings and the two above: the one on probation (at least) becomes eligible.
    const whatIf = await apiGet<{ screenings: number; unchanged: number }>(
      page,
      (siteId, ruleSets) =>
        `/api/v1/sites/${siteId}/rule-sets/${ruleSets.find((each) => each.version === 2)?.id}/what-if`,
    );
    expect(whatIf.screenings).toBeGreaterThanOrEqual(2);
    await shown(
      page.getByText(
        `${whatIf.screenings} recorded screenings re-run: ${whatIf.unchanged} would be decided the same way.`,
      ),
    );
    const changes = page.getByRole('table', { name: 'Screenings whose decision would change' });
    await shown(changes.getByRole('row', { name: /^Not eligible Eligible [1-9]\d*$/ }));
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('program-rules-saved-360.png'), fullPage: true });
  });

  it('counts screenings and offers by pathway and by race, with rule outcomes', async () => {
    await page.getByRole('link', { name: 'Back to home' }).click();
    await page.getByRole('link', { name: /Screenings and offers/ }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Screenings and offers' }));
    await shown(page.getByText(/as the officer perceived them/));
    const funnel = page.getByTestId('funnel-table');
    // The table shows the API's counts (the demo's screenings and the two recorded above).
    type Report = {
      rows: { value: string; screened: number; offered: number; [count: string]: number | string }[];
      rules: { code: string; failed: number; unknown: number; passed: number }[];
    };
    const report = await apiGet<Report>(
      page,
      (siteId) => `/api/v1/sites/${siteId}/reports/screenings?by=pathway`,
    );
    const social = report.rows.find((row) => row.value === 'social_contact');
    expect(social?.screened).toBeGreaterThanOrEqual(2);
    if (!social) return;
    const counts = [
      'screened',
      'eligible',
      'ineligible',
      'needsInformation',
      'offered',
      'accepted',
      'declined',
    ]
      .map((column) => social[column])
      .join(' ');
    await shown(funnel.getByRole('row', { name: new RegExp(`^Social contact referral ${counts} `) }));
    const parole = report.rules.find((rule) => rule.code === 'PAROLE_OR_PROBATION');
    expect(parole?.failed).toBeGreaterThanOrEqual(1);
    const rules = page.getByRole('table', { name: 'Rule outcomes at Demo City LEAD' });
    await shown(
      rules.getByRole('row', {
        name: `PAROLE_OR_PROBATION On parole or probation ${parole?.failed} ${parole?.unknown} ${parole?.passed}`,
        exact: true,
      }),
    );
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: screenshotPath('program-report-360.png'), fullPage: true });
    // On a phone the funnel scrolls sideways, its first column staying in view.
    const scrolled = await funnel.evaluate((table) => {
      let element = table.parentElement;
      while (element && !/auto|scroll/.test(getComputedStyle(element).overflowX))
        element = element.parentElement;
      element?.scrollBy(500, 0);
      return (element?.scrollLeft ?? 0) > 0;
    });
    expect(scrolled).toBe(true);
    await funnel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('program-report-scrolled-360.png') });

    await page.getByLabel('Count by').selectOption('race');
    await shown(funnel.getByRole('rowheader', { name: 'Black or African American' }));
    await shown(funnel.getByRole('rowheader', { name: 'Missing: not collected' }));
    await page.screenshot({ path: screenshotPath('program-report-race-360.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
