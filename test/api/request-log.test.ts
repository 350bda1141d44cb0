import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant, type TestParticipant } from '../support/participants.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// The request log names the route's pattern, never the path: a participant's id in a URL, or a
// name in a search, must not reach the log.
const lines: string[] = [];
let t: TestApp;
let site: SiteRow;
let caseManager: HttpClient;
let participant: TestParticipant;
let personName: string;

beforeAll(async () => {
  t = await startTestApp({ logLevel: 'info' }, { logStream: { write: (line) => lines.push(line) } });
  site = await makeSite(t.database.db);
  const user = await makeUser(t.database.db, site, 'case_manager');
  caseManager = t.client();
  expect((await caseManager.logIn(user.email, user.password)).status).toBe(200);
  participant = await makeParticipant(t, site, caseManager);
  const record = await caseManager.get(`/api/v1/sites/${site.id}/participants/${participant.participantId}`);
  expect(record.status).toBe(200);
  personName = record.body.nameOrAlias;
});
afterAll(() => t.close());

describe('the request log', () => {
  it("names the route, not the participant's id or a searched name", async () => {
    const search = await caseManager.get(
      `/api/v1/sites/${site.id}/participants?q=${encodeURIComponent(personName)}`,
    );
    // The list takes no search: the request is refused, and even a refused one must not log its query.
    expect(search.status, JSON.stringify(search.body)).toBe(400);
    expect(search.body.error.code).toBe('VALIDATION_FAILED');
    const log = lines.join('');
    expect(log).toContain('"route":"/api/v1/sites/:siteId/participants"');
    expect(log).toContain('/api/v1/sites/:siteId/participants/:participantId');
    expect(log).not.toContain(participant.participantId);
    expect(log).not.toContain(personName);
    expect(log).not.toContain(encodeURIComponent(personName));
  });
});
