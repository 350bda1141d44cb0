import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppDeps } from '../app/deps.ts';
import { createLiveEvents, type LiveEvents } from '../app/live-events.ts';
import { errorBody, handleError } from './errors.ts';
import { registerRoutes } from './register-routes.ts';
import type { RouteDefinition } from './route.ts';
import { ROUTES } from './routes/index.ts';

export type ServerOptions = AppDeps & {
  /** The built web app to serve at `/`; skipped when the folder does not exist. */
  webDirectory?: string;
  routes?: RouteDefinition[];
  /** The live-event broker; the caller passes one to share it with the timer worker. */
  live?: LiveEvents;
  /** Where the request log goes (standard output unless given; tests read it). */
  logStream?: { write(line: string): void };
};

/**
 * A request in the log: its method and the route's pattern, never the path itself, whose ids (a
 * participant's, a referral's) and query (a search for a name) would put participants in the log.
 */
function requestForLog(request: FastifyRequest) {
  return { method: request.method, route: request.routeOptions?.url ?? '(no route)' };
}

/** Paths served by plugins rather than the route table: documentation and the web app's files. */
export const INFRASTRUCTURE_PATHS = [/^\/docs/, /^\/openapi\.json$/, /^\/\*$/, /^\/$/];

/** Builds the whole HTTP server on the given dependencies; nothing is global. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config } = options;
  const deps: AppDeps = { db: options.db, clock: options.clock, config };
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            serializers: { req: requestForLog },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.removeContentTypeParser('text/plain');
  const live = options.live ?? createLiveEvents();
  // Open event streams would hold app.close() forever: end them before the server stops listening.
  app.addHook('preClose', async () => {
    live.closeAll();
  }); // the API speaks JSON only: anything else is a 415

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (url.startsWith('/api/') || url === '/healthz') {
      const access = (route.config as { access?: unknown } | undefined)?.access;
      if (!access) throw new Error(`route ${route.method} ${url} declares no access policy`);
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Helmet adds upgrade-insecure-requests by default, which breaks a pilot served over plain
        // http on a LAN address; ask for it only when the deployment is HTTPS (secure cookies).
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'LEAD program API',
        version: '1',
        description:
          'Every error is `{ "error": { "code", "message" } }`. State-changing requests made with the session cookie ' +
          'must send the X-CSRF-Token header from GET /api/v1/auth/session. Any signed-in POST may carry an ' +
          'Idempotency-Key header: a replay returns the stored response.',
      },
      components: {
        securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'lead_session' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerRoutes(app, options.routes ?? ROUTES, deps, live);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDirectory = options.webDirectory ? resolve(options.webDirectory) : undefined;
  const serveWeb = webDirectory !== undefined && existsSync(resolve(webDirectory, 'index.html'));
  if (serveWeb) {
    // wildcard: files are looked up per request, so a rebuilt app's new file names are served too.
    await app.register(fastifyStatic, { root: webDirectory, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (serveWeb && request.method === 'GET' && !path.startsWith('/api/') && !path.includes('.')) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send(errorBody('NOT_FOUND', 'Not found.'));
  });
  return app;
}
