import type { MiddlewareHandler } from 'hono';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '#domain/errors';
import { accessFor, allows } from '../access-policy';
import type { WebEnv } from '../env';

/** Enforces web/access-policy.ts before any route runs. No rule: 404, as if nothing were there. */
export function accessGuard(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const access = accessFor(c.req.method, c.req.path);
    if (access === undefined) throw new NotFoundError('页面不存在。', `no access rule for ${c.req.method} ${c.req.path}`);
    if (access !== 'public') {
      const staff = c.get('staff');
      if (!staff) {
        if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
          return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
        }
        throw new UnauthenticatedError('请先登录。');
      }
      if (!allows(access, staff.roles)) throw new ForbiddenError('您没有执行该操作的权限。', `${staff.username} lacks ${String(access)} for ${c.req.method} ${c.req.path}`);
    }
    await next();
  };
}
