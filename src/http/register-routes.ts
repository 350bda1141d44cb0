import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit, recordAudits } from '../app/audit/record-audit.ts';
import { type CurrentSession, currentSession } from '../app/auth/current-session.ts';
import type { AppDeps } from '../app/deps.ts';
import type { LiveEvents } from '../app/live-events.ts';
import { completeIdempotencyKey, releaseIdempotencyKey } from '../db/repositories/idempotency-keys.ts';
import { inScope, type Tx } from '../db/scope.ts';
import { authorize } from '../domain/access/policy.ts';
import type { AuditEntry } from '../domain/audit/audit-entry.ts';
import { DomainError } from '../domain/errors.ts';
import { errorBody, httpError, statusOf } from './errors.ts';
import { beginIdempotentRequest, requestFingerprint } from './idempotency.ts';
import type { RouteDefinition, SiteContext } from './route.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const noTransaction = new Proxy({} as Tx, {
  get() {
    throw new Error('this route runs its own transactions and must not use ctx.tx');
  },
});

function tokensMatch(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Registers the route table. For each request, in order: session, second factor, CSRF, the access
 * policy, idempotency; then the handler in one transaction with its audit rows and idempotency
 * record, so an acknowledged write, its audit and its replay record commit together or not at all.
 */
export function registerRoutes(
  app: FastifyInstance,
  routes: RouteDefinition[],
  deps: AppDeps,
  live: LiveEvents,
): void {
  for (const route of routes) {
    if (!route.access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
    if (route.access.kind === 'site' && !route.url.includes(':siteId')) {
      throw new Error(`route ${route.id} is site-scoped but its URL has no :siteId`);
    }
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.route({
      method: route.method,
      url: route.url,
      config: {
        access: route.access,
        routeId: route.id,
        ...(route.rateLimitPerMinute
          ? { rateLimit: { max: route.rateLimitPerMinute(deps), timeWindow: '1 minute' } }
          : {}),
      },
      schema: {
        summary: route.summary,
        tags: route.tags,
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { querystring: route.query } : {}),
        ...(route.body ? { body: route.body } : {}),
        ...(route.access.kind === 'public' ? {} : { security: [{ sessionCookie: [] }] }),
        response: { [route.successStatus ?? 200]: route.response },
      },
      onRequest: (request, reply) => guard(route, deps, request, reply),
      handler: (request, reply) => handle(route, deps, live, request, reply),
    });
  }
}

type Admitted = { session: CurrentSession | null; site: SiteContext | null };
const admitted = new WeakMap<FastifyRequest, Admitted>();

/**
 * Runs before body parsing and validation, so an unauthenticated or unauthorized caller learns
 * nothing about the route's schema: session, second factor, CSRF, then the access policy.
 */
async function guard(route: RouteDefinition, deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const requestId = String(request.id);
  const denied = async (
    error: DomainError,
    who: { session: CurrentSession | null; siteId: string | null; role: string | null },
  ) => {
    await inScope(deps.db, { siteId: who.siteId, userId: who.session?.user.id ?? null }, (tx) =>
      recordAudit(tx, {
        occurredAt: deps.clock(),
        userId: who.session?.user.id ?? null,
        role: who.role,
        siteId: who.siteId,
        action: route.id,
        resourceType: 'route',
        resourceId: null,
        outcome: 'denied',
        requestId,
      }),
    );
    return reply.status(statusOf(error.code)).send(errorBody(error.code, error.message));
  };

  let session: CurrentSession | null = null;
  let site: SiteContext | null = null;
  const access = route.access;
  if (access.kind !== 'public') {
    const token = request.cookies[SESSION_COOKIE];
    try {
      if (!token) throw httpError('UNAUTHENTICATED', 'Sign in to continue.');
      session = await currentSession(deps, token);
    } catch (error) {
      if (error instanceof DomainError) return denied(error, { session: null, siteId: null, role: null });
      throw error;
    }
    const mfaIncomplete = session.mfaState === 'pending' || session.mfaState === 'enrolment_required';
    if (mfaIncomplete && !(access.kind === 'session' && access.duringMfa)) {
      const error =
        session.mfaState === 'pending'
          ? httpError('MFA_REQUIRED', 'Enter the code from your authenticator app to continue.')
          : httpError('MFA_ENROLMENT_REQUIRED', 'Set up a second factor to continue.');
      return denied(error, { session, siteId: null, role: null });
    }
    if (
      !SAFE_METHODS.has(request.method) &&
      !tokensMatch(session.csrfToken, headerValue(request, 'x-csrf-token'))
    ) {
      return denied(httpError('CSRF_TOKEN_INVALID', 'The page is out of date. Reload it and try again.'), {
        session,
        siteId: null,
        role: null,
      });
    }
    if (access.kind === 'site') {
      const siteId = (request.params as { siteId: string }).siteId;
      const roles = session.memberships
        .filter((membership) => membership.siteId === siteId)
        .map((membership) => membership.role);
      const decision = authorize({ userId: session.user.id, rolesAtSite: roles }, access.action);
      if (!decision.allowed) {
        const error =
          decision.reason === 'not_a_member' || access.notFoundForOtherRoles
            ? httpError('NOT_FOUND', 'Not found.')
            : httpError('FORBIDDEN', 'Your role at this site does not allow this.');
        return denied(error, {
          session,
          siteId: decision.reason === 'not_a_member' ? null : siteId,
          role: decision.role,
        });
      }
      site = { id: siteId, roles, role: decision.role };
    }
  }
  admitted.set(request, { session, site });
}

async function handle(
  route: RouteDefinition,
  deps: AppDeps,
  live: LiveEvents,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const requestId = String(request.id);
  const { session, site } = admitted.get(request) ?? { session: null, site: null };
  let idempotencyKey: string | undefined;
  const keyHeader = headerValue(request, 'idempotency-key');
  if (keyHeader !== undefined && request.method === 'POST' && session) {
    const outcome = await beginIdempotentRequest(deps, {
      userId: session.user.id,
      key: keyHeader,
      fingerprint: requestFingerprint(request.method, request.url, request.body),
    });
    if (outcome.kind === 'replay') {
      return reply.status(outcome.status).header('idempotent-replayed', 'true').send(outcome.body);
    }
    idempotencyKey = outcome.key;
  }

  const status = route.successStatus ?? 200;
  const afterCommit: (() => void)[] = [];
  const run = async (tx: Tx) => {
    // The handler's audit entries are appended last, just before the commit: an append holds the
    // audit chain's lock until the transaction ends, and every writer waits for it, so the lock
    // should cover the appends and the commit only, not the handler's own work.
    const pendingAudit: AuditEntry[] = [];
    const body = await route.handler({
      params: request.params,
      query: request.query,
      body: request.body,
      deps,
      live,
      requestId,
      tx,
      session,
      site,
      request,
      reply,
      audit: async (fields: Pick<AuditEntry, 'action' | 'resourceType' | 'resourceId' | 'outcome'>) => {
        const entry = {
          occurredAt: deps.clock(),
          userId: session?.user.id ?? null,
          role: site?.role ?? null,
          siteId: site?.id ?? null,
          requestId,
          ...fields,
        } satisfies AuditEntry;
        if (route.transaction === false) return recordAudit(tx, entry); // no transaction: this throws
        pendingAudit.push(entry);
      },
      afterCommit: (work: () => void) => {
        afterCommit.push(work);
      },
    } as never);
    if (idempotencyKey && session) {
      await completeIdempotencyKey(tx, { userId: session.user.id, key: idempotencyKey, status, body });
    }
    await recordAudits(tx, pendingAudit);
    return body;
  };
  try {
    const body =
      route.transaction === false
        ? await run(noTransaction)
        : await inScope(deps.db, { siteId: site?.id ?? null, userId: session?.user.id ?? null }, run);
    for (const work of afterCommit) work();
    // A streaming route took the connection over after the commit; there is nothing more to send.
    if (reply.sent) return reply;
    return reply.status(status).send(body);
  } catch (error) {
    if (idempotencyKey && session) await releaseIdempotencyKey(deps.db, session.user.id, idempotencyKey);
    throw error;
  }
}
