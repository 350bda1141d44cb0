import { expect } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import type { RouteDefinition } from '../../src/http/route.ts';
import { eligibleEncounter } from './encounters.ts';
import { makeUser } from './factories.ts';
import type { HttpClient } from './http-client.ts';
import type { TestApp } from './test-app.ts';

type Target = { site: SiteRow; clients: Record<Role, HttpClient> };

const INTAKE_AND_RELEASE_ROUTES = [
  'participants.start_intake',
  'participants.list',
  'participants.view',
  'participants.intake.save',
  'participants.intake.complete',
  'participants.releases.create',
  'participants.releases.view',
  'participants.releases.revoke',
];

/** A release with every element, naming the arresting agency for enrolment status. */
export function signedRelease(overrides: Record<string, unknown> = {}) {
  return {
    personName: 'Sam Synthetic',
    discloser: 'Synthetic LEAD program',
    categories: ['enrolment_status'],
    recipients: [{ kind: 'arresting_agency', name: 'Synthetic Police Department' }],
    purpose: 'To let the arresting agency know whether I take part.',
    revocationTerms: 'I may revoke this at any time by telling my case manager.',
    expiresOn: '2027-05-01',
    signature: { kind: 'typed', typedName: 'Sam Synthetic' },
    signedOn: '2026-05-01',
    ...overrides,
  };
}

/**
 * An accepted referral recorded by the target's officer, its intake started by its program manager
 * for a new case manager (the matrix makes many; none may fill a caseload up to the site's cap).
 */
export async function startedIntake(
  t: TestApp,
  target: Target,
): Promise<{ referralId: string; participantId: string }> {
  const api = `/api/v1/sites/${target.site.id}`;
  const referral = await target.clients.officer.post(`${api}/encounters`, eligibleEncounter());
  expect(referral.status, JSON.stringify(referral.body)).toBe(201);
  const referralId: string = referral.body.referral.id;
  const caseManager = await makeUser(t.database.db, target.site, 'case_manager');
  const started = await target.clients.program_manager.post(`${api}/referrals/${referralId}/intake`, {
    caseManagerId: caseManager.userId,
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return { referralId, participantId: started.body.id };
}

/**
 * For the authorization matrix: the URL and body of a request to one of the intake and release
 * routes about `target`, with fresh resources (an accepted referral; a participant in intake; a
 * signed release where the route needs one); undefined for any other route.
 */
export async function intakeAndReleaseRequest(
  t: TestApp,
  route: RouteDefinition,
  target: Target,
): Promise<{ url: string; body: unknown } | undefined> {
  if (!INTAKE_AND_RELEASE_ROUTES.includes(route.id)) return undefined;
  const api = `/api/v1/sites/${target.site.id}`;
  let url = route.url.replace(':siteId', target.site.id);
  if (route.id === 'participants.start_intake') {
    const referral = await target.clients.officer.post(`${api}/encounters`, eligibleEncounter());
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);
    return { url: url.replace(':referralId', referral.body.referral.id), body: {} };
  }
  if (!url.includes(':participantId')) return { url, body: undefined };
  const { participantId } = await startedIntake(t, target);
  url = url.replace(':participantId', participantId);
  if (route.id === 'participants.intake.complete' || url.includes(':releaseId')) {
    const release = await target.clients.program_manager.post(
      `${api}/participants/${participantId}/releases`,
      signedRelease(),
    );
    expect(release.status, JSON.stringify(release.body)).toBe(201);
    url = url.replace(':releaseId', release.body.id);
  }
  const bodies: Record<string, unknown> = {
    'participants.intake.save': { neededNow: 'Something to eat' },
    'participants.releases.create': signedRelease(),
    'participants.releases.revoke': { note: 'Changed their mind' },
  };
  return { url, body: bodies[route.id] };
}
