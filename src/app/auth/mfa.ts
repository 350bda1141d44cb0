import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { setSessionMfaState } from '../../db/repositories/sessions.ts';
import {
  consumeRecoveryCode,
  countLoginFailuresSince,
  enableMfa,
  findUserById,
  lockUser,
  recordLoginFailure,
  setPendingMfaSecret,
} from '../../db/repositories/users.ts';
import { inScope } from '../../db/scope.ts';
import type { AuditEntry } from '../../domain/audit/audit-entry.ts';
import { lockoutWindowStart, shouldLock } from '../../domain/auth/lockout.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AppDeps } from '../deps.ts';
import type { CurrentSession } from './current-session.ts';
import { randomToken, sha256Hex } from './secrets.ts';

const ISSUER = 'LEAD';
const RECOVERY_CODE_COUNT = 10;

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

function auditEntry(
  deps: AppDeps,
  session: CurrentSession,
  requestId: string,
  action: string,
  outcome: AuditEntry['outcome'],
) {
  return {
    occurredAt: deps.clock(),
    userId: session.user.id,
    role: null,
    siteId: null,
    action,
    resourceType: 'user',
    resourceId: session.user.id,
    outcome,
    requestId,
  };
}

/** Starts enrolment: a new secret, as an otpauth URI and a QR code to scan. */
export async function startMfaEnrolment(deps: AppDeps, session: CurrentSession, requestId: string) {
  if (session.user.mfaEnabled)
    throw new DomainError('MFA_ALREADY_ENABLED', 'A second factor is already set up.');
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpFor(secret, session.user.email).toString();
  await inScope(deps.db, { siteId: null, userId: session.user.id }, async (tx) => {
    await setPendingMfaSecret(tx, session.user.id, secret);
    await recordAudit(tx, auditEntry(deps, session, requestId, 'auth.mfa.enrol_start', 'success'));
  });
  return { secret, otpauthUri: uri, qrCodeDataUrl: await QRCode.toDataURL(uri) };
}

/** Finishes enrolment with a first code; returns recovery codes, shown this once only. */
export async function confirmMfaEnrolment(
  deps: AppDeps,
  session: CurrentSession,
  code: string,
  requestId: string,
) {
  const user = await findUserById(deps.db, session.user.id);
  if (!user?.mfaSecret || user.mfaEnabledAt) {
    throw new DomainError('MFA_NOT_STARTED', 'Start setting up the second factor first.');
  }
  const valid =
    totpFor(user.mfaSecret, user.email).validate({
      token: code,
      timestamp: deps.clock().getTime(),
      window: 1,
    }) !== null;
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => randomToken(8));
  await inScope(deps.db, { siteId: null, userId: user.id }, async (tx) => {
    if (valid) {
      await enableMfa(tx, user.id, deps.clock(), recoveryCodes.map(sha256Hex));
      await setSessionMfaState(tx, session.tokenHash, 'verified');
    }
    await recordAudit(
      tx,
      auditEntry(deps, session, requestId, 'auth.mfa.enrol', valid ? 'success' : 'failure'),
    );
  });
  if (!valid)
    throw new DomainError(
      'MFA_CODE_INVALID',
      'That code is not right. Check the time on your phone and try again.',
    );
  return { recoveryCodes };
}

/**
 * Completes a sign-in with a code from the authenticator, or a one-time recovery code. Wrong codes
 * count towards the same lockout as wrong passwords.
 */
export async function verifyMfa(
  deps: AppDeps,
  session: CurrentSession,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  requestId: string,
) {
  const now = deps.clock();
  const user = await findUserById(deps.db, session.user.id);
  if (!user?.mfaSecret || !user.mfaEnabledAt)
    throw new DomainError('MFA_NOT_ENABLED', 'No second factor is set up.');
  const outcome = await inScope(deps.db, { siteId: null, userId: user.id }, async (tx) => {
    let valid = false;
    if (input.code) {
      valid =
        totpFor(user.mfaSecret as string, user.email).validate({
          token: input.code,
          timestamp: now.getTime(),
          window: 1,
        }) !== null;
    } else if (input.recoveryCode) {
      valid = await consumeRecoveryCode(tx, user.id, sha256Hex(input.recoveryCode.trim()), now);
    }
    if (valid) {
      await setSessionMfaState(tx, session.tokenHash, 'verified');
      await recordAudit(tx, auditEntry(deps, session, requestId, 'auth.mfa.verify', 'success'));
      return 'verified' as const;
    }
    await recordLoginFailure(tx, user.id, now);
    await recordAudit(tx, auditEntry(deps, session, requestId, 'auth.mfa.verify', 'failure'));
    if (shouldLock(await countLoginFailuresSince(tx, user.id, lockoutWindowStart(now)))) {
      await lockUser(tx, user.id, now);
      await recordAudit(tx, auditEntry(deps, session, requestId, 'auth.lockout', 'success'));
      return 'locked' as const;
    }
    return 'invalid' as const;
  });
  if (outcome === 'locked')
    throw new DomainError('ACCOUNT_LOCKED', 'This account is locked after too many failed attempts.');
  if (outcome === 'invalid') throw new DomainError('MFA_CODE_INVALID', 'That code is not right.');
}
