// A case manager, on a phone-sized window, books an appointment for a participant, moves it to
// another day and place with a partner service from the directory, records bus fare
// from the site's opioid settlement funds and reverses a mistake, exits the person (moved away) and
// re-enters them; a program manager then reads the period's totals on the funds report and sets
// the site's appointment reminders and missed-appointments policy.
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
const PROGRAM_MANAGER = 'manager@demo.lead.test';
const PHONE = { width: 390, height: 844 };

const shown = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

/** 'YYYY-MM-DDTHH:mm' some days from now at a time, as a datetime-local input takes it (this machine's zone). */
function inDays(days: number, time = '10:30'): string {
  const at = new Date(Date.now() + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${time}`;
}
const inTwoDays = () => inDays(2);

describe.skipIf(!existsSync(CHROMIUM))('browser journey: appointments, funds and exit on a phone', () => {
  let server: RunningServer;
  let page: Page;
  let problems: string[];
  let participantId: string;
  let journey: Journey | undefined;

  async function noSidewaysScroll(name: string) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`casework-${name}.png`), fullPage: true });
  }

  async function signIn(email: string) {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('button', { name: 'Sign out' }));
  }

  beforeAll(async () => {
    journey = await startJourney({ context: { viewport: PHONE, hasTouch: true, isMobile: true } });
    ({ server, page, problems } = journey);
    const officer = new HttpClient(server.baseUrl);
    const login = await officer.logIn(OFFICER, DEMO_PASSWORD);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const siteId: string = login.body.sites[0].id;
    const site = await findSiteById(journey.database.db, siteId);
    if (!site) throw new Error('no demo site');
    ({ participantId } = await makeParticipant(
      { database: journey.database, clock: { now: () => new Date() } },
      site,
      officer,
    ));
    const manager = new HttpClient(server.baseUrl);
    expect((await manager.logIn(PROGRAM_MANAGER, DEMO_PASSWORD)).status).toBe(200);
    const source = await manager.post(`/api/v1/sites/${siteId}/funding-sources`, {
      name: 'Opioid settlement funds',
    });
    expect([201, 409]).toContain(source.status);
  }, 240_000);

  afterAll(() => journey?.close());

  it('books an appointment', async () => {
    await signIn(CASE_MANAGER);
    await page.goto(`${server.baseUrl}/participants/${participantId}`);
    await shown(page.getByRole('heading', { name: 'Appointments' }));
    await page.getByRole('button', { name: 'Add an appointment' }).click();
    const form = page.getByRole('form', { name: 'Add an appointment' });
    await form.getByLabel('When').fill(inTwoDays());
    await form.getByLabel('Where').fill('Program office, 2nd floor');
    await form.getByLabel('With whom').fill('Casey, case manager');
    await form.getByLabel('What for').fill('Housing application');
    await form.getByRole('button', { name: 'Save appointment' }).click();
    const card = page.getByTestId('appointment').first();
    await shown(card.getByText('Program office, 2nd floor'));
    await shown(card.getByText('Scheduled'));
    await shown(page.getByTestId('timeline').getByText('Appointment booked'));
    await noSidewaysScroll('appointment');
  });

  it('moves the appointment to another day and place, with a partner service from the directory', async () => {
    const card = page.getByTestId('appointment').first();
    await card.getByRole('button', { name: 'Move' }).click();
    const form = page.getByRole('form', { name: 'Move this appointment' });
    // The form starts from the appointment as booked.
    expect(await form.getByLabel('When').inputValue()).toBe(inTwoDays());
    expect(await form.getByLabel('Where').inputValue()).toBe('Program office, 2nd floor');
    await form.getByLabel('When').fill(inDays(3, '14:00'));
    await form.getByLabel('Where').fill('Program office, 3rd floor');
    const services = form.getByLabel('Partner service (optional)');
    await services.selectOption({ index: 1 });
    const chosen = await services.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text);
    expect(chosen).toContain(' — ');
    await noSidewaysScroll('appointment-move');
    await form.getByRole('button', { name: 'Save the new details' }).click();
    await shown(page.getByText('Appointment moved. Reminders follow the new time.'));
    const moved = page.getByTestId('appointment').first();
    await shown(moved.getByText('Program office, 3rd floor'));
    await shown(moved.getByText('Scheduled'));
    expect(await page.getByText('Program office, 2nd floor').count()).toBe(0);
    // In Spanish the same card offers to move it.
    await page.getByRole('button', { name: 'Español' }).first().click();
    await shown(page.getByTestId('appointment').first().getByRole('button', { name: 'Cambiar' }));
    await page.getByRole('button', { name: 'English' }).first().click();
    await shown(page.getByRole('heading', { name: 'Appointments' }));
  });

  it('records spending from a funding source, and corrects a mistake by reversing it', async () => {
    await page.getByRole('button', { name: 'Record spending' }).click();
    const form = page.getByRole('form', { name: 'Record spending' });
    await form.getByLabel('Amount ($)').fill('2.75');
    await form.getByLabel('Category').selectOption('transport');
    await form.getByLabel('Funding source').selectOption({ label: 'Opioid settlement funds' });
    await form.getByRole('button', { name: 'Save' }).click();
    await shown(page.getByText('Total spent: $2.75'));
    const entry = page.getByTestId('fund-entry').first();
    await entry.getByRole('button', { name: 'Reverse' }).click();
    await entry.getByRole('button', { name: 'Yes, reverse this entry' }).click();
    await shown(page.getByText('Total spent: $0.00'));
    await shown(page.getByTestId('fund-entry').getByText('Reversal'));
    await noSidewaysScroll('funds');
  });

  it('exits the person (moved away), keeping their history, and re-enters them', async () => {
    await page.getByRole('button', { name: 'Exit from the program' }).click();
    const form = page.getByRole('form', { name: 'Exit from the program' });
    // Removal for violence is a program manager's decision: not offered here.
    expect(await form.getByRole('option', { name: /violence/ }).count()).toBe(0);
    // Just seen: no contact past the site's limit is refused, and the page says why.
    await form.getByLabel('Reason').selectOption('no_contact_past_limit');
    await shown(form.getByText(/Only for someone "in the wind"/));
    await form.getByRole('button', { name: 'Exit now' }).click();
    await shown(form.getByText(/has been in contact within the site's limit/));
    await form.getByLabel('Reason').selectOption('moved');
    await form.getByRole('button', { name: 'Exit now' }).click();
    await shown(page.getByText(/^Exited on .*: Moved away\.$/));
    await shown(page.getByTestId('appointment').first().getByText('Program office, 3rd floor'));
    await page.getByRole('button', { name: 'Re-enter the program' }).click();
    await page
      .getByRole('form', { name: 'Re-enter the program' })
      .getByRole('button', { name: 'Re-enter now' })
      .click();
    await shown(page.getByText(/^In the program since /));
    await noSidewaysScroll('exit');
  });

  it("shows the program manager the period's totals by source and category", async () => {
    await signIn(PROGRAM_MANAGER);
    await page.goto(`${server.baseUrl}/reports/funds`);
    await shown(page.getByRole('heading', { name: 'Discretionary funds', level: 1 }));
    // The spend and its reversal net to nothing this month.
    await shown(page.getByTestId('funds-total'));
    expect(await page.getByTestId('funds-total').textContent()).toBe('$0.00');
    await shown(page.getByRole('heading', { name: 'Funding sources' }));
    await shown(page.getByText('Opioid settlement funds').first());
    await noSidewaysScroll('report');
  });

  it("lets the program manager set the site's reminder hours and turn on the missed-appointments policy", async () => {
    await page.goto(`${server.baseUrl}/caseloads`);
    const form = page.getByRole('form', { name: 'Appointment reminders and missed appointments' });
    await shown(form);
    expect(await form.getByLabel('Reminders, hours before').inputValue()).toBe('24, 2');
    // Off by default.
    expect(await form.getByRole('switch').isChecked()).toBe(false);
    await form.getByLabel('Reminders, hours before').fill('48, 2');
    await form.getByRole('switch').check({ force: true });
    await form.getByLabel('Number of missed appointments in a row').fill('4');
    await noSidewaysScroll('appointment-settings');
    await form.getByRole('button', { name: 'Save appointment settings' }).click();
    await shown(page.getByText('Appointment settings saved.'));
    await page.reload();
    await shown(form);
    expect(await form.getByLabel('Reminders, hours before').inputValue()).toBe('48, 2');
    expect(await form.getByLabel('Number of missed appointments in a row').inputValue()).toBe('4');
    // Put the site back as it was (off) for anyone else using the demo.
    await form.getByRole('switch').uncheck({ force: true });
    await form.getByLabel('Reminders, hours before').fill('24, 2');
    await form.getByRole('button', { name: 'Save appointment settings' }).click();
    await shown(page.getByText('Appointment settings saved.'));
    expect(problems).toEqual([]);
  });
});
