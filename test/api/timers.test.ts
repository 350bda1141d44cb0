import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBackgroundWork } from '../../src/app/background-work.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { logTransport } from '../../src/app/outbox/transports/log.ts';
import { runTimersOnce, type TimerHandler } from '../../src/app/timers/timer-worker.ts';
import { testConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { enqueueMessage } from '../../src/db/repositories/outbox-messages.ts';
import type { SiteRow } from '../../src/db/repositories/sites.ts';
import { cancelTimer, scheduleTimer } from '../../src/db/repositories/timers.ts';
import { inScope } from '../../src/db/scope.ts';
import { MINUTE, testClock } from '../support/clock.ts';
import { makeSite } from '../support/factories.ts';
import { openTestDatabase } from '../support/test-database.ts';

let database: DatabaseHandle;
const clock = testClock();
const deps = (): AppDeps => ({ db: database.db, clock: clock.now, config: testConfig() });

const inSite = <T>(site: SiteRow, work: Parameters<typeof inScope<T>>[2]) =>
  inScope(database.db, { siteId: site.id, userId: null }, work);

function schedule(site: SiteRow, timer: { kind: string; subjectId: string; dueAt: Date; payload?: unknown }) {
  return inSite(site, (tx) => scheduleTimer(tx, { siteId: site.id, ...timer, at: clock.now() }));
}

const timerRows = (site: SiteRow) =>
  inSite(site, (tx) => tx.selectFrom('timers').selectAll().orderBy('created_at').execute());
const outboxPurposes = (site: SiteRow) =>
  inSite(site, async (tx) =>
    (await tx.selectFrom('outbox_messages').select('purpose').execute()).map((row) => row.purpose),
  );

/** A handler that records each call and, in the timer's transaction, writes an outbox message. */
function recordingHandler() {
  const calls: { subjectId: string; payload: unknown }[] = [];
  const handler: TimerHandler = async (tx, timer, handlerDeps) => {
    calls.push({ subjectId: timer.subjectId, payload: timer.payload });
    await enqueueMessage(tx, {
      siteId: timer.siteId,
      channel: 'sms',
      recipient: '+15550100',
      body: 'Reminder',
      purpose: 'test.reminder',
      at: handlerDeps.clock(),
    });
  };
  return { calls, handler };
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('timers', () => {
  it('fire once when due, not before, together with what their handler writes', async () => {
    const site = await makeSite(database.db);
    const subjectId = randomUUID();
    const { calls, handler } = recordingHandler();
    await schedule(site, {
      kind: 'test.remind',
      subjectId,
      dueAt: new Date(clock.now().getTime() + 10 * MINUTE),
      payload: { step: 1 },
    });

    clock.advance(10 * MINUTE - 1000);
    await runTimersOnce(deps(), { 'test.remind': handler });
    expect(calls).toEqual([]);
    expect(await outboxPurposes(site)).toEqual([]);

    clock.advance(1000);
    await runTimersOnce(deps(), { 'test.remind': handler });
    await runTimersOnce(deps(), { 'test.remind': handler });
    expect(calls).toEqual([{ subjectId, payload: { step: 1 } }]);
    expect(await timerRows(site)).toMatchObject([{ state: 'fired', fired_at: clock.now(), attempts: 1 }]);
    expect(await outboxPurposes(site)).toEqual(['test.reminder']);
  });

  it('fire once after a restart: a new worker after the due time, and two workers at once', async () => {
    const site = await makeSite(database.db);
    const subjects = [randomUUID(), randomUUID(), randomUUID()];
    for (const subjectId of subjects) {
      await schedule(site, {
        kind: 'test.escalate',
        subjectId,
        dueAt: new Date(clock.now().getTime() + 5 * MINUTE),
      });
    }
    // The process that scheduled them is gone; nothing about them was kept in memory.
    clock.advance(6 * MINUTE);
    const first = recordingHandler();
    const second = recordingHandler();
    await Promise.all([
      runTimersOnce(deps(), { 'test.escalate': first.handler }),
      runTimersOnce(deps(), { 'test.escalate': second.handler }),
    ]);
    await runTimersOnce(deps(), { 'test.escalate': recordingHandler().handler });

    const fired = [...first.calls, ...second.calls].map((call) => call.subjectId).sort();
    expect(fired).toEqual([...subjects].sort());
    expect((await timerRows(site)).map((row) => row.state)).toEqual(['fired', 'fired', 'fired']);
    expect(await outboxPurposes(site)).toHaveLength(3);
  });

  it('never fire once cancelled', async () => {
    const site = await makeSite(database.db);
    const subjectId = randomUUID();
    const { calls, handler } = recordingHandler();
    await schedule(site, {
      kind: 'test.deadline',
      subjectId,
      dueAt: new Date(clock.now().getTime() + MINUTE),
    });
    expect(
      await inSite(site, (tx) => cancelTimer(tx, { siteId: site.id, kind: 'test.deadline', subjectId })),
    ).toBe(true);
    expect(
      await inSite(site, (tx) => cancelTimer(tx, { siteId: site.id, kind: 'test.deadline', subjectId })),
    ).toBe(false);

    clock.advance(2 * MINUTE);
    await runTimersOnce(deps(), { 'test.deadline': handler });
    expect(calls).toEqual([]);
    expect(await timerRows(site)).toMatchObject([{ state: 'cancelled', fired_at: null }]);
  });

  it('keep one when the same kind and subject is scheduled twice', async () => {
    const site = await makeSite(database.db);
    const subjectId = randomUUID();
    const dueAt = new Date(clock.now().getTime() + MINUTE);
    expect(await schedule(site, { kind: 'test.once', subjectId, dueAt })).toBe(true);
    expect(
      await schedule(site, { kind: 'test.once', subjectId, dueAt: new Date(dueAt.getTime() + MINUTE) }),
    ).toBe(false);

    const rows = await timerRows(site);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.due_at).toEqual(dueAt);
    const { calls, handler } = recordingHandler();
    clock.advance(3 * MINUTE);
    await runTimersOnce(deps(), { 'test.once': handler });
    expect(calls).toHaveLength(1);
  });

  it('stay scheduled with a back-off when the handler fails, and its writes are rolled back', async () => {
    const site = await makeSite(database.db);
    const subjectId = randomUUID();
    await schedule(site, { kind: 'test.flaky', subjectId, dueAt: clock.now() });
    const failing: TimerHandler = async (tx, timer, handlerDeps) => {
      await enqueueMessage(tx, {
        siteId: timer.siteId,
        channel: 'email',
        recipient: 'x@example.test',
        subject: 'never',
        body: 'never',
        purpose: 'test.never',
        at: handlerDeps.clock(),
      });
      throw new Error('the calendar service is down');
    };

    await runTimersOnce(deps(), { 'test.flaky': failing });
    expect(await timerRows(site)).toMatchObject([
      {
        state: 'scheduled',
        attempts: 1,
        last_error: 'Error: the calendar service is down',
        claimed_until: new Date(clock.now().getTime() + 30_000),
      },
    ]);
    expect(await outboxPurposes(site)).toEqual([]);

    const { calls, handler } = recordingHandler();
    await runTimersOnce(deps(), { 'test.flaky': handler });
    expect(calls).toEqual([]);
    clock.advance(30_000);
    await runTimersOnce(deps(), { 'test.flaky': handler });
    expect(calls).toHaveLength(1);
    expect(await timerRows(site)).toMatchObject([{ state: 'fired', attempts: 2, last_error: null }]);
  });

  it('are fired and their messages sent by the background work, which stops when asked', async () => {
    const site = await makeSite(database.db);
    const subjectId = randomUUID();
    await schedule(site, {
      kind: 'test.background',
      subjectId,
      dueAt: new Date(clock.now().getTime() + MINUTE),
    });
    const { calls, handler } = recordingHandler();
    const lines: string[] = [];
    const errors: unknown[] = [];
    const log = logTransport((line) => lines.push(line));

    const work = startBackgroundWork(deps(), {
      intervalMs: 20,
      transports: { email: log, sms: log },
      timerHandlers: { 'test.background': handler },
      onError: (error) => errors.push(error),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls).toEqual([]);
      clock.advance(MINUTE);
      await vi.waitFor(async () => {
        const [message] = await inSite(site, (tx) =>
          tx.selectFrom('outbox_messages').select(['id', 'state']).execute(),
        );
        expect(message?.state).toBe('sent');
      });
    } finally {
      await work.stop();
    }
    expect(calls).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(lines.some((line) => line.startsWith('sms message ') && line.includes(site.id))).toBe(true);

    // Stopped: a timer that comes due afterwards waits for the next worker.
    await schedule(site, { kind: 'test.background', subjectId: randomUUID(), dueAt: clock.now() });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toHaveLength(1);
  });
});
