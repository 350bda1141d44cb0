import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { ROLES } from '../../src/domain/access/roles.ts';
import { ROUTES } from '../../src/http/routes/index.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Every route, called by someone holding every role at the site, with ids that exist nowhere, ids
 * that are not ids, and bodies and queries of the wrong shape: nothing a client sends may answer
 * 500, and every refusal is `{ error: { code, message } }`. Written against the route table, so a
 * new route is covered the day it is added.
 */

// Sign-out ends the session the other calls use; the live stream stays open by design.
const SKIPPED = new Set(['auth.logout', 'live.listen']);

const BODIES: { label: string; body?: unknown; rawBody?: string }[] = [
  { label: 'no body' },
  { label: 'an empty object', body: {} },
  { label: 'null', rawBody: 'null' },
  { label: 'an array', body: [1, 'two', null] },
  { label: 'a string', body: 'text' },
  {
    label: 'unknown fields of odd types',
    body: { id: -1, at: 'yesterday', items: [{}], flag: 'yes', n: 1e308 },
  },
];

const QUERIES = [
  '',
  '?limit=-1&before=zzz&from=not-a-date&to=2026-13-45&day=someday&scope=everything',
  `?q=${encodeURIComponent("%' or 1=1 --\u0000")}&limit=99999999999999999999&caseload=nobody`,
];

let t: TestApp;
let site: SiteRow;
let everyone: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  const user = await makeUser(t.database.db, site, 'case_manager');
  await inScope(t.database.db, { siteId: site.id, userId: null }, (tx) =>
    tx
      .insertInto('memberships')
      .values(
        ROLES.filter((role) => role !== 'case_manager').map((role) => ({
          site_id: site.id,
          user_id: user.userId,
          role,
        })),
      )
      .execute(),
  );
  everyone = t.client();
  expect((await everyone.logIn(user.email, user.password)).status).toBe(200);
}, 60_000);
afterAll(() => t.close());

function pathOf(url: string, params: (name: string) => string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => (name === 'siteId' ? site.id : params(name)));
}

describe('bad input to every route', () => {
  for (const route of ROUTES.filter((each) => !SKIPPED.has(each.id))) {
    it(`${route.id} (${route.method} ${route.url}) answers 4xx with an error body, never 500`, async () => {
      const namesAnId = /:(?!siteId\b)\w+/.test(route.url);
      const paths = [
        pathOf(route.url, () => randomUUID()),
        pathOf(route.url, () => 'not-an-id'),
        pathOf(route.url, () => '00000000-0000-0000-0000-000000000000'),
      ];
      for (const path of paths)
        for (const query of QUERIES)
          for (const { label, body, rawBody } of route.method === 'GET' ? BODIES.slice(0, 1) : BODIES) {
            const response = await everyone.request(route.method, path + query, {
              ...(body !== undefined ? { body } : {}),
              ...(rawBody !== undefined ? { rawBody, headers: { 'content-type': 'application/json' } } : {}),
            });
            const what = `${route.method} ${path}${query} with ${label}: ${response.status} ${response.text.slice(0, 200)}`;
            expect(response.status, what).toBeLessThan(500);
            // An id that exists nowhere, or is not an id, is never answered with success.
            if (namesAnId) expect(response.status, what).toBeGreaterThanOrEqual(400);
            if (response.status >= 400) {
              expect(typeof response.body?.error?.code, what).toBe('string');
              expect(typeof response.body?.error?.message, what).toBe('string');
            }
          }
    });
  }
});
