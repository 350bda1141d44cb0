import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { eligibleEncounter } from '../support/encounters.ts';
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

/** A fresh site with a program manager, two case managers and an officer, and caps set small. */
async function makeProgram(caps = { caseloadAveragePerFte: 2, caseloadHardMax: 3 }) {
  const site = await makeSite(t.database.db);
  const manager = await signedIn(site, 'program_manager');
  const caseManager = await signedIn(site, 'case_manager');
  const colleague = await signedIn(site, 'outreach');
  const officer = await signedIn(site, 'officer');
  const saved = await manager.client.request('PUT', `/api/v1/sites/${site.id}/caseloads/settings`, {
    body: { ...caps, engagementInactiveDays: 30, engagementInTheWindDays: 90 },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return { site, manager, caseManager, colleague, officer };
}

type Program = Awaited<ReturnType<typeof makeProgram>>;

const assign = (client: HttpClient, program: Program, participantId: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/sites/${program.site.id}/participants/${participantId}/case-manager`, body);

/** `count` enrolled people already on `userId`'s caseload. */
async function loadUp(program: Program, userId: string, count: number) {
  for (let i = 0; i < count; i += 1)
    await makeParticipant(t, program.site, program.officer.client, { caseManagerId: userId });
}

const caseloadOf = async (program: Program, userId: string) => {
  const page = await program.manager.client.get(`/api/v1/sites/${program.site.id}/caseloads`);
  expect(page.status).toBe(200);
  return page.body.staff.find((member: { userId: string }) => member.userId === userId);
};

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('caseloads against the caps', () => {
  it('shows each care-team member’s load, FTE, target and hard maximum, not the officers', async () => {
    const program = await makeProgram({ caseloadAveragePerFte: 20, caseloadHardMax: 25 });
    await loadUp(program, program.caseManager.userId, 2);
    await makeParticipant(t, program.site, program.officer.client, {
      caseManagerId: program.caseManager.userId,
      status: 'exited',
    });
    const fte = await program.manager.client.request(
      'PUT',
      `/api/v1/sites/${program.site.id}/caseloads/staff/${program.colleague.userId}/fte`,
      { body: { fte: 0.5 } },
    );
    expect(fte.status, JSON.stringify(fte.body)).toBe(200);

    const page = await program.caseManager.client.get(`/api/v1/sites/${program.site.id}/caseloads`);
    expect(page.status).toBe(200);
    expect(page.body.settings).toEqual({
      caseloadAveragePerFte: 20,
      caseloadHardMax: 25,
      engagementInactiveDays: 30,
      engagementInTheWindDays: 90,
    });
    const byUser = new Map(page.body.staff.map((member: { userId: string }) => [member.userId, member]));
    // The exited person does not count.
    expect(byUser.get(program.caseManager.userId)).toMatchObject({
      load: 2,
      fte: 1,
      target: 20,
      hardMax: 25,
      standing: 'under',
    });
    expect(byUser.get(program.colleague.userId)).toMatchObject({
      load: 0,
      fte: 0.5,
      target: 10,
      hardMax: 25,
    });
    expect(byUser.has(program.officer.userId)).toBe(false);
  });

  it('lets only a program manager set caps and FTEs, within their bounds', async () => {
    const program = await makeProgram();
    const url = `/api/v1/sites/${program.site.id}/caseloads/settings`;
    const body = {
      caseloadAveragePerFte: 20,
      caseloadHardMax: 25,
      engagementInactiveDays: 30,
      engagementInTheWindDays: 90,
    };
    expect((await program.caseManager.client.request('PUT', url, { body })).status).toBe(403);
    const backwards = await program.manager.client.request('PUT', url, {
      body: { ...body, engagementInTheWindDays: 30 },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('INVALID_ENGAGEMENT_THRESHOLDS');
    const fteUrl = `/api/v1/sites/${program.site.id}/caseloads/staff/${program.caseManager.userId}/fte`;
    for (const fte of [0, 1.5]) {
      const refused = await program.manager.client.request('PUT', fteUrl, { body: { fte } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/fte/);
    }
    const officerFte = await program.manager.client.request(
      'PUT',
      `/api/v1/sites/${program.site.id}/caseloads/staff/${program.officer.userId}/fte`,
      { body: { fte: 1 } },
    );
    expect(officerFte.body.error.code).toBe('NOT_ON_CARE_TEAM');
  });

  it('assigns and reassigns within the cap, and refuses at the hard maximum with CASELOAD_FULL', async () => {
    const program = await makeProgram();
    await loadUp(program, program.caseManager.userId, 2);
    const person = await makeParticipant(t, program.site, program.officer.client);
    const third = await assign(program.caseManager.client, program, person.participantId, {
      caseManagerId: program.caseManager.userId,
    });
    expect(third.status, JSON.stringify(third.body)).toBe(200);
    expect(third.body).toMatchObject({
      load: 3,
      hardMax: 3,
      overCap: false,
      changed: true,
      previousCaseManagerId: null,
    });
    expect(await caseloadOf(program, program.caseManager.userId)).toMatchObject({ load: 3, standing: 'at' });

    const fourth = await makeParticipant(t, program.site, program.officer.client);
    const refused = await assign(program.caseManager.client, program, fourth.participantId, {
      caseManagerId: program.caseManager.userId,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CASELOAD_FULL');

    // Reassigning moves the person: the old caseload drops, the new one grows.
    const moved = await assign(program.caseManager.client, program, person.participantId, {
      caseManagerId: program.colleague.userId,
    });
    expect(moved.body).toMatchObject({ previousCaseManagerId: program.caseManager.userId, load: 1 });
    expect(await caseloadOf(program, program.caseManager.userId)).toMatchObject({ load: 2 });
    // Now there is room again.
    expect(
      (
        await assign(program.caseManager.client, program, fourth.participantId, {
          caseManagerId: program.caseManager.userId,
        })
      ).status,
    ).toBe(200);
  });

  it('lets a program manager override the maximum with a reason, stored and audited; no one else', async () => {
    const program = await makeProgram();
    await loadUp(program, program.caseManager.userId, 3);
    const person = await makeParticipant(t, program.site, program.officer.client);
    const reason = 'Continuity: worked with this person last year';
    const notAllowed = await assign(program.caseManager.client, program, person.participantId, {
      caseManagerId: program.caseManager.userId,
      overrideReason: reason,
    });
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.error.code).toBe('CASELOAD_OVERRIDE_NOT_PERMITTED');

    const overridden = await assign(program.manager.client, program, person.participantId, {
      caseManagerId: program.caseManager.userId,
      overrideReason: reason,
    });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(200);
    expect(overridden.body).toMatchObject({ overCap: true, load: 4 });
    expect(await caseloadOf(program, program.caseManager.userId)).toMatchObject({
      load: 4,
      standing: 'over',
    });

    const stored = await inScope(t.database.db, { siteId: program.site.id, userId: null }, (tx) =>
      tx
        .selectFrom('case_manager_assignments')
        .selectAll()
        .where('participant_id', '=', person.participantId)
        .execute(),
    );
    expect(stored).toMatchObject([
      {
        case_manager_id: program.caseManager.userId,
        assigned_by: program.manager.userId,
        load_before: 3,
        hard_max: 3,
        override_reason: reason,
      },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'role'])
      .where('resource_id', '=', person.participantId)
      .execute();
    expect(audit).toContainEqual({
      action: 'participant.case_manager.assigned_over_cap',
      user_id: program.manager.userId,
      role: 'program_manager',
    });
  });

  it('refuses a case manager who is not on the care team, and another site’s participant (404)', async () => {
    const program = await makeProgram();
    const other = await makeProgram();
    const person = await makeParticipant(t, program.site, program.officer.client);
    const officer = await assign(program.manager.client, program, person.participantId, {
      caseManagerId: program.officer.userId,
    });
    expect(officer.status).toBe(400);
    expect(officer.body.error.code).toBe('NOT_ON_CARE_TEAM');
    const elsewhere = await makeParticipant(t, other.site, other.officer.client);
    const notHere = await assign(program.manager.client, program, elsewhere.participantId, {
      caseManagerId: program.caseManager.userId,
    });
    expect(notHere.status).toBe(404);
    expect(notHere.body.error.code).toBe('NOT_FOUND');
  });

  it('applies the caps when an intake is started with a case manager', async () => {
    const program = await makeProgram();
    await loadUp(program, program.caseManager.userId, 3);
    const referral = await program.officer.client.post(
      `/api/v1/sites/${program.site.id}/encounters`,
      eligibleEncounter(),
    );
    expect(referral.status).toBe(201);
    const url = `/api/v1/sites/${program.site.id}/referrals/${referral.body.referral.id}/intake`;
    const full = await program.colleague.client.post(url, { caseManagerId: program.caseManager.userId });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('CASELOAD_FULL');
    // Nothing was started; with room (the colleague themselves), it starts and counts.
    const started = await program.colleague.client.post(url, {});
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(await caseloadOf(program, program.colleague.userId)).toMatchObject({ load: 1 });
  });

  it('never lets two assignments racing for the last place both succeed', async () => {
    for (let round = 0; round < 4; round += 1) {
      const program = await makeProgram();
      await loadUp(program, program.caseManager.userId, 2);
      const racers = [
        await makeParticipant(t, program.site, program.officer.client),
        await makeParticipant(t, program.site, program.officer.client),
        await makeParticipant(t, program.site, program.officer.client),
      ];
      const clients = [program.caseManager.client, program.colleague.client, program.manager.client];
      const results = await Promise.all(
        racers.map((racer, index) =>
          assign(clients[index] as HttpClient, program, racer.participantId, {
            caseManagerId: program.caseManager.userId,
          }),
        ),
      );
      const statuses = results.map((result) => result.status).sort();
      expect(statuses, JSON.stringify(results.map((result) => result.body))).toEqual([200, 409, 409]);
      expect(await caseloadOf(program, program.caseManager.userId)).toMatchObject({ load: 3 });
    }
  });
});
