import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { catalogueStamp, publicViewVersion } from '#application/catalogue';
import type { AppDependencies } from '#application/context';
import { shanghaiDateOf } from '#domain/catalogue';
import type { WebEnv } from './env';

/** Browsers and CloudFront may keep public pages this long; the ETag makes revalidation cheap. */
export const PUBLIC_MAX_AGE = 60;

/**
 * HTTP caching for public surfaces. The ETag names one representation: the catalogue change stamp
 * (kept in memory, re-read at most every few seconds: application/catalogue/stamp.ts), the Beijing
 * date (validity can lapse at midnight), the app version, and a digest of this URL (path and
 * query), plus the resource's own version where there is one. Another page's ETag therefore never
 * matches, and `If-None-Match: *` is not honoured: a 304 says "what you have is this page as it is
 * now", which only a tag of this page can claim. A matching tag is answered 304 before anything
 * else is read, so revalidating a listing costs no table read while the stamp is cached.
 *
 * Public pages never depend on cookies. A first visit still receives the CSRF seed cookie, which
 * the app turns into `private, no-store` (web/app.ts); every later visit is cacheable.
 */
export async function publicCaching(c: Context<WebEnv>, deps: AppDependencies, variant = '', resourceVersion?: number): Promise<Response | undefined> {
  const stamp = await catalogueStamp(deps);
  const url = new URL(c.req.url);
  const representation = createHash('sha256').update(`${variant}\n${url.pathname}\n${url.search}`).digest('base64url').slice(0, 16);
  const etag = `W/"c${stamp}-${shanghaiDateOf(deps.clock.now())}-${deps.config.appVersion}-${representation}${resourceVersion !== undefined ? `-v${resourceVersion}` : ''}"`;
  c.header('ETag', etag);
  // No stale-while-revalidate: a withdrawn item must leave shared caches within max-age.
  c.header('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE}`);
  const inm = c.req.header('If-None-Match');
  if (inm && inm.split(',').some((t) => t.trim() === etag)) return c.body(null, 304);
  return undefined;
}

/**
 * An item's page or API entry: the view is read first (one GetItem, consistent), so a withdrawn
 * or unknown item is a 404 whatever the request's headers say, and the item's version is part of
 * its ETag, so even a process whose cached stamp is a few seconds old never revalidates it.
 */
export async function publicItemCaching(c: Context<WebEnv>, deps: AppDependencies, id: string, variant = ''): Promise<Response | undefined> {
  return publicCaching(c, deps, variant, await publicViewVersion(deps, id));
}
