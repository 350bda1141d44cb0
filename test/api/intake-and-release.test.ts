import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timerHandlers } from '../../src/app/timers/timer-handlers.ts';
import { runTimersOnce } from '../../src/app/timers/timer-worker.ts';
import { testConfig } from '../../src/config.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
let officer: HttpClient;
let caseManager: HttpClient;
let caseManagerId: string;
let prosecutor: HttpClient;
let otherCaseManager: HttpClient;

const unique = () => randomBytes(4).toString('hex');

async function signedIn(target: SiteRow, role: Role) {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  await client.logIn(user.email, user.password);
  return { client, userId: user.userId };
}

const inSite = <T>(target: SiteRow, work: Parameters<typeof inScope<T>>[2]) =>
  inScope(t.database.db, { siteId: target.id, userId: null }, work);

const base = (target: SiteRow = site) => `/api/v1/sites/${target.id}`;

async function acceptedReferral(overrides: Record<string, unknown> = {}) {
  const response = await officer.post(`${base()}/encounters`, eligibleEncounter(overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.referral.id as string;
}

const arrestDiversion = () =>
  acceptedReferral({
    pathway: 'arrest_diversion',
    incidentNumber: `WPD-${unique()}`,
    chargeCodes: ['POSS_PARA'],
  });

async function startIntake(referralId: string) {
  const response = await caseManager.post(`${base()}/referrals/${referralId}/intake`, {});
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

/** A release with every element, naming the arresting agency and the DA for enrolment status. */
function completeRelease(overrides: Record<string, unknown> = {}) {
  return {
    personName: 'Sam Synthetic',
    discloser: 'Test LEAD program',
    categories: ['enrolment_status', 'engagement_level'],
    recipients: [
      { kind: 'arresting_agency', name: 'Test Police Department' },
      { kind: 'district_attorney', name: 'Test District Attorney' },
      {
        kind: 'provider_organization',
        organizationId: '6f1c1a52-0000-4000-8000-000000000001',
        name: 'Clinic',
      },
    ],
    purpose: 'To coordinate care and let the named parties know whether I take part.',
    revocationTerms: 'I may revoke at any time by telling my case manager.',
    expiresOn: '2027-05-01',
    signature: { kind: 'typed', typedName: 'Sam Synthetic' },
    signedOn: '2026-05-01',
    ...overrides,
  };
}

async function signRelease(participantId: string, overrides: Record<string, unknown> = {}) {
  const response = await caseManager.post(
    `${base()}/participants/${participantId}/releases`,
    completeRelease(overrides),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

const complete = (participantId: string, client = caseManager) =>
  client.post(`${base()}/participants/${participantId}/intake/complete`);

const runTimersAt = (at: Date) =>
  runTimersOnce({ db: t.database.db, clock: () => at, config: testConfig() }, timerHandlers());

const auditRows = (resourceId: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['action', 'user_id'])
    .where('resource_id', '=', resourceId)
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  otherSite = await makeSite(t.database.db);
  officer = (await signedIn(site, 'officer')).client;
  const manager = await signedIn(site, 'case_manager');
  caseManager = manager.client;
  caseManagerId = manager.userId;
  prosecutor = (await signedIn(site, 'prosecutor')).client;
  otherCaseManager = (await signedIn(otherSite, 'case_manager')).client;
});
afterAll(() => t.close());

describe('starting an intake', () => {
  it('makes the person a participant in intake, assigned to the starter, once per person', async () => {
    const referralId = await acceptedReferral();
    const participantId = await startIntake(referralId);
    const again = await caseManager.post(`${base()}/referrals/${referralId}/intake`, {});
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(participantId);
    const view = await caseManager.get(`${base()}/participants/${participantId}`);
    expect(view.body).toMatchObject({
      status: 'intake',
      caseManager: { id: caseManagerId },
      referral: { id: referralId, status: 'accepted' },
      intake: { state: 'draft' },
    });
    expect(view.body.timeline.map((item: { what: string }) => item.what)).toEqual(['status.intake_started']);
  });

  it('refuses a referral that is not accepted', async () => {
    const pending = await acceptedReferral({ offer: { outcome: 'pending' } });
    const response = await caseManager.post(`${base()}/referrals/${pending}/intake`, {});
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('REFERRAL_NOT_ACCEPTED');
  });
});

describe('the intake draft', () => {
  it('saves several times, keeping what a later save leaves out, with ways to reach the person', async () => {
    const participantId = await startIntake(await acceptedReferral());
    const url = `${base()}/participants/${participantId}/intake`;
    const first = await caseManager.request('PUT', url, {
      body: {
        neededNow: 'A place to sleep tonight',
        needs: [{ domain: 'shelter_housing', level: 'urgent', notes: 'sleeping outside' }],
      },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await caseManager.request('PUT', url, {
      body: {
        priorities: 'Housing, then ID',
        demographics: { raceMissing: 'prefers_not_to_answer', ethnicity: 'hispanic_latino', gender: ['man'] },
        contactMethods: [
          { kind: 'sms', value: '555-0101', remindersAllowed: true },
          {
            kind: 'phone',
            value: '555-0102',
            note: "a friend's phone, ask for Sam",
            remindersAllowed: false,
          },
        ],
      },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.intake).toMatchObject({
      state: 'draft',
      neededNow: 'A place to sleep tonight',
      priorities: 'Housing, then ID',
      needs: [{ domain: 'shelter_housing', level: 'urgent', notes: 'sleeping outside' }],
    });
    expect(second.body.contactMethods).toEqual([
      { kind: 'sms', value: '555-0101', note: null, remindersAllowed: true },
      { kind: 'phone', value: '555-0102', note: "a friend's phone, ask for Sam", remindersAllowed: false },
    ]);
  });

  it('answers 400 naming a need domain it does not know', async () => {
    const participantId = await startIntake(await acceptedReferral());
    const response = await caseManager.request('PUT', `${base()}/participants/${participantId}/intake`, {
      body: { needs: [{ domain: 'yachts', level: 'urgent' }] },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/needs\.0\.domain/);
  });
});

describe('a release of information', () => {
  let participantId: string;
  beforeAll(async () => {
    participantId = await startIntake(await acceptedReferral());
  });

  const REQUIRED = [
    'personName',
    'discloser',
    'categories',
    'recipients',
    'purpose',
    'revocationTerms',
    'signature',
    'signedOn',
  ];
  for (const element of REQUIRED) {
    it(`answers 400 naming ${element} when it is missing`, async () => {
      const release: Record<string, unknown> = completeRelease();
      delete release[element];
      const response = await caseManager.post(`${base()}/participants/${participantId}/releases`, release);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.message).toContain(element);
    });
  }

  it('answers 400 naming the expiry when neither a date nor an event is given', async () => {
    const release: Record<string, unknown> = completeRelease();
    delete release.expiresOn;
    const response = await caseManager.post(`${base()}/participants/${participantId}/releases`, release);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('expiresOn');
    const withEvent = await caseManager.post(
      `${base()}/participants/${participantId}/releases`,
      completeRelease({ expiresOn: undefined, expiryEvent: 'when I leave the program' }),
    );
    expect(withEvent.status, JSON.stringify(withEvent.body)).toBe(201);
    expect(withEvent.body).toMatchObject({ expiresOn: null, expiryEvent: 'when I leave the program' });
  });

  it('answers 400 for no category, no recipient, or a provider without its organization', async () => {
    for (const [overrides, named] of [
      [{ categories: [] }, 'categories'],
      [{ recipients: [] }, 'recipients'],
      [{ recipients: [{ kind: 'provider_organization', name: 'Clinic' }] }, 'organizationId'],
      [{ signature: { kind: 'drawn', image: 'not a picture' } }, 'signature'],
    ] as const) {
      const response = await caseManager.post(
        `${base()}/participants/${participantId}/releases`,
        completeRelease(overrides),
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(named);
    }
  });

  it('keeps every element, several recipients, and a drawn signature', async () => {
    const image = `data:image/png;base64,${Buffer.from('synthetic png bytes').toString('base64')}`;
    const response = await caseManager.post(
      `${base()}/participants/${participantId}/releases`,
      completeRelease({ signature: { kind: 'drawn', image } }),
    );
    expect(response.status).toBe(201);
    const printable = await caseManager.get(
      `${base()}/participants/${participantId}/releases/${response.body.id}`,
    );
    expect(printable.body).toMatchObject({
      personName: 'Sam Synthetic',
      discloser: 'Test LEAD program',
      categories: ['enrolment_status', 'engagement_level'],
      recipients: [
        { kind: 'arresting_agency', organizationId: null, name: 'Test Police Department' },
        { kind: 'district_attorney', organizationId: null, name: 'Test District Attorney' },
        {
          kind: 'provider_organization',
          organizationId: '6f1c1a52-0000-4000-8000-000000000001',
          name: 'Clinic',
        },
      ],
      expiresOn: '2027-05-01',
      signature: { kind: 'drawn', image },
      signedOn: '2026-05-01',
      inForce: true,
      revokedAt: null,
    });
  });
});

describe('completing the intake', () => {
  it('is refused without a signed release in force, and after the only release is revoked', async () => {
    const participantId = await startIntake(await acceptedReferral());
    const refused = await complete(participantId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('RELEASE_REQUIRED');
    const releaseId = await signRelease(participantId);
    const revoked = await caseManager.post(
      `${base()}/participants/${participantId}/releases/${releaseId}/revoke`,
      { note: 'Changed their mind' },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ inForce: false, revocationNote: 'Changed their mind' });
    expect((await complete(participantId)).body.error.code).toBe('RELEASE_REQUIRED');
    const view = await caseManager.get(`${base()}/participants/${participantId}`);
    expect(view.body.status).toBe('intake');
    expect(view.body.referral.status).toBe('accepted');
  });

  it('enrols through the lifecycle: the referral is enrolled, the prosecutor sees the intake completed with its date, and the deadline never fires', async () => {
    const referralId = await arrestDiversion();
    const participantId = await startIntake(referralId);
    await caseManager.request('PUT', `${base()}/participants/${participantId}/intake`, {
      body: { demographics: { race: ['white'], ethnicityMissing: 'doesnt_know', gender: ['woman'] } },
    });
    await signRelease(participantId);
    t.clock.advance(60_000);
    const completedAt = t.clock.now().toISOString();
    const completed = await complete(participantId);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({
      status: 'enrolled',
      enrolledAt: completedAt,
      intake: { state: 'completed', completedAt },
      referral: { status: 'enrolled' },
    });
    expect(completed.body.timeline.map((item: { what: string }) => item.what)).toEqual(
      expect.arrayContaining([
        'status.enrolled',
        'intake.completed',
        'release.signed',
        'status.intake_started',
      ]),
    );
    const signed = completed.body.timeline.find((item: { what: string }) => item.what === 'release.signed');
    expect(signed.by).toMatch(/^Test case_manager/);
    expect((await complete(participantId)).body.error.code).toBe('INTAKE_COMPLETED');

    const history = await caseManager.get(`${base()}/referrals/${referralId}`);
    expect(history.body.history.at(-1)).toMatchObject({ from: 'accepted', to: 'enrolled' });

    const deadlines = await prosecutor.get(`${base()}/prosecutor/arrest-diversions`);
    const row = deadlines.body.arrestDiversions.find((each: { id: string }) => each.id === referralId);
    expect(row).toMatchObject({ intakeCompleted: true, intakeCompletedOn: completedAt });

    const deadline = await inSite(site, (tx) =>
      tx
        .selectFrom('intake_deadlines')
        .selectAll()
        .where('referral_id', '=', referralId)
        .executeTakeFirstOrThrow(),
    );
    await runTimersAt(new Date(deadline.due_at.getTime() + 60_000));
    const after = await caseManager.get(`${base()}/referrals/${referralId}`);
    expect(after.body.status).toBe('enrolled');
    const timers = await inSite(site, (tx) =>
      tx.selectFrom('timers').select(['kind', 'state']).where('subject_id', '=', referralId).execute(),
    );
    // The deadline and any reminders before it: none left to fire.
    expect(timers).toContainEqual({ kind: 'intake_deadline', state: 'cancelled' });
    expect(timers.every((timer) => timer.state === 'cancelled')).toBe(true);

    const reports = await inSite(site, (tx) =>
      tx
        .selectFrom('demographic_reports')
        .innerJoin('participants', 'participants.person_id', 'demographic_reports.person_id')
        .select(['source', 'race', 'ethnicity_missing'])
        .where('participants.id', '=', participantId)
        .orderBy('recorded_at')
        .execute(),
    );
    expect(reports.map((report) => report.source)).toEqual(['officer_perceived', 'self_reported']);
    expect(reports[1]).toMatchObject({ race: ['white'], ethnicity_missing: 'doesnt_know' });
    expect((await auditRows(referralId)).map((row) => row.action)).toContain('referral.complete_intake');
  });
});

describe('what a release allows the officer to see', () => {
  it('shows the enrolment only under a release in force naming the arresting agency, and stops on the next request after revocation', async () => {
    const referralId = await acceptedReferral();
    const participantId = await startIntake(referralId);
    const withoutPolice = await signRelease(participantId, {
      recipients: [{ kind: 'district_attorney', name: 'Test District Attorney' }],
    });
    expect((await complete(participantId)).status).toBe(200);
    const statusForOfficer = async () => {
      const mine = await officer.get(`${base()}/referrals/mine`);
      const listed = mine.body.referrals.find((each: { id: string }) => each.id === referralId).status;
      const detail = await officer.get(`${base()}/referrals/${referralId}`);
      expect(detail.body.status).toBe(listed);
      expect(detail.body.history.some((change: { to: string }) => change.to === 'enrolled')).toBe(
        listed === 'enrolled',
      );
      return listed;
    };
    expect(await statusForOfficer()).toBe('accepted');

    const forPolice = await signRelease(participantId, {
      categories: ['enrolment_status'],
      recipients: [{ kind: 'arresting_agency', name: 'Test Police Department' }],
    });
    expect(await statusForOfficer()).toBe('enrolled');

    await caseManager.post(`${base()}/participants/${participantId}/releases/${forPolice}/revoke`, {});
    expect(await statusForOfficer()).toBe('accepted');
    // A release naming the police for something else does not disclose enrolment.
    await signRelease(participantId, {
      categories: ['attendance'],
      recipients: [{ kind: 'arresting_agency', name: 'Test Police Department' }],
    });
    expect(await statusForOfficer()).toBe('accepted');
    void withoutPolice;
  });
});

describe('participant records', () => {
  it('are for the care team only: every read audited; officers, prosecutors and other sites get 404', async () => {
    const referralId = await acceptedReferral();
    const participantId = await startIntake(referralId);
    await caseManager.get(`${base()}/participants/${participantId}`);
    await caseManager.get(`${base()}/participants/${participantId}`);
    const list = await caseManager.get(`${base()}/participants`);
    expect(list.status).toBe(200);
    expect(list.body.participants.find((each: { id: string }) => each.id === participantId)).toMatchObject({
      status: 'intake',
      caseManager: { id: caseManagerId },
      enrolledAt: null,
    });
    const reads = (await auditRows(participantId)).filter((row) => row.action === 'participant.viewed');
    expect(reads).toHaveLength(2);
    expect(reads.every((row) => row.user_id === caseManagerId)).toBe(true);

    for (const client of [officer, prosecutor]) {
      for (const path of [`/participants/${participantId}`, '/participants']) {
        const response = await client.get(`${base()}${path}`);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
      }
      const start = await client.post(`${base()}/referrals/${referralId}/intake`, {});
      expect(start.status).toBe(404);
    }
    const elsewhere = await otherCaseManager.get(`${base()}/participants/${participantId}`);
    expect(elsewhere.status).toBe(404);
    const wrongSite = await otherCaseManager.get(`${base(otherSite)}/participants/${participantId}`);
    expect(wrongSite.status).toBe(404);
  });
});
