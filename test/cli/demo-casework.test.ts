import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SITES, seedDemo } from '../../src/app/demo/seed-demo.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { findSiteBySlug } from '../../src/db/repositories/sites.ts';
import { inScope } from '../../src/db/scope.ts';
import { DEFAULT_ENGAGEMENT_THRESHOLDS, engagementOf } from '../../src/domain/participants/engagement.ts';
import { dateInZone } from '../../src/domain/participants/intake.ts';
import { removeFolder, temporaryFolder } from './support.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) removeFolder(folder);
});

describe('the demo participants', () => {
  it('have contacts after their enrolment (active, inactive, going in the wind), goals and an appointment today', async () => {
    const dataDirectory = temporaryFolder('lead-demo-casework-');
    folders.push(dataDirectory);
    const handle = await openDatabase({ kind: 'pglite', dataDirectory });
    try {
      await migrate(handle.db);
      // Late in the evening in New York, so "today" must not slip to tomorrow.
      const now = new Date('2026-11-30T03:30:00Z');
      expect(await seedDemo(handle.db, undefined, now)).toEqual({ seeded: true });
      const [demoCity] = DEMO_SITES;
      const site = await findSiteBySlug(handle.db, demoCity.slug);
      if (!site) throw new Error('no demo site');
      const facts = await inScope(handle.db, { siteId: site.id, userId: null }, async (tx) => ({
        participants: await tx
          .selectFrom('participants')
          .select([
            'id',
            'last_contact_at as lastContactAt',
            'enrolled_at as enrolledAt',
            'created_at as createdAt',
          ])
          .where('site_id', '=', site.id)
          .execute(),
        goals: await tx.selectFrom('plan_goals').select('id').where('site_id', '=', site.id).execute(),
        appointments: await tx
          .selectFrom('appointments')
          .select('starts_at')
          .where('site_id', '=', site.id)
          .execute(),
      }));
      expect(facts.participants.length).toBeGreaterThanOrEqual(3);
      const engagement = facts.participants.map((participant) =>
        engagementOf(participant, now, site.timezone, DEFAULT_ENGAGEMENT_THRESHOLDS),
      );
      const levels = new Set(engagement.map((each) => each.level));
      expect(levels).toContain('active');
      expect(levels).toContain('inactive');
      // Someone on the "going in the wind" list: within 14 days of the threshold, or past it.
      expect(Math.max(...engagement.map((each) => each.daysSince))).toBeGreaterThanOrEqual(
        DEFAULT_ENGAGEMENT_THRESHOLDS.inTheWindDays - 14,
      );
      for (const participant of facts.participants) {
        expect(participant.enrolledAt).not.toBeNull();
        expect(participant.lastContactAt?.getTime()).toBeGreaterThan(participant.enrolledAt?.getTime() ?? 0);
        expect(participant.enrolledAt?.getTime()).toBeLessThanOrEqual(now.getTime());
      }
      expect(facts.goals.length).toBeGreaterThanOrEqual(3);
      expect(
        facts.appointments.map((appointment) => dateInZone(appointment.starts_at, site.timezone)),
      ).toContain(dateInZone(now, site.timezone));
    } finally {
      await handle.close();
    }
  });
});
