import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { CurrentSession } from '../app/auth/current-session.ts';
import type { AppDeps } from '../app/deps.ts';
import type { LiveEvents } from '../app/live-events.ts';
import type { Tx } from '../db/scope.ts';
import type { Action } from '../domain/access/policy.ts';
import type { Role } from '../domain/access/roles.ts';
import type { AuditEntry } from '../domain/audit/audit-entry.ts';

/**
 * What a route needs before its handler runs. Every route declares one; the server refuses to
 * start with an /api route that does not.
 * - public: anyone, no session.
 * - session: a signed-in user; `duringMfa` lets the route run before the second factor is done.
 * - site: a signed-in user whose role at the `:siteId` in the URL is allowed the action.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'session'; duringMfa?: boolean }
  | {
      kind: 'site';
      action: Action;
      /**
       * For routes that hold a participant's record: a role the action does not permit is told the
       * route's resource does not exist (404, as at another site), not that it is forbidden, so an
       * officer, a prosecutor or an analyst learns nothing, not even that a person is a participant.
       */
      notFoundForOtherRoles?: true;
    };

export type SiteContext = { id: string; roles: Role[]; role: Role };

type AuditFields = Pick<AuditEntry, 'action' | 'resourceType' | 'resourceId' | 'outcome'>;

export type RouteContext<Params, Query, Body> = {
  params: Params;
  query: Query;
  body: Body;
  deps: AppDeps;
  /** The server's live-event broker; publish through `afterCommit`, never inside the transaction. */
  live: LiveEvents;
  requestId: string;
  /** The request's transaction, scoped by row-level security to the route's site (or none). */
  tx: Tx;
  session: CurrentSession | null;
  site: SiteContext | null;
  request: FastifyRequest;
  reply: FastifyReply;
  /**
   * Records an audit entry (who, role and site filled in, time taken now); the entries are appended
   * to the chain at the end of this request's transaction and commit with it.
   */
  audit(fields: AuditFields): Promise<void>;
  /**
   * Runs `work` once the request's transaction has committed (and not at all if it rolls back):
   * publishing live events, or taking over the connection for a stream (`reply.hijack()`).
   */
  afterCommit(work: () => void): void;
};

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export type RouteDefinition<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema = Schema,
> = {
  /** A stable name, used in the audit log for denied requests. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  successStatus?: 200 | 201 | 202;
  /**
   * False for the few routes (sign-in and its steps) whose use cases run their own transactions
   * because a failure must still be recorded. Such handlers must not use ctx.tx.
   */
  transaction?: boolean;
  rateLimitPerMinute?: (deps: AppDeps) => number;
  handler(ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>>): Promise<z.input<R>>;
};

/** Declares a route with its types inferred from its schemas. */
export function defineRoute<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends Schema,
>(definition: RouteDefinition<P, Q, B, R>): RouteDefinition {
  return definition as unknown as RouteDefinition;
}
