import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { UnauthenticatedError } from '#domain/errors';
import type { StaffEnv, WebEnv } from './env';

/**
 * The staff pages (/staff, /staff/*) as one sub-app whose context always has a member of staff.
 * The access guard (web/middleware/access-guard.ts) has already decided who may reach each route;
 * this check makes the type true for every handler mounted here, and no staff page is cached.
 */
export function staffApp(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const signedIn: MiddlewareHandler<StaffEnv> = async (c, next) => {
    const web = c as unknown as Context<WebEnv>;
    const staff = web.get('staff');
    const page = web.get('page');
    if (!staff || !page?.staff) throw new UnauthenticatedError('请先登录。');
    c.set('page', page as StaffEnv['Variables']['page']);
    await next();
    c.header('Cache-Control', 'no-store');
  };
  app.use('/staff', signedIn);
  app.use('/staff/*', signedIn);
  return app;
}
