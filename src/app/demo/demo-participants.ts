import { findReferralsByStatus } from '../../db/repositories/referrals.ts';
import { inScope, type Tx } from '../../db/scope.ts';
import { dateInZone } from '../../domain/participants/intake.ts';
import { scheduleAppointment } from '../appointments/schedule-appointment.ts';
import { completeIntake } from '../participants/complete-intake.ts';
import { logContact } from '../participants/contact-log.ts';
import { addGoal } from '../participants/plan-goals.ts';
import { recordRelease } from '../participants/record-release.ts';
import { saveIntake } from '../participants/save-intake.ts';
import { startIntake } from '../participants/start-intake.ts';

const DAY = 86_400_000;

/**
 * Each demo participant's casework, by position (the oldest referral first). Each enrolled a day
 * after their referral, and every contact falls after that: the first was last seen in their first
 * week, so with the default thresholds they are inactive and going "in the wind" (or in it); the
 * second was last seen 40 days ago (inactive); the third 2 days ago (active). Goals in their words;
 * the most recent has an appointment today.
 */
const CASEWORK = [
  {
    contactDaysAfterEnrolment: [0, 3, 6],
    contactDaysAgo: [],
    goals: [{ goal: 'A safe place to sleep this winter', needs: ['shelter_housing'], status: 'not_started' }],
  },
  {
    contactDaysAfterEnrolment: [0],
    contactDaysAgo: [52, 40],
    goals: [{ goal: 'A phone that works, to stay in touch', needs: ['phone'], status: 'achieved' }],
  },
  {
    contactDaysAfterEnrolment: [0],
    contactDaysAgo: [16, 9, 2],
    goals: [
      { goal: 'Get my ID back so I can apply for housing', needs: ['id_documents'], status: 'in_progress' },
      { goal: 'Start on buprenorphine at the clinic', needs: ['moud', 'medical'], status: 'not_started' },
    ],
  },
] as const;

/** Today in the site's time zone, an hour from now if that is still today, else an hour ago. */
function laterToday(now: Date, timeZone: string): Date {
  const soon = new Date(now.getTime() + 3_600_000);
  return dateInZone(soon, timeZone) === dateInZone(now, timeZone)
    ? soon
    : new Date(now.getTime() - 3_600_000);
}

/**
 * A few demo participants: the oldest accepted referrals of the site taken through intake by the
 * demo case manager, each with a signed release (the last one naming the arresting agency and the
 * district attorney, so the officer's view shows an enrolment), and completed; then a few contacts,
 * goals and (the first) an appointment today (see CASEWORK). Synthetic people.
 */
export async function seedDemoParticipants(
  tx: Tx,
  site: { id: string; timezone: string },
  caseManagerId: string,
  now: Date,
  count = 3,
): Promise<void> {
  await inScope(tx, { siteId: site.id, userId: caseManagerId }, async (scoped) => {
    const accepted = await findReferralsByStatus(scoped, site.id, ['accepted'], count);
    for (const [index, referral] of accepted.entries()) {
      // The intake happened a day after the referral (or now, for a referral made today).
      const enrolledAt = new Date(Math.min(referral.createdAt.getTime() + DAY, now.getTime()));
      const context = {
        siteId: site.id,
        principal: { userId: caseManagerId, rolesAtSite: ['case_manager' as const] },
        now: enrolledAt,
      };
      const { participant } = await startIntake(scoped, context, referral.id, {});
      await saveIntake(scoped, context, participant.id, {
        neededNow: ['A warm meal and a place to sleep', 'Getting my ID back', 'Seeing a doctor about my leg'][
          index % 3
        ],
        needs: [
          { domain: 'food', level: 'urgent' },
          { domain: 'id_documents', level: index % 2 === 0 ? 'some' : 'urgent' },
          { domain: 'harm_reduction_supplies_naloxone', level: 'some', notes: 'naloxone kit given' },
        ],
        demographics: {
          raceMissing: 'not_collected',
          ethnicityMissing: 'not_collected',
          genderMissing: 'not_collected',
        },
        contactMethods: [{ kind: 'sms', value: `555-01${String(50 + index)}`, remindersAllowed: true }],
      });
      const sharedWithPolice = index === accepted.length - 1;
      await recordRelease(scoped, context, participant.id, {
        personName: referral.nameOrAlias,
        discloser: 'The LEAD program (demo)',
        categories: ['enrolment_status', 'engagement_level'],
        recipients: sharedWithPolice
          ? [
              { kind: 'arresting_agency', name: 'Demo Police Department' },
              { kind: 'district_attorney', name: 'Demo District Attorney' },
            ]
          : [{ kind: 'named_party', name: 'My sister (synthetic)' }],
        purpose: 'To coordinate my care and let the named parties know whether I take part.',
        revocationTerms: 'I may revoke this release at any time by telling my case manager.',
        expiryEvent: 'When I leave the program',
        signature: { kind: 'typed', typedName: referral.nameOrAlias },
        signedOn: dateInZone(enrolledAt, site.timezone),
      });
      await completeIntake(scoped, context, participant.id);

      const work = CASEWORK[index % CASEWORK.length] ?? CASEWORK[0];
      const staff = { siteId: site.id, userId: caseManagerId, now };
      const contactTimes = [
        ...work.contactDaysAfterEnrolment.map((days) => enrolledAt.getTime() + days * DAY + 3_600_000),
        ...work.contactDaysAgo.map((days) => now.getTime() - days * DAY),
      ].filter((time) => time > enrolledAt.getTime() && time <= now.getTime());
      for (const [n, time] of contactTimes.entries())
        await logContact(scoped, staff, participant.id, {
          kind: n % 3 === 0 ? 'field' : n % 3 === 1 ? 'phone' : 'office',
          occurredAt: new Date(time),
          durationMinutes: 15 + 10 * n,
          note: null,
          staffIds: null,
          correctsContactId: null,
        });
      for (const goal of work.goals)
        await addGoal(scoped, staff, participant.id, { ...goal, needs: [...goal.needs] });
      if (index === accepted.length - 1)
        await scheduleAppointment(scoped, staff, participant.id, {
          startsAt: laterToday(now, site.timezone),
          place: 'Program office (demo)',
          withWhom: 'Casey, case manager',
          partnerServiceId: null,
          purpose: 'Check-in about the ID application',
        });
    }
  });
}
