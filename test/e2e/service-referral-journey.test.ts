// On a phone-sized window: a case manager finds a shelter in the partner directory by need, refers a
// participant to it, and the shelter's provider user accepts it from their own login with a reason;
// the case manager sees the answer on the participant's page.
import { existsSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { findSiteById } from '../../src/db/repositories/sites.ts';
import { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { makeRelease } from '../support/service-referral-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const OFFICER = 'officer@demo.lead.test';
const CASE_MANAGER = 'casemanager@demo.lead.test';
const PROVIDER = 'provider@demo.lead.test';
const SHELTER = '98907806-6351-5403-8773-2dfca2c739dc'; // Cape Fear Harbor Shelter, in the demo directory
const PHONE = { width: 390, height: 844 };

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

describe.skipIf(!existsSync(CHROMIUM))('browser journey: a service referral, closed by the partner', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let participantId: string;
  let journey: Journey | undefined;

  async function noSidewaysScroll(on: Page, name: string) {
    const overflow = await on.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await on.screenshot({ path: screenshotPath(`service-referral-${name}.png`), fullPage: true });
  }

  async function signIn(on: Page, email: string) {
    await on.goto(`${server.baseUrl}/`);
    // A fresh browser context loads the app cold: on a busy machine that can take a while.
    await shown(on.getByLabel('E-mail'), 60_000);
    await on.getByLabel('E-mail').fill(email);
    await on.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await on.getByRole('button', { name: 'Sign in' }).click();
  }

  async function pick(on: Page | Locator, label: string, option: string) {
    await on.getByRole('combobox', { name: label }).selectOption({ label: option });
  }

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE, hasTouch: true, isMobile: true } });
    ({ server, page, problems, browser } = journey);
    const officer = new HttpClient(server.baseUrl);
    const login = await officer.logIn(OFFICER, DEMO_PASSWORD);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const site = await findSiteById(journey.database.db, login.body.sites[0].id);
    if (!site) throw new Error('no demo site');
    const app = { database: journey.database, clock: { now: () => new Date() } } as unknown as TestApp;
    ({ participantId } = await makeParticipant(app, site, officer));
    const staff = await journey.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', CASE_MANAGER)
      .executeTakeFirstOrThrow();
    await makeRelease(app, site, participantId, {
      organizationId: SHELTER,
      categories: ['service_referrals', 'enrolment_status'],
      recordedBy: staff.id,
    });
  }, 240_000);

  afterAll(() => journey?.close());

  it('the case manager finds a shelter by need, with its capacity', async () => {
    await signIn(page, CASE_MANAGER);
    await shown(page.getByRole('link', { name: /Partner directory/ }).first());
    await page
      .getByRole('link', { name: /Partner directory/ })
      .first()
      .click();
    await shown(page.getByRole('heading', { name: 'Partner directory' }));
    await pick(page, 'Need', 'Shelter and housing');
    await expect.poll(async () => page.getByTestId('directory-service').count()).toBe(1);
    const card = page.getByTestId('directory-service');
    await shown(card.getByText('Overnight beds'));
    expect(await card.getByTestId('capacity').textContent()).toBe('Waitlist');
    await noSidewaysScroll(page, 'directory');
  });

  it('refers the participant to it from their page', async () => {
    await page.goto(`${server.baseUrl}/participants/${participantId}`);
    await shown(page.getByRole('heading', { name: 'Service referrals' }));
    await page.getByRole('button', { name: 'Refer to a service' }).click();
    await pick(page, 'Service', 'Overnight beds — Cape Fear Harbor Shelter (Waitlist)');
    await page.getByLabel('What does the person need from them?').fill('Needs a bed tonight; has a dog');
    await page.getByRole('button', { name: 'Send referral' }).click();
    const referral = page.getByTestId('service-referral');
    await shown(referral.getByText('Requested', { exact: true }));
    await shown(referral.getByText(/Needs a bed tonight; has a dog/));
    await noSidewaysScroll(page, 'sent');
  });

  it('the partner accepts it from their own login, with a reason, and the case manager sees it', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    });
    const partner = await context.newPage();
    partner.setDefaultTimeout(15_000);
    await signIn(partner, PROVIDER);
    await shown(partner.getByRole('link', { name: /Service referrals/ }).first());
    await partner
      .getByRole('link', { name: /Service referrals/ })
      .first()
      .click();
    await shown(partner.getByRole('heading', { name: 'Referrals to my organization' }));
    const card = partner.getByTestId('provider-referral');
    await shown(card.getByText('Overnight beds'));
    await shown(card.getByText('Enrolled'));
    expect(await card.textContent()).toMatch(/How to reach them:\s*Not shared/);
    await pick(card, 'New status', 'Accepted');
    await card.getByLabel('Reason').fill('Bed held until 9pm');
    await card.getByRole('button', { name: 'Save' }).click();
    await shown(card.getByText('Accepted', { exact: true }));
    await noSidewaysScroll(partner, 'partner');
    await context.close();

    await page.reload();
    const referral = page.getByTestId('service-referral');
    await shown(referral.getByText('Accepted', { exact: true }));
    await shown(referral.getByText(/Bed held until 9pm/));
    expect(problems).toEqual([]);
  });

  it('a program manager links a provider account to its organization, and downloads the directory as HSDS', async () => {
    const context = await browser.newContext({
      locale: 'es-US',
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    });
    const manager = await context.newPage();
    manager.setDefaultTimeout(15_000);
    await manager.goto(`${server.baseUrl}/`);
    await shown(manager.getByLabel('Correo electrónico'), 60_000);
    await manager.getByLabel('Correo electrónico').fill('manager@demo.lead.test');
    await manager.getByLabel(/^Contraseña/).fill(DEMO_PASSWORD);
    await manager.getByRole('button', { name: 'Iniciar sesión' }).click();
    await shown(manager.getByRole('link', { name: /Directorio de socios/ }).first());
    await manager
      .getByRole('link', { name: /Directorio de socios/ })
      .first()
      .click();
    const form = manager.getByRole('form', { name: 'Cuentas de socios' });
    await shown(form);
    await form
      .getByRole('combobox', { name: 'Cuenta de proveedor' })
      .selectOption({ label: 'Quinn Provider (provider@demo.lead.test)' });
    await form
      .getByRole('combobox', { name: 'Trabaja para' })
      .selectOption({ label: 'Riverbend Community Health' });
    await form.getByRole('button', { name: 'Guardar' }).click();
    await shown(form.getByText('Vinculada a Riverbend Community Health.'));
    await noSidewaysScroll(manager, 'manager-es');
    const [file] = await Promise.all([
      manager.waitForEvent('download'),
      manager.getByRole('button', { name: 'Descargar como JSON HSDS 3.0' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('directory-demo-city.hsds.json');
    await context.close();
    expect(problems).toEqual([]);
  });
});
