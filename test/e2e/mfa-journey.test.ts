import { existsSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.ts';
import { CHROMIUM, type Journey, type RunningServer, screenshotPath, startJourney } from './harness.ts';

const CASE_MANAGER = 'casemanager@demo.lead.test';

const shown = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 15_000 });

function currentCode(secret: string): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();
}

// Skipped where Debian's Chromium is not installed: browsers are never downloaded (.ci/run installs it).
describe.skipIf(!existsSync(CHROMIUM))(
  'browser journey: a case manager sets up two-step verification',
  () => {
    let server: RunningServer;
    let page: Page;
    let problems: string[];
    let recoveryCodes: string[] = [];

    let journey: Journey | undefined;

    beforeAll(async () => {
      journey = await startJourney({
        context: { viewport: { width: 360, height: 740 } },
        config: { requireMfa: true },
      });
      ({ server, page, problems } = journey);
    });

    afterAll(() => journey?.close());

    async function signIn() {
      await page.goto(`${server.baseUrl}/`);
      await page.getByLabel('E-mail').fill(CASE_MANAGER);
      await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }

    it('asks for enrolment, shows the QR code and key, and gives recovery codes once', async () => {
      await signIn();
      await shown(page.getByRole('heading', { level: 1, name: 'Set up two-step verification' }));
      await shown(
        page.getByRole('img', { name: 'QR code to add your LEAD account to an authenticator app' }),
      );
      const secret = (await page.locator('pre').textContent())?.trim() ?? '';
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      await page.screenshot({ path: screenshotPath('mfa-enrolment-360.png'), fullPage: true });

      const codeField = page.getByLabel('Enter the 6-digit code the app shows.');
      await codeField.fill('000000');
      await page.getByRole('button', { name: 'Confirm' }).click();
      await shown(page.getByRole('alert').filter({ hasText: 'That code is not right' }));

      await codeField.fill(currentCode(secret));
      await page.getByRole('button', { name: 'Confirm' }).click();
      await shown(page.getByRole('heading', { level: 1, name: 'Save your recovery codes' }));
      recoveryCodes = await page
        .getByRole('list', { name: 'Recovery codes' })
        .getByRole('listitem')
        .allTextContents();
      expect(recoveryCodes).toHaveLength(10);

      await page.getByRole('button', { name: 'I have saved these codes' }).click();
      await shown(page.getByRole('heading', { level: 2, name: 'Case management' }));
    });

    it('asks for the second step at the next sign-in, and accepts a recovery code', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn();
      await shown(page.getByRole('heading', { level: 1, name: 'Two-step verification' }));
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code').fill(recoveryCodes[0] ?? '');
      await page.getByRole('button', { name: 'Continue' }).click();
      await shown(page.getByRole('heading', { level: 2, name: 'Case management' }));
      expect(problems).toEqual([]);
    });
  },
);
