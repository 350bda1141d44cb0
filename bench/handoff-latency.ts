// `npm run bench -- handoff-latency [--requests N] [--streams N]`: how long a warm hand-off takes to
// reach the responder, from just before the officer sends POST …/referrals/:id/handoffs to the moment
// the responder's open Server-Sent Events stream (GET …/live) delivers the 'handoff.offered' event
// for that hand-off, with N care-team responders (200 unless told) each signed in and holding a
// stream open over real HTTP on 127.0.0.1. The database is PostgreSQL when DATABASE_URL is set (in a
// throwaway database `lead_bench_<random>` created beside it and dropped at the end, when the role
// may), else PGlite in a temporary folder.
//
// Who is on call: before each hand-off (not timed), the program manager replaces the weekly pattern
// (PUT …/on-call/pattern) with seven 24-hour level-1 shifts (every weekday, 00:00–00:00) held by the
// next responder in turn, so each hand-off goes to a different stream and the roster stays one
// pattern of seven rows (overrides would pile up and slow every later roster read). Each hand-off is
// on a fresh accepted referral the officer submitted just before (not timed). The hand-offs run one at
// a time (sequential, concurrency 1), after a warm-up. The streams are read in this process (the
// server's), with test/support/event-stream.ts. A hand-off whose request fails, or whose event does
// not arrive within 5 s, is an error. Every phase is bounded in count and time. Ends with one JSON line.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createLiveEvents } from '../src/app/live-events.ts';
import { createSite } from '../src/app/sites/create-site.ts';
import { createUser } from '../src/app/users/create-user.ts';
import { testConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Role } from '../src/domain/access/roles.ts';
import { buildServer } from '../src/http/build-server.ts';
import { eligibleEncounter } from '../test/support/encounters.ts';
import { type OpenStream, openEventStream, type ReceivedEvent } from '../test/support/event-stream.ts';
import { HttpClient } from '../test/support/http-client.ts';
import { type BenchDatabase, openBenchDatabase } from './support/bench-database.ts';
import { type Percentiles, percentiles, runOnBenchDatabase, wholeNumber } from './support/measure.ts';

const MAX_REQUESTS = 10_000;
const MAX_STREAMS = 1_000;
const MAX_SECONDS = 600;
const EVENT_TIMEOUT_MS = 5_000;
const GOAL_P99_MS = 100;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    streams: { type: 'string', default: '200' },
    'warm-up': { type: 'string', default: '20' },
  },
  strict: true,
});
const requests = wholeNumber('requests', values.requests, MAX_REQUESTS);
const streamCount = wholeNumber('streams', values.streams, MAX_STREAMS);
const warmUpRequests = wholeNumber('warm-up', values['warm-up'], MAX_REQUESTS, 0);

let stopping = false;
process.once('SIGINT', () => {
  stopping = true;
});
process.once('SIGTERM', () => {
  stopping = true;
});

/** The latencies of the hand-offs that arrived: how many, and their percentiles (nearest rank). */
type Stats = { count: number } & Percentiles;

const statsOf = (latencies: readonly number[]): Stats => ({
  count: latencies.length,
  ...percentiles(latencies),
});

const describe = (label: string, stats: Stats) =>
  `${label}: ${stats.count} samples; p50 ${stats.p50Ms} ms, p90 ${stats.p90Ms} ms, ` +
  `p99 ${stats.p99Ms} ms, max ${stats.maxMs} ms`;

type Person = { userId: string; client: HttpClient };
type Responder = Person & { stream: OpenStream };

async function bench(database: BenchDatabase) {
  const { db, kind } = database.handle;
  console.log(`database: ${database.where}`);
  await migrate(db);
  const site = await createSite(db, {
    slug: 'bench-site',
    name: 'Bench Site',
    timezone: 'America/New_York',
  });

  type Account = { userId: string; email: string; password: string };
  const accounts = async (role: Role, count: number): Promise<Account[]> => {
    const made: Account[] = [];
    for (let first = 0; first < count; first += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, count - first) }, async (_, offset) => {
          const email = `${role}.${first + offset}@bench.example`;
          const password = randomBytes(12).toString('hex');
          const { userId } = await createUser(db, {
            email,
            password,
            displayName: `Bench ${role} ${first + offset}`,
            siteSlug: site.slug,
            role,
          });
          return { userId, email, password };
        }),
      );
      made.push(...batch);
    }
    return made;
  };
  const [officerAccount] = await accounts('officer', 1);
  const [managerAccount] = await accounts('program_manager', 1);
  const responderAccounts = await accounts('case_manager', streamCount);
  if (!officerAccount || !managerAccount) throw new Error('could not create the officer and manager');

  const live = createLiveEvents();
  const config = testConfig({ logLevel: 'silent' });
  const app = await buildServer({ db, clock: () => new Date(), config, live });
  const responders: Responder[] = [];
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const signIn = async (account: Account): Promise<Person> => {
      const client = new HttpClient(baseUrl);
      const response = await client.logIn(account.email, account.password);
      if (response.status !== 200 || !client.csrfToken)
        throw new Error(`could not sign in: ${response.status} ${response.text}`);
      return { userId: account.userId, client };
    };
    const officer = await signIn(officerAccount);
    const manager = await signIn(managerAccount);
    const liveUrl = `${baseUrl}/api/v1/sites/${site.id}/live`;
    for (let first = 0; first < responderAccounts.length; first += 20) {
      const batch = await Promise.all(
        responderAccounts.slice(first, first + 20).map(async (account) => {
          const person = await signIn(account);
          const stream = await openEventStream(person.client, liveUrl);
          if (stream.status !== 200) {
            stream.close();
            throw new Error(`a responder's stream answered ${stream.status}`);
          }
          return { ...person, stream };
        }),
      );
      responders.push(...batch);
    }
    // The route hands the connection to the stream after its audit row commits: wait (bounded) until
    // the broker has every listener, so no offer is published before its stream is subscribed.
    const subscribedBy = performance.now() + 10_000;
    while (live.listenerCount() < responders.length && performance.now() < subscribedBy)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const streamsOpen = live.listenerCount();
    console.log(
      `${responders.length} responders signed in, ${streamsOpen} streams open; server on ${baseUrl}; ` +
        'hand-offs run sequentially (one at a time)',
    );
    if (streamsOpen !== responders.length) throw new Error('not every stream was subscribed');

    let turn = 0;
    type Outcome = { eventMs: number; responseMs: number } | { error: string };
    /** One hand-off to the next responder in turn; only the request and its event are timed. */
    const handOff = async (): Promise<Outcome> => {
      const responder = responders[turn % responders.length] as Responder;
      turn += 1;
      const submitted = await officer.client.post(
        `/api/v1/sites/${site.id}/encounters`,
        eligibleEncounter(),
        {
          'idempotency-key': randomUUID(),
        },
      );
      if (submitted.status !== 201 || submitted.body?.referral?.status !== 'accepted')
        return { error: `encounter ${submitted.status} ${submitted.text.slice(0, 200)}` };
      const referralId: string = submitted.body.referral.id;
      const shifts = Array.from({ length: 7 }, (_, weekday) => ({
        weekday,
        startsAt: '00:00',
        endsAt: '00:00',
        level: 1,
        userId: responder.userId,
      }));
      const pattern = await manager.client.request('PUT', `/api/v1/sites/${site.id}/on-call/pattern`, {
        body: { shifts },
      });
      const onCall = (pattern.body?.onCallNow ?? []) as { level: number; userId: string }[];
      if (pattern.status !== 200 || onCall.find((entry) => entry.level === 1)?.userId !== responder.userId)
        return { error: `on-call pattern ${pattern.status} ${pattern.text.slice(0, 200)}` };

      // Listen first (the event may arrive before the response), then send; every event this stream
      // delivers is kept with its arrival time, to be matched with the hand-off id once it is known.
      const arrivals: { event: ReceivedEvent; at: number }[] = [];
      const sent = performance.now();
      const offered = (async () => {
        const deadline = sent + EVENT_TIMEOUT_MS;
        for (;;) {
          const left = deadline - performance.now();
          if (left <= 0) throw new Error(`no handoff.offered within ${EVENT_TIMEOUT_MS} ms`);
          const event = await responder.stream.next(left);
          arrivals.push({ event, at: performance.now() });
          if (event.type === 'handoff.offered') return;
        }
      })();
      offered.catch(() => undefined);
      const requested = await officer.client.post(
        `/api/v1/sites/${site.id}/referrals/${referralId}/handoffs`,
        { mode: 'in_person' },
      );
      const responseMs = performance.now() - sent;
      if (requested.status !== 201) {
        await offered.catch(() => undefined);
        return { error: `hand-off ${requested.status} ${requested.text.slice(0, 200)}` };
      }
      const handoffId: string = requested.body.id;
      try {
        await offered;
      } catch (error) {
        return { error: `hand-off ${handoffId}: ${error instanceof Error ? error.message : String(error)}` };
      }
      const match = arrivals.find(
        ({ event }) => event.type === 'handoff.offered' && event.data.handoffId === handoffId,
      );
      if (!match)
        return {
          error: `hand-off ${handoffId}: another event arrived: ${JSON.stringify(arrivals[0]?.event)}`,
        };
      return { eventMs: match.at - sent, responseMs };
    };

    const runPhase = async (count: number) => {
      const eventLatencies: number[] = [];
      const responseLatencies: number[] = [];
      const errors: string[] = [];
      const end = performance.now() + MAX_SECONDS * 1000;
      for (let done = 0; done < count && !stopping && performance.now() < end; done++) {
        const outcome = await handOff().catch((error: unknown) => ({ error: String(error) }));
        if ('error' in outcome) errors.push(outcome.error);
        else {
          eventLatencies.push(outcome.eventMs);
          responseLatencies.push(outcome.responseMs);
        }
      }
      return { event: statsOf(eventLatencies), response: statsOf(responseLatencies), errors };
    };
    const printErrors = (label: string, errors: readonly string[]) => {
      if (errors.length === 0) return;
      console.log(`${label}: ${errors.length} errors, the first:`);
      for (const error of errors.slice(0, 5)) console.log(`  ${error}`);
    };

    const warmUp = await runPhase(warmUpRequests);
    console.log(`warm-up (not counted): ${describe('request → responder event', warmUp.event)}`);
    printErrors('warm-up', warmUp.errors);
    if (warmUp.errors.length > 0) throw new Error('the warm-up failed; not measuring');

    const loopBefore = performance.eventLoopUtilization();
    const measured = await runPhase(requests);
    const loop = performance.eventLoopUtilization(loopBefore);
    const streamsAtEnd = live.listenerCount();
    console.log(describe('request → responder’s handoff.offered event', measured.event));
    console.log(describe('request → 201 response (for comparison)', measured.response));
    printErrors('measured', measured.errors);
    console.log(
      `streams open at the end: ${streamsAtEnd}; event loop (server and clients) busy ` +
        `${Math.round(loop.utilization * 100)}% of the measured phase`,
    );

    const errors =
      measured.errors.length + (measured.event.count + measured.errors.length < requests ? 1 : 0);
    const met = errors === 0 && streamsAtEnd === streamCount && measured.event.p99Ms <= GOAL_P99_MS;
    console.log(
      `p99 ${measured.event.p99Ms} ms (goal <= ${GOAL_P99_MS} ms): ${met ? 'met' : 'not met'}, ` +
        `${measured.errors.length} errors`,
    );
    if (errors > 0) process.exitCode = 1;
    console.log(
      JSON.stringify({
        bench: 'handoff-latency',
        database: kind,
        streams: streamsAtEnd,
        requests: measured.event.count + measured.errors.length,
        concurrency: 1,
        errors: measured.errors.length,
        p50Ms: measured.event.p50Ms,
        p90Ms: measured.event.p90Ms,
        p99Ms: measured.event.p99Ms,
        maxMs: measured.event.maxMs,
        responseP99Ms: measured.response.p99Ms,
        goal: { p99Ms: `<= ${GOAL_P99_MS}` },
        met,
      }),
    );
  } finally {
    for (const responder of responders) responder.stream.close();
    await app.close();
  }
}

await runOnBenchDatabase(() => openBenchDatabase(process.env.DATABASE_URL, { label: 'handoff' }), bench);
