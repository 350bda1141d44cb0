import type { z } from 'zod';
import type { contactRequestBody } from '../../contracts/referrals.ts';
import {
  insertContactRequest,
  insertEncounter,
  insertFirstStatusChanges,
  insertPerson,
  insertReferral,
} from '../../db/repositories/referrals.ts';
import { findSiteBySlug } from '../../db/repositories/sites.ts';
import { inScope, type Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { transition } from '../../domain/referrals/lifecycle.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AppDeps } from '../deps.ts';

const MINIMUM_FILL_MS = 2000;

/**
 * A request for contact from the public page, by a community member or the person themself. It
 * always makes a new pending referral, and the answer is the same whoever it names, so the page
 * never reveals whether someone is known to the program. Bot submissions (the hidden field filled,
 * or sent faster than a person can type) get the same answer and are not stored.
 */
export async function requestContact(
  deps: AppDeps,
  siteSlug: string,
  body: z.infer<typeof contactRequestBody>,
  requestId: string,
): Promise<{ stored: boolean }> {
  const site = await findSiteBySlug(deps.db, siteSlug);
  if (!site) throw new DomainError('NOT_FOUND', 'No program has this address.');
  const now = deps.clock();
  const looksAutomated =
    Boolean(body.website) ||
    (body.formOpenedAt !== undefined && now.getTime() - body.formOpenedAt < MINIMUM_FILL_MS);
  if (looksAutomated) return { stored: false };

  await inScope(deps.db, { siteId: site.id, userId: null }, (tx) =>
    recordContactRequest(tx, site.id, body, now, requestId),
  );
  return { stored: true };
}

/** Stores one request for contact as a new person, encounter and pending referral, in the caller's transaction. */
export async function recordContactRequest(
  tx: Tx,
  siteId: string,
  body: z.infer<typeof contactRequestBody>,
  now: Date,
  requestId: string | null,
): Promise<string> {
  const pathway = body.requester === 'self' ? 'self_referral' : 'community_referral';
  const personId = await insertPerson(tx, {
    siteId: siteId,
    nameOrAlias: body.nameOrAlias,
    dateOfBirth: null,
    approximateAge: null,
    at: now,
  });
  const encounterId = await insertEncounter(tx, {
    siteId: siteId,
    personId,
    pathway,
    recordedBy: null,
    incidentNumber: null,
    chargeCodes: [],
    area: null,
    occurredAt: now,
    recordedAt: now,
  });
  const step = transition(
    null,
    { type: 'request_contact' },
    { screening: null, pathway, prosecutorApprovalRequired: false },
  );
  const referralId = await insertReferral(tx, {
    siteId: siteId,
    encounterId,
    personId,
    status: step.to,
    at: now,
  });
  await insertFirstStatusChanges(tx, { siteId, referralId, steps: [step], at: now, by: null });
  await insertContactRequest(tx, {
    site_id: siteId,
    referral_id: referralId,
    requester: body.requester,
    phone: body.phone ?? null,
    email: body.email ?? null,
    best_time: body.bestTime ?? null,
    message: body.message ?? null,
    created_at: now,
  });
  await recordAudit(tx, {
    occurredAt: now,
    userId: null,
    role: null,
    siteId: siteId,
    action: 'referral.contact_requested',
    resourceType: 'referral',
    resourceId: referralId,
    outcome: 'success',
    requestId,
  });
  return referralId;
}
