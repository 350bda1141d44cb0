import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordContactRequest } from '../../src/app/referrals/request-contact.ts';
import { saveSiteSettings } from '../../src/db/repositories/screening-settings.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
let officer: HttpClient;
let secondOfficer: HttpClient;
let caseManager: HttpClient;
let manager: HttpClient;
let analyst: HttpClient;
let prosecutor: HttpClient;
let otherSiteOfficer: HttpClient;

const unique = () => randomBytes(5).toString('hex');

async function signedIn(target: SiteRow, role: Parameters<typeof makeUser>[2]) {
  const user = await makeUser(t.database.db, target, role);
  const client = t.client();
  await client.logIn(user.email, user.password);
  return client;
}

const countRows = (table: 'encounters' | 'screenings' | 'referrals' | 'people', siteId = site.id) =>
  inScope(t.database.db, { siteId, userId: null }, async (tx) =>
    Number(
      (
        await tx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );

const submit = (client: HttpClient, body: unknown, headers?: Record<string, string>, target = site) =>
  client.post(`/api/v1/sites/${target.id}/encounters`, body, headers);

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  otherSite = await makeSite(t.database.db);
  officer = await signedIn(site, 'officer');
  secondOfficer = await signedIn(site, 'officer');
  caseManager = await signedIn(site, 'case_manager');
  manager = await signedIn(site, 'program_manager');
  analyst = await signedIn(site, 'analyst');
  prosecutor = await signedIn(site, 'prosecutor');
  otherSiteOfficer = await signedIn(otherSite, 'officer');
});
afterAll(() => t.close());

describe('recording an encounter', () => {
  it('social contact, eligible and accepted: stores the screening with every rule and the status history', async () => {
    const response = await submit(officer, eligibleEncounter());
    expect(response.status).toBe(201);
    expect(response.body.screening).toMatchObject({
      status: 'eligible',
      eligible: true,
      ruleSet: { name: 'wilmington-2017', version: 1 },
    });
    expect(response.body.screening.rules).toHaveLength(8);
    expect(response.body.referral).toMatchObject({
      status: 'accepted',
      pathway: 'social_contact',
      screening: 'eligible',
    });
    const detail = await officer.get(`/api/v1/sites/${site.id}/referrals/${response.body.referral.id}`);
    expect(detail.body.history.map((change: { to: string }) => change.to)).toEqual([
      'screened',
      'offered',
      'accepted',
    ]);
  });

  it('arrest diversion needs the incident number and a charge from the site list', async () => {
    const before = await countRows('encounters');
    const missingIncident = await submit(
      officer,
      eligibleEncounter({ pathway: 'arrest_diversion', chargeCodes: ['POSS_PARA'] }),
    );
    expect(missingIncident.body.error.code).toBe('INCIDENT_NUMBER_REQUIRED');
    const missingCharge = await submit(
      officer,
      eligibleEncounter({ pathway: 'arrest_diversion', incidentNumber: 'WPD-26-001' }),
    );
    expect(missingCharge.body.error.code).toBe('CHARGE_REQUIRED');
    const unknownCharge = await submit(
      officer,
      eligibleEncounter({
        pathway: 'arrest_diversion',
        incidentNumber: 'WPD-26-001',
        chargeCodes: ['TRAFFICKING'],
      }),
    );
    expect(unknownCharge.status).toBe(400);
    expect(unknownCharge.body.error.code).toBe('UNKNOWN_CHARGE');
    expect(await countRows('encounters')).toBe(before);
    const ok = await submit(
      officer,
      eligibleEncounter({
        pathway: 'arrest_diversion',
        incidentNumber: 'WPD-26-002',
        chargeCodes: ['POSS_PARA', 'TRESP_2'],
      }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.referral).toMatchObject({ status: 'accepted', incidentNumber: 'WPD-26-002' });
  });

  it('declined, with the reason kept', async () => {
    const response = await submit(
      officer,
      eligibleEncounter({ offer: { outcome: 'declined', reason: 'wants to think about it' } }),
    );
    expect(response.body.referral.status).toBe('declined');
    const detail = await officer.get(`/api/v1/sites/${site.id}/referrals/${response.body.referral.id}`);
    expect(detail.body.history.at(-1)).toMatchObject({ to: 'declined', reason: 'wants to think about it' });
  });

  it('"wanted to refer but could not": an ineligible screening, not offered, every failing rule named', async () => {
    const body = eligibleEncounter({
      answers: { ...eligibleEncounter().answers, onParoleOrProbation: true, involvedInDistribution: true },
      offer: { outcome: 'not_offered', reason: 'ineligible' },
    });
    const response = await submit(officer, body);
    expect(response.status).toBe(201);
    expect(response.body.screening).toMatchObject({
      status: 'ineligible',
      decidedBy: ['DISTRIBUTION', 'PAROLE_OR_PROBATION'],
    });
    expect(response.body.referral.status).toBe('not_offered');
  });

  it('refuses to record an offer to someone screened ineligible, and writes nothing', async () => {
    const before = await countRows('screenings');
    const response = await submit(
      officer,
      eligibleEncounter({ answers: { ...eligibleEncounter().answers, age: 16, dateOfBirth: undefined } }),
    );
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('INVALID_TRANSITION');
    expect(await countRows('screenings')).toBe(before);
  });

  it('keeps a screening with unanswered questions as needing information', async () => {
    const answers = { ...eligibleEncounter().answers, involvedInDistribution: undefined };
    const response = await submit(
      officer,
      eligibleEncounter({ answers, offer: { outcome: 'not_offered', reason: 'needs_information' } }),
    );
    expect(response.body.screening).toMatchObject({
      status: 'needs_information',
      decidedBy: ['DISTRIBUTION'],
    });
  });

  it('records officer discretion only with a reason', async () => {
    const without = await submit(
      officer,
      eligibleEncounter({ offer: { outcome: 'not_offered', reason: 'officer_discretion' } }),
    );
    expect(without.status).toBe(409);
    const withReason = await submit(
      officer,
      eligibleEncounter({
        offer: { outcome: 'not_offered', reason: 'officer_discretion', note: 'person walked away' },
      }),
    );
    expect(withReason.body.referral.status).toBe('not_offered');
  });

  it('records a pending offer and its outcome later, by the same officer', async () => {
    const created = await submit(officer, eligibleEncounter({ offer: { outcome: 'pending' } }));
    expect(created.body.referral.status).toBe('screened');
    const id = created.body.referral.id;
    expect(
      (await officer.post(`/api/v1/sites/${site.id}/referrals/${id}/events`, { type: 'offer' })).body.status,
    ).toBe('offered');
    const accepted = await officer.post(`/api/v1/sites/${site.id}/referrals/${id}/events`, {
      type: 'accept',
    });
    expect(accepted.body.status).toBe('accepted');
    const again = await officer.post(`/api/v1/sites/${site.id}/referrals/${id}/events`, { type: 'accept' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('writes once for a retried submission with the same idempotency key', async () => {
    const before = await countRows('encounters');
    const body = eligibleEncounter();
    const key = `offline-${unique()}`;
    const first = await submit(officer, body, { 'idempotency-key': key });
    const retry = await submit(officer, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.referral.id).toBe(first.body.referral.id);
    expect(await countRows('encounters')).toBe(before + 1);
    expect(await countRows('people')).toBeGreaterThan(0);
  });
});

describe('bad input gets a 4xx and writes nothing', () => {
  const cases: [string, unknown][] = [
    ['an unknown field', { ...eligibleEncounter(), gps: '34.2,-77.9' }],
    [
      'an impossible date',
      eligibleEncounter({ answers: { ...eligibleEncounter().answers, dateOfBirth: '1990-02-30' } }),
    ],
    [
      'a charge date after the screening',
      eligibleEncounter({ answers: { ...eligibleEncounter().answers, violentCrimeDates: ['2027-01-01'] } }),
    ],
    ['coordinates as the area', eligibleEncounter({ area: '34.2257, -77.9447' })],
    [
      'demographics left blank',
      eligibleEncounter({ perceivedDemographics: { race: ['white'], ethnicity: 'not_hispanic_latino' } }),
    ],
    [
      'a race and a missing reason together',
      eligibleEncounter({
        perceivedDemographics: {
          race: ['white'],
          raceMissing: 'not_collected',
          ethnicity: 'hispanic_latino',
          gender: ['man'],
        },
      }),
    ],
    ['an unknown pathway', eligibleEncounter({ pathway: 'stop_and_frisk' })],
  ];
  for (const [name, body] of cases) {
    it(name, async () => {
      const before = await countRows('encounters');
      const response = await submit(officer, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(await countRows('encounters')).toBe(before);
    });
  }
});

describe('who sees which referral', () => {
  it("shows an officer their own referrals and answers 404 for another officer's", async () => {
    const mine = (await submit(officer, eligibleEncounter())).body.referral.id;
    const theirs = (await submit(secondOfficer, eligibleEncounter())).body.referral.id;
    const list = await officer.get(`/api/v1/sites/${site.id}/referrals/mine`);
    const ids = list.body.referrals.map((referral: { id: string }) => referral.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    const other = await officer.get(`/api/v1/sites/${site.id}/referrals/${theirs}`);
    expect(other.status).toBe(404);
    expect(
      (
        await officer.post(`/api/v1/sites/${site.id}/referrals/${theirs}/events`, {
          type: 'decline',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it("never reaches another site's referrals, even by id", async () => {
    const theirs = (await submit(otherSiteOfficer, eligibleEncounter(), undefined, otherSite)).body.referral
      .id;
    expect((await caseManager.get(`/api/v1/sites/${site.id}/referrals/${theirs}`)).status).toBe(404);
    expect((await caseManager.get(`/api/v1/sites/${otherSite.id}/referrals/${theirs}`)).status).toBe(404);
    const before = await countRows('encounters', otherSite.id);
    expect((await submit(officer, eligibleEncounter(), undefined, otherSite)).status).toBe(404);
    expect(await countRows('encounters', otherSite.id)).toBe(before);
  });

  it('lets the prosecutor decide where the site asks for approval, and see nothing else', async () => {
    const settings = await manager.request('PUT', `/api/v1/sites/${site.id}/screening/settings`, {
      body: { prosecutorApprovalRequired: true },
    });
    expect(settings.body).toMatchObject({ prosecutorApprovalRequired: true });
    expect(
      (await officer.get(`/api/v1/sites/${site.id}/screening/configuration`)).body.prosecutorApprovalRequired,
    ).toBe(true);
    const arrest = eligibleEncounter({
      pathway: 'arrest_diversion',
      incidentNumber: 'WPD-26-010',
      chargeCodes: ['POSS_CS_I'],
    });
    const created = await submit(officer, arrest);
    expect(created.body.referral.status).toBe('awaiting_prosecutor');
    const social = await submit(officer, eligibleEncounter());
    expect(social.body.referral.status).toBe('accepted');
    const id = created.body.referral.id;
    expect((await prosecutor.get(`/api/v1/sites/${site.id}/referrals/${id}`)).status).toBe(404);
    const approved = await prosecutor.post(`/api/v1/sites/${site.id}/referrals/${id}/events`, {
      type: 'prosecutor_approve',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('accepted');
    await inScope(t.database.db, { siteId: site.id, userId: null }, (tx) =>
      saveSiteSettings(tx, site.id, { prosecutorApprovalRequired: false }),
    );
  });
});

describe('rule sets and re-running screenings', () => {
  it('versions edits, keeps old screenings on their version, and re-runs them under another', async () => {
    const probation = eligibleEncounter({
      answers: { ...eligibleEncounter().answers, onParoleOrProbation: true },
      offer: { outcome: 'not_offered', reason: 'ineligible' },
    });
    const before = await submit(officer, probation);
    expect(before.body.screening.ruleSet).toEqual({ name: 'wilmington-2017', version: 1 });
    const oldRuleSetId = (await officer.get(`/api/v1/sites/${site.id}/screening/configuration`)).body.ruleSet
      .id;

    const current = (await manager.get(`/api/v1/sites/${site.id}/screening/configuration`)).body.ruleSet;
    const rules = current.rules.filter((rule: { code: string }) => rule.code !== 'PAROLE_OR_PROBATION');
    const saved = await manager.post(`/api/v1/sites/${site.id}/rule-sets`, { rules });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'wilmington-2017', version: 2 });

    const whatIf = await analyst.get(`/api/v1/sites/${site.id}/rule-sets/${saved.body.id}/what-if`);
    expect(whatIf.status).toBe(200);
    expect(whatIf.body.changes).toContainEqual(
      expect.objectContaining({ from: 'ineligible', to: 'eligible' }),
    );
    expect(whatIf.body.failuresByRule.map((rule: { code: string }) => rule.code)).not.toContain(
      'PAROLE_OR_PROBATION',
    );

    const after = await submit(
      officer,
      eligibleEncounter({ answers: { ...eligibleEncounter().answers, onParoleOrProbation: true } }),
    );
    expect(after.body.screening).toMatchObject({ status: 'eligible', ruleSet: { version: 2 } });
    // A device that screened offline under version 1 is decided under version 1.
    const offline = await submit(officer, { ...probation, ruleSetId: oldRuleSetId });
    expect(offline.body.screening).toMatchObject({ status: 'ineligible', ruleSet: { version: 1 } });

    const list = await manager.get(`/api/v1/sites/${site.id}/rule-sets`);
    expect(
      list.body.ruleSets.map((set: { version: number; current: boolean }) => [set.version, set.current]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
  });
});

describe('counting', () => {
  it('counts screenings and offers by pathway, rule and perceived race', async () => {
    const reportSite = await makeSite(t.database.db);
    const reportOfficer = await signedIn(reportSite, 'officer');
    const reportAnalyst = await signedIn(reportSite, 'analyst');
    const answers = eligibleEncounter().answers;
    await submit(reportOfficer, eligibleEncounter(), undefined, reportSite);
    await submit(
      reportOfficer,
      eligibleEncounter({
        perceivedDemographics: {
          raceMissing: 'not_collected',
          ethnicity: 'hispanic_latino',
          gender: ['man'],
        },
        answers: { ...answers, onParoleOrProbation: true },
        offer: { outcome: 'not_offered', reason: 'ineligible' },
      }),
      undefined,
      reportSite,
    );
    await submit(
      reportOfficer,
      eligibleEncounter({
        pathway: 'arrest_diversion',
        incidentNumber: 'R-1',
        chargeCodes: ['POSS_PARA'],
        offer: { outcome: 'declined', reason: 'no' },
      }),
      undefined,
      reportSite,
    );

    const byPathway = (
      await reportAnalyst.get(`/api/v1/sites/${reportSite.id}/reports/screenings?by=pathway`)
    ).body;
    expect(byPathway.rows).toEqual([
      {
        value: 'arrest_diversion',
        screened: 1,
        eligible: 1,
        ineligible: 0,
        needsInformation: 0,
        offered: 1,
        accepted: 0,
        declined: 1,
        notOfferedIneligible: 0,
        notOfferedOther: 0,
      },
      {
        value: 'social_contact',
        screened: 2,
        eligible: 1,
        ineligible: 1,
        needsInformation: 0,
        offered: 1,
        accepted: 1,
        declined: 0,
        notOfferedIneligible: 1,
        notOfferedOther: 0,
      },
    ]);
    expect(byPathway.rules.find((rule: { code: string }) => rule.code === 'PAROLE_OR_PROBATION')).toEqual({
      code: 'PAROLE_OR_PROBATION',
      failed: 1,
      unknown: 0,
      passed: 2,
    });
    const byRace = (await reportAnalyst.get(`/api/v1/sites/${reportSite.id}/reports/screenings?by=race`))
      .body;
    expect(byRace.demographicsSource).toBe('officer_perceived');
    expect(byRace.rows.map((row: { value: string; screened: number }) => [row.value, row.screened])).toEqual([
      ['black_african_american', 2],
      ['missing:not_collected', 1],
    ]);
  });
});

describe('the public request for contact', () => {
  it('creates a pending referral for the program and answers the same way whoever it names', async () => {
    const publicClient = t.client();
    const url = `/api/v1/public/sites/${site.slug}/contact-requests`;
    const body = {
      requester: 'family',
      nameOrAlias: 'Jordan Synthetic',
      phone: '(910) 555-0142',
      message: 'my brother needs help',
    };
    const first = await publicClient.post(url, body);
    const second = await publicClient.post(url, body);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    const pending = await caseManager.get(`/api/v1/sites/${site.id}/referrals?status=pending_review`);
    const requests = pending.body.referrals.filter(
      (referral: { nameOrAlias: string }) => referral.nameOrAlias === 'Jordan Synthetic',
    );
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ pathway: 'community_referral', status: 'pending_review' });
    const detail = await caseManager.get(`/api/v1/sites/${site.id}/referrals/${requests[0].id}`);
    expect(detail.body.contactRequest).toMatchObject({ requester: 'family', phone: '(910) 555-0142' });
    const closed = await caseManager.post(`/api/v1/sites/${site.id}/referrals/${requests[1].id}/events`, {
      type: 'close',
      reason: 'duplicate',
    });
    expect(closed.body.status).toBe('closed');
  });

  it('quietly drops bot submissions with the same answer', async () => {
    const before = await countRows('referrals');
    const bot = await t.client().post(`/api/v1/public/sites/${site.slug}/contact-requests`, {
      requester: 'self',
      nameOrAlias: 'Bot',
      email: 'bot@example.test',
      website: 'http://spam.example.test',
    });
    expect(bot.status).toBe(202);
    expect(bot.body).toEqual({ received: true });
    const fast = await t.client().post(`/api/v1/public/sites/${site.slug}/contact-requests`, {
      requester: 'self',
      nameOrAlias: 'Fast Bot',
      email: 'bot@example.test',
      formOpenedAt: t.clock.now().getTime() - 200,
    });
    expect(fast.status).toBe(202);
    expect(await countRows('referrals')).toBe(before);
  });

  it('needs a way to reach the person, and is rate limited', async () => {
    const client = t.client();
    const url = `/api/v1/public/sites/${otherSite.slug}/contact-requests`;
    const noContact = await client.post(url, { requester: 'self', nameOrAlias: 'No Contact' });
    expect(noContact.status).toBe(400);
    expect(noContact.body.error.message).toMatch(/phone|email|contact/i);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await client.post(url, { requester: 'self', nameOrAlias: `P${i}`, phone: '555-0100' })).status,
      );
    expect(statuses).toContain(429);
  });
});

describe('screening someone who asked for contact', () => {
  it('records the screening on the request, with self-reported demographics, and moves it on', async () => {
    // (Made directly: this file has used up the public page's rate limit for 127.0.0.1.)
    await inScope(t.database.db, { siteId: site.id, userId: null }, (tx) =>
      recordContactRequest(
        tx,
        site.id,
        { requester: 'self', nameOrAlias: 'Casey Callback', phone: '555-0177' },
        t.clock.now(),
        null,
      ),
    );
    const pending = await caseManager.get(`/api/v1/sites/${site.id}/referrals?status=pending_review`);
    const request = pending.body.referrals.find(
      (referral: { nameOrAlias: string }) => referral.nameOrAlias === 'Casey Callback',
    );
    const screened = await caseManager.post(`/api/v1/sites/${site.id}/referrals/${request.id}/screening`, {
      demographics: {
        race: ['white'],
        ethnicity: 'not_hispanic_latino',
        genderMissing: 'prefers_not_to_answer',
      },
      demographicsSource: 'self_reported',
      answers: eligibleEncounter().answers,
      offer: { outcome: 'accepted' },
    });
    expect(screened.status).toBe(201);
    expect(screened.body.referral).toMatchObject({
      id: request.id,
      status: 'accepted',
      pathway: 'self_referral',
      screening: 'eligible',
    });
    const detail = await caseManager.get(`/api/v1/sites/${site.id}/referrals/${request.id}`);
    expect(detail.body.history.map((change: { to: string }) => change.to)).toEqual([
      'pending_review',
      'screened',
      'offered',
      'accepted',
    ]);

    const again = await caseManager.post(`/api/v1/sites/${site.id}/referrals/${request.id}/screening`, {
      demographics: {
        race: ['white'],
        ethnicity: 'not_hispanic_latino',
        genderMissing: 'prefers_not_to_answer',
      },
      demographicsSource: 'self_reported',
      answers: eligibleEncounter().answers,
      offer: { outcome: 'accepted' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
  });

  it("is not the officer's to do", async () => {
    const created = await submit(officer, eligibleEncounter({ offer: { outcome: 'pending' } }));
    const response = await officer.post(
      `/api/v1/sites/${site.id}/referrals/${created.body.referral.id}/screening`,
      {
        demographics: { race: ['white'], ethnicity: 'not_hispanic_latino', gender: ['man'] },
        demographicsSource: 'officer_perceived',
        answers: eligibleEncounter().answers,
        offer: { outcome: 'accepted' },
      },
    );
    expect(response.status).toBe(403);
  });
});
