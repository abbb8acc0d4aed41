import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { UnauthenticatedError } from '../../functions/domain/errors';
import type { AppDependencies } from '../../functions/application/context';
import type { WebEnv } from '../env';

export const SESSION_COOKIE = '__Host-session';
export const SESSION_SECONDS = 8 * 60 * 60;

/**
 * Reads the staff ID token from the session cookie (pages) or an Authorization bearer header
 * (API clients) and verifies it. An invalid or expired token simply means "not signed in";
 * the access guard decides whether that matters for the route.
 */
export function staffSession(deps: AppDependencies): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    c.set('staff', undefined);
    if (token) {
      try {
        c.set('staff', await deps.verifyStaffToken(token));
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
        if (!bearer) deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
      }
    }
    await next();
  };
}

export function startSession(c: Parameters<MiddlewareHandler<WebEnv>>[0], token: string): void {
  setCookie(c, SESSION_COOKIE, token, { path: '/', httpOnly: true, secure: true, sameSite: 'Lax', maxAge: SESSION_SECONDS });
}

export function endSession(c: Parameters<MiddlewareHandler<WebEnv>>[0]): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}
