import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { LIMITS } from '../shared/limits.js';
import { createPasswordCheckQueue, type PasswordCheckQueue } from './auth/password-check-queue.js';
import { createSignInThrottle, type SignInThrottle } from './auth/sign-in-throttle.js';
import type { Db } from './db/database.js';
import { clientAddressReader } from './http/client-address.js';
import { catchThrownValues, createErrorHandler } from './http/error-handler.js';
import { HttpError } from './http/http-error.js';
import { staticClient } from './http/static-client.js';
import { actionRoutes } from './routes/action-routes.js';
import { bodyRoutes } from './routes/body-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { createActionService } from './actions/action-service.js';
import { createMeetingService } from './meetings/meeting-service.js';
import type { DocumentRegistry } from './realtime/document-registry.js';
import { meRoutes } from './routes/me-routes.js';
import { meetingRoutes } from './routes/meeting-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import type { AppDeps } from './app-deps.js';
import { placeWaitingEscalations } from './escalations/escalation-agenda.js';
import { createLiveNotices, type LiveNotices } from './live/live-notices.js';
import { placeWaitingPriorities } from './priorities/priority-agenda.js';
import { escalationRoutes } from './routes/escalation-routes.js';
import { notificationRoutes } from './routes/notification-routes.js';
import { priorityRoutes } from './routes/priority-routes.js';
import { minutesLifecycleRoutes } from './routes/minutes-lifecycle-routes.js';
import { minutesRoutes } from './routes/minutes-routes.js';
import { searchRoutes } from './routes/search-routes.js';

const checkOrigin = csrf();

/**
 * Only cookie-carrying requests can be forged by another site; a bearer token
 * is never sent by the browser on its own, and a request with no cookie has
 * no authority to borrow, so those skip the check (and a signed-out request
 * is told to sign in, not that it came from another site).
 */
const refuseCrossSiteCookieRequests: MiddlewareHandler = (c, next) =>
  c.req.header('authorization') || !c.req.header('cookie') ? next() : checkOrigin(c, next);

export interface AppOptions {
  db: Db;
  /** The live documents, which meeting changes (start, close) write to. */
  registry: DocumentRegistry;
  /** Notifications and live list refreshes; only stored when no socket.io server is attached. */
  notices?: LiveNotices;
  /** Signing out: the session's live connections are closed. Defaults to the document registry's. */
  onSessionEnded?: (sessionToken: string) => Promise<void>;
  /**
   * Where users reach the app, for links written into files (calendars); never
   * taken from the request's Host, which the sender chooses. Defaults to the
   * default port on this machine; the server passes the address it listens on.
   */
  publicUrl?: string;
  /** Folder of the built client; omit to serve the API only. */
  clientRoot?: string;
  secureCookies?: boolean;
  /** Reverse proxies in front that append to X-Forwarded-For; 0 (the default) ignores that header. */
  trustedProxies?: number;
  throttle?: SignInThrottle;
  passwordChecks?: PasswordCheckQueue;
  version?: string;
  log?: (error: unknown) => void;
}

/** Everything under /api is one member's view of the partnership: no cache, shared or private, may keep it. */
const noStore: MiddlewareHandler = async function noStore(c, next) {
  // Before: carried into any answer made on this context, even one made for a
  // value thrown past this middleware. After: onto a Response a handler built itself.
  c.header('Cache-Control', 'no-store');
  await next();
  c.header('Cache-Control', 'no-store');
};

export function createApp({
  db,
  registry,
  notices = createLiveNotices({ db }),
  onSessionEnded = registry.endSession,
  publicUrl = 'http://localhost:3000',
  clientRoot,
  secureCookies = false,
  trustedProxies = 0,
  throttle = createSignInThrottle(),
  passwordChecks = createPasswordCheckQueue(),
  version = '0.1.0',
  log,
}: AppOptions) {
  const clientAddress = clientAddressReader({ trustedProxies });
  const deps: AppDeps = { db, registry, notices };
  const onScheduled = async (bodyId: number, meetingId: number) => {
    await placeWaitingEscalations(deps, bodyId, meetingId);
    await placeWaitingPriorities(deps, bodyId, meetingId);
  };
  const api = new Hono()
    .use(noStore)
    .use(
      bodyLimit({
        maxSize: LIMITS.jsonBodyBytes,
        onError: () => {
          throw new HttpError(413, 'payload_too_large', `The request body is larger than ${LIMITS.jsonBodyBytes / 1024} KiB`);
        },
      }),
    )
    .use(refuseCrossSiteCookieRequests)
    .route('/health', healthRoutes({ db, version }))
    .route('/session', sessionRoutes({ db, throttle, passwordChecks, secureCookies, clientAddress, onSessionEnded }))
    .route('/me/notifications', notificationRoutes(deps))
    .route('/me', meRoutes({ db }))
    .route('/bodies', bodyRoutes({ db }))
    .route('/', meetingRoutes({ db, meetings: createMeetingService({ db, registry, notices, publicUrl, onScheduled }) }))
    .route('/', actionRoutes({ db, actions: createActionService({ db, registry }) }))
    .route('/', escalationRoutes(deps))
    .route('/', priorityRoutes(deps))
    .route('/', minutesLifecycleRoutes(deps))
    .route('/', minutesRoutes(deps))
    .route('/search', searchRoutes(deps))
    .all('*', (c) => {
      throw new HttpError(404, 'not_found', `No API route for ${c.req.method} ${c.req.path}`);
    });

  const app = new Hono()
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Lit adopts constructable stylesheets; older engines fall back to <style>.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          // A <base> would re-point every relative URL; plugins have no place here.
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      }),
    )
    // After secureHeaders, so even an answer to a thrown non-Error carries them.
    .use(catchThrownValues)
    .route('/api', api);
  if (clientRoot) app.route('/', staticClient({ root: clientRoot }));
  app.onError(createErrorHandler(log ? { log } : {}));
  return app;
}

export type App = ReturnType<typeof createApp>;
