// `npm run bench -- participant-page [--clients N] [--seconds S | --requests N] [--all-parallel]`:
// how long loading a participant page's data takes, for a person with 500 contacts and 50 service
// referrals, with N concurrent clients (20 unless told), each a different case manager of the site,
// signed in once over real HTTP on 127.0.0.1. A page load is exactly the GETs the web participant page
// (src/web/pages/participant/participant-page.tsx, its SECTIONS and their *-api.ts hooks) sends when
// opened, with the web's query parameters, and in the web's order: the participant's record first
// (GET …/participants/:id: the page renders its sections only once it has it), then, in parallel, the
// contact log (…/contacts?limit=50), the plan (…/plan), the service referrals (…/service-referrals),
// the directory's services (…/directory/services, for the send-a-referral form), the appointments
// (…/appointments), the funds ledger (…/funds) and the status (…/status). With --all-parallel all
// eight go at once instead. A page load's latency runs from its first request sent to its last
// response body read; any non-2xx answer makes the page load an error. The baseline, measured in the
// same run from the same clients: GET …/participants/:id alone (participants.view), the page's first
// request; and GET /healthz (one `select 1`), the cheapest request touching the database.
//
// The data (made before measuring, not timed, through the app's own HTTP routes): a site with 30
// partner services (10 organizations); the participant enrolled through intake with a signed release
// naming the partner organization for service referrals; 500 contacts (POSTed with an Idempotency-Key,
// 10 at a time), 50 service referrals to the partner's service, 6 plan goals, 4 appointments and 8
// fund entries; beside them 50 other enrolled participants with 3 contacts each. The page's answers
// are checked against these counts before measuring. Every read of a participant writes an audit row
// (7 per page load): the rows written are reported and the audit chain verified at the end.
// The database is PostgreSQL when DATABASE_URL is set (in a throwaway database `lead_bench_<random>`
// created beside it and dropped at the end, when the role may), else PGlite in a temporary folder.
// The load runs in a worker thread (plain fetch, no dependency), so the clients do not share the
// server's event loop. Warm-up is not counted. Every phase is bounded in requests and time. No goal is
// set: it reports. Ends with one JSON line.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { verifyAuditChain } from '../src/app/audit/verify-audit-chain.ts';
import { createSite } from '../src/app/sites/create-site.ts';
import { createUser } from '../src/app/users/create-user.ts';
import { testConfig } from '../src/config.ts';
import type { Db } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Role } from '../src/domain/access/roles.ts';
import { buildServer } from '../src/http/build-server.ts';
import { eligibleEncounter } from '../test/support/encounters.ts';
import { HttpClient } from '../test/support/http-client.ts';
import { type BenchDatabase, openBenchDatabase } from './support/bench-database.ts';
import {
  auditChainSummary,
  describe,
  describeAuditChain,
  type Failure,
  measuredPhaseFromArgs,
  type Percentiles,
  type Phase,
  type PhaseResult,
  percentiles,
  printFailures,
  runInWorker,
  runOnBenchDatabase,
  type Stats,
  statsOf,
  twoDecimals,
  WORKER_RUN_PHASE,
  wholeNumber,
} from './support/measure.ts';

const MAX_CLIENTS = 200;
const MAX_SECONDS = 300;
const MAX_REQUESTS = 1_000_000;
const WARM_UP_PER_CLIENT = 3;
const WARM_UP_MAX_SECONDS = 60;
const REQUEST_TIMEOUT_MS = 30_000;
const SETUP_CONCURRENCY = 10;

/** The data sizes: the participant's own records, and the site around them. */
const CONTACTS = 500;
const SERVICE_REFERRALS = 50;
const GOALS = 6;
const APPOINTMENTS = 4;
const FUND_ENTRIES = 8;
const OTHER_PARTICIPANTS = 50;
const CONTACTS_PER_OTHER = 3;
const ORGANIZATIONS = 10;
const SERVICES_PER_ORGANIZATION = 3;
/** Case managers (not clients) who hold the other participants, 10 each (under the caseload cap). */
const COLLEAGUES = Math.ceil(OTHER_PARTICIPANTS / 10);
/** The timeline items the participant's record holds (its newest page). */
const TIMELINE_PAGE = 50;
/** What the web's contact log asks for (care-api.ts, useContactLog). */
const CONTACT_LOG_LIMIT = 50;

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '20' },
    seconds: { type: 'string' },
    requests: { type: 'string' },
    'all-parallel': { type: 'boolean', default: false },
  },
  strict: true,
});
/** The measured phase: a number of page loads (bounded in time too) or a number of seconds. */
const { measured, seconds, requestsLimit } = measuredPhaseFromArgs(values, {
  maxSeconds: MAX_SECONDS,
  maxRequests: MAX_REQUESTS,
});
const clientCount = wholeNumber('clients', values.clients, MAX_CLIENTS);
const allParallel = values['all-parallel'];
const warmUp: Phase = { requests: clientCount * WARM_UP_PER_CLIENT, seconds: WARM_UP_MAX_SECONDS };

/** This bench's words in its lines: "N page loads, …, T/s" and "N requests, …, T/s". */
const PAGE_WORDS = { unit: 'page loads', rate: '/s' };
const REQUEST_WORDS = { unit: 'requests', rate: '/s' };
type Mode = 'page' | 'view' | 'health';
type PageFailure = Failure & { path: string };
type PagePhaseResult = PhaseResult<PageFailure> & {
  /** Page loads only: each request's own latency, by its label. */
  parts: Record<string, number[]>;
};
/** The client worker's phases, each in one of the modes. */
const runPhase = (target: Worker, phase: Phase & { mode: Mode }) =>
  runInWorker<PagePhaseResult>(target, phase);

// The HTTP clients, in a worker thread. Plain JavaScript (a TypeScript worker entry does not load
// under tsx on Node 20); each client keeps its case manager's cookie. A page load sends the first
// request, then the others in parallel (or all at once with allParallel), reading every body.
const CLIENT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { baseUrl, first, rest, healthPath, clients, timeoutMs, allParallel } = workerData;
let stopping = false;
async function get(client, part, parts) {
  const sent = performance.now();
  const response = await fetch(baseUrl + part.path, {
    headers: { cookie: client.cookie },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (parts) (parts[part.label] ??= []).push(performance.now() - sent);
  return response.status >= 200 && response.status < 300
    ? null
    : { status: response.status, path: part.label, body: text.slice(0, 300) };
}
async function page(client, parts) {
  const failures = [];
  const note = (failure) => { if (failure) failures.push(failure); };
  if (allParallel) {
    (await Promise.all([first, ...rest].map((part) => get(client, part, parts)))).forEach(note);
  } else {
    note(await get(client, first, parts));
    (await Promise.all(rest.map((part) => get(client, part, parts)))).forEach(note);
  }
  return failures[0] ?? null;
}
parentPort.on('message', async (message) => {
  if (message === 'stop') { stopping = true; return; }
  const { requests, seconds, mode } = message;
  const parts = {};
  const send =
    mode === 'page' ? (client) => page(client, parts)
    : mode === 'view' ? (client) => get(client, first, null)
    : (client) => get(client, { label: 'healthz', path: healthPath }, null);
  const failed = (body) => ({ status: 0, path: mode, body });
  const result = await runPhase(clients, { requests, seconds }, send, failed);
  parentPort.postMessage({ ...result, parts });
});
${WORKER_RUN_PHASE}`;

let worker: Worker | undefined;
const stop = () => worker?.postMessage('stop');
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

type Answer = Awaited<ReturnType<HttpClient['request']>>;

/** The answer, if its status is `status`; else a loud stop, naming what was being made. */
function expectStatus(what: string, response: Answer, status: number): Answer {
  if (response.status !== status)
    throw new Error(
      `setup: ${what} answered ${response.status}, not ${status}: ${response.text.slice(0, 500)}`,
    );
  return response;
}

/** Runs `work` for 0..count-1, `SETUP_CONCURRENCY` at a time. */
async function inBatches(count: number, work: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(SETUP_CONCURRENCY, count) }, async () => {
      while (next < count) {
        const index = next++;
        await work(index);
      }
    }),
  );
}

const auditRows = async (db: Db) =>
  Number(
    (await sql<{ count: string }>`select count(*) as count from audit_log`.execute(db)).rows[0]?.count ?? 0,
  );

async function bench(database: BenchDatabase) {
  const { db, kind } = database.handle;
  console.log(`database: ${database.where}`);
  await migrate(db);
  const site = await createSite(db, {
    slug: 'bench-site',
    name: 'Bench Site',
    timezone: 'America/New_York',
  });

  type Account = { email: string; password: string };
  const accounts = async (role: Role, count: number): Promise<Account[]> => {
    const made: Account[] = [];
    for (let first = 0; first < count; first += 10) {
      const batch = Array.from({ length: Math.min(10, count - first) }, (_, offset) => ({
        email: `${role}.${first + offset}@bench.example`,
        password: randomBytes(12).toString('hex'),
      }));
      await Promise.all(
        batch.map((account, offset) =>
          createUser(db, {
            ...account,
            displayName: `Bench ${role} ${first + offset}`,
            siteSlug: site.slug,
            role,
          }),
        ),
      );
      made.push(...batch);
    }
    return made;
  };
  const [officerAccount] = await accounts('officer', 1);
  const [managerAccount] = await accounts('program_manager', 1);
  const caseManagerAccounts = await accounts('case_manager', clientCount + COLLEAGUES);
  if (!officerAccount || !managerAccount) throw new Error('could not create the officer and manager');

  const config = testConfig({ logLevel: 'silent' });
  const app = await buildServer({ db, clock: () => new Date(), config });
  let page: Stats;
  let view: Stats;
  let health: Stats;
  let parts: Record<string, Percentiles>;
  let auditRowsPerPageLoad: number;
  let auditRowsWritten: number;
  let pageRequestCount: number;
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const signIn = async (account: Account): Promise<HttpClient> => {
      const client = new HttpClient(baseUrl);
      const response = await client.logIn(account.email, account.password);
      if (response.status !== 200 || !client.csrfToken)
        throw new Error(`could not sign in: ${response.status} ${response.text}`);
      return client;
    };
    const officer = await signIn(officerAccount);
    const manager = await signIn(managerAccount);
    const caseManagers: HttpClient[] = [];
    for (let first = 0; first < caseManagerAccounts.length; first += 10)
      caseManagers.push(...(await Promise.all(caseManagerAccounts.slice(first, first + 10).map(signIn))));
    const clients = caseManagers.slice(0, clientCount);
    const colleagues = caseManagers.slice(clientCount);
    const owner = clients[0] as HttpClient;
    console.log(`${clients.length} case managers signed in (the clients); server on ${baseUrl}`);

    // --- The data (not timed) ---
    const setupBegin = performance.now();
    const api = `/api/v1/sites/${site.id}`;
    const now = Date.now();
    const day = 86_400_000;
    const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);
    const post = (client: HttpClient, path: string, body: unknown, what: string, status = 201) =>
      client
        .request('POST', path, { body, headers: { 'idempotency-key': randomUUID() } })
        .then((response) => expectStatus(what, response, status));

    // The partner directory: ORGANIZATIONS organizations with SERVICES_PER_ORGANIZATION services each;
    // the first organization's first service is the participant's partner.
    const services: { organizationId: string; serviceId: string }[] = [];
    for (let o = 0; o < ORGANIZATIONS; o++) {
      const organization = await post(
        manager,
        `${api}/directory/organizations`,
        { name: `Synthetic Partner ${o + 1}`, description: `Synthetic partner organization ${o + 1}.` },
        'a partner organization',
      );
      for (let s = 0; s < SERVICES_PER_ORGANIZATION; s++) {
        const service = await post(
          manager,
          `${api}/directory/organizations/${organization.body.id}/services`,
          {
            name: `Synthetic service ${o + 1}.${s + 1}`,
            categories: [s === 0 ? 'shelter_housing' : s === 1 ? 'food' : 'medical'],
            languages: ['en', 'es'],
          },
          'a partner service',
        );
        services.push({ organizationId: organization.body.id, serviceId: service.body.id });
      }
    }
    const partner = services[0] as { organizationId: string; serviceId: string };

    /** An enrolled participant, through the routes: referral, intake started, release, intake complete. */
    const enrol = async (caseManager: HttpClient, recipients: unknown[], categories: string[]) => {
      const encounter = await post(officer, `${api}/encounters`, eligibleEncounter(), 'an encounter');
      const started = await post(
        caseManager,
        `${api}/referrals/${encounter.body.referral.id}/intake`,
        {},
        'starting an intake',
      );
      const participantId: string = started.body.id;
      expectStatus(
        'saving the intake',
        await caseManager.request('PUT', `${api}/participants/${participantId}/intake`, {
          body: { neededNow: 'A place to sleep tonight', priorities: 'ID, then housing' },
        }),
        200,
      );
      await post(
        caseManager,
        `${api}/participants/${participantId}/releases`,
        {
          personName: 'Sam Synthetic',
          discloser: 'Bench Site LEAD program',
          categories,
          recipients,
          purpose: 'To coordinate services.',
          revocationTerms: 'I may revoke this at any time by telling my case manager.',
          expiresOn: isoDate(now + 365 * day),
          signature: { kind: 'typed', typedName: 'Sam Synthetic' },
          signedOn: isoDate(now - day),
        },
        'a release',
      );
      await post(
        caseManager,
        `${api}/participants/${participantId}/intake/complete`,
        {},
        'completing intake',
        200,
      );
      return participantId;
    };
    const logContact = (client: HttpClient, participantId: string, index: number) =>
      post(
        client,
        `${api}/participants/${participantId}/contacts`,
        {
          kind: (['field', 'office', 'phone', 'text', 'collateral'] as const)[index % 5],
          occurredAt: new Date(now - (index + 1) * 17 * 3_600_000).toISOString(),
          durationMinutes: 5 + (index % 40),
          note: `Synthetic contact ${index + 1}: checked in, talked about next steps.`,
        },
        'a contact',
      );

    // The participant, enrolled with a release naming the partner for service referrals.
    const participantId = await enrol(
      owner,
      [
        {
          kind: 'provider_organization',
          organizationId: partner.organizationId,
          name: 'Synthetic Partner 1',
        },
      ],
      ['enrolment_status', 'service_referrals'],
    );
    const p = `${api}/participants/${participantId}`;

    // The others, held by colleagues (10 each), with a few contacts each.
    await inBatches(OTHER_PARTICIPANTS, async (index) => {
      const colleague = colleagues[index % colleagues.length] as HttpClient;
      const otherId = await enrol(
        colleague,
        [{ kind: 'arresting_agency', name: 'Synthetic Police Department' }],
        ['enrolment_status'],
      );
      for (let c = 0; c < CONTACTS_PER_OTHER; c++) await logContact(colleague, otherId, c * 40);
    });
    console.log(`${OTHER_PARTICIPANTS} other participants enrolled, ${CONTACTS_PER_OTHER} contacts each`);

    await inBatches(CONTACTS, (index) => logContact(owner, participantId, index));
    await inBatches(SERVICE_REFERRALS, (index) =>
      post(
        owner,
        `${p}/service-referrals`,
        { serviceId: partner.serviceId, reason: `Synthetic need ${index + 1}: a bed and a meal.` },
        'a service referral',
      ),
    );
    const needs = ['shelter_housing', 'id_documents', 'benefits', 'medical', 'food', 'phone'];
    for (let g = 0; g < GOALS; g++)
      await post(
        owner,
        `${p}/plan/goals`,
        { goal: `Synthetic goal ${g + 1}, in my own words.`, needs: [needs[g % needs.length]] },
        'a plan goal',
      );
    for (let a = 0; a < APPOINTMENTS; a++)
      await post(
        owner,
        `${p}/appointments`,
        {
          startsAt: new Date(now + (a + 1) * 3 * day).toISOString(),
          place: 'Program office',
          withWhom: 'Case manager',
          purpose: `Synthetic check-in ${a + 1}`,
          ...(a === 0 ? { partnerServiceId: partner.serviceId } : {}),
        },
        'an appointment',
      );
    const source = await post(manager, `${api}/funding-sources`, { name: 'Opioid settlement' }, 'a source');
    const categories = ['phone_service', 'transport', 'housing_deposit', 'food'];
    for (let f = 0; f < FUND_ENTRIES; f++)
      await post(
        owner,
        `${p}/funds`,
        {
          date: isoDate(now - (f + 1) * 5 * day),
          amountCents: 1_500 + f * 250,
          category: categories[f % categories.length],
          fundingSourceId: source.body.id,
        },
        'a fund entry',
      );
    console.log(
      `the participant: ${CONTACTS} contacts, ${SERVICE_REFERRALS} service referrals, ${GOALS} goals, ` +
        `${APPOINTMENTS} appointments, ${FUND_ENTRIES} fund entries; ${services.length} partner services ` +
        `(setup ${Math.round((performance.now() - setupBegin) / 1000)} s, not counted)`,
    );

    // --- The page load, as the web sends it ---
    const first = { label: 'participant', path: p };
    const rest = [
      { label: 'contacts', path: `${p}/contacts?limit=${CONTACT_LOG_LIMIT}` },
      { label: 'plan', path: `${p}/plan` },
      { label: 'service-referrals', path: `${p}/service-referrals` },
      { label: 'directory-services', path: `${api}/directory/services` },
      { label: 'appointments', path: `${p}/appointments` },
      { label: 'funds', path: `${p}/funds` },
      { label: 'status', path: `${p}/status` },
    ];
    pageRequestCount = 1 + rest.length;

    // Before measuring: one page load by another case manager answers what was made.
    const checker = clients[clients.length - 1] as HttpClient;
    const answers = new Map<string, Answer>();
    for (const part of [first, ...rest])
      answers.set(part.label, expectStatus(part.label, await checker.get(part.path), 200));
    const body = (label: string) => answers.get(label)?.body;
    // The record holds the timeline's newest page; the older pages (…/timeline?before=) hold the rest.
    const timeline: { kind: string }[] = [...body('participant').timeline];
    for (let cursor = body('participant').timelineCursor; cursor; ) {
      const older = expectStatus(
        'an older timeline page',
        await checker.get(`${p}/timeline?before=${encodeURIComponent(cursor)}`),
        200,
      );
      timeline.push(...older.body.timeline);
      cursor = older.body.timelineCursor;
    }
    const checks: [string, number, number][] = [
      ['timeline items on the record', body('participant').timeline.length, TIMELINE_PAGE],
      [
        'timeline contact items (all pages)',
        timeline.filter((item) => item.kind === 'contact').length,
        CONTACTS,
      ],
      [
        'contact log entries (limit 50)',
        body('contacts').contacts.length,
        Math.min(CONTACT_LOG_LIMIT, CONTACTS),
      ],
      ['plan goals', body('plan').goals.length, GOALS],
      ['service referrals', body('service-referrals').referrals.length, SERVICE_REFERRALS],
      ['directory services', body('directory-services').services.length, services.length],
      ['upcoming appointments', body('appointments').upcoming.length, APPOINTMENTS],
      ['fund entries', body('funds').entries.length, FUND_ENTRIES],
    ];
    for (const [what, got, expected] of checks)
      if (got !== expected) throw new Error(`the page shows ${got} ${what}, not ${expected}: not measuring`);
    if (body('status').status !== 'enrolled' || body('participant').status !== 'enrolled')
      throw new Error(`the participant is ${body('status').status}, not enrolled: not measuring`);
    const sizes = Object.fromEntries([...answers].map(([label, answer]) => [label, answer.text.length]));
    console.log(
      `checked: ${checks.map(([what, got]) => `${got} ${what}`).join(', ')}; ` +
        `${body('participant').timeline.length} timeline items on the record (${timeline.length} in all)`,
    );
    console.log(
      `page load: ${allParallel ? 'all 8 GETs at once' : 'GET participant, then 7 GETs in parallel (as the web does)'}; ` +
        `response bytes: ${Object.entries(sizes)
          .map(([label, bytes]) => `${label} ${bytes}`)
          .join(', ')}`,
    );

    worker = new Worker(CLIENT_WORKER, {
      eval: true,
      workerData: {
        baseUrl,
        first,
        rest,
        healthPath: '/healthz',
        clients: clients.map((client) => ({ cookie: client.cookieHeader() })),
        timeoutMs: REQUEST_TIMEOUT_MS,
        allParallel,
      },
    });
    const pageWarmUp = await runPhase(worker, { ...warmUp, mode: 'page' });
    console.log(`warm-up (not counted): ${describe('page load', statsOf(pageWarmUp), PAGE_WORDS)}`);
    printFailures('page warm-up', pageWarmUp.failures, 'failed');
    if (pageWarmUp.failures.length > 0) throw new Error('the warm-up failed; not measuring');

    const auditBefore = await auditRows(db);
    const loopBefore = performance.eventLoopUtilization();
    const pageResult = await runPhase(worker, { ...measured, mode: 'page' });
    const loop = performance.eventLoopUtilization(loopBefore);
    auditRowsWritten = (await auditRows(db)) - auditBefore;
    page = statsOf(pageResult);
    auditRowsPerPageLoad = twoDecimals(auditRowsWritten / Math.max(1, page.requests));
    console.log(describe(`page load (${pageRequestCount} GETs)`, page, PAGE_WORDS));
    printFailures('page load', pageResult.failures, 'failed');
    parts = Object.fromEntries(
      [first, ...rest].map((part) => [part.label, percentiles(pageResult.parts[part.label] ?? [])]),
    );
    console.log('  each request within the page loads:');
    for (const [label, stats] of Object.entries(parts))
      console.log(
        `    ${label.padEnd(20)} p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms, max ${stats.maxMs} ms`,
      );
    console.log(
      `server event loop busy ${Math.round(loop.utilization * 100)}% of the page phase ` +
        `(${(loop.active / Math.max(1, page.requests)).toFixed(2)} ms per page load); ` +
        `${auditRowsWritten} audit rows written (${auditRowsPerPageLoad} per page load)`,
    );

    // The baselines, same clients, same run.
    await runPhase(worker, { ...warmUp, mode: 'view' });
    const viewResult = await runPhase(worker, { ...measured, mode: 'view' });
    view = statsOf(viewResult);
    console.log(describe('baseline (GET participant alone: participants.view)', view, REQUEST_WORDS));
    printFailures('view', viewResult.failures, 'failed');
    await runPhase(worker, { ...warmUp, mode: 'health' });
    const healthResult = await runPhase(worker, { ...measured, mode: 'health' });
    health = statsOf(healthResult);
    console.log(describe('ceiling (GET /healthz: one select 1)', health, REQUEST_WORDS));
    printFailures('healthz', healthResult.failures, 'failed');
  } finally {
    await worker?.terminate();
    worker = undefined;
    await app.close();
  }

  const chain = await verifyAuditChain(db);
  console.log(describeAuditChain(chain));
  const ratio = (of: Stats) => (of.p50Ms > 0 ? twoDecimals(page.p50Ms / of.p50Ms) : null);
  console.log(
    `page load p50 ${page.p50Ms} ms, p99 ${page.p99Ms} ms at ${clientCount} clients: ` +
      `${ratio(view)} x a single GET participant (p50 ${view.p50Ms} ms), ` +
      `${ratio(health)} x GET /healthz (p50 ${health.p50Ms} ms)`,
  );
  if (page.errors > 0 || view.errors > 0 || health.errors > 0 || !chain.intact) process.exitCode = 1;
  console.log(
    JSON.stringify({
      bench: 'participant-page',
      database: kind,
      clients: clientCount,
      ...(seconds === undefined ? { pageLoadsPerPhase: requestsLimit } : { seconds }),
      pageLoad: allParallel ? 'all 8 GETs at once' : 'GET participant, then 7 GETs in parallel',
      data: {
        contacts: CONTACTS,
        serviceReferrals: SERVICE_REFERRALS,
        planGoals: GOALS,
        appointments: APPOINTMENTS,
        fundEntries: FUND_ENTRIES,
        otherParticipants: OTHER_PARTICIPANTS,
        directoryServices: ORGANIZATIONS * SERVICES_PER_ORGANIZATION,
      },
      requestsPerPageLoad: pageRequestCount,
      page,
      parts,
      baseline: 'GET participant alone (participants.view), same clients, same run',
      view,
      ratio: ratio(view),
      ceiling: health,
      ceilingRatio: ratio(health),
      auditRowsWritten,
      auditRowsPerPageLoad,
      auditChain: auditChainSummary(chain),
    }),
  );
}

await runOnBenchDatabase(
  () => openBenchDatabase(process.env.DATABASE_URL, { label: 'participant-page' }),
  bench,
);
