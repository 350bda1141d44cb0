import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;

async function signedIn(target: SiteRow, role: Role) {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  await client.logIn(user.email, user.password);
  return { client, userId: user.userId };
}

/** A site whose hard maximum is 3, with a program manager, two case managers and an officer. */
async function makeProgram() {
  const site = await makeSite(t.database.db);
  const manager = await signedIn(site, 'program_manager');
  const caseManager = await signedIn(site, 'case_manager');
  const colleague = await signedIn(site, 'case_manager');
  const officer = await signedIn(site, 'officer');
  const saved = await manager.client.request('PUT', `/api/v1/sites/${site.id}/caseloads/settings`, {
    body: {
      caseloadAveragePerFte: 2,
      caseloadHardMax: 3,
      engagementInactiveDays: 30,
      engagementInTheWindDays: 90,
    },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return { site, manager, caseManager, colleague, officer };
}
type Program = Awaited<ReturnType<typeof makeProgram>>;

const reEnter = (
  client: HttpClient,
  program: Program,
  participantId: string,
  body: Record<string, unknown> = {},
) => client.post(`/api/v1/sites/${program.site.id}/participants/${participantId}/re-entry`, body);

/** Someone who exited, still pointing at `caseManagerId`. */
const exited = (program: Program, caseManagerId: string) =>
  makeParticipant(t, program.site, program.officer.client, { status: 'exited', caseManagerId });

async function loadUp(program: Program, userId: string, count: number) {
  for (let i = 0; i < count; i += 1)
    await makeParticipant(t, program.site, program.officer.client, { caseManagerId: userId });
}

const loadOf = async (program: Program, userId: string) => {
  const page = await program.manager.client.get(`/api/v1/sites/${program.site.id}/caseloads`);
  expect(page.status).toBe(200);
  return page.body.staff.find((member: { userId: string }) => member.userId === userId)?.load;
};

const statusOf = async (program: Program, participantId: string) =>
  (await program.manager.client.get(`/api/v1/sites/${program.site.id}/participants/${participantId}/status`))
    .body.status;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('re-entry keeps the case manager only within the caseload caps', () => {
  it('is refused when their case manager is at the hard maximum, unless a program manager gives a reason', async () => {
    const program = await makeProgram();
    const person = await exited(program, program.caseManager.userId);
    await loadUp(program, program.caseManager.userId, 3);

    const refused = await reEnter(program.caseManager.client, program, person.participantId);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.code).toBe('CASELOAD_FULL');
    expect(await statusOf(program, person.participantId)).toBe('exited');
    expect(await loadOf(program, program.caseManager.userId)).toBe(3);

    // Only a program manager may go past the maximum.
    const notTheirs = await reEnter(program.caseManager.client, program, person.participantId, {
      overrideReason: 'Known to this case manager for years',
    });
    expect(notTheirs.body.error.code).toBe('CASELOAD_OVERRIDE_NOT_PERMITTED');
    expect(await statusOf(program, person.participantId)).toBe('exited');

    const overridden = await reEnter(program.manager.client, program, person.participantId, {
      overrideReason: 'Known to this case manager for years',
    });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(200);
    expect(overridden.body.status).toBe('enrolled');
    expect(await loadOf(program, program.caseManager.userId)).toBe(4);
    const stored = await inScope(t.database.db, { siteId: program.site.id, userId: null }, (tx) =>
      tx
        .selectFrom('case_manager_assignments')
        .select(['case_manager_id', 'override_reason', 'load_before', 'hard_max'])
        .where('participant_id', '=', person.participantId)
        .execute(),
    );
    expect(stored).toEqual([
      {
        case_manager_id: program.caseManager.userId,
        override_reason: 'Known to this case manager for years',
        load_before: 3,
        hard_max: 3,
      },
    ]);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('resource_id', '=', person.participantId)
      .where('action', '=', 'participant.case_manager.assigned_over_cap')
      .execute();
    expect(audited).toEqual([
      { action: 'participant.case_manager.assigned_over_cap', user_id: program.manager.userId },
    ]);
  });

  it('goes through below the maximum, and two re-entries racing for the last place cannot both succeed', async () => {
    const program = await makeProgram();
    const first = await exited(program, program.colleague.userId);
    const second = await exited(program, program.colleague.userId);
    await loadUp(program, program.colleague.userId, 2);

    const [a, b] = await Promise.all([
      reEnter(program.caseManager.client, program, first.participantId),
      reEnter(program.colleague.client, program, second.participantId),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((answer) => answer.status === 409)?.body.error.code).toBe('CASELOAD_FULL');
    expect(await loadOf(program, program.colleague.userId)).toBe(3);
  });
});
