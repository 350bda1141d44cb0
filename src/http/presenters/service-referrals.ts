import type { ProviderReferralView } from '../../app/service-referrals/provider-referrals.ts';
import type { ProviderReferral, ServiceReferral } from '../../contracts/service-referrals.ts';
import type {
  ServiceReferralEventRecord,
  ServiceReferralRecord,
} from '../../db/repositories/service-referrals.ts';
import { allowedMoves, type ReferralParty } from '../../domain/service-referrals/service-referral.ts';

const presentEvent = (event: ServiceReferralEventRecord) => ({
  from: event.from,
  to: event.to,
  reason: event.reason,
  by: event.userName,
  at: event.at.toISOString(),
});

/** A referral for the care team, with the moves they may make next. */
export function presentServiceReferral(
  referral: ServiceReferralRecord,
  history: ServiceReferralEventRecord[],
  party: ReferralParty = 'care_team',
): ServiceReferral {
  return {
    id: referral.id,
    participantId: referral.participantId,
    status: referral.status,
    service: { id: referral.serviceId, name: referral.serviceName },
    organization: { id: referral.organizationId, name: referral.organizationName },
    createdAt: referral.createdAt.toISOString(),
    updatedAt: referral.updatedAt.toISOString(),
    nextStatuses: [...allowedMoves(referral.status, party)],
    history: history.map(presentEvent),
  };
}

/** A referral for the partner: only the fields the person's release allows. */
export function presentProviderReferral(view: ProviderReferralView): ProviderReferral {
  return {
    id: view.referral.id,
    status: view.referral.status,
    service: { id: view.referral.serviceId, name: view.referral.serviceName },
    createdAt: view.referral.createdAt.toISOString(),
    updatedAt: view.referral.updatedAt.toISOString(),
    nextStatuses: [...allowedMoves(view.referral.status, 'provider')],
    history: view.history.map(presentEvent),
    nameOrAlias: view.nameOrAlias,
    disclosed: view.disclosed,
    enrolmentStatus: view.enrolmentStatus,
    contactMethods: view.contactMethods,
    engagementLevel: view.engagementLevel,
    attendance: view.attendance,
  };
}
