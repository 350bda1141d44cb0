import type { SubmitEncounterRequest } from '../../contracts/referrals.ts';
import { inScope, type Tx } from '../../db/scope.ts';
import { recordContactRequest } from '../referrals/request-contact.ts';
import { submitEncounter } from '../referrals/submit-encounter.ts';

/** A small deterministic random source, so every demo database holds the same synthetic people. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN_NAMES = [
  'Avery',
  'Blake',
  'Cameron',
  'Dakota',
  'Emerson',
  'Finley',
  'Harper',
  'Jesse',
  'Kendall',
  'Logan',
  'Morgan',
  'Quinn',
  'Reese',
  'Sage',
  'Tatum',
];
const AREAS = ['Beat 1', 'Beat 2', 'Beat 3', 'Beat 4', 'Downtown', 'Northside', 'Southside'];
const RACES = [
  ['white'],
  ['black_african_american'],
  ['black_african_american'],
  ['hispanic_latino'],
  ['white', 'american_indian_alaska_native'],
  ['asian'],
] as const;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Synthetic encounters for the demo site, recorded by the demo officer over the last 90 days:
 * accepted, declined, not offered because ineligible, and a few requests for contact, so every page
 * and count has something to show. None of these people exist.
 */
export async function seedDemoReferrals(
  tx: Tx,
  site: { id: string },
  officerId: string,
  now: Date,
): Promise<void> {
  const random = seededRandom(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  await inScope(tx, { siteId: site.id, userId: officerId }, async (scoped) => {
    for (let index = 0; index < 36; index++) {
      const occurredAt = new Date(
        now.getTime() - Math.floor(random() * 90) * 86_400_000 - Math.floor(random() * 86_400_000),
      );
      const screenedOn = isoDate(occurredAt);
      const age = 19 + Math.floor(random() * 45);
      const onProbation = random() < 0.22;
      const distribution = random() < 0.08;
      const arrest = random() < 0.45;
      const eligible = !onProbation && !distribution;
      const outcome = random();
      const offer: SubmitEncounterRequest['offer'] = !eligible
        ? { outcome: 'not_offered', reason: 'ineligible' }
        : outcome < 0.7
          ? { outcome: 'accepted' }
          : outcome < 0.88
            ? { outcome: 'declined', reason: 'Not ready today' }
            : { outcome: 'pending' };
      const woman = random() < 0.4;
      await submitEncounter(
        scoped,
        { siteId: site.id, userId: officerId, now: occurredAt },
        {
          pathway: arrest ? 'arrest_diversion' : 'social_contact',
          occurredAt: occurredAt.toISOString(),
          area: pick(AREAS),
          incidentNumber: arrest ? `DC-${screenedOn.slice(2, 4)}-${String(1000 + index)}` : undefined,
          chargeCodes: arrest ? [pick(['POSS_CS_II_IV', 'POSS_PARA', 'TRESP_2', 'SHOPLIFT'])] : [],
          person: {
            nameOrAlias: `${pick(GIVEN_NAMES)} ${String.fromCharCode(65 + Math.floor(random() * 26))}. (demo)`,
          },
          perceivedDemographics:
            random() < 0.1
              ? {
                  raceMissing: 'not_collected',
                  ethnicityMissing: 'not_collected',
                  genderMissing: 'not_collected',
                }
              : {
                  race: [...pick(RACES)],
                  ethnicity: random() < 0.12 ? 'hispanic_latino' : 'not_hispanic_latino',
                  gender: [woman ? 'woman' : 'man'],
                },
          answers: {
            screenedOn,
            age,
            opioidDosageUnits: Math.floor(random() * 20),
            involvedInDistribution: distribution,
            involvedInExploitationOfMinors: false,
            involvedInPromotingProstitution: false,
            onParoleOrProbation: onProbation,
            violentCrimeDates: [],
            assaultChargeDates: [],
          },
          offer,
        },
      );
    }
    const requests = [
      {
        requester: 'family',
        nameOrAlias: 'Jordan P. (demo)',
        phone: '555-0142',
        bestTime: 'Evenings',
        message: 'My brother is ready to talk to someone.',
      },
      {
        requester: 'self',
        nameOrAlias: 'Sky (demo)',
        email: 'sky.demo@example.test',
        message: 'I need help with ID and a place to stay.',
      },
    ] as const;
    for (const [index, request] of requests.entries()) {
      await recordContactRequest(
        scoped,
        site.id,
        request,
        new Date(now.getTime() - (index + 1) * 3_600_000),
        null,
      );
    }
  });
}
