import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { eligibleEncounter } from '../support/encounters.ts';
import { makeSite, makeUser } from '../support/factories.ts';
import type { HttpClient } from '../support/http-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let site: SiteRow;
let officer: HttpClient;

/** `lead screen --template …` in-process, with the answers on its standard input. */
async function screenCommand(template: string, answers: unknown) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(['screen', '--template', template], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    stdin: Readable.from([JSON.stringify(answers)]),
  });
  expect(err).toEqual([]);
  expect(status).toBe(0);
  return JSON.parse(out.join('\n'));
}

const base = eligibleEncounter().answers;
const CASES: [string, Record<string, unknown>][] = [
  ['eligible', base],
  ['17 on the screening date', { ...base, dateOfBirth: '2008-05-02' }],
  ['18 that day', { ...base, dateOfBirth: '2008-05-01' }],
  ['51 dosage units and on probation', { ...base, opioidDosageUnits: 51, onParoleOrProbation: true }],
  ['violent crime exactly 10 years ago', { ...base, violentCrimeDates: ['2016-05-01'] }],
  ['assault charge just over 5 years ago', { ...base, assaultChargeDates: ['2021-04-30'] }],
  ['questions left unanswered', { screenedOn: '2026-05-01', age: 40, involvedInDistribution: false }],
  ['unanswered but failing', { screenedOn: '2026-05-01', age: 40, involvedInExploitationOfMinors: true }],
];

beforeAll(async () => {
  t = await startTestApp();
  site = await makeSite(t.database.db, { ruleSetTemplate: 'wilmington-2017' });
  const user = await makeUser(t.database.db, site, 'officer');
  officer = t.client();
  await officer.logIn(user.email, user.password);
});
afterAll(() => t.close());

describe('`lead screen` decides as the app does', () => {
  for (const [name, answers] of CASES) {
    it(name, async () => {
      const response = await officer.post(
        `/api/v1/sites/${site.id}/encounters`,
        eligibleEncounter({ answers, offer: { outcome: 'pending' } }),
      );
      expect(response.status).toBe(201);
      expect(await screenCommand('wilmington-2017', answers)).toEqual(response.body.screening);
    });
  }
});
