import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStaffOfSite } from '../../src/db/repositories/memberships.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { ROUTES } from '../../src/http/routes/index.ts';
import { makeSite, makeUser, type TestUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let site: SiteRow;
let admin: TestUser;
let client: HttpClient;

const staffUrl = () => `/api/v1/sites/${site.id}/staff`;
const validStaff = {
  email: 'valid.person@example.test',
  displayName: 'Valid Person',
  role: 'officer',
  initialPassword: 'long-enough-pass',
};

function expectCleanError(
  response: { status: number; body: unknown; text: string },
  status: number,
  code: string,
) {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+|select |insert into|SQLSTATE|node_modules/i);
}

async function staffCount() {
  return (
    await inScope(t.database.db, { siteId: site.id, userId: null }, (tx) => findStaffOfSite(tx, site.id))
  ).length;
}

beforeAll(async () => {
  t = await startTestApp({ bodyLimitBytes: 16 * 1024, loginRateLimitPerMinute: 8 });
  site = await makeSite(t.database.db);
  admin = await makeUser(t.database.db, site, 'admin');
  client = t.client();
  await client.logIn(admin.email, admin.password);
});
afterAll(() => t.close());

describe('bad input gets a clear 4xx and writes nothing', () => {
  it('malformed JSON', async () => {
    const before = await staffCount();
    expectCleanError(
      await client.request('POST', staffUrl(), { rawBody: '{"email": "a@b.c",' }),
      400,
      'MALFORMED_REQUEST',
    );
    expect(await staffCount()).toBe(before);
  });

  it('wrong types, naming the field', async () => {
    const response = await client.post(staffUrl(), { ...validStaff, role: 42 });
    expectCleanError(response, 400, 'VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/role/);
  });

  it('unknown fields', async () => {
    const response = await client.post(staffUrl(), { ...validStaff, isSuperuser: true });
    expectCleanError(response, 400, 'VALIDATION_FAILED');
  });

  it('a bad id in the path', async () => {
    expectCleanError(await client.get(`/api/v1/sites/${site.id}/staff/not-a-uuid`), 400, 'VALIDATION_FAILED');
  });

  it('an oversized body', async () => {
    const before = await staffCount();
    const response = await client.post(staffUrl(), { ...validStaff, displayName: 'x'.repeat(20 * 1024) });
    expectCleanError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(await staffCount()).toBe(before);
  });

  it('a body that is not JSON', async () => {
    const response = await client.request('POST', staffUrl(), {
      rawBody: 'email=a',
      headers: { 'content-type': 'text/plain' },
    });
    expectCleanError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a missing CSRF token, and a stale one from an earlier session', async () => {
    const before = await staffCount();
    expectCleanError(
      await client.post(staffUrl(), validStaff, { 'x-csrf-token': '' }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    const stale = client.csrfToken;
    await client.logIn(admin.email, admin.password);
    expect(client.csrfToken).not.toBe(stale);
    expectCleanError(
      await client.post(staffUrl(), validStaff, { 'x-csrf-token': stale ?? '' }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    expect(await staffCount()).toBe(before);
  });

  it('an unknown API path', async () => {
    expectCleanError(await client.get('/api/v1/nothing-here'), 404, 'NOT_FOUND');
  });

  it('too many sign-in attempts from one address', async () => {
    const fresh = t.client();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push(
        (await fresh.post('/api/v1/auth/login', { email: 'someone@example.test', password: 'guess' })).status,
      );
    }
    expect(statuses.slice(-1)[0]).toBe(429);
    const limited = await fresh.post('/api/v1/auth/login', {
      email: 'someone@example.test',
      password: 'guess',
    });
    expectCleanError(limited, 429, 'RATE_LIMITED');
  });
});

describe('the server', () => {
  it('reports health with the database reachable', async () => {
    const response = await t.client().get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: expect.stringMatching(/pglite|postgres/) });
  });

  it('sends security headers', async () => {
    const response = await t.client().get('/healthz');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    // Plain-http pilots must still load their scripts: only HTTPS deployments ask for the upgrade.
    expect(response.headers.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBeTruthy();
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('documents every route in OpenAPI 3.1, and serves /docs', async () => {
    const spec = (await t.client().get('/openapi.json')).body;
    expect(spec.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(spec.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const docs = await t.client().get('/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toMatch(/swagger/i);
  });
});
