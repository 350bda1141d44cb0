import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { passIntakeDeadline } from '../../src/app/intake-deadlines/pass-intake-deadline.ts';
import { recordContactRequest } from '../../src/app/referrals/request-contact.ts';
import { testConfig } from '../../src/config.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { ROLES, type Role } from '../../src/domain/access/roles.ts';
import { buildServer } from '../../src/http/build-server.ts';
import { defineRoute, type RouteDefinition } from '../../src/http/route.ts';
import { ROUTES } from '../../src/http/routes/index.ts';
import { appointmentFundExitRequest } from '../support/appointment-fund-exit-fixtures.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { makeSite, makeUser, type TestUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { intakeAndReleaseRequest } from '../support/intake-fixtures.ts';
import { makeParticipant } from '../support/participants.ts';
import { directoryAndServiceReferralRequest } from '../support/service-referral-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Who may use each site route, written out by hand from PRODUCT.md (not read from the policy
 * table, so the test checks the policy rather than repeating it). A route missing here fails.
 */
const EXPECTED_ROLES: Record<string, readonly Role[] | 'public' | 'any signed-in user'> = {
  'health.check': 'public',
  'auth.login': 'public',
  'auth.session': 'any signed-in user',
  'auth.logout': 'any signed-in user',
  'auth.mfa.enrol': 'any signed-in user',
  'auth.mfa.confirm': 'any signed-in user',
  'auth.mfa.verify': 'any signed-in user',
  'sites.view': ROLES,
  'sites.staff.list': ['program_manager', 'admin'],
  'sites.staff.view': ['program_manager', 'admin'],
  'sites.staff.add': ['program_manager', 'admin'],
  'sites.staff.remove_role': ['program_manager', 'admin'],
  'sites.audit.list': ['admin'],
  'screening.configuration': [
    'officer',
    'case_manager',
    'outreach',
    'peer_support',
    'program_manager',
    'analyst',
    'admin',
  ],
  'screening.rule_sets.list': ['program_manager', 'analyst', 'admin'],
  'screening.rule_sets.save': ['program_manager'],
  'screening.settings.save': ['program_manager'],
  'screening.rule_sets.what_if': ['program_manager', 'analyst'],
  'screening.report': ['program_manager', 'analyst'],
  'referrals.submit_encounter': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  'referrals.mine': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  'referrals.list': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  // An officer reaches only the referrals they recorded (the test's referral is theirs).
  'referrals.view': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  'referrals.change_status': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  'referrals.screen_pending': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'prosecutor.arrest_diversions.list': ['prosecutor'],
  'prosecutor.arrest_diversions.decide': ['prosecutor'],
  'on_call.view': ['case_manager', 'outreach', 'peer_support', 'program_manager', 'admin'],
  'on_call.pattern.replace': ['program_manager'],
  'on_call.overrides.add': ['program_manager'],
  'on_call.overrides.remove': ['program_manager'],
  'on_call.gaps': ['case_manager', 'outreach', 'peer_support', 'program_manager', 'admin'],
  'public.contact_request': 'public',
  // The recording officer (the test's referral is theirs) or the care team.
  'handoffs.request': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  // The care team; within it, the person it is offered to (the test offers it to them) or a program manager.
  'handoffs.answer': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  // The officer who asked for it (the test's hand-off is theirs) and the care team.
  'handoffs.view': ['officer', 'case_manager', 'outreach', 'peer_support', 'program_manager'],
  'handoffs.list': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  // Intake and releases of information: the care team only (everyone else is told "not found").
  'participants.start_intake': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.list': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.timeline': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.intake.save': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.intake.complete': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.releases.create': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.releases.view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.releases.revoke': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  // The event stream: anyone signed in at the site.
  'live.listen': ROLES,
  // Appointments, funds, exits and re-entry: the care team only (officers, prosecutors, analysts and
  // providers get nothing); reminder settings and funding sources: the program manager.
  'participants.status.view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.exit': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.re_enter': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'appointments.list': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'appointments.create': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'appointments.change': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'appointments.record_status': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'appointments.settings.view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'appointments.settings.save': ['program_manager'],
  'appointments.today': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'funds.participant.view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'funds.participant.record': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'funds.participant.reverse': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'funds.totals': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'funds.sources.list': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'funds.sources.add': ['program_manager'],
  'funds.sources.change': ['program_manager'],
  // Caseloads: counts for the whole care team; caps, thresholds and FTEs for the program manager.
  'caseloads.view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'caseloads.settings.save': ['program_manager'],
  'caseloads.staff.fte': ['program_manager'],
  'participants.case_manager.assign': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  // A participant's contacts, engagement and plan: the care team only.
  'participants.contacts.list': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.contacts.log': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.engagement.list': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.plan.view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.plan.goals.add': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'participants.plan.goals.change': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  // Their own SMS number (the test asks about the caller's own); a program manager anyone's.
  'staff_contacts.view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'staff_contacts.save': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'handoffs.settings.view': ['program_manager'],
  'handoffs.settings.save': ['program_manager'],
  // Aggregates only: program managers and analysts.
  'handoffs.figures': ['program_manager', 'analyst'],
  'intakes.pending': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  // The partner directory: the care team reads it, program managers keep it; capacity also by the
  // service's own provider (the test's provider works for the service's organization).
  'directory.hsds.export': ['program_manager'],
  'directory.services.search': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'directory.organizations.list': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'directory.organizations.view': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'directory.organizations.create': ['program_manager'],
  'directory.organizations.update': ['program_manager'],
  'directory.services.create': ['program_manager'],
  'directory.services.update': ['program_manager'],
  'directory.services.capacity': ['program_manager', 'provider'],
  'directory.provider_organization.set': ['program_manager', 'admin'],
  'provider.organization.view': ['provider'],
  // Service referrals: the care team; the partner's provider sees those sent to their organization.
  'service_referrals.create': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'service_referrals.list': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'service_referrals.change_status': ['case_manager', 'outreach', 'peer_support', 'program_manager'],
  'provider.referrals.list': ['provider'],
  'provider.referrals.view': ['provider'],
  'provider.referrals.change_status': ['provider'],
};

/**
 * Roles the site-level policy lets in but the resource-level rule turns away: they are told the
 * referral does not exist (a prosecutor decides only on approvals, and sees nothing else).
 */
const NOT_FOUND_AT_OWN_SITE: Record<string, readonly Role[]> = {
  ...Object.fromEntries(
    [
      'participants.start_intake',
      'participants.list',
      'participants.view',
      'participants.timeline',
      'participants.intake.save',
      'participants.intake.complete',
      'participants.releases.create',
      'participants.releases.view',
      'participants.releases.revoke',
    ].map((id) => [
      id,
      ['officer', 'community_referrer', 'prosecutor', 'provider', 'analyst', 'admin'] as const,
    ]),
  ),
  'referrals.view': ['prosecutor'],
  'referrals.change_status': ['prosecutor'],
  ...Object.fromEntries(
    ['service_referrals.create', 'service_referrals.list', 'service_referrals.change_status'].map((id) => [
      id,
      ['officer', 'community_referrer', 'prosecutor', 'provider', 'analyst', 'admin'] as const,
    ]),
  ),
  // A participant's contacts, plan, appointments, funds and status: every role outside those allowed
  // is told they do not exist (issue 5: officers, prosecutors and analysts get nothing, a 404).
  ...Object.fromEntries(
    [
      'participants.contacts.list',
      'participants.contacts.log',
      'participants.engagement.list',
      'participants.plan.view',
      'participants.plan.goals.add',
      'participants.plan.goals.change',
      'appointments.list',
      'appointments.create',
      'appointments.change',
      'appointments.record_status',
      'appointments.today',
      'funds.participant.view',
      'funds.participant.record',
      'funds.participant.reverse',
      'participants.status.view',
      'participants.exit',
      'participants.re_enter',
      'participants.case_manager.assign',
    ].map((id) => [id, ROLES.filter((role) => !(EXPECTED_ROLES[id] as readonly Role[]).includes(role))]),
  ),
  ...Object.fromEntries(
    ['provider.referrals.list', 'provider.referrals.view', 'provider.referrals.change_status'].map((id) => [
      id,
      ROLES.filter((role) => role !== 'provider'),
    ]),
  ),
};

const unique = () => randomBytes(4).toString('hex');

type Fixture = { site: SiteRow; users: Record<Role, TestUser>; clients: Record<Role, HttpClient> };

let t: TestApp;
const fixtures: Fixture[] = [];

async function makeFixture(): Promise<Fixture> {
  const site = await makeSite(t.database.db);
  const users = {} as Record<Role, TestUser>;
  const clients = {} as Record<Role, HttpClient>;
  for (const role of ROLES) {
    users[role] = await makeUser(t.database.db, site, role);
    clients[role] = t.client();
    const response = await clients[role].logIn(users[role].email, users[role].password);
    expect(response.status).toBe(200);
  }
  return { site, users, clients };
}

beforeAll(async () => {
  t = await startTestApp();
  fixtures.push(await makeFixture(), await makeFixture());
}, 120_000);
afterAll(() => t.close());

const RECORDING_ROLES: readonly Role[] = [
  'officer',
  'case_manager',
  'outreach',
  'peer_support',
  'program_manager',
];

/** A fresh, screened-eligible referral at the target site, recorded by `role` (or by its officer). */
async function makeReferral(target: Fixture, role: Role): Promise<string> {
  const recorder = target.clients[RECORDING_ROLES.includes(role) ? role : 'officer'];
  const response = await recorder.post(
    `/api/v1/sites/${target.site.id}/encounters`,
    eligibleEncounter({ offer: { outcome: 'pending' } }),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.referral.id;
}

/** A fresh accepted referral at the target site, recorded by `role` (or by its officer). */
async function makeAcceptedReferral(target: Fixture, role: Role): Promise<string> {
  const recorder = target.clients[RECORDING_ROLES.includes(role) ? role : 'officer'];
  const response = await recorder.post(`/api/v1/sites/${target.site.id}/encounters`, eligibleEncounter());
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.referral.id;
}

/** An arrest diversion at the target site whose intake deadline passed, for the prosecutor to decide on. */
async function makeExpiredArrestDiversion(target: Fixture): Promise<string> {
  const response = await target.clients.officer.post(
    `/api/v1/sites/${target.site.id}/encounters`,
    eligibleEncounter({
      pathway: 'arrest_diversion',
      incidentNumber: `WPD-${unique()}`,
      chargeCodes: ['POSS_PARA'],
    }),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const referralId: string = response.body.referral.id;
  await inScope(t.database.db, { siteId: target.site.id, userId: null }, (tx) =>
    passIntakeDeadline(tx, { siteId: target.site.id, referralId, now: new Date() }),
  );
  return referralId;
}

/** A request for contact waiting for the program at the target site. */
function makePendingReferral(target: Fixture): Promise<string> {
  return inScope(t.database.db, { siteId: target.site.id, userId: null }, (tx) =>
    recordContactRequest(
      tx,
      target.site.id,
      { requester: 'self', nameOrAlias: 'Pending Synthetic', phone: '555-0100' },
      new Date(),
      null,
    ),
  );
}

/** A holiday override at the target site, made by its program manager. */
async function makeOnCallOverride(target: Fixture): Promise<string> {
  const response = await target.clients.program_manager.post(
    `/api/v1/sites/${target.site.id}/on-call/overrides`,
    {
      startsAt: '2026-05-02T12:00:00Z',
      endsAt: '2026-05-03T12:00:00Z',
      level: 1,
      userId: null,
      reason: 'Holiday',
    },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.overrides.at(-1).id;
}

const CARE_TEAM_ROLES: readonly Role[] = ['case_manager', 'outreach', 'peer_support', 'program_manager'];

/**
 * A hand-off at the target site asked for by its officer. For answering, it is offered to `role`'s
 * user (put on call at level 1 now by an override) when that role can be on call.
 */
async function makeHandoff(target: Fixture, role: Role, route: RouteDefinition): Promise<string> {
  if (route.id === 'handoffs.answer') {
    const responder = CARE_TEAM_ROLES.includes(role) ? role : 'case_manager';
    // Overlapping overrides: the latest made wins, so make this one strictly later than the last.
    t.clock.advance(1000);
    const now = t.clock.now().getTime();
    const override = await target.clients.program_manager.post(
      `/api/v1/sites/${target.site.id}/on-call/overrides`,
      {
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        level: 1,
        userId: target.users[responder].userId,
        reason: 'Covering',
      },
    );
    expect(override.status, JSON.stringify(override.body)).toBe(201);
  }
  const referral = await target.clients.officer.post(
    `/api/v1/sites/${target.site.id}/encounters`,
    eligibleEncounter(),
  );
  expect(referral.status, JSON.stringify(referral.body)).toBe(201);
  const handoff = await target.clients.officer.post(
    `/api/v1/sites/${target.site.id}/referrals/${referral.body.referral.id}/handoffs`,
    { mode: 'in_person' },
  );
  expect(handoff.status, JSON.stringify(handoff.body)).toBe(201);
  return handoff.body.id;
}

/**
 * Opens the event stream and, once the status is known, lets it go: an admitted request streams
 * (never ends by itself), a refused one answers with the usual error body.
 */
async function openStream(client: HttpClient, url: string) {
  const abort = new AbortController();
  const response = await fetch(`${t.baseUrl}${url}`, {
    headers: { cookie: client.cookieHeader() },
    signal: abort.signal,
  });
  if (response.status === 200) {
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    abort.abort();
    return { status: 200, body: undefined };
  }
  return { status: response.status, body: await response.json() };
}

/** A participant (with a goal in their plan, for goal routes) and a care-team member, for the case-management routes. */
async function withCaseManagementFixtures(target: Fixture, url: string) {
  let filled = url.replace(':staffId', target.users.case_manager.userId);
  if (!filled.includes(':participantId')) return filled;
  const { participantId } = await makeParticipant(t, target.site, target.clients.officer);
  filled = filled.replace(':participantId', participantId);
  if (filled.includes(':goalId')) {
    const goal = await target.clients.program_manager.post(
      `/api/v1/sites/${target.site.id}/participants/${participantId}/plan/goals`,
      { goal: 'Get my ID back', needs: ['id_documents'] },
    );
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    filled = filled.replace(':goalId', goal.body.id);
  }
  return filled;
}

/** A request to `route` about `target` (a site and its resources); a fresh resource for each write. */
async function requestFor(route: RouteDefinition, client: HttpClient, target: Fixture, role: Role) {
  const victim = await makeUser(t.database.db, target.site, 'officer');
  const referralId =
    route.id === 'referrals.screen_pending'
      ? await makePendingReferral(target)
      : route.id === 'prosecutor.arrest_diversions.decide'
        ? await makeExpiredArrestDiversion(target)
        : route.id === 'handoffs.request'
          ? await makeAcceptedReferral(target, role)
          : route.url.includes(':referralId')
            ? await makeReferral(target, role)
            : '';
  const ruleSetId = route.url.includes(':ruleSetId')
    ? (await target.clients.program_manager.get(`/api/v1/sites/${target.site.id}/screening/configuration`))
        .body.ruleSet.id
    : '';
  let url = route.url
    .replace(':siteId', target.site.id)
    .replace(':siteSlug', target.site.slug)
    .replace(':userId', route.id.startsWith('staff_contacts.') ? target.users[role].userId : victim.userId)
    .replace(':referralId', referralId)
    .replace(':ruleSetId', ruleSetId)
    .replace(':role', 'officer')
    .replace(':handoffId', route.url.includes(':handoffId') ? await makeHandoff(target, role, route) : '')
    .replace(':overrideId', route.url.includes(':overrideId') ? await makeOnCallOverride(target) : '');
  const bodies: Record<string, unknown> = {
    'sites.staff.add': {
      email: `new.${unique()}@example.test`,
      displayName: 'New Person',
      role: 'outreach',
      initialPassword: `pw-${unique()}-${unique()}`,
    },
    'screening.rule_sets.save': { template: 'inclusive-2023' },
    'screening.settings.save': { prosecutorApprovalRequired: false },
    'on_call.pattern.replace': {
      shifts: [
        {
          weekday: 1,
          startsAt: '08:00',
          endsAt: '20:00',
          level: 1,
          userId: target.users.case_manager.userId,
        },
      ],
    },
    'on_call.overrides.add': {
      startsAt: '2026-05-02T12:00:00Z',
      endsAt: '2026-05-03T12:00:00Z',
      level: 1,
      userId: null,
      reason: 'Holiday',
    },
    'referrals.submit_encounter': eligibleEncounter(),
    'referrals.change_status': { type: 'offer' },
    'prosecutor.arrest_diversions.decide': { decision: 'filed' },
    'referrals.screen_pending': {
      demographics: {
        raceMissing: 'prefers_not_to_answer',
        ethnicityMissing: 'prefers_not_to_answer',
        gender: ['woman'],
      },
      demographicsSource: 'self_reported',
      answers: eligibleEncounter().answers,
      offer: { outcome: 'accepted' },
    },
    'public.contact_request': { requester: 'self', nameOrAlias: 'Sam Synthetic', phone: '555-0100' },
    'handoffs.request': { mode: 'in_person' },
    'handoffs.answer': { type: 'acknowledge', etaMinutes: 10 },
    'caseloads.settings.save': {
      caseloadAveragePerFte: 20,
      caseloadHardMax: 25,
      engagementInactiveDays: 30,
      engagementInTheWindDays: 90,
    },
    'caseloads.staff.fte': { fte: 1 },
    'participants.case_manager.assign': { caseManagerId: target.users.case_manager.userId },
    'participants.contacts.log': { kind: 'phone', occurredAt: t.clock.now().toISOString() },
    'participants.plan.goals.add': { goal: 'Get my ID back', needs: ['id_documents'] },
    'participants.plan.goals.change': { status: 'in_progress' },
    'staff_contacts.save': { smsNumber: '+19105550123', smsEnabled: true },
    'handoffs.settings.save': { targetMinutes: 30 },
  };
  if (route.id === 'live.listen') return openStream(client, url);
  const intakeAndRelease = await intakeAndReleaseRequest(t, route, target);
  if (intakeAndRelease)
    return client.request(
      route.method,
      intakeAndRelease.url,
      intakeAndRelease.body === undefined ? {} : { body: intakeAndRelease.body },
    );
  const directoryOrReferral = await directoryAndServiceReferralRequest(t, route, target);
  if (directoryOrReferral)
    return client.request(
      route.method,
      directoryOrReferral.url,
      directoryOrReferral.body === undefined ? {} : { body: directoryOrReferral.body },
    );
  const appointmentFundExit = await appointmentFundExitRequest(t, route, target, url);
  if (appointmentFundExit)
    return client.request(
      route.method,
      appointmentFundExit.url,
      appointmentFundExit.body === undefined ? {} : { body: appointmentFundExit.body },
    );
  url = await withCaseManagementFixtures(target, url);
  if (route.id === 'handoffs.figures') return client.get(`${url}?from=2026-01-01&to=2026-02-01`);
  const body = bodies[route.id] ?? (route.body ? {} : undefined);
  return client.request(route.method, url, body === undefined ? {} : { body });
}

describe('the authorization matrix, built from the route table', () => {
  it('has an expectation for every route, and every route declares its access', () => {
    for (const route of ROUTES) {
      expect(route.access, route.id).toBeDefined();
      expect(EXPECTED_ROLES[route.id], `no expectation written for ${route.id}`).toBeDefined();
    }
  });

  it('refuses to build a server with a route that declares no access policy', async () => {
    const undeclared = {
      ...defineRoute({
        id: 'test.undeclared',
        method: 'GET',
        url: '/api/v1/undeclared',
        summary: 'a route without access',
        tags: [],
        access: { kind: 'public' },
        response: z.object({}),
        handler: async () => ({}),
      }),
      access: undefined,
    } as unknown as RouteDefinition;
    await expect(
      buildServer({ db: t.database.db, clock: () => new Date(), config: testConfig(), routes: [undeclared] }),
    ).rejects.toThrow(/declares no access policy/);
  });

  const siteRoutes = ROUTES.filter((route) => route.access.kind === 'site');
  for (const route of siteRoutes) {
    for (const role of ROLES) {
      it(`${route.id}: ${role} at own site ${NOT_FOUND_AT_OWN_SITE[route.id]?.includes(role) ? '404' : (EXPECTED_ROLES[route.id] as readonly Role[]).includes(role) ? 'allowed' : '403'}; at another site 404`, async () => {
        const [own, other] = fixtures as [Fixture, Fixture];
        const client = own.clients[role];
        const allowed = (EXPECTED_ROLES[route.id] as readonly Role[]).includes(role);

        const atOwnSite = await requestFor(route, client, own, role);
        if (NOT_FOUND_AT_OWN_SITE[route.id]?.includes(role)) {
          expect(atOwnSite.status).toBe(404);
          expect(atOwnSite.body.error.code).toBe('NOT_FOUND');
        } else if (allowed) expect(atOwnSite.status, JSON.stringify(atOwnSite.body)).toBeLessThan(300);
        else {
          expect(atOwnSite.status).toBe(403);
          expect(atOwnSite.body.error.code).toBe('FORBIDDEN');
        }

        const atOtherSite = await requestFor(route, client, other, role);
        expect(atOtherSite.status).toBe(404);
        expect(atOtherSite.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
      });
    }
  }

  for (const route of ROUTES.filter((candidate) => candidate.access.kind !== 'public')) {
    it(`${route.id}: without a session answers 401`, async () => {
      const [own] = fixtures as [Fixture];
      const response = await requestFor(route, t.client(), own, 'officer');
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });
  }

  it("answers 404 for another site's staff member even at a site where the caller is admin", async () => {
    const [own, other] = fixtures as [Fixture, Fixture];
    const admin = own.clients.admin;
    const response = await admin.get(`/api/v1/sites/${own.site.id}/staff/${other.users.officer.userId}`);
    expect(response.status).toBe(404);
    const real = await admin.get(`/api/v1/sites/${own.site.id}/staff/${own.users.officer.userId}`);
    expect(real.status).toBe(200);
    expect(real.body.roles).toEqual(['officer']);
  });

  it('audits every denied request with who, role, site and route', async () => {
    const [own] = fixtures as [Fixture];
    await t.client().logIn(own.users.officer.email, own.users.officer.password);
    await t.client().logIn(fixtures[1]?.users.officer.email ?? '', fixtures[1]?.users.officer.password ?? '');
    await own.clients.officer.get(`/api/v1/sites/${own.site.id}/audit`);
    const audit = await own.clients.admin.get(`/api/v1/sites/${own.site.id}/audit?limit=500`);
    const denial = audit.body.entries.find(
      (entry: { action: string; userId: string; outcome: string }) =>
        entry.action === 'sites.audit.list' &&
        entry.userId === own.users.officer.userId &&
        entry.outcome === 'denied',
    );
    expect(denial).toMatchObject({ role: 'officer', resourceType: 'route' });
    // Sign-ins belong to no site, but a site's admin sees those of the site's own staff only.
    const logins = audit.body.entries.filter((entry: { action: string }) => entry.action === 'auth.login');
    const loginUsers = new Set(logins.map((entry: { userId: string }) => entry.userId));
    expect(loginUsers).toContain(own.users.officer.userId);
    expect(loginUsers).not.toContain(fixtures[1]?.users.officer.userId);
  });
});
