import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { UnauthenticatedError } from '#domain/errors';
import type { AppDependencies } from '#application/context';
import { bearerStaff, SESSION_SECONDS, sessionStaff } from '#application/sessions';
import type { WebEnv } from '../env';

export const SESSION_COOKIE = '__Host-session';

/**
 * Who is signed in: the server-side session the cookie names (pages), or a verified, unrevoked
 * bearer token (API clients). An unknown, ended or expired session simply means "not signed in";
 * the access guard decides whether that matters for the route.
 */
export function staffSession(deps: AppDependencies): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    c.set('staff', undefined);
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (bearer) {
      try {
        c.set('staff', await bearerStaff(deps, bearer));
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
      }
    } else {
      const id = sessionCookie(c);
      if (id) {
        const staff = await sessionStaff(deps, id);
        if (staff) c.set('staff', staff);
        else endSession(c);
      }
    }
    await next();
  };
}

export function startSession(c: Context, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, { path: '/', httpOnly: true, secure: true, sameSite: 'Lax', maxAge: SESSION_SECONDS });
}

export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}
