// On a phone-sized window: the officer who referred someone sees, in Spanish, only the progress the
// person's release lets the police know (enrolled since a date, engagement), and nothing once it is
// revoked; the partner shelter sees the person's engagement and attendance of its own appointments.
import { existsSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { inScope } from '../../src/db/scope.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { HttpClient } from '../support/http-client.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const CASE_MANAGER = 'casemanager@demo.lead.test';
const PROVIDER = 'provider@demo.lead.test';
const SHELTER = '98907806-6351-5403-8773-2dfca2c739dc'; // Cape Fear Harbor Shelter, in the demo directory
const PHONE = { width: 390, height: 844 };

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

function release(categories: string[], recipients: Record<string, unknown>[]) {
  return {
    personName: 'Sam Synthetic',
    discloser: 'Demo LEAD program',
    categories,
    recipients,
    purpose: 'To let the named parties know how I am doing.',
    revocationTerms: 'I may revoke at any time by telling my case manager.',
    expiresOn: '2099-12-31',
    signature: { kind: 'typed', typedName: 'Sam Synthetic' },
    signedOn: '2026-05-01',
  };
}

describe.skipIf(!existsSync(CHROMIUM))('browser journey: progress shared under a release', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let journey: Journey | undefined;
  let caseManager: HttpClient;
  let siteBase: string;
  let participantId: string;
  let policeRelease: string;
  const name = `Progress ${Math.random().toString(16).slice(2, 8)}`;

  async function signIn(on: Page, email: string, labels = { email: 'E-mail', password: /^Password/ }) {
    await on.goto(`${server.baseUrl}/`);
    await shown(on.getByLabel(labels.email), 60_000);
    await on.getByLabel(labels.email).fill(email);
    await on.getByLabel(labels.password).fill(DEMO_PASSWORD);
    await on.getByRole('button', { name: 'Sign in' }).click();
    await on.getByLabel(labels.email).waitFor({ state: 'hidden', timeout: 30_000 });
  }

  async function noSidewaysScroll(on: Page, shot: string) {
    const overflow = await on.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${shot} scrolls sideways`).toBeLessThanOrEqual(0);
    await on.screenshot({ path: screenshotPath(`consented-progress-${shot}.png`), fullPage: true });
  }

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE, hasTouch: true, isMobile: true } });
    ({ server, page, problems, browser } = journey);
    const officer = new HttpClient(server.baseUrl);
    const login = await officer.logIn(OFFICER, DEMO_PASSWORD);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const siteId: string = login.body.sites[0].id;
    siteBase = `/api/v1/sites/${siteId}`;
    caseManager = new HttpClient(server.baseUrl);
    expect((await caseManager.logIn(CASE_MANAGER, DEMO_PASSWORD)).status).toBe(200);

    const encounter = await officer.post(
      `${siteBase}/encounters`,
      eligibleEncounter({ person: { nameOrAlias: name } }),
    );
    expect(encounter.status, JSON.stringify(encounter.body)).toBe(201);
    const intake = await caseManager.post(`${siteBase}/referrals/${encounter.body.referral.id}/intake`, {});
    expect(intake.status, JSON.stringify(intake.body)).toBe(201);
    participantId = intake.body.id;
    const sign = async (body: unknown) => {
      const signed = await caseManager.post(`${siteBase}/participants/${participantId}/releases`, body);
      expect(signed.status, JSON.stringify(signed.body)).toBe(201);
      return signed.body.id as string;
    };
    policeRelease = await sign(
      release(['enrolment_status', 'engagement_level'], [{ kind: 'arresting_agency', name: 'Police' }]),
    );
    await sign(
      release(
        ['service_referrals', 'engagement_level', 'attendance'],
        [{ kind: 'provider_organization', organizationId: SHELTER, name: 'Shelter' }],
      ),
    );
    const completed = await caseManager.post(`${siteBase}/participants/${participantId}/intake/complete`);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);

    const service = await inScope(journey.database.db, { siteId, userId: null }, (tx) =>
      tx
        .selectFrom('directory_services')
        .select('id')
        .where('organization_id', '=', SHELTER)
        .executeTakeFirstOrThrow(),
    );
    const referred = await caseManager.post(`${siteBase}/participants/${participantId}/service-referrals`, {
      serviceId: service.id,
      reason: 'Needs a bed tonight',
    });
    expect(referred.status, JSON.stringify(referred.body)).toBe(201);
    const booked = await caseManager.post(`${siteBase}/participants/${participantId}/appointments`, {
      startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      place: 'Shelter front desk',
      withWhom: 'Intake worker',
      partnerServiceId: service.id,
      purpose: 'Bed intake',
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const attended = await caseManager.post(
      `${siteBase}/participants/${participantId}/appointments/${booked.body.id}/status`,
      { status: 'attended' },
    );
    expect(attended.status, JSON.stringify(attended.body)).toBe(200);
  }, 240_000);

  afterAll(() => journey?.close());

  it('the officer sees, in Spanish, enrolment and engagement, and nothing after the release is revoked', async () => {
    await signIn(page, OFFICER);
    await shown(page.getByRole('button', { name: 'Español' }).first());
    await page.getByRole('button', { name: 'Español' }).first().click();
    await page.goto(`${server.baseUrl}/referrals/mine`);
    const card = page.getByTestId('my-referral').filter({ hasText: name });
    await shown(card);
    await shown(card.getByTestId('progress-enrolment'));
    expect(await card.getByTestId('progress-enrolment').textContent()).toMatch(/^Inscrito desde el /);
    expect(await card.getByTestId('progress-engagement').textContent()).toBe('Participación: Activo');
    await shown(card.getByText('Compartido con su consentimiento'));
    await noSidewaysScroll(page, 'officer-es');

    const revoked = await caseManager.post(
      `${siteBase}/participants/${participantId}/releases/${policeRelease}/revoke`,
      {},
    );
    expect(revoked.status).toBe(200);
    await page.reload();
    await shown(card);
    expect(await card.getByTestId('officer-progress').count()).toBe(0);
    expect(await card.getAttribute('data-status')).toBe('accepted');
    expect(problems).toEqual([]);
  });

  it("the partner sees engagement and attendance of the shelter's own appointments", async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    });
    const partner = await context.newPage();
    partner.setDefaultTimeout(15_000);
    await signIn(partner, PROVIDER);
    await partner.goto(`${server.baseUrl}/provider/referrals`);
    const card = partner.getByTestId('provider-referral').filter({ hasText: name });
    await shown(card);
    expect(await card.getByTestId('provider-engagement').textContent()).toMatch(/Engagement:\s*Active/);
    expect(await card.getByTestId('provider-attendance').textContent()).toMatch(
      /Appointments with us:\s*1 attended, 0 missed.*Attended/,
    );
    await noSidewaysScroll(partner, 'partner');
    await context.close();
  });
});
