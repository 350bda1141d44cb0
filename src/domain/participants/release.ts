/**
 * Releases of information under 42 CFR Part 2, section 2.31: what a participant allowed to be
 * disclosed, to whom. This is the one place that decides what an officer, a prosecutor or a partner
 * agency may learn about a participant; routes ask it at the moment of each read, so a revocation
 * takes effect on the next request.
 */

/** What a release may allow to be disclosed. */
export const RELEASE_CATEGORIES = [
  'enrolment_status', // whether the person is enrolled in LEAD (and when they enrolled or exited)
  'engagement_level', // active, inactive, "in the wind"
  'attendance', // appointments kept or missed
  'service_referrals', // referrals to partner services and their status
  'treatment_information', // diagnoses, medications, treatment (Part 2 records)
  'contact_information', // how to reach the person
] as const;
export type ReleaseCategory = (typeof RELEASE_CATEGORIES)[number];

/** Who a release names as a recipient: a class of recipient, or a named party or organization. */
export const RECIPIENT_KINDS = [
  'arresting_agency',
  'district_attorney',
  'provider_organization',
  'named_party',
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export type ReleaseRecipient = { kind: RecipientKind; organizationId: string | null; name: string };

/** The facts about a release that decide whether it allows a disclosure now. */
export type ReleaseTerms = {
  categories: readonly ReleaseCategory[];
  recipients: readonly ReleaseRecipient[];
  /** The last day the release is in force (inclusive), in the site's calendar, or null. */
  expiresOn: string | null;
  revokedAt: Date | null;
};

/** Who is asking to see something: the class they belong to, and their organization for providers. */
export type Requester =
  | { kind: 'arresting_agency' }
  | { kind: 'district_attorney' }
  | { kind: 'provider_organization'; organizationId: string };

/** Whether a release is in force on `today` (a YYYY-MM-DD date in the site's time zone). */
export function releaseInForce(
  release: Pick<ReleaseTerms, 'expiresOn' | 'revokedAt'>,
  today: string,
): boolean {
  if (release.revokedAt !== null) return false;
  return release.expiresOn === null || today <= release.expiresOn;
}

function names(recipient: ReleaseRecipient, requester: Requester): boolean {
  if (recipient.kind !== requester.kind) return false;
  if (requester.kind === 'provider_organization')
    return recipient.organizationId === requester.organizationId;
  return true;
}

/**
 * The categories a requester may see about a participant: the union over the releases in force
 * that name them. An empty set means nothing at all may be disclosed to them.
 */
export function disclosableCategories(
  releases: readonly ReleaseTerms[],
  requester: Requester,
  today: string,
): ReadonlySet<ReleaseCategory> {
  const allowed = new Set<ReleaseCategory>();
  for (const release of releases) {
    if (!releaseInForce(release, today)) continue;
    if (!release.recipients.some((recipient) => names(recipient, requester))) continue;
    for (const category of release.categories) allowed.add(category);
  }
  return allowed;
}
