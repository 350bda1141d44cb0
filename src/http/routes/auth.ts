import type { CurrentSession } from '../../app/auth/current-session.ts';
import { currentSession } from '../../app/auth/current-session.ts';
import { logIn } from '../../app/auth/log-in.ts';
import { logOut } from '../../app/auth/log-out.ts';
import { confirmMfaEnrolment, startMfaEnrolment, verifyMfa } from '../../app/auth/mfa.ts';
import type { AppDeps } from '../../app/deps.ts';
import {
  loginRequest,
  mfaCodeRequest,
  mfaEnrolmentResponse,
  mfaVerifyRequest,
  recoveryCodesResponse,
  sessionResponse,
} from '../../contracts/auth.ts';
import { emptyResponse } from '../../contracts/common.ts';
import { findSitesByIds } from '../../db/repositories/sites.ts';
import { presentSession } from '../presenters/auth.ts';
import { defineRoute } from '../route.ts';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.ts';

async function sessionBody(deps: AppDeps, session: CurrentSession) {
  const sites = await findSitesByIds(deps.db, [...new Set(session.memberships.map((m) => m.siteId))]);
  return presentSession(session, sites);
}

function signedIn(session: CurrentSession | null): CurrentSession {
  if (!session) throw new Error('a session route ran without a session');
  return session;
}

export const authRoutes = [
  defineRoute({
    id: 'auth.login',
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tags: ['auth'],
    access: { kind: 'public' },
    transaction: false,
    rateLimitPerMinute: (deps) => deps.config.loginRateLimitPerMinute,
    body: loginRequest,
    response: sessionResponse,
    async handler({ deps, body, requestId, reply }) {
      const created = await logIn(deps, { email: body.email, password: body.password, requestId });
      setSessionCookie(reply, deps, created.token);
      return sessionBody(deps, await currentSession(deps, created.token));
    },
  }),
  defineRoute({
    id: 'auth.session',
    method: 'GET',
    url: '/api/v1/auth/session',
    summary: 'The signed-in user, their sites and roles, and the CSRF token',
    tags: ['auth'],
    access: { kind: 'session', duringMfa: true },
    transaction: false,
    response: sessionResponse,
    handler: ({ deps, session }) => sessionBody(deps, signedIn(session)),
  }),
  defineRoute({
    id: 'auth.logout',
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'End the session',
    tags: ['auth'],
    access: { kind: 'session', duringMfa: true },
    transaction: false,
    response: emptyResponse,
    async handler({ deps, session, requestId, reply }) {
      const current = signedIn(session);
      await logOut(deps, { tokenHash: current.tokenHash, userId: current.user.id, requestId });
      clearSessionCookie(reply, deps);
      return { ok: true as const };
    },
  }),
  defineRoute({
    id: 'auth.mfa.enrol',
    method: 'POST',
    url: '/api/v1/auth/mfa/enrolment',
    summary: 'Start setting up a TOTP second factor: returns the secret and a QR code',
    tags: ['auth'],
    access: { kind: 'session', duringMfa: true },
    transaction: false,
    response: mfaEnrolmentResponse,
    handler: ({ deps, session, requestId }) => startMfaEnrolment(deps, signedIn(session), requestId),
  }),
  defineRoute({
    id: 'auth.mfa.confirm',
    method: 'POST',
    url: '/api/v1/auth/mfa/enrolment/confirm',
    summary: 'Finish setting up the second factor with a first code; returns recovery codes once',
    tags: ['auth'],
    access: { kind: 'session', duringMfa: true },
    transaction: false,
    body: mfaCodeRequest,
    response: recoveryCodesResponse,
    handler: ({ deps, session, body, requestId }) =>
      confirmMfaEnrolment(deps, signedIn(session), body.code, requestId),
  }),
  defineRoute({
    id: 'auth.mfa.verify',
    method: 'POST',
    url: '/api/v1/auth/mfa/verify',
    summary: 'Complete sign-in with a code from the authenticator app or a recovery code',
    tags: ['auth'],
    access: { kind: 'session', duringMfa: true },
    transaction: false,
    rateLimitPerMinute: (deps) => deps.config.loginRateLimitPerMinute,
    body: mfaVerifyRequest,
    response: sessionResponse,
    async handler({ deps, session, body, requestId }) {
      const current = signedIn(session);
      await verifyMfa(deps, current, body, requestId);
      return sessionBody(deps, { ...current, mfaState: 'verified' });
    },
  }),
];
