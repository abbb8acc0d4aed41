import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDependencies } from '#application/context';
import { PayloadTooLargeError } from '#domain/errors';
import type { WebEnv } from './env';
import { errorHandler, notFoundHandler } from './http-errors';
import { accessGuard } from './middleware/access-guard';
import { clientAddress, UNKNOWN_CLIENT, type ClientAddressResolver } from './middleware/client-address';
import { csrfProtection } from './middleware/csrf';
import { staffSession } from './middleware/session';
import { apiRoutes } from './api';
import { accountRoutes, authRoutes } from './features/accounts/routes';
import { calendarRoutes, staffCalendarRoutes } from './features/calendar/routes';
import { clarificationRoutes, staffClarificationRoutes } from './features/clarifications/routes';
import { correctionRoutes, staffCorrectionRoutes } from './features/corrections/routes';
import { healthRoutes } from './features/health/routes';
import type { PublicFileReader } from '#ports/file-store';
import { reviewRoutes } from './features/reviews/routes';
import { applyRoutes } from './features/apply/routes';
import { trackRoutes } from './features/track/routes';
import { staffRequestRoutes } from './features/requests/routes';
import { staffRequestDownloadRoutes } from './features/requests/downloads';
import { staffRoutes } from './features/workbench/routes';
import { localOutboxRoutes, publicFileRoutes } from './features/local/routes';
import { mountStaticFiles } from './static-files';
import { portalRoutes } from './features/portal/routes';
import { staffItemRoutes } from './features/items/routes';
import { staffApp } from './staff-app';
import { pageRenderer } from './page-renderer';

/** Lambda's synchronous payload limit is 6 MB; uploads larger than documents allow are refused early. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface AppOptions {
  /** Folder with site.css and other assets (web/static locally, beside the bundle in Lambda). */
  readonly staticDir: string;
  /** How this host knows a request's client address (socket locally, CloudFront's assertion in AWS). */
  readonly clientAddress?: ClientAddressResolver;
  /** Local mode only: serve released copies at /files/* as CloudFront does in AWS. */
  readonly publicFiles?: PublicFileReader;
}

/**
 * The one Hono app. Lambda (functions/handlers/http.ts) and local mode (functions/local/server.ts)
 * both build it from their dependencies; nothing in here knows which host it runs on.
 */
export function createApp(deps: AppDependencies, options: AppOptions) {
  const app = new Hono<WebEnv>();

  app.use(requestId({ headerName: 'X-Request-Id', generator: () => crypto.randomUUID() }));
  app.use(async (c, next) => {
    const logger = deps.logger.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
    const started = performance.now();
    await next();
    logger.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: 'max-age=63072000; includeSubDomains',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use(clientAddress(options.clientAddress ?? UNKNOWN_CLIENT));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLargeError('提交的内容超过大小限制（6 MB）。');
      },
    }),
  );
  // Caching is opt-in: a route that does not say otherwise is not stored anywhere, and a response
  // that sets a cookie (a session, a CSRF seed) is never stored by CloudFront or a shared cache.
  app.use(async (c, next) => {
    await next();
    if (c.res.headers.has('Set-Cookie')) c.header('Cache-Control', 'private, no-store');
    else if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use(staffSession(deps));
  app.use(accessGuard());
  app.use(csrfProtection(deps.config.appSecret));
  app.use(pageRenderer(deps));

  mountStaticFiles(app, options.staticDir);
  if (options.publicFiles) app.route('/', publicFileRoutes(options.publicFiles));
  app.route(
    '/',
    healthRoutes(deps, (request, env) => Promise.resolve(app.fetch(request, env))),
  );
  // Route-level middleware is path-scoped (the staff sub-app's no-store covers /staff only), so the
  // public portal and catalogue API keep their own Cache-Control/ETag.
  const publicRoutes = [portalRoutes, (d: AppDependencies) => apiRoutes(d).app, authRoutes, applyRoutes, trackRoutes, clarificationRoutes, correctionRoutes, calendarRoutes, localOutboxRoutes];
  for (const routes of publicRoutes) app.route('/', routes(deps));
  // Every /staff page, behind one check that somebody is signed in (their routes never see `staff` undefined).
  const staff = staffApp();
  for (const routes of [staffRoutes, staffItemRoutes, accountRoutes, reviewRoutes, staffRequestRoutes, staffClarificationRoutes, staffCorrectionRoutes, staffCalendarRoutes])
    staff.route('/', routes(deps));
  staff.route('/', staffRequestDownloadRoutes(deps));
  app.route('/', staff);

  app.onError(errorHandler(deps));
  app.notFound(notFoundHandler(deps));
  return app;
}
