import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { ROUTES } from '../../src/http/routes/index.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant, type TestParticipant } from '../support/participants.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Every read of a participant's record is audited: each GET route of the route table that names a
 * participant (and nothing else) is read by the program manager, and the audit log gains a
 * successful row about that participant, naming the reader. Written against the route table, so a
 * new participant read is covered the day it is added.
 */
const PARTICIPANT_READS = ROUTES.filter(
  (route) =>
    route.method === 'GET' &&
    route.url.includes('/participants/:participantId') &&
    (route.url.match(/:\w+/g) ?? []).every((param) => param === ':siteId' || param === ':participantId'),
);

let t: TestApp;
let site: SiteRow;
let manager: HttpClient;
let managerId: string;
let participant: TestParticipant;

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  const user = await makeUser(t.database.db, site, 'program_manager');
  managerId = user.userId;
  manager = t.client();
  expect((await manager.logIn(user.email, user.password)).status).toBe(200);
  participant = await makeParticipant(t, site, manager);
});
afterAll(() => t.close());

const auditedReads = () =>
  t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('resource_id', '=', participant.participantId)
    .where('user_id', '=', managerId)
    .where('outcome', '=', 'success')
    .execute();

describe("reads of a participant's record", () => {
  it('are found in the route table (the record, contacts, plan, service referrals, appointments, funds, status, timeline)', () => {
    expect(PARTICIPANT_READS.length).toBeGreaterThanOrEqual(8);
  });

  for (const route of PARTICIPANT_READS) {
    it(`${route.id} writes an audit row about the participant, naming the reader`, async () => {
      const before = (await auditedReads()).length;
      const path = route.url.replace(':siteId', site.id).replace(':participantId', participant.participantId);
      const response = await manager.get(path);
      expect(response.status, response.text.slice(0, 200)).toBe(200);
      expect((await auditedReads()).length).toBeGreaterThan(before);
    });
  }
});
