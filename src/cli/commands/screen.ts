import type { z } from 'zod';
import { screeningConfiguration } from '../../app/referrals/screening-configuration.ts';
import { type ScreeningAnswersInput, screeningAnswers } from '../../contracts/screening.ts';
import { findSiteBySlug } from '../../db/repositories/sites.ts';
import { inScope } from '../../db/scope.ts';
import { evaluateScreening } from '../../domain/eligibility/evaluate.ts';
import type { RuleSet } from '../../domain/eligibility/rules.ts';
import { RULE_SET_TEMPLATES } from '../../domain/eligibility/templates.ts';
import { type Command, type Io, parseCommandArgs, UsageError } from '../command.ts';
import { withDatabase } from '../database.ts';

/** More than any set of answers needs; a bigger input is a mistake, not a screening. */
const MAXIMUM_INPUT_BYTES = 1_000_000;

const TEMPLATE_NAMES = Object.keys(RULE_SET_TEMPLATES).join(', ');

const SUMMARY = `Decide one screening the way the app does. Reads the answers as one JSON object on standard
input and prints the decision as one JSON line on standard output.

Input (a question left out or null is "not answered", never "no"):
  {"screenedOn": "2026-05-01",               required, YYYY-MM-DD
   "dateOfBirth": "1990-04-12",              or "age": 35 (a date of birth wins)
   "opioidDosageUnits": 12,
   "involvedInDistribution": false,
   "involvedInExploitationOfMinors": false,
   "involvedInPromotingProstitution": false,
   "onParoleOrProbation": false,
   "violentCrimeDates": ["2017-03-01"],      dates of each, [] for none
   "assaultChargeDates": []}
  Malformed JSON, more than one value, unknown fields, impossible dates and dates after
  screenedOn are refused with one line on standard error.

Output:
  {"status": "eligible" | "ineligible" | "needs_information",
   "eligible": true | false,
   "decidedBy": [the failing rules' codes, or the unanswered ones', in rule order],
   "rules": [{"code": "AGE_UNDER_18", "outcome": "pass" | "fail" | "unknown"}, ...],
   "ruleSet": {"name": "wilmington-2017", "version": 1}}

Exit status: 0 decided (whatever the decision), 2 bad options or input (or an unknown template or
site), 1 the database could not be used.`;

export const screenCommand: Command = {
  usage: 'lead screen --template NAME | --site SLUG',
  summary: SUMMARY,
  options: [
    ['--template NAME', `Decide under a rule-set template (${TEMPLATE_NAMES}); opens no database.`],
    [
      '--site SLUG',
      "Decide under the site's current rule set, from the configured database (LEAD_DATA_DIR or DATABASE_URL).",
    ],
  ],
  async run(args, io) {
    const { values } = parseCommandArgs('screen', args, {
      template: { type: 'string' },
      site: { type: 'string' },
    });
    const template = typeof values.template === 'string' ? values.template.trim() : undefined;
    const site = typeof values.site === 'string' ? values.site.trim() : undefined;
    if (template !== undefined && site !== undefined)
      throw new UsageError('give --template or --site, not both');
    if (!template && !site) throw new UsageError('say whose rules decide: --template NAME or --site SLUG');

    const templateRuleSet = template ? templateNamed(template) : undefined;
    // Read and check the answers before opening the database, so bad input never locks the folder.
    const answers = parseAnswers(await readInput(io));
    const ruleSet = templateRuleSet ?? (await currentRuleSetOf(site as string));
    io.out(JSON.stringify(evaluateScreening(ruleSet, answers)));
    return 0;
  },
};

function templateNamed(name: string): RuleSet {
  const ruleSet = RULE_SET_TEMPLATES[name];
  if (!ruleSet) throw new UsageError(`unknown template "${name}" (one of: ${TEMPLATE_NAMES})`);
  return ruleSet;
}

/** The site's current rule set, read from the configured database (closed again on every path). */
function currentRuleSetOf(slug: string): Promise<RuleSet> {
  return withDatabase({ migrate: true, existing: true }, async ({ db }) => {
    const site = await findSiteBySlug(db, slug);
    if (!site) throw new UsageError(`no site has the slug "${slug}"`);
    const { ruleSet } = await inScope(db, { siteId: site.id, userId: null }, (tx) =>
      screeningConfiguration(tx, site.id),
    );
    return ruleSet;
  });
}

/** All of standard input, as text; refuses a terminal (the answers are piped or redirected in). */
async function readInput(io: Io): Promise<string> {
  const input = io.stdin ?? process.stdin;
  if (input.isTTY === true)
    throw new UsageError('give the answers as JSON on standard input (pipe or redirect them in)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > MAXIMUM_INPUT_BYTES)
      throw new UsageError(`standard input is larger than ${MAXIMUM_INPUT_BYTES} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses and checks the answers with the schema the API uses; any problem is a usage error. */
function parseAnswers(text: string): ScreeningAnswersInput {
  if (text.trim() === '') throw new UsageError('no input: give one JSON object on standard input');
  const value = parseOneJsonValue(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError('the input must be one JSON object');
  const parsed = screeningAnswers.safeParse(value);
  if (!parsed.success) {
    const given = new Set(Object.keys(value));
    throw new UsageError(parsed.error.issues.map((issue) => describeIssue(issue, given)).join('; '));
  }
  return parsed.data;
}

function parseOneJsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const end = endOfFirstValue(text);
    if (end !== undefined && isJson(text.slice(0, end)))
      throw new UsageError('standard input holds more than one JSON value (give exactly one object)');
    throw new UsageError(`standard input is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Where the first object or array in `text` closes, counting brackets outside strings. */
function endOfFirstValue(text: string): number | undefined {
  const start = text.search(/\S/);
  if (start < 0 || (text[start] !== '{' && text[start] !== '[')) return undefined;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (escaped) escaped = false;
      else if (character === '\\') escaped = true;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{' || character === '[') depth++;
    else if (character === '}' || character === ']') {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return undefined;
}

/** One schema problem as "field.index: what is wrong"; `given` are the input's top-level fields. */
function describeIssue(issue: z.core.$ZodIssue, given: Set<string>): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  const where = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && issue.path.length === 1 && !given.has(String(issue.path[0])))
    return `${where}: is required`;
  return where ? `${where}: ${issue.message}` : issue.message;
}
