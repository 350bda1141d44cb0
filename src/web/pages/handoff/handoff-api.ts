// The hand-off calls, through the app's one API client (CSRF token, JSON, ApiError). Nothing here
// is stored on the device: the status is read from the server and kept only in memory.
import type { z } from 'zod';
import type {
  handoff,
  handoffEventRequest,
  handoffMode,
  handoffSummary,
} from '../../../contracts/handoffs.ts';
import type { ApiClient } from '../../api/client.ts';

export type Handoff = z.infer<typeof handoff>;
export type HandoffSummary = z.infer<typeof handoffSummary>;
export type HandoffMode = z.infer<typeof handoffMode>;

const site = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}`;

/** Asks for a warm hand-off. The key is made once per request form, so a retry is never doubled. */
export function requestHandoff(
  api: ApiClient,
  siteId: string,
  referralId: string,
  mode: HandoffMode,
  idempotencyKey: string,
): Promise<HandoffSummary> {
  return api.request('POST', `${site(siteId)}/referrals/${encodeURIComponent(referralId)}/handoffs`, {
    body: { mode },
    headers: { 'idempotency-key': idempotencyKey },
  });
}

export function getHandoff(api: ApiClient, siteId: string, handoffId: string): Promise<Handoff> {
  return api.request('GET', `${site(siteId)}/handoffs/${encodeURIComponent(handoffId)}`);
}

/** The live stream's URL (Server-Sent Events, same-origin session cookie). */
export const liveStreamUrl = (siteId: string) => `${site(siteId)}/live`;

export type HandoffAnswer = z.input<typeof handoffEventRequest>;

/** The care team's open hand-offs, oldest first. */
export function listOpenHandoffs(api: ApiClient, siteId: string): Promise<{ handoffs: HandoffSummary[] }> {
  return api.request('GET', `${site(siteId)}/handoffs?state=open`);
}

/** The responder (or a program manager) answers; one idempotency key per tap, so a retry is not doubled. */
export function answerHandoff(
  api: ApiClient,
  siteId: string,
  handoffId: string,
  answer: HandoffAnswer,
  idempotencyKey: string,
): Promise<HandoffSummary> {
  return api.request('POST', `${site(siteId)}/handoffs/${encodeURIComponent(handoffId)}/events`, {
    body: answer,
    headers: { 'idempotency-key': idempotencyKey },
  });
}
