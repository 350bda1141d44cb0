import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { dateInZone } from '../../src/domain/participants/intake.ts';
import type { ReleaseCategory } from '../../src/domain/participants/release.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// The officer who recorded a referral sees the person's progress only as far as a release in force
// naming the arresting agency allows: enrolment status and engagement level, nothing else, asked
// again on every request.

let t: TestApp;
let site: SiteRow;
let officer: HttpClient;
let otherOfficer: HttpClient;
let caseManager: HttpClient;
let programManager: HttpClient;

const base = () => `/api/v1/sites/${site.id}`;
const today = () => dateInZone(t.clock.now(), site.timezone);

const logins: (() => Promise<unknown>)[] = [];

async function signedIn(role: Role) {
  const user = await makeUser(t.database.db, site, role);
  const client = t.client();
  const logIn = async () => expect((await client.logIn(user.email, user.password)).status).toBe(200);
  await logIn();
  logins.push(logIn);
  return client;
}

/** Moves the clock on by whole days; sessions end meanwhile, so everyone signs in again. */
async function laterByDays(days: number) {
  t.clock.advance(days * 86_400_000);
  for (const logIn of logins) await logIn();
}

function release(categories: ReleaseCategory[], recipients: Record<string, unknown>[]) {
  return {
    personName: 'Sam Synthetic',
    discloser: 'Test LEAD program',
    categories,
    recipients,
    purpose: 'To let the named parties know how I am doing in the program.',
    revocationTerms: 'I may revoke at any time by telling my case manager.',
    expiresOn: '2099-12-31',
    signature: { kind: 'typed', typedName: 'Sam Synthetic' },
    signedOn: '2026-05-01',
  };
}

const POLICE = { kind: 'arresting_agency', name: 'Test Police Department' };
const DA = { kind: 'district_attorney', name: 'Test District Attorney' };

async function sign(participantId: string, categories: ReleaseCategory[], recipients = [POLICE]) {
  const response = await caseManager.post(
    `${base()}/participants/${participantId}/releases`,
    release(categories, recipients),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

const revoke = async (participantId: string, releaseId: string) =>
  expect(
    (await caseManager.post(`${base()}/participants/${participantId}/releases/${releaseId}/revoke`, {}))
      .status,
  ).toBe(200);

/**
 * A person the officer referred, taken through intake with a release that names only the district
 * attorney (intake needs one), so the police are told nothing until a release names them.
 */
async function enrolledByOfficer() {
  const encounter = await officer.post(`${base()}/encounters`, eligibleEncounter());
  expect(encounter.status, JSON.stringify(encounter.body)).toBe(201);
  const referralId = encounter.body.referral.id as string;
  const intake = await caseManager.post(`${base()}/referrals/${referralId}/intake`, {});
  expect(intake.status, JSON.stringify(intake.body)).toBe(201);
  const participantId = intake.body.id as string;
  await sign(participantId, ['enrolment_status', 'engagement_level', 'attendance'], [DA]);
  const completed = await caseManager.post(`${base()}/participants/${participantId}/intake/complete`);
  expect(completed.status, JSON.stringify(completed.body)).toBe(200);
  return { referralId, participantId };
}

/** The officer's view of the referral and its entry in My referrals, which must agree. */
async function seenByOfficer(referralId: string) {
  const detail = await officer.get(`${base()}/referrals/${referralId}`);
  expect(detail.status, JSON.stringify(detail.body)).toBe(200);
  const mine = await officer.get(`${base()}/referrals/mine`);
  expect(mine.status).toBe(200);
  const listed = mine.body.referrals.find((each: { id: string }) => each.id === referralId);
  expect(listed.progress).toEqual(detail.body.progress);
  return { detail: detail.body, listed };
}

const SUMMARY_FIELDS = [
  'area',
  'decidedBy',
  'id',
  'incidentNumber',
  'nameOrAlias',
  'occurredAt',
  'pathway',
  'screening',
  'status',
];
const DETAIL_FIELDS = [...SUMMARY_FIELDS, 'chargeCodes', 'contactRequest', 'history'].sort();

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  officer = await signedIn('officer');
  otherOfficer = await signedIn('officer');
  caseManager = await signedIn('case_manager');
  programManager = await signedIn('program_manager');
}, 120_000);
afterAll(() => t.close());

describe("the officer's view of a person they referred", () => {
  it('without a release naming the police: exactly the referral fields, no progress at all', async () => {
    const { referralId } = await enrolledByOfficer();
    const { detail, listed } = await seenByOfficer(referralId);
    expect(Object.keys(detail).sort()).toEqual(DETAIL_FIELDS);
    expect(Object.keys(listed).sort()).toEqual(SUMMARY_FIELDS);
    expect(detail.status).toBe('accepted');
  });

  it('shows enrolment and its date under enrolment_status, hidden again on the next request after revocation', async () => {
    const { referralId, participantId } = await enrolledByOfficer();
    const enrolledOn = today();
    const releaseId = await sign(participantId, ['enrolment_status']);
    await laterByDays(3);
    const shown = await seenByOfficer(referralId);
    expect(shown.detail.status).toBe('enrolled');
    expect(shown.detail.progress).toEqual({ enrolment: { status: 'enrolled', on: enrolledOn } });
    expect(shown.listed.progress).toEqual({ enrolment: { status: 'enrolled', on: enrolledOn } });

    await revoke(participantId, releaseId);
    const hidden = await seenByOfficer(referralId);
    expect(hidden.detail).not.toHaveProperty('progress');
    expect(hidden.listed).not.toHaveProperty('progress');
    expect(Object.keys(hidden.detail).sort()).toEqual(DETAIL_FIELDS);
    expect(hidden.detail.status).toBe('accepted');
  });

  it('shows the exit and its date once the person exits, and no engagement for someone who left', async () => {
    const { referralId, participantId } = await enrolledByOfficer();
    await sign(participantId, ['enrolment_status', 'engagement_level']);
    await laterByDays(1);
    const exited = await caseManager.post(`${base()}/participants/${participantId}/exit`, {
      reason: 'moved',
    });
    expect(exited.status, JSON.stringify(exited.body)).toBe(200);
    const { detail } = await seenByOfficer(referralId);
    expect(detail.progress).toEqual({ enrolment: { status: 'exited', on: today() } });
  });

  it('shows the engagement level under engagement_level, derived with the site thresholds', async () => {
    const { referralId, participantId } = await enrolledByOfficer();
    const releaseId = await sign(participantId, ['engagement_level']);
    expect((await seenByOfficer(referralId)).detail.progress).toEqual({ engagement: 'active' });

    // The site says inactive past 5 days, in the wind past 10.
    const settings = await programManager.request('PUT', `${base()}/caseloads/settings`, {
      body: {
        caseloadAveragePerFte: 20,
        caseloadHardMax: 25,
        engagementInactiveDays: 5,
        engagementInTheWindDays: 10,
      },
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    await laterByDays(6);
    expect((await seenByOfficer(referralId)).detail.progress).toEqual({ engagement: 'inactive' });
    await laterByDays(5);
    const gone = await seenByOfficer(referralId);
    expect(gone.detail.progress).toEqual({ engagement: 'in_the_wind' });
    expect(gone.detail).not.toHaveProperty('progress.enrolment');

    // A contact logged today makes them active again.
    const contact = await caseManager.post(`${base()}/participants/${participantId}/contacts`, {
      kind: 'field',
      occurredAt: t.clock.now().toISOString(),
      durationMinutes: 10,
      note: 'Checked in at the park.',
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    expect((await seenByOfficer(referralId)).detail.progress).toEqual({ engagement: 'active' });

    await revoke(participantId, releaseId);
    expect((await seenByOfficer(referralId)).detail).not.toHaveProperty('progress');
    const restored = await programManager.request('PUT', `${base()}/caseloads/settings`, {
      body: {
        caseloadAveragePerFte: 20,
        caseloadHardMax: 25,
        engagementInactiveDays: 30,
        engagementInTheWindDays: 90,
      },
    });
    expect(restored.status).toBe(200);
  });

  it('shows nothing for the other categories, nothing clinical, even when they name the police', async () => {
    const { referralId, participantId } = await enrolledByOfficer();
    await sign(participantId, [
      'attendance',
      'service_referrals',
      'treatment_information',
      'contact_information',
    ]);
    const { detail, listed } = await seenByOfficer(referralId);
    expect(Object.keys(detail).sort()).toEqual(DETAIL_FIELDS);
    expect(Object.keys(listed).sort()).toEqual(SUMMARY_FIELDS);
  });

  it('shows nothing under a release that names only the district attorney, or one that has expired', async () => {
    const { referralId, participantId } = await enrolledByOfficer();
    await sign(participantId, ['enrolment_status', 'engagement_level'], [DA]);
    const expired = await caseManager.post(`${base()}/participants/${participantId}/releases`, {
      ...release(['enrolment_status', 'engagement_level'], [POLICE]),
      expiresOn: '2020-01-01',
      signedOn: '2019-06-01',
    });
    expect(expired.status, JSON.stringify(expired.body)).toBe(201);
    expect(expired.body.inForce).toBe(false);
    const { detail } = await seenByOfficer(referralId);
    expect(detail).not.toHaveProperty('progress');
  });

  it('an officer who did not record the referral gets 404 and sees nothing of it in their list', async () => {
    const { referralId, participantId } = await enrolledByOfficer();
    await sign(participantId, ['enrolment_status', 'engagement_level']);
    const refused = await otherOfficer.get(`${base()}/referrals/${referralId}`);
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    const theirs = await otherOfficer.get(`${base()}/referrals/mine`);
    expect(theirs.body.referrals.some((each: { id: string }) => each.id === referralId)).toBe(false);
  });

  it('the care team reads the participant record instead: no progress on the referral', async () => {
    const { referralId, participantId } = await enrolledByOfficer();
    await sign(participantId, ['enrolment_status', 'engagement_level']);
    const seen = await caseManager.get(`${base()}/referrals/${referralId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.status).toBe('enrolled');
    expect(seen.body).not.toHaveProperty('progress');
  });
});
