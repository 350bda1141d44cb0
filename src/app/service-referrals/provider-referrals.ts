import { findProviderOrganization } from '../../db/repositories/provider-organizations.ts';
import {
  findContactMethodsOfPerson,
  findParticipantForReferral,
  findServiceReferral,
  findServiceReferralEvents,
  findServiceReferralsToOrganization,
  type ServiceReferralEventRecord,
  type ServiceReferralRecord,
} from '../../db/repositories/service-referrals.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ReleaseCategory } from '../../domain/participants/release.ts';
import { categoriesForOrganization } from './disclosure.ts';

type Context = { siteId: string; userId: string; now: Date };

export type ProviderReferralView = {
  referral: ServiceReferralRecord;
  history: ServiceReferralEventRecord[];
  nameOrAlias: string;
  disclosed: ReleaseCategory[];
  enrolmentStatus: 'intake' | 'enrolled' | 'exited' | null;
  contactMethods: { kind: string; value: string; note: string | null }[] | null;
};

/** The provider user's organization; a provider not linked to one sees nothing. */
export async function ownOrganization(tx: Tx, context: Context) {
  return findProviderOrganization(tx, context.siteId, context.userId);
}

/**
 * A referral as the partner sees it, or undefined when they may not: it must be sent to their
 * organization and a release in force must name it for service referrals (checked now, so a
 * revocation hides it from the next request on). Other fields follow the released categories.
 */
async function disclose(
  tx: Tx,
  context: Context,
  referral: ServiceReferralRecord,
  organizationId: string,
  history: ServiceReferralEventRecord[],
): Promise<ProviderReferralView | undefined> {
  if (referral.organizationId !== organizationId) return undefined;
  const allowed = await categoriesForOrganization(tx, context, referral.participantId, organizationId);
  if (!allowed.has('service_referrals')) return undefined;
  const participant = await findParticipantForReferral(tx, context.siteId, referral.participantId);
  if (!participant) return undefined;
  return {
    referral,
    history,
    nameOrAlias: participant.nameOrAlias,
    disclosed: [...allowed].sort(),
    enrolmentStatus: allowed.has('enrolment_status') ? participant.status : null,
    contactMethods: allowed.has('contact_information')
      ? await findContactMethodsOfPerson(tx, context.siteId, participant.personId)
      : null,
  };
}

/** The referrals sent to the provider's organization that the people's releases let them see. */
export async function listProviderReferrals(tx: Tx, context: Context, limit: number) {
  const organization = await ownOrganization(tx, context);
  if (!organization) return { organization: null, referrals: [] };
  const referrals = await findServiceReferralsToOrganization(
    tx,
    context.siteId,
    organization.organizationId,
    limit,
  );
  const histories = await findServiceReferralEvents(
    tx,
    context.siteId,
    referrals.map((referral) => referral.id),
  );
  const views: ProviderReferralView[] = [];
  for (const referral of referrals) {
    const view = await disclose(
      tx,
      context,
      referral,
      organization.organizationId,
      histories.get(referral.id) ?? [],
    );
    if (view) views.push(view);
  }
  return { organization, referrals: views };
}

/** One referral for the provider, or "not found" when it is not theirs to see. */
export async function viewProviderReferral(
  tx: Tx,
  context: Context,
  referralId: string,
): Promise<ProviderReferralView> {
  const organization = await ownOrganization(tx, context);
  const referral = await findServiceReferral(tx, context.siteId, referralId);
  if (!organization || !referral) throw new DomainError('NOT_FOUND', 'Not found.');
  const histories = await findServiceReferralEvents(tx, context.siteId, [referral.id]);
  const view = await disclose(
    tx,
    context,
    referral,
    organization.organizationId,
    histories.get(referral.id) ?? [],
  );
  if (!view) throw new DomainError('NOT_FOUND', 'Not found.');
  return view;
}
