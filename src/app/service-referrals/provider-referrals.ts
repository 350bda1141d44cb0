import { findCareParticipant } from '../../db/repositories/participant-care.ts';
import { findAppointmentsWithOrganization } from '../../db/repositories/partner-attendance.ts';
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
import type { AppointmentStatus } from '../../domain/appointments/appointment.ts';
import { DomainError } from '../../domain/errors.ts';
import type { EngagementLevel } from '../../domain/participants/engagement.ts';
import { dateInZone } from '../../domain/participants/intake.ts';
import type { ReleaseCategory } from '../../domain/participants/release.ts';
import { engagementContext, engagementOfParticipant } from '../participants/care-participant.ts';
import { categoriesForOrganization } from './disclosure.ts';

type Context = { siteId: string; userId: string; now: Date };

export type ProviderReferralView = {
  referral: ServiceReferralRecord;
  history: ServiceReferralEventRecord[];
  nameOrAlias: string;
  disclosed: ReleaseCategory[];
  enrolmentStatus: 'intake' | 'enrolled' | 'exited' | null;
  contactMethods: { kind: string; value: string; note: string | null }[] | null;
  /** Under engagement_level, while the person is enrolled. */
  engagementLevel: EngagementLevel | null;
  /** Under attendance: appointments with this organization's services only (site-local dates). */
  attendance: PartnerAttendance | null;
};

export type PartnerAttendance = {
  attended: number;
  missed: number;
  appointments: { date: string; status: AppointmentStatus }[];
};

async function engagementLevelOf(tx: Tx, context: Context, participantId: string) {
  const participant = await findCareParticipant(tx, context.siteId, participantId);
  if (participant?.status !== 'enrolled') return null;
  return engagementOfParticipant(participant, context.now, await engagementContext(tx, context.siteId)).level;
}

async function attendanceWith(
  tx: Tx,
  context: Context,
  participantId: string,
  organizationId: string,
): Promise<PartnerAttendance> {
  const { timeZone } = await engagementContext(tx, context.siteId);
  const appointments = await findAppointmentsWithOrganization(tx, {
    siteId: context.siteId,
    participantId,
    organizationId,
  });
  return {
    attended: appointments.filter((each) => each.status === 'attended').length,
    missed: appointments.filter((each) => each.status === 'missed').length,
    appointments: appointments.map((each) => ({
      date: dateInZone(each.startsAt, timeZone),
      status: each.status,
    })),
  };
}

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
    engagementLevel: allowed.has('engagement_level')
      ? await engagementLevelOf(tx, context, participant.id)
      : null,
    attendance: allowed.has('attendance')
      ? await attendanceWith(tx, context, participant.id, organizationId)
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
