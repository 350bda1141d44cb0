// A case manager, on a phone-sized window, opens an accepted referral, starts the intake, saves a
// draft, records a release of information signed on the screen, completes the intake and lands
// on the participant's page: enrolled, with the release and the timeline.
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { HttpClient } from '../support/http-client.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const CASE_MANAGER = 'casemanager@demo.lead.test';
const PHONE = { width: 390, height: 844 };
const NAME = 'Robin Synthetic-Intake';

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

describe.skipIf(!existsSync(CHROMIUM))('browser journey: intake with a signed release on a phone', () => {
  let server: RunningServer;
  let page: Page;
  let problems: string[];
  let referralId: string;
  let journey: Journey | undefined;

  async function noSidewaysScroll(name: string) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`intake-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE, hasTouch: true, isMobile: true } });
    ({ server, page, problems } = journey);
    const officer = new HttpClient(server.baseUrl);
    const login = await officer.logIn(OFFICER, DEMO_PASSWORD);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const siteId = login.body.sites[0].id;
    const encounter = await officer.post(
      `/api/v1/sites/${siteId}/encounters`,
      eligibleEncounter({ occurredAt: new Date().toISOString(), person: { nameOrAlias: NAME } }),
    );
    expect(encounter.status, JSON.stringify(encounter.body)).toBe(201);
    expect(encounter.body.referral.status).toBe('accepted');
    referralId = encounter.body.referral.id;
  }, 180_000);

  afterAll(() => journey?.close());

  it('starts the intake from the accepted referral', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('E-mail').fill(CASE_MANAGER);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The demo already has enrolled participants, each with a release.
    await page
      .getByRole('link', { name: /Participants/ })
      .first()
      .click();
    await shown(page.getByRole('heading', { name: 'Participants' }));
    expect(await page.getByText('Enrolled', { exact: true }).count()).toBeGreaterThanOrEqual(3);
    await page.goto(`${server.baseUrl}/referrals/${referralId}`);
    await shown(page.getByRole('heading', { name: NAME }));
    await page.getByRole('button', { name: 'Start intake' }).click();
    await shown(page.getByRole('heading', { name: `Intake: ${NAME}` }));
    expect(page.url()).toMatch(/\/participants\/[0-9a-f-]{36}\/intake$/);
  });

  it('saves a draft of what the person needs', async () => {
    await page.getByLabel('What do you need right now?').fill('Something to eat and a place to sleep');
    await page.getByTestId('need-food').getByText('Urgent').click();
    await page.getByRole('button', { name: 'Add a way to reach them' }).click();
    await page.getByLabel('Number, address or place').fill('555-0142');
    await page.getByLabel('Reminders may use this').check();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await shown(page.getByTestId('draft-saved'));
    // Complete is refused until a release is signed.
    expect(await page.getByRole('button', { name: 'Complete intake' }).isDisabled()).toBe(true);
    await noSidewaysScroll('draft');
  });

  it('records a release signed on the screen, then completes the intake', async () => {
    const recipient = page.getByTestId('recipient').first();
    await recipient.getByLabel('Name', { exact: true }).fill('Demo Police Department');
    await page.getByLabel('Expires on').fill('2027-12-31');
    // Signed on the screen with a finger: a stroke across the signature box.
    await page.getByText('Draw', { exact: true }).click();
    const pad = page.getByTestId('signature-pad');
    const box = await pad.boundingBox();
    if (!box) throw new Error('no signature box');
    await page.mouse.move(box.x + 20, box.y + 100);
    await page.mouse.down();
    for (const [x, y] of [
      [60, 40],
      [110, 120],
      [160, 50],
      [220, 110],
    ] as const)
      await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Save signed release' }).click();
    await shown(page.getByTestId('releases-in-force'));
    await noSidewaysScroll('release-signed');
    await page.getByRole('button', { name: 'Complete intake' }).click();
    await shown(page.getByTestId('participant-status'));
    expect(await page.getByTestId('participant-status').textContent()).toBe('Enrolled');
    expect(page.url()).toMatch(/\/participants\/[0-9a-f-]{36}$/);
    const timeline = page.getByTestId('timeline');
    await shown(timeline.getByText('Intake completed'));
    await shown(timeline.getByText('Release of information signed'));
    await shown(page.getByTestId('release').getByText('In force'));
    await noSidewaysScroll('participant');
  });

  it('opens a printable copy of the release with every element', async () => {
    await page.getByRole('link', { name: 'Printable copy' }).click();
    const copy = page.getByTestId('release-print');
    await shown(copy);
    for (const text of [NAME, 'Demo Police Department', 'Whether I am enrolled in LEAD', '2027-12-31']) {
      await shown(copy.getByText(text, { exact: false }).first());
    }
    expect(await copy.getByRole('img', { name: 'Signature, drawn' }).getAttribute('src')).toMatch(
      /^data:image\/png;base64,/,
    );
    await page.getByRole('button', { name: 'Español' }).first().click();
    await shown(copy.getByText('Si estoy inscrito en LEAD'));
    expect(problems).toEqual([]);
  });
});
