import type { Context, MiddlewareHandler } from 'hono';
import { ForbiddenError } from '#domain/errors';
import type { WebEnv } from '../env';

/**
 * Where a request comes from, as the host itself can vouch for it: the socket's remote address in
 * local mode, the viewer address CloudFront asserts behind the CDN. Never a header the client can
 * write (X-Forwarded-For is whatever the client sent first). Returns undefined when the request did
 * not come through the trusted edge, which is refused: per-client limits mean nothing otherwise.
 */
export type ClientAddressResolver = (c: Context) => string | undefined;

/** Without a host resolver (unit tests of the app) every request is one anonymous client. */
export const UNKNOWN_CLIENT: ClientAddressResolver = () => 'unknown';

export function clientAddress(resolve: ClientAddressResolver): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const address = resolve(c);
    if (!address) throw new ForbiddenError('请通过本平台的网址访问。', 'request did not come through the trusted edge');
    c.set('clientAddress', address.slice(0, 64));
    await next();
  };
}
