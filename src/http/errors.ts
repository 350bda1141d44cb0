import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../domain/errors.ts';

/** Every error code the API answers with, and its status. Clients match on codes, never on text. */
export const ERROR_STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  PASSWORD_TOO_SHORT: 400,
  PASSWORD_REQUIRED: 400,
  INVALID_TIMEZONE: 400,
  IDEMPOTENCY_KEY_INVALID: 400,
  INCIDENT_NUMBER_REQUIRED: 400,
  CHARGE_REQUIRED: 400,
  UNKNOWN_CHARGE: 400,
  UNKNOWN_TEMPLATE: 400,
  UNKNOWN_RULE_SET: 400,
  DUPLICATE_RULE_CODE: 400,
  NOT_ON_CARE_TEAM: 400,
  HSDS_INVALID: 400,
  UNKNOWN_SERVICE: 400,
  UNKNOWN_ORGANIZATION: 400,
  NOT_A_PROVIDER: 400,
  REASON_REQUIRED: 400,
  CONTACT_IN_FUTURE: 400,
  UNKNOWN_CONTACT: 400,
  INVALID_ENGAGEMENT_THRESHOLDS: 400,
  INVALID_CASELOAD_CAPS: 400,
  INVALID_ON_CALL_SHIFT: 400,
  INVALID_ON_CALL_WINDOW: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  MFA_CODE_INVALID: 401,
  FORBIDDEN: 403,
  NOT_THE_RESPONDER: 403,
  CASELOAD_OVERRIDE_NOT_PERMITTED: 403,
  CSRF_TOKEN_INVALID: 403,
  MFA_REQUIRED: 403,
  MFA_ENROLMENT_REQUIRED: 403,
  NOT_FOUND: 404,
  SITE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  CASELOAD_FULL: 409,
  SITE_EXISTS: 409,
  MFA_ALREADY_ENABLED: 409,
  MFA_NOT_STARTED: 409,
  MFA_NOT_ENABLED: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  INVALID_TRANSITION: 409,
  NO_RULE_SET: 409,
  INTAKE_DEADLINE_NOT_PASSED: 409,
  DECISION_ALREADY_RECORDED: 409,
  REFERRAL_NOT_ACCEPTED: 409,
  RELEASE_REQUIRED: 409,
  INTAKE_COMPLETED: 409,
  PARTICIPANT_EXITED: 409,
  RELEASE_ALREADY_REVOKED: 409,
  NOT_IN_THE_WIND: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  DATABASE_UNAVAILABLE: 503,
};

export function statusOf(code: string): number {
  return ERROR_STATUS[code] ?? 500;
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** An error raised by the HTTP layer itself (policy, CSRF, idempotency), with its code. */
export function httpError(code: string, message: string): DomainError {
  return new DomainError(code, message);
}

function describeValidation(error: FastifyError): string {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    if (first) {
      const place = error.validationContext ?? 'request';
      const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return `${place}${path ? `.${path}` : ''}: ${first.message}`;
    }
  }
  return error.message;
}

/**
 * The one place errors become responses: `{ error: { code, message } }` with the code's status.
 * Unexpected errors are logged with the request id and answered without detail: no stack traces,
 * SQL or data from the database ever reach a client.
 */
export function handleError(
  error: FastifyError | DomainError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof DomainError) {
    return reply.status(statusOf(error.code)).send(errorBody(error.code, error.message));
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return reply.status(400).send(errorBody('VALIDATION_FAILED', describeValidation(fastifyError)));
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply
        .status(415)
        .send(errorBody('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send(errorBody('MALFORMED_REQUEST', 'The JSON body is empty.'));
  }
  if (fastifyError.statusCode === 429) {
    return reply
      .status(429)
      .send(errorBody('RATE_LIMITED', 'Too many requests. Wait a minute and try again.'));
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const malformed = error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY';
    return reply
      .status(status)
      .send(
        errorBody(
          malformed || status === 400 ? 'MALFORMED_REQUEST' : 'REQUEST_REJECTED',
          malformed ? 'The body is not valid JSON.' : 'The request could not be read.',
        ),
      );
  }
  // The error's kind, code, message and stack only: a database error's detail quotes the row's
  // values (a unique violation names the key's value), which must not reach the log.
  const { name, message, stack } = error;
  request.log.error({ err: { type: name, code: fastifyError.code, message, stack } }, 'unexpected error');
  return reply
    .status(500)
    .send(
      errorBody('INTERNAL_ERROR', `Something went wrong on our side (request ${request.id}). Try again.`),
    );
}
