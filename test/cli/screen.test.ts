import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WILMINGTON_2017 } from '../../src/domain/eligibility/templates.ts';
import { lead, leadProcess, removeFolder, temporaryFolder } from './support.ts';

// --template must open no database: this folder stays empty, and the URL points nowhere.
const emptyFolder = temporaryFolder('lead-screen-empty-');
const noDatabase = { LEAD_DATA_DIR: emptyFolder, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere' };
const siteFolder = temporaryFolder('lead-screen-site-');
const siteEnv = { LEAD_DATA_DIR: siteFolder, DATABASE_URL: undefined };
afterAll(() => {
  removeFolder(emptyFolder);
  removeFolder(siteFolder);
});

/** Everything answered, nothing disqualifying. */
const clean = {
  screenedOn: '2026-05-01',
  dateOfBirth: '1990-04-12',
  opioidDosageUnits: 12,
  involvedInDistribution: false,
  involvedInExploitationOfMinors: false,
  involvedInPromotingProstitution: false,
  onParoleOrProbation: false,
  violentCrimeDates: ['2014-03-01'],
  assaultChargeDates: [],
};

const WILMINGTON_CODES = WILMINGTON_2017.rules.map((rule) => rule.code);

async function screen(argv: string[], input: unknown, env: Record<string, string | undefined> = noDatabase) {
  return lead(['screen', ...argv], { env, stdin: typeof input === 'string' ? input : JSON.stringify(input) });
}

describe('lead screen --template: decisions', () => {
  const cases: [string, string, object, string, string[]][] = [
    ['eligible: nothing disqualifying', 'wilmington-2017', clean, 'eligible', []],
    [
      'ineligible: every failing rule, in rule order',
      'wilmington-2017',
      {
        ...clean,
        dateOfBirth: undefined,
        age: 16,
        involvedInDistribution: true,
        onParoleOrProbation: true,
        violentCrimeDates: ['2017-03-01'],
      },
      'ineligible',
      ['AGE_UNDER_18', 'DISTRIBUTION', 'VIOLENT_CRIME_10Y', 'PAROLE_OR_PROBATION'],
    ],
    [
      'ineligible beats unanswered questions',
      'wilmington-2017',
      { screenedOn: '2026-05-01', involvedInPromotingProstitution: true },
      'ineligible',
      ['PROMOTING_PROSTITUTION'],
    ],
    [
      'needs information: the unanswered questions (left out or null)',
      'wilmington-2017',
      { ...clean, opioidDosageUnits: undefined, assaultChargeDates: null },
      'needs_information',
      ['OPIOID_UNITS_OVER_50', 'ASSAULT_CHARGE_5Y'],
    ],
    [
      'wilmington-2017 on probation',
      'wilmington-2017',
      { ...clean, onParoleOrProbation: true },
      'ineligible',
      ['PAROLE_OR_PROBATION'],
    ],
    [
      'inclusive-2023 on probation',
      'inclusive-2023',
      { ...clean, onParoleOrProbation: true },
      'eligible',
      [],
    ],
  ];

  it.each(cases)('%s', async (_, template, answers, status, decidedBy) => {
    const result = await screen(['--template', template], answers);
    expect(result.err).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.out).toHaveLength(1);
    const decision = JSON.parse(result.out[0] as string);
    expect(decision).toMatchObject({ status, eligible: status === 'eligible', decidedBy });
    expect(decision.ruleSet).toEqual({ name: template, version: 1 });
    expect(Object.keys(decision)).toEqual(['status', 'eligible', 'decidedBy', 'rules', 'ruleSet']);
    const codes = decision.rules.map((rule: { code: string }) => rule.code);
    expect(codes).toEqual(
      template === 'wilmington-2017'
        ? WILMINGTON_CODES
        : WILMINGTON_CODES.filter((code) => code !== 'PAROLE_OR_PROBATION'),
    );
  });

  it('opens no database', async () => {
    expect((await screen(['--template', 'wilmington-2017'], clean)).status).toBe(0);
    expect(readdirSync(emptyFolder)).toEqual([]);
  });
});

describe('lead screen: mistakes are one line on stderr, exit status 2', () => {
  const template = ['--template', 'wilmington-2017'];
  const cases: [string, string[], unknown, RegExp][] = [
    [
      'malformed JSON',
      template,
      '{"screenedOn": "2026-05-01",',
      /^lead screen: standard input is not valid JSON/,
    ],
    ['two JSON values', template, '{"screenedOn": "2026-05-01"} {}', /more than one JSON value/],
    [
      'two JSON lines',
      template,
      `${JSON.stringify(clean)}\n${JSON.stringify(clean)}\n`,
      /more than one JSON value/,
    ],
    ['no input', template, '', /no input/],
    ['a value that is not an object', template, '[1, 2]', /must be one JSON object/],
    ['an unknown field', template, { ...clean, ssn: '123' }, /^lead screen: unknown field "ssn"$/],
    ['no screening date', template, { age: 30 }, /^lead screen: screenedOn: is required$/],
    [
      'an impossible screening date',
      template,
      { ...clean, screenedOn: '2026-02-30' },
      /^lead screen: screenedOn: must be a real date/,
    ],
    [
      'an impossible date of birth',
      template,
      { ...clean, dateOfBirth: '1990-13-01' },
      /^lead screen: dateOfBirth: must be a real date/,
    ],
    [
      'a crime date after the screening date',
      template,
      { ...clean, violentCrimeDates: ['2026-05-02'] },
      /^lead screen: violentCrimeDates\.0: is after the screening date$/,
    ],
    [
      'a birth after the screening date',
      template,
      { ...clean, dateOfBirth: '2026-06-01' },
      /^lead screen: dateOfBirth: is after the screening date$/,
    ],
    [
      'a wrong type',
      template,
      { ...clean, involvedInDistribution: 'no' },
      /^lead screen: involvedInDistribution: /,
    ],
    ['an unknown template', ['--template', 'lenient-2030'], clean, /unknown template "lenient-2030"/],
    ['both options', ['--template', 'wilmington-2017', '--site', 'x'], clean, /not both/],
    ['neither option', [], clean, /--template NAME or --site SLUG/],
    ['an unknown option', ['--rules', 'x'], clean, /Unknown option '--rules'/],
  ];

  it.each(cases)('%s', async (_, argv, input, message) => {
    const result = await screen(argv, input);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(message);
    expect(result.status).toBe(2);
  });
});

describe('lead screen as a real process', () => {
  it('decides from piped standard input, one JSON line on stdout', async () => {
    const result = await leadProcess(['screen', '--template', 'wilmington-2017'], {
      env: noDatabase,
      stdin: JSON.stringify({ ...clean, assaultChargeDates: ['2024-01-01'] }),
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'ineligible',
      eligible: false,
      decidedBy: ['ASSAULT_CHARGE_5Y'],
    });
  });

  it('refuses a date after the screening date: exit 2, one line on stderr, nothing on stdout', async () => {
    const result = await leadProcess(['screen', '--template', 'wilmington-2017'], {
      env: noDatabase,
      stdin: JSON.stringify({ ...clean, violentCrimeDates: ['2017-03-01', '2027-01-01'] }),
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('lead screen: violentCrimeDates.1: is after the screening date\n');
  });
});

describe('lead screen --site', () => {
  beforeAll(async () => {
    const created = await lead(
      [
        'site',
        'create',
        '--slug',
        'river-city',
        '--name',
        'River City LEAD',
        '--timezone',
        'America/Chicago',
      ],
      { env: siteEnv },
    );
    expect(created.err).toEqual([]);
    expect(created.status).toBe(0);
  });

  const inputs: [string, object][] = [
    ['eligible', clean],
    ['on probation', { ...clean, onParoleOrProbation: true }],
    ['under 18 and unanswered questions', { screenedOn: '2026-05-01', dateOfBirth: '2010-01-01' }],
    ['unanswered questions', { screenedOn: '2026-05-01', age: 40 }],
  ];

  it.each(inputs)(
    'decides as --template wilmington-2017 does (a new site has it): %s',
    async (_, answers) => {
      const bySite = await screen(['--site', 'river-city'], answers, siteEnv);
      expect(bySite.err).toEqual([]);
      expect(bySite.status).toBe(0);
      const byTemplate = await screen(['--template', 'wilmington-2017'], answers);
      expect(bySite.out).toEqual(byTemplate.out);
      expect(existsSync(join(siteFolder, 'lead.lock'))).toBe(false);
    },
  );

  it('refuses an unknown site (exit 2) and releases the data folder', async () => {
    const result = await screen(['--site', 'atlantis'], clean, siteEnv);
    expect(result).toEqual({ status: 2, out: [], err: ['lead screen: no site has the slug "atlantis"'] });
    expect(existsSync(join(siteFolder, 'lead.lock'))).toBe(false);
  });

  it('checks the answers before opening the database', async () => {
    const result = await screen(['--site', 'river-city'], { ...clean, screenedOn: '2026-02-30' }, siteEnv);
    expect(result.status).toBe(2);
    expect(result.err).toEqual(['lead screen: screenedOn: must be a real date, YYYY-MM-DD']);
  });

  it('fails (exit 1) where there is no database yet, and creates none', async () => {
    const result = await screen(['--site', 'river-city'], clean, { ...noDatabase, DATABASE_URL: undefined });
    expect(result.status).toBe(1);
    expect(result.err).toEqual([expect.stringMatching(/^lead screen: there is no database in /)]);
    expect(readdirSync(emptyFolder)).toEqual([]);
  });

  it('works through a real process, which exits once it has answered', async () => {
    const result = await leadProcess(['screen', '--site', 'river-city'], {
      env: { LEAD_DATA_DIR: siteFolder },
      stdin: JSON.stringify({ ...clean, onParoleOrProbation: true }),
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'ineligible',
      decidedBy: ['PAROLE_OR_PROBATION'],
      ruleSet: { name: 'wilmington-2017', version: 1 },
    });
  });
});
