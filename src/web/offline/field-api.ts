// The field app's calls, through the app's one API client (CSRF token, JSON, ApiError).
import type { z } from 'zod';
import type {
  myReferralsResponse,
  referralDetail,
  referralEventRequest,
  referralListResponse,
  referralSummary,
  SubmitEncounterRequest,
  screenPendingReferralRequest,
  submitEncounterRequest,
  submitEncounterResponse,
} from '../../contracts/referrals.ts';
import type { screeningConfigurationResponse } from '../../contracts/screening.ts';
import type { ApiClient } from '../api/client.ts';

export type ScreeningConfiguration = z.infer<typeof screeningConfigurationResponse>;
export type EncounterRequest = z.input<typeof submitEncounterRequest>;
export type EncounterSubmitted = z.infer<typeof submitEncounterResponse>;
export type ReferralSummary = z.infer<typeof referralSummary>;
export type ReferralList = z.infer<typeof referralListResponse>;
/** The officer's own referrals, each with the progress a release lets them see (if any). */
export type MyReferralList = z.infer<typeof myReferralsResponse>;
export type MyReferral = MyReferralList['referrals'][number];
export type ReferralDetail = z.infer<typeof referralDetail>;
export type ReferralEvent = z.input<typeof referralEventRequest>;
export type Pathway = SubmitEncounterRequest['pathway'];
/** A pending community or self-referral's screening, recorded by the care team (online only). */
export type ScreenRequestBody = z.input<typeof screenPendingReferralRequest>;

const site = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}`;

export function getScreeningConfiguration(api: ApiClient, siteId: string): Promise<ScreeningConfiguration> {
  return api.request('GET', `${site(siteId)}/screening/configuration`);
}

/** Sends one encounter. The key is the one stored with the queued item: a retry is never doubled. */
export function submitEncounter(
  api: ApiClient,
  siteId: string,
  body: EncounterRequest,
  idempotencyKey: string,
): Promise<EncounterSubmitted> {
  return api.request('POST', `${site(siteId)}/encounters`, {
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function listMyReferrals(api: ApiClient, siteId: string): Promise<MyReferralList> {
  return api.request('GET', `${site(siteId)}/referrals/mine`);
}

export function recordReferralEvent(
  api: ApiClient,
  siteId: string,
  referralId: string,
  event: ReferralEvent,
  idempotencyKey: string,
): Promise<ReferralSummary> {
  return api.request('POST', `${site(siteId)}/referrals/${encodeURIComponent(referralId)}/events`, {
    body: event,
    headers: { 'idempotency-key': idempotencyKey },
  });
}
