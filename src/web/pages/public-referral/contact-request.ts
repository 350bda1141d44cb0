// The public contact request: what the form holds, the checks made before sending (the same as
// the server's, src/contracts/referrals.ts), and the request itself.
import type { z } from 'zod';
import type { contactRequestBody } from '../../../contracts/referrals.ts';
import { type ApiClient, ApiError } from '../../api/client.ts';

export const REQUESTERS = ['self', 'family', 'friend', 'service_provider', 'other'] as const;
export type Requester = (typeof REQUESTERS)[number];
export type ContactRequestBody = z.input<typeof contactRequestBody>;

export type ContactFields = {
  requester: Requester;
  nameOrAlias: string;
  phone: string;
  email: string;
  bestTime: string;
  message: string;
  /** The hidden field: people leave it empty. */
  website: string;
};

export const EMPTY_CONTACT: ContactFields = {
  requester: 'self',
  nameOrAlias: '',
  phone: '',
  email: '',
  bestTime: '',
  message: '',
  website: '',
};

/** Field name -> the translation key of what is wrong with it. */
export type FieldErrors = Partial<Record<'nameOrAlias' | 'phone' | 'email' | 'bestTime' | 'message', string>>;

const PHONE = /^[0-9+()\-. ]{7,25}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkContact(fields: ContactFields): FieldErrors {
  const errors: FieldErrors = {};
  const phone = fields.phone.trim();
  const email = fields.email.trim();
  if (!fields.nameOrAlias.trim()) errors.nameOrAlias = 'public.errors.nameRequired';
  else if (fields.nameOrAlias.trim().length > 200) errors.nameOrAlias = 'public.errors.tooLong';
  if (!phone && !email) errors.phone = 'public.errors.phoneOrEmail';
  if (phone && !PHONE.test(phone)) errors.phone = 'public.errors.phoneInvalid';
  if (email && (!EMAIL.test(email) || email.length > 320)) errors.email = 'public.errors.emailInvalid';
  if (fields.bestTime.trim().length > 200) errors.bestTime = 'public.errors.tooLong';
  if (fields.message.trim().length > 2000) errors.message = 'public.errors.tooLong';
  return errors;
}

export function toRequestBody(fields: ContactFields, formOpenedAt: number): ContactRequestBody {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const body: ContactRequestBody = {
    requester: fields.requester,
    nameOrAlias: fields.nameOrAlias.trim(),
    formOpenedAt,
  };
  const phone = optional(fields.phone);
  const email = optional(fields.email);
  const bestTime = optional(fields.bestTime);
  const message = optional(fields.message);
  if (phone) body.phone = phone;
  if (email) body.email = email;
  if (bestTime) body.bestTime = bestTime;
  if (message) body.message = message;
  if (fields.website) body.website = fields.website;
  return body;
}

export function sendContactRequest(api: ApiClient, siteSlug: string, body: ContactRequestBody) {
  return api.request<{ received: true }>(
    'POST',
    `/api/v1/public/sites/${encodeURIComponent(siteSlug)}/contact-requests`,
    { body },
  );
}

/**
 * The field a server validation error names ("body.phone: ..."), so it is shown beside that
 * field; undefined when the error is about something else.
 */
export function fieldOfServerError(error: unknown): keyof FieldErrors | undefined {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return undefined;
  const field = /^body\.(\w+)/.exec(error.message)?.[1];
  const known: (keyof FieldErrors)[] = ['nameOrAlias', 'phone', 'email', 'bestTime', 'message'];
  return known.find((name) => name === field);
}
