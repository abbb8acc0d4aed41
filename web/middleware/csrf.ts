import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readForm } from '../form-body';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ForbiddenError } from '#domain/errors';
import { CSRF_FIELD_NAME } from '../views/components/CsrfField';
import type { WebEnv } from '../env';

const CSRF_COOKIE = '__Host-csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Signed double-submit tokens for every form post: a random value in an HttpOnly cookie, and its
 * HMAC in a hidden form field. JSON API calls carry no form field; for them the browser's own
 * guarantees apply (a cross-site page cannot send application/json without CORS, which we never
 * allow) and the Origin header, when present, must be our own.
 */
export function csrfProtection(secret: string): MiddlewareHandler<WebEnv> {
  const sign = (value: string) => createHmac('sha256', secret).update(`csrf:${value}`).digest('base64url');
  return async (c, next) => {
    let seed = getCookie(c, CSRF_COOKIE);
    if (!seed || !/^[\w-]{22,}$/.test(seed)) {
      seed = randomBytes(18).toString('base64url');
      setCookie(c, CSRF_COOKIE, seed, { path: '/', httpOnly: true, secure: true, sameSite: 'Lax' });
    }
    c.set('csrfToken', sign(seed));

    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin) throw new ForbiddenError('请求来源无效，请刷新页面后重试。', `cross-origin ${origin}`);
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/json')) return next();
      if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
        throw new ForbiddenError('请求格式无效，请通过页面表单提交。', `unexpected content type ${type}`);
      }
      const body = await readForm(c);
      const sent = typeof body[CSRF_FIELD_NAME] === 'string' ? (body[CSRF_FIELD_NAME] as string) : '';
      const expected = sign(seed);
      if (sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
        throw new ForbiddenError('页面已过期，请刷新页面后重新提交。', 'csrf token mismatch');
      }
    }
    await next();
  };
}
