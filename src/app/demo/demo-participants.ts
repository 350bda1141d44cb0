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
 * Each demo participant's casework, by position: contacts some days ago (outreach met them before
 * they enrolled too), so engagement shows active (last contact 2 days ago), inactive (40) and in the
 * wind (100) with the default thresholds; goals in their words; and the first has an appointment today.
 */
const CASEWORK = [
  {
    contactDaysAgo: [2, 9, 16],
    goals: [
      { goal: 'Get my ID back so I can apply for housing', needs: ['id_documents'], status: 'in_progress' },
      { goal: 'Start on buprenorphine at the clinic', needs: ['moud', 'medical'], status: 'not_started' },
    ],
  },
  {
    contactDaysAgo: [40, 52],
    goals: [{ goal: 'A phone that works, to stay in touch', needs: ['phone'], status: 'achieved' }],
  },
  {
    contactDaysAgo: [100, 115, 130],
    goals: [{ goal: 'A safe place to sleep this winter', needs: ['shelter_housing'], status: 'not_started' }],
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
    const context = {
      siteId: site.id,
      principal: { userId: caseManagerId, rolesAtSite: ['case_manager' as const] },
      now,
    };
    const accepted = await findReferralsByStatus(scoped, site.id, ['accepted'], count);
    for (const [index, referral] of accepted.entries()) {
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
        signedOn: dateInZone(now, site.timezone),
      });
      await completeIntake(scoped, context, participant.id);

      const work = CASEWORK[index % CASEWORK.length] ?? CASEWORK[0];
      const staff = { siteId: site.id, userId: caseManagerId, now };
      for (const [n, daysAgo] of work.contactDaysAgo.entries())
        await logContact(scoped, staff, participant.id, {
          kind: n === 0 ? 'field' : n === 1 ? 'phone' : 'office',
          occurredAt: new Date(now.getTime() - daysAgo * DAY),
          durationMinutes: 15 + 10 * n,
          note: null,
          staffIds: null,
          correctsContactId: null,
        });
      for (const goal of work.goals)
        await addGoal(scoped, staff, participant.id, { ...goal, needs: [...goal.needs] });
      if (index === 0)
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
