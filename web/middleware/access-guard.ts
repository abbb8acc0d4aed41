import type { MiddlewareHandler } from 'hono';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '#domain/errors';
import { accessFor, allows } from '../access-policy';
import type { WebEnv } from '../env';

/**
 * Enforces web/access-policy.ts before any route runs. No rule: 404, as if nothing were there.
 * Nobody signed in: a page redirects to the sign-in, the API answers 401.
 */
export function accessGuard(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const { method, path } = c.req;
    const access = accessFor(method, path);
    if (access === undefined) throw new NotFoundError('页面不存在。', `no access rule for ${method} ${path}`);
    const staff = c.get('staff');
    if (access !== 'public' && !staff) {
      if (method === 'GET' && !path.startsWith('/api/')) return c.redirect(`/login?next=${encodeURIComponent(path)}`, 303);
      throw new UnauthenticatedError('请先登录。');
    }
    if (!allows(access, staff)) throw new ForbiddenError('您没有执行该操作的权限。', `${staff?.username} may not ${method} ${path}`);
    await next();
  };
}
