/**
 * The intake: what the person needs right now, needs by domain (PRODUCT.md step 5), self-reported
 * demographics and ways to reach them. It completes only with a signed release in force, one of the
 * two mandates of the LEAD fidelity model.
 */
import { type ReleaseTerms, releaseInForce } from './release.ts';

/** Needs by domain, in the order the form asks about them: the one list, shared with the plan. */
export { NEED_DOMAINS, type NeedDomain } from './needs.ts';

/** How pressing a need is, as the person sees it. */
export const NEED_LEVELS = ['none', 'some', 'urgent'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

/** Ways to reach someone (person_contact_methods.kind). */
export const CONTACT_METHOD_KINDS = ['sms', 'phone', 'email', 'other'] as const;
export type ContactMethodKind = (typeof CONTACT_METHOD_KINDS)[number];

/** Whether an intake may complete today: some signed release of the participant is in force. */
export function mayCompleteIntake(
  releases: readonly Pick<ReleaseTerms, 'expiresOn' | 'revokedAt'>[],
  today: string,
): boolean {
  return releases.some((release) => releaseInForce(release, today));
}

/** The date (YYYY-MM-DD) an instant falls on in a time zone: "today" for releases and signatures. */
export function dateInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * What a new release form starts with (editable): the program as the one who may disclose, and the
 * site's standard words on purpose and on the right to revoke and how.
 */
export function releaseDefaults(programName: string) {
  return {
    discloser: programName,
    purpose:
      'To coordinate my care and support in the LEAD program, and to let the parties named here know whether I take part.',
    revocationTerms:
      'I may revoke this release at any time by telling my case manager or the program, in person, by phone or in writing. Revocation takes effect at once, except for information already disclosed relying on this release.',
  };
}
