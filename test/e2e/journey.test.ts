import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const ADMIN = 'admin@demo.lead.test';
const PHONE = { width: 360, height: 740 };

const shown = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 15_000 });

// Skipped where Debian's Chromium is not installed: browsers are never downloaded (.ci/run installs it).
describe.skipIf(!existsSync(CHROMIUM))('browser journey: an admin signs in and manages staff', () => {
  let server: RunningServer;
  let page: Page;
  let problems: string[];

  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE } });
    ({ server, page, problems } = journey);
  });

  afterAll(() => journey?.close());

  it('shows the sign-in page first, in English, at phone width', async () => {
    await page.goto(`${server.baseUrl}/`);
    await shown(page.getByRole('heading', { level: 1, name: 'Sign in' }));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await shown(page.getByRole('button', { name: 'Español' }));
    await page.screenshot({ path: screenshotPath('sign-in-360.png'), fullPage: true });
  });

  it('signs in with the keyboard only, showing a wrong password as an error first', async () => {
    // The first Tab reaches the skip link, and the e-mail field follows within a few more.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    const email = page.getByLabel('E-mail');
    for (
      let presses = 0;
      presses < 4 && !(await email.evaluate((el) => el === document.activeElement));
      presses++
    )
      await page.keyboard.press('Tab');
    expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(ADMIN);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await shown(page.getByRole('alert').filter({ hasText: 'The e-mail or password is not right.' }));

    await page.getByLabel(/^Password/).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await shown(page.getByRole('heading', { level: 1, name: 'Choose a site' }));
  });

  it('chooses Demo City and reaches the admin home', async () => {
    await page.getByRole('button', { name: /Demo City LEAD/ }).click();
    await shown(page.getByRole('heading', { level: 2, name: 'Administration' }));
    await shown(page.getByRole('heading', { level: 1, name: 'Demo City LEAD' }));
    await shown(page.getByTestId('current-site').filter({ hasText: 'Demo City LEAD' }));
    // Built features are links; the rest say so and are not.
    await shown(page.getByRole('link', { name: /Staff and roles/ }));
    const security = page.locator('[data-coming-soon]').filter({ hasText: 'Security settings' });
    await shown(security.getByText('Coming soon'));
    expect(await security.getByRole('link').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('home-360.png') });
  });

  it('lists the demo staff and gives someone a new role', async () => {
    await page.getByRole('link', { name: /Staff and roles/ }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Staff' }));
    const table = page.getByRole('table', { name: 'Staff at Demo City LEAD' });
    await shown(table.getByRole('rowheader', { name: 'Casey Casemanager' }));
    await shown(table.getByRole('rowheader', { name: 'Officer Oakley' }));
    expect(await table.getByRole('rowheader', { name: 'Harper Casemanager' }).count()).toBe(0);

    await page.getByLabel('E-mail').fill('new.outreach@example.test');
    await page.getByLabel('Full name').fill('Sam Synthetic');
    await page.getByRole('combobox', { name: /^Role/ }).selectOption('outreach');
    await page.getByLabel('Initial password').fill('a-long-initial-password');
    await page.getByRole('button', { name: 'Give role' }).click();
    await shown(page.getByRole('status').filter({ hasText: 'Sam Synthetic now has these roles' }));
    await shown(table.getByRole('rowheader', { name: 'Sam Synthetic' }));
  });

  it('shows the audit log, including the role just given', async () => {
    await page.getByRole('link', { name: 'Back to home' }).click();
    await page.getByRole('link', { name: /Audit log/ }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Audit log' }));
    await shown(page.getByRole('cell', { name: 'staff.role_granted' }).first());
  });

  it('switches site from the header, and back', async () => {
    await page.getByRole('link', { name: 'Switch site' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Choose a site' }));
    await page.getByRole('button', { name: /Harbor County LEAD/ }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Harbor County LEAD' }));
    await page.getByRole('link', { name: 'Switch site' }).click();
    await page.getByRole('button', { name: /Demo City LEAD/ }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Demo City LEAD' }));
  });

  it('switches to Spanish, and remembers it after a reload', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await shown(page.getByRole('heading', { level: 2, name: 'Administración' }));
    await shown(page.getByText('Próximamente').first());
    expect(await page.getAttribute('html', 'lang')).toBe('es');

    await page.reload();
    await shown(page.getByRole('heading', { level: 2, name: 'Administración' }));
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.screenshot({ path: screenshotPath('home-360-es.png') });
  });

  it('signs out, forgetting the site but not the language', async () => {
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }));
    const stored = await page.evaluate(() => ({ ...window.localStorage }));
    expect(stored).toEqual({ 'lead.language': 'es' });
    expect(problems).toEqual([]);
  });
});
