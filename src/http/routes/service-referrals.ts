import { changeServiceReferralStatus } from '../../app/service-referrals/change-service-referral-status.ts';
import { createServiceReferral } from '../../app/service-referrals/create-service-referral.ts';
import { participantServiceReferrals } from '../../app/service-referrals/participant-service-referrals.ts';
import {
  listProviderReferrals,
  viewProviderReferral,
} from '../../app/service-referrals/provider-referrals.ts';
import { siteParams } from '../../contracts/common.ts';
import {
  createServiceReferralRequest,
  participantServiceReferralParams,
  providerReferral,
  providerReferralsResponse,
  serviceReferral,
  serviceReferralParams,
  serviceReferralStatusRequest,
  serviceReferralsResponse,
} from '../../contracts/service-referrals.ts';
import { findServiceReferral, findServiceReferralEvents } from '../../db/repositories/service-referrals.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { presentProviderReferral, presentServiceReferral } from '../presenters/service-referrals.ts';
import { defineRoute } from '../route.ts';
import { principalOf, requireSite } from './context.ts';

// Service referrals hold participant information: the route guard answers "not found" to anyone
// the action does not name (officers, prosecutors and analysts learn nothing, not even that the
// person is a participant). Every read is audited.

async function careTeamView(tx: Tx, siteId: string, referralId: string) {
  const referral = await findServiceReferral(tx, siteId, referralId);
  if (!referral) throw new DomainError('NOT_FOUND', 'Not found.');
  const history = await findServiceReferralEvents(tx, siteId, [referralId]);
  return presentServiceReferral(referral, history.get(referralId) ?? []);
}

export const serviceReferralRoutes = [
  defineRoute({
    id: 'service_referrals.create',
    method: 'POST',
    url: '/api/v1/sites/:siteId/participants/:participantId/service-referrals',
    summary:
      'Refer a participant to a partner service (needs a release in force naming the organization for service referrals)',
    tags: ['service-referrals'],
    access: { kind: 'site', action: 'service_referrals:write', notFoundForOtherRoles: true },
    params: participantServiceReferralParams,
    body: createServiceReferralRequest,
    response: serviceReferral,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const principal = principalOf(session, site);
      const siteId = requireSite(site).id;
      const id = await createServiceReferral(
        tx,
        { siteId, userId: principal.userId, now: deps.clock(), appUrl: deps.config.publicUrl },
        params.participantId,
        body,
      );
      await audit({
        action: 'service_referral.created',
        resourceType: 'service_referral',
        resourceId: id,
        outcome: 'success',
      });
      return careTeamView(tx, siteId, id);
    },
  }),
  defineRoute({
    id: 'service_referrals.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/participants/:participantId/service-referrals',
    summary: "A participant's service referrals with each status change, its reason and who made it",
    tags: ['service-referrals'],
    access: { kind: 'site', action: 'service_referrals:write', notFoundForOtherRoles: true },
    params: participantServiceReferralParams,
    response: serviceReferralsResponse,
    async handler({ tx, site, params, audit }) {
      const found = await participantServiceReferrals(tx, requireSite(site).id, params.participantId);
      await audit({
        action: 'service_referrals.viewed',
        resourceType: 'participant',
        resourceId: params.participantId,
        outcome: 'success',
      });
      return { referrals: found.map((entry) => presentServiceReferral(entry.referral, entry.history)) };
    },
  }),
  defineRoute({
    id: 'service_referrals.change_status',
    method: 'POST',
    url: '/api/v1/sites/:siteId/service-referrals/:serviceReferralId/status',
    summary: 'The care team moves a referral (cancel, put on hold, resume, close) with a reason',
    tags: ['service-referrals'],
    access: { kind: 'site', action: 'service_referrals:write', notFoundForOtherRoles: true },
    params: serviceReferralParams,
    body: serviceReferralStatusRequest,
    response: serviceReferral,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const principal = principalOf(session, site);
      const siteId = requireSite(site).id;
      await changeServiceReferralStatus(
        tx,
        { siteId, userId: principal.userId, now: deps.clock(), party: 'care_team' },
        params.serviceReferralId,
        body,
      );
      await audit({
        action: `service_referral.${body.status}`,
        resourceType: 'service_referral',
        resourceId: params.serviceReferralId,
        outcome: 'success',
      });
      return careTeamView(tx, siteId, params.serviceReferralId);
    },
  }),
  defineRoute({
    id: 'provider.referrals.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/provider/referrals',
    summary:
      "A partner's referrals: those sent to their organization that each person's release lets them see",
    tags: ['service-referrals'],
    access: { kind: 'site', action: 'service_referrals:provider', notFoundForOtherRoles: true },
    params: siteParams,
    response: providerReferralsResponse,
    async handler({ tx, site, session, deps, audit }) {
      const principal = principalOf(session, site);
      const found = await listProviderReferrals(
        tx,
        { siteId: requireSite(site).id, userId: principal.userId, now: deps.clock() },
        200,
      );
      for (const view of found.referrals)
        await audit({
          action: 'service_referral.viewed_by_provider',
          resourceType: 'service_referral',
          resourceId: view.referral.id,
          outcome: 'success',
        });
      return {
        organization: found.organization
          ? { id: found.organization.organizationId, name: found.organization.organizationName }
          : null,
        referrals: found.referrals.map(presentProviderReferral),
      };
    },
  }),
  defineRoute({
    id: 'provider.referrals.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/provider/referrals/:serviceReferralId',
    summary: 'One referral sent to the partner, with what the release lets them see',
    tags: ['service-referrals'],
    access: { kind: 'site', action: 'service_referrals:provider', notFoundForOtherRoles: true },
    params: serviceReferralParams,
    response: providerReferral,
    async handler({ tx, site, session, params, deps, audit }) {
      const principal = principalOf(session, site);
      const view = await viewProviderReferral(
        tx,
        { siteId: requireSite(site).id, userId: principal.userId, now: deps.clock() },
        params.serviceReferralId,
      );
      await audit({
        action: 'service_referral.viewed_by_provider',
        resourceType: 'service_referral',
        resourceId: view.referral.id,
        outcome: 'success',
      });
      return presentProviderReferral(view);
    },
  }),
  defineRoute({
    id: 'provider.referrals.change_status',
    method: 'POST',
    url: '/api/v1/sites/:siteId/provider/referrals/:serviceReferralId/status',
    summary:
      'The partner answers a referral (received, accepted, rejected, in progress, on hold, completed, failed)',
    tags: ['service-referrals'],
    access: { kind: 'site', action: 'service_referrals:provider', notFoundForOtherRoles: true },
    params: serviceReferralParams,
    body: serviceReferralStatusRequest,
    response: providerReferral,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const principal = principalOf(session, site);
      const context = { siteId: requireSite(site).id, userId: principal.userId, now: deps.clock() };
      await viewProviderReferral(tx, context, params.serviceReferralId);
      await changeServiceReferralStatus(
        tx,
        { ...context, party: 'provider' },
        params.serviceReferralId,
        body,
      );
      await audit({
        action: `service_referral.${body.status}`,
        resourceType: 'service_referral',
        resourceId: params.serviceReferralId,
        outcome: 'success',
      });
      return presentProviderReferral(await viewProviderReferral(tx, context, params.serviceReferralId));
    },
  }),
];
