import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { makeParticipant } from '../support/participants.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let site: SiteRow;
let otherSite: SiteRow;
const clients = {} as Record<Role, HttpClient>;
let otherProgramManager: HttpClient;
let settlement: string;
let grant: string;

const siteUrl = () => `/api/v1/sites/${site.id}`;
const fundsUrl = (participantId: string) => `${siteUrl()}/participants/${participantId}/funds`;

async function addSource(name: string, client = clients.program_manager, target = site) {
  const response = await client.post(`/api/v1/sites/${target.id}/funding-sources`, { name });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

async function spend(
  participantId: string,
  entry: { date: string; amountCents: number; category: string; fundingSourceId: string; note?: string },
  client = clients.case_manager,
) {
  const response = await client.post(fundsUrl(participantId), entry);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

const totals = (from: string, to: string, client = clients.program_manager) =>
  client.get(`${siteUrl()}/funds/totals?from=${from}&to=${to}`);

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db);
  otherSite = await makeSite(t.database.db);
  for (const role of [
    'case_manager',
    'outreach',
    'program_manager',
    'officer',
    'prosecutor',
    'analyst',
  ] as const) {
    const user = await makeUser(t.database.db, site, role);
    clients[role] = t.client();
    await clients[role].logIn(user.email, user.password);
  }
  const other = await makeUser(t.database.db, otherSite, 'program_manager');
  otherProgramManager = t.client();
  await otherProgramManager.logIn(other.email, other.password);
  settlement = await addSource('Opioid settlement funds');
  grant = await addSource('County harm-reduction grant');
});
afterAll(() => t.close());

describe('funding sources', () => {
  it('a program manager keeps the list; the care team reads it; names are unique at a site', async () => {
    const list = await clients.case_manager.get(`${siteUrl()}/funding-sources`);
    expect(list.status).toBe(200);
    expect(list.body.fundingSources.map((source: { name: string }) => source.name)).toEqual([
      'County harm-reduction grant',
      'Opioid settlement funds',
    ]);
    const clash = await clients.program_manager.post(`${siteUrl()}/funding-sources`, {
      name: 'opioid SETTLEMENT funds',
    });
    expect(clash.status).toBe(409);
    const byCaseManager = await clients.case_manager.post(`${siteUrl()}/funding-sources`, {
      name: 'Petty cash',
    });
    expect(byCaseManager.status).toBe(403);
    // Another site may use the same name.
    await addSource('Opioid settlement funds', otherProgramManager, otherSite);
  });

  it('a retired source takes no new entries', async () => {
    const retiring = await addSource('Old grant');
    const { participantId } = await makeParticipant(t, site, clients.case_manager);
    await spend(participantId, {
      date: '2026-04-01',
      amountCents: 500,
      category: 'food',
      fundingSourceId: retiring,
    });
    const retired = await clients.program_manager.request(
      'PATCH',
      `${siteUrl()}/funding-sources/${retiring}`,
      {
        body: { active: false },
      },
    );
    expect(retired.status).toBe(200);
    expect(retired.body.active).toBe(false);
    const refused = await clients.case_manager.post(fundsUrl(participantId), {
      date: '2026-04-02',
      amountCents: 500,
      category: 'food',
      fundingSourceId: retiring,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/funding source/);
    // Its past entry still counts.
    const ledger = await clients.case_manager.get(fundsUrl(participantId));
    expect(ledger.body.totals.totalCents).toBe(500);
  });

  it("another site's funding source is unknown here", async () => {
    const elsewhere = await addSource('Elsewhere fund', otherProgramManager, otherSite);
    const { participantId } = await makeParticipant(t, site, clients.case_manager);
    const refused = await clients.case_manager.post(fundsUrl(participantId), {
      date: '2026-04-02',
      amountCents: 500,
      category: 'food',
      fundingSourceId: elsewhere,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refused.body.error.message).toMatch(/funding source/);
  });
});

describe('the ledger', () => {
  it('records spending with who recorded it, newest first, with totals', async () => {
    const { participantId } = await makeParticipant(t, site, clients.case_manager);
    await spend(participantId, {
      date: '2026-04-03',
      amountCents: 4500,
      category: 'phone_service',
      fundingSourceId: settlement,
      note: 'Prepaid phone plan',
    });
    await spend(
      participantId,
      { date: '2026-04-10', amountCents: 275, category: 'transport', fundingSourceId: grant },
      clients.outreach,
    );
    const ledger = await clients.case_manager.get(fundsUrl(participantId));
    expect(ledger.status).toBe(200);
    expect(
      ledger.body.entries.map((entry: { date: string; amountCents: number; category: string }) => [
        entry.date,
        entry.amountCents,
        entry.category,
      ]),
    ).toEqual([
      ['2026-04-10', 275, 'transport'],
      ['2026-04-03', 4500, 'phone_service'],
    ]);
    expect(ledger.body.entries[1]).toMatchObject({
      kind: 'spend',
      fundingSourceName: 'Opioid settlement funds',
      note: 'Prepaid phone plan',
      reversedBy: null,
    });
    expect(ledger.body.totals).toMatchObject({
      totalCents: 4775,
      byCategory: [
        { category: 'phone_service', totalCents: 4500 },
        { category: 'transport', totalCents: 275 },
      ],
    });
  });

  it('refuses amounts of zero or less, unknown categories and bad dates, naming the field', async () => {
    const { participantId } = await makeParticipant(t, site, clients.case_manager);
    const cases: [Record<string, unknown>, string][] = [
      [{ amountCents: 0 }, 'amountCents'],
      [{ amountCents: -100 }, 'amountCents'],
      [{ amountCents: 10.5 }, 'amountCents'],
      [{ category: 'alcohol' }, 'category'],
      [{ date: '2026-02-30' }, 'date'],
    ];
    for (const [change, field] of cases) {
      const response = await clients.case_manager.post(fundsUrl(participantId), {
        date: '2026-04-03',
        amountCents: 100,
        category: 'food',
        fundingSourceId: settlement,
        ...change,
      });
      expect(response.status, JSON.stringify(change)).toBe(400);
      expect(response.body.error.message).toContain(field);
    }
  });

  it('corrects by a reversing entry, never by changing or removing one; once only', async () => {
    const { participantId } = await makeParticipant(t, site, clients.case_manager);
    const wrong = await spend(participantId, {
      date: '2026-04-05',
      amountCents: 60000,
      category: 'housing_deposit',
      fundingSourceId: settlement,
    });
    const reversal = await clients.case_manager.post(`${fundsUrl(participantId)}/${wrong.id}/reversal`, {
      date: '2026-04-06',
      note: 'Typed the wrong amount',
    });
    expect(reversal.status, JSON.stringify(reversal.body)).toBe(201);
    expect(reversal.body).toMatchObject({
      kind: 'reversal',
      reversesId: wrong.id,
      amountCents: 60000,
      category: 'housing_deposit',
      fundingSourceId: settlement,
      date: '2026-04-06',
    });
    await spend(participantId, {
      date: '2026-04-06',
      amountCents: 6000,
      category: 'housing_deposit',
      fundingSourceId: settlement,
    });
    const ledger = await clients.case_manager.get(fundsUrl(participantId));
    expect(ledger.body.entries).toHaveLength(3);
    expect(ledger.body.entries.find((entry: { id: string }) => entry.id === wrong.id).reversedBy).toBe(
      reversal.body.id,
    );
    expect(ledger.body.totals.totalCents).toBe(6000);

    const twice = await clients.case_manager.post(`${fundsUrl(participantId)}/${wrong.id}/reversal`, {
      date: '2026-04-07',
    });
    expect(twice.status).toBe(409);
    const ofReversal = await clients.case_manager.post(
      `${fundsUrl(participantId)}/${reversal.body.id}/reversal`,
      {
        date: '2026-04-07',
      },
    );
    expect(ofReversal.status).toBe(409);

    // The database itself refuses to change or remove an entry.
    await expect(
      inScope(t.database.db, { siteId: site.id, userId: null }, (tx) =>
        tx.deleteFrom('fund_entries').where('id', '=', wrong.id).execute(),
      ),
    ).rejects.toThrow(/never changed or removed/);
  });

  it("another participant's entry is not found through this participant", async () => {
    const first = await makeParticipant(t, site, clients.case_manager);
    const second = await makeParticipant(t, site, clients.case_manager);
    const entry = await spend(first.participantId, {
      date: '2026-04-05',
      amountCents: 100,
      category: 'food',
      fundingSourceId: settlement,
    });
    const response = await clients.case_manager.post(
      `${fundsUrl(second.participantId)}/${entry.id}/reversal`,
      {
        date: '2026-04-06',
      },
    );
    expect(response.status).toBe(404);
  });
});

describe('the timeline', () => {
  it('shows each entry with its amount and source, never the note', async () => {
    const { participantId } = await makeParticipant(t, site, clients.case_manager);
    const entry = await spend(participantId, {
      date: '2026-04-03',
      amountCents: 1250,
      category: 'transport',
      fundingSourceId: settlement,
      note: 'Bus pass to the clinic',
    });
    await clients.case_manager.post(`${fundsUrl(participantId)}/${entry.id}/reversal`, {
      date: '2026-04-04',
    });
    const page = await clients.case_manager.get(`${siteUrl()}/participants/${participantId}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const items = page.body.timeline.filter((item: { kind: string }) => item.kind === 'funds');
    expect(items.map((item: { what: string; detail: string }) => [item.what, item.detail]).sort()).toEqual([
      ['funds.reversal.transport', '$12.50 · Opioid settlement funds'],
      ['funds.spend.transport', '$12.50 · Opioid settlement funds'],
    ]);
    expect(JSON.stringify(page.body.timeline)).not.toContain('Bus pass');
  });
});

describe('period totals', () => {
  it('per site by source and category, each entry counted on its own date, boundaries included', async () => {
    const boundarySite = await makeSite(t.database.db);
    const pm = await makeUser(t.database.db, boundarySite, 'program_manager');
    const client = t.client();
    await client.logIn(pm.email, pm.password);
    const base = `/api/v1/sites/${boundarySite.id}`;
    const source = async (name: string) => (await client.post(`${base}/funding-sources`, { name })).body.id;
    const opioid = await source('Opioid settlement funds');
    const county = await source('County grant');
    const a = await makeParticipant(t, boundarySite, client);
    const b = await makeParticipant(t, boundarySite, client);
    const post = async (
      participantId: string,
      date: string,
      amountCents: number,
      category: string,
      id: string,
    ) =>
      (
        await client.post(`${base}/participants/${participantId}/funds`, {
          date,
          amountCents,
          category,
          fundingSourceId: id,
        })
      ).body.id as string;
    await post(a.participantId, '2026-03-31', 1, 'food', opioid); // the day before: out
    await post(a.participantId, '2026-04-01', 1000, 'food', opioid); // first day: in
    await post(b.participantId, '2026-04-15', 2500, 'transport', opioid);
    const reversed = await post(b.participantId, '2026-04-20', 700, 'id_fees', county);
    await post(a.participantId, '2026-04-30', 300, 'id_fees', county); // last day: in
    await post(a.participantId, '2026-05-01', 99999, 'food', county); // the day after: out
    // Reversed after the period: counts in May, not April.
    await client.post(`${base}/participants/${b.participantId}/funds/${reversed}/reversal`, {
      date: '2026-05-02',
    });

    const april = await client.get(`${base}/funds/totals?from=2026-04-01&to=2026-04-30`);
    expect(april.status, JSON.stringify(april.body)).toBe(200);
    expect(april.body).toEqual({
      from: '2026-04-01',
      to: '2026-04-30',
      rows: [
        {
          fundingSourceId: county,
          fundingSourceName: 'County grant',
          category: 'id_fees',
          totalCents: 1000,
          entries: 2,
        },
        {
          fundingSourceId: opioid,
          fundingSourceName: 'Opioid settlement funds',
          category: 'food',
          totalCents: 1000,
          entries: 1,
        },
        {
          fundingSourceId: opioid,
          fundingSourceName: 'Opioid settlement funds',
          category: 'transport',
          totalCents: 2500,
          entries: 1,
        },
      ],
      bySource: [
        { fundingSourceId: county, fundingSourceName: 'County grant', totalCents: 1000 },
        { fundingSourceId: opioid, fundingSourceName: 'Opioid settlement funds', totalCents: 3500 },
      ],
      // In the categories' own order.
      byCategory: [
        { category: 'transport', totalCents: 2500 },
        { category: 'id_fees', totalCents: 1000 },
        { category: 'food', totalCents: 1000 },
      ],
      totalCents: 4500,
    });

    const may = await client.get(`${base}/funds/totals?from=2026-05-01&to=2026-05-31`);
    expect(may.body.bySource).toEqual([
      { fundingSourceId: county, fundingSourceName: 'County grant', totalCents: 99299 },
    ]);

    // Per participant, for the same period.
    const ledgerA = await client.get(
      `${base}/participants/${a.participantId}/funds?from=2026-04-01&to=2026-04-30`,
    );
    expect(ledgerA.body.totals.totalCents).toBe(1300);
    expect(ledgerA.body.entries).toHaveLength(4);

    const backwards = await client.get(`${base}/funds/totals?from=2026-05-01&to=2026-04-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(backwards.body.error.message).toMatch(/start on or before its end/);
    const missing = await client.get(`${base}/funds/totals?from=2026-05-01`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/to/);
  });

  it('the care team and program managers only; officers, prosecutors and analysts get nothing', async () => {
    const { participantId } = await makeParticipant(t, site, clients.case_manager);
    for (const role of ['officer', 'prosecutor', 'analyst'] as const) {
      expect((await totals('2026-01-01', '2026-12-31', clients[role])).status).toBe(403);
      expect((await clients[role].get(fundsUrl(participantId))).status).toBe(404);
    }
    expect((await totals('2026-01-01', '2026-12-31', clients.outreach)).status).toBe(200);
    expect(
      (await otherProgramManager.get(`/api/v1/sites/${otherSite.id}/participants/${participantId}/funds`))
        .status,
    ).toBe(404);
  });

  it("every read of a participant's ledger is audited", async () => {
    const { participantId } = await makeParticipant(t, site, clients.case_manager);
    await clients.outreach.get(fundsUrl(participantId));
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', participantId)
      .execute();
    expect(audited.map((row) => row.action)).toEqual(['participant.funds.view']);
  });
});
