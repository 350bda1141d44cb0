import { accessibleReferral, changeReferralStatus } from '../../app/referrals/change-referral-status.ts';
import { requestContact } from '../../app/referrals/request-contact.ts';
import { screenPendingReferral } from '../../app/referrals/screen-pending-referral.ts';
import { submitEncounter } from '../../app/referrals/submit-encounter.ts';
import { siteParams } from '../../contracts/common.ts';
import {
  contactRequestBody,
  contactRequestResponse,
  myReferralsQuery,
  myReferralsResponse,
  publicSiteParams,
  referralDetail,
  referralEventRequest,
  referralListQuery,
  referralListResponse,
  referralParams,
  referralSummary,
  screenPendingReferralRequest,
  submitEncounterRequest,
  submitEncounterResponse,
} from '../../contracts/referrals.ts';
import {
  findContactRequest,
  findReferral,
  findReferralsByStatus,
  findReferralsRecordedBy,
  findStatusChanges,
} from '../../db/repositories/referrals.ts';
import { mayAccessReferral } from '../../domain/access/policy.ts';
import {
  isEnrolled,
  OPEN_STATUSES,
  REFERRAL_STATUSES,
  type ReferralStatus,
} from '../../domain/referrals/lifecycle.ts';
import {
  presentReferralSummary,
  progressAsReleased,
  withEnrolmentAsReleased,
} from '../presenters/referrals.ts';
import { defineRoute } from '../route.ts';
import { principalOf, requireSession, requireSite } from './context.ts';

export const referralRoutes = [
  defineRoute({
    id: 'referrals.submit_encounter',
    method: 'POST',
    url: '/api/v1/sites/:siteId/encounters',
    summary: 'Record an encounter: the person, perceived demographics, the screening and the offer outcome',
    tags: ['referrals'],
    access: { kind: 'site', action: 'screening:submit' },
    params: siteParams,
    body: submitEncounterRequest,
    response: submitEncounterResponse,
    successStatus: 201,
    async handler({ tx, site, session, body, deps, audit }) {
      const siteId = requireSite(site).id;
      const { referralId, decision } = await submitEncounter(
        tx,
        { siteId, userId: requireSession(session).user.id, now: deps.clock() },
        body,
      );
      await audit({
        action: 'referral.created',
        resourceType: 'referral',
        resourceId: referralId,
        outcome: 'success',
      });
      const referral = await findReferral(tx, siteId, referralId);
      if (!referral) throw new Error('a referral vanished inside its own transaction');
      return { referral: presentReferralSummary(referral), screening: decision };
    },
  }),
  defineRoute({
    id: 'referrals.mine',
    method: 'GET',
    url: '/api/v1/sites/:siteId/referrals/mine',
    summary: 'The referrals you recorded, newest first, with their status',
    tags: ['referrals'],
    access: { kind: 'site', action: 'referrals:mine' },
    params: siteParams,
    query: myReferralsQuery,
    response: myReferralsResponse,
    async handler({ tx, site, session, query, deps, audit }) {
      const siteId = requireSite(site).id;
      const referrals = await findReferralsRecordedBy(
        tx,
        siteId,
        requireSession(session).user.id,
        query.limit,
      );
      await audit({
        action: 'referral.list_own',
        resourceType: 'referral',
        resourceId: null,
        outcome: 'success',
      });
      const principal = principalOf(session, site);
      const shown = await withEnrolmentAsReleased(tx, siteId, principal, referrals, deps.clock());
      const progress = await progressAsReleased(tx, siteId, principal, referrals, deps.clock());
      return {
        referrals: shown.map((referral) => ({
          ...presentReferralSummary(referral),
          progress: progress.get(referral.id),
        })),
      };
    },
  }),
  defineRoute({
    id: 'referrals.list',
    method: 'GET',
    url: '/api/v1/sites/:siteId/referrals',
    summary: "The site's referrals waiting on the program (or all of them), oldest first",
    tags: ['referrals'],
    access: { kind: 'site', action: 'referrals:review' },
    params: siteParams,
    query: referralListQuery,
    response: referralListResponse,
    async handler({ tx, site, query, audit }) {
      const statuses =
        query.status === 'pending_review'
          ? (['pending_review'] as const)
          : query.status === 'open'
            ? OPEN_STATUSES
            : REFERRAL_STATUSES;
      const referrals = await findReferralsByStatus(tx, requireSite(site).id, [...statuses], query.limit);
      await audit({
        action: 'referral.list',
        resourceType: 'referral',
        resourceId: null,
        outcome: 'success',
      });
      return { referrals: referrals.map(presentReferralSummary) };
    },
  }),
  defineRoute({
    id: 'referrals.view',
    method: 'GET',
    url: '/api/v1/sites/:siteId/referrals/:referralId',
    summary: 'One referral with its status history (the officer who recorded it, or the care team)',
    tags: ['referrals'],
    access: { kind: 'site', action: 'referral:act' },
    params: referralParams,
    response: referralDetail,
    async handler({ tx, site, session, params, deps, audit }) {
      const siteId = requireSite(site).id;
      const principal = principalOf(session, site);
      const found = await accessibleReferral(tx, siteId, principal, params.referralId, 'view');
      const [referral = found] = await withEnrolmentAsReleased(tx, siteId, principal, [found], deps.clock());
      const progress = await progressAsReleased(tx, siteId, principal, [found], deps.clock());
      const enrolmentShown = referral.status === found.status;
      await audit({
        action: 'referral.viewed',
        resourceType: 'referral',
        resourceId: referral.id,
        outcome: 'success',
      });
      const history = await findStatusChanges(tx, siteId, referral.id);
      const contact = mayAccessReferral(principal, referral, 'contact_details')
        ? await findContactRequest(tx, siteId, referral.id)
        : undefined;
      return {
        ...presentReferralSummary(referral),
        chargeCodes: referral.chargeCodes,
        history: history
          .filter((change) => enrolmentShown || !isEnrolled(change.to as ReferralStatus))
          .map((change) => ({
            from: change.from,
            to: change.to,
            reason: change.reason,
            at: change.at.toISOString(),
          })),
        contactRequest: contact ?? null,
        progress: progress.get(referral.id),
      };
    },
  }),
  defineRoute({
    id: 'referrals.change_status',
    method: 'POST',
    url: '/api/v1/sites/:siteId/referrals/:referralId/events',
    summary:
      'Move a referral on: offer, accept, decline, not offered, prosecutor decision, screen or close a request',
    tags: ['referrals'],
    access: { kind: 'site', action: 'referral:act' },
    params: referralParams,
    body: referralEventRequest,
    response: referralSummary,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const referral = await changeReferralStatus(
        tx,
        { siteId: requireSite(site).id, principal: principalOf(session, site), now: deps.clock() },
        params.referralId,
        body,
      );
      await audit({
        action: `referral.${body.type}`,
        resourceType: 'referral',
        resourceId: referral.id,
        outcome: 'success',
      });
      return presentReferralSummary(referral);
    },
  }),
  defineRoute({
    id: 'referrals.screen_pending',
    method: 'POST',
    url: '/api/v1/sites/:siteId/referrals/:referralId/screening',
    summary: 'Screen someone who asked for contact (community or self-referral) and record the offer',
    tags: ['referrals'],
    access: { kind: 'site', action: 'referrals:review' },
    params: referralParams,
    body: screenPendingReferralRequest,
    response: submitEncounterResponse,
    successStatus: 201,
    async handler({ tx, site, session, params, body, deps, audit }) {
      const siteId = requireSite(site).id;
      const { decision } = await screenPendingReferral(
        tx,
        { siteId, principal: principalOf(session, site), now: deps.clock() },
        params.referralId,
        body,
      );
      await audit({
        action: 'referral.screened',
        resourceType: 'referral',
        resourceId: params.referralId,
        outcome: 'success',
      });
      const referral = await findReferral(tx, siteId, params.referralId);
      if (!referral) throw new Error('a referral vanished inside its own transaction');
      return { referral: presentReferralSummary(referral), screening: decision };
    },
  }),
  defineRoute({
    id: 'public.contact_request',
    method: 'POST',
    url: '/api/v1/public/sites/:siteSlug/contact-requests',
    summary: 'Ask the program to get in touch (for yourself or someone else); no sign-in',
    tags: ['public'],
    access: { kind: 'public' },
    transaction: false,
    rateLimitPerMinute: () => 5,
    params: publicSiteParams,
    body: contactRequestBody,
    response: contactRequestResponse,
    successStatus: 202,
    async handler({ deps, params, body, requestId }) {
      await requestContact(deps, params.siteSlug, body, requestId);
      return { received: true as const };
    },
  }),
];
