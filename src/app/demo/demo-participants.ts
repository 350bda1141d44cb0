import { findReferralsByStatus } from '../../db/repositories/referrals.ts';
import { inScope, type Tx } from '../../db/scope.ts';
import { dateInZone } from '../../domain/participants/intake.ts';
import { completeIntake } from '../participants/complete-intake.ts';
import { recordRelease } from '../participants/record-release.ts';
import { saveIntake } from '../participants/save-intake.ts';
import { startIntake } from '../participants/start-intake.ts';

/**
 * A few demo participants: the oldest accepted referrals of the site taken through intake by the
 * demo case manager, each with a signed release (the last one naming the arresting agency and the
 * district attorney, so the officer's view shows an enrolment), and completed. Synthetic people.
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
    }
  });
}
