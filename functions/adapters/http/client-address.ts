import { timingSafeEqual } from 'node:crypto';

/**
 * The two hosts' ways of knowing a request's client address (see web/middleware/client-address.ts).
 * Plain functions of headers or a socket, so the web layer needs no Node or Lambda types.
 */

/** Behind CloudFront: the origin request policy adds `CloudFront-Viewer-Address` (`ip:port`). */
export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';
/** CloudFront adds this secret header to every origin request; without it the API was called directly. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** `198.51.100.10:46532` → `198.51.100.10`; `2001:db8::1:46532` → `2001:db8::1`. */
export function viewerIp(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || v.length > 64) return undefined;
  const colon = v.lastIndexOf(':');
  const ip = colon > 0 && /^\d+$/.test(v.slice(colon + 1)) ? v.slice(0, colon) : v;
  return /^[0-9A-Fa-f.:]+$/.test(ip) ? ip : undefined;
}

/**
 * AWS: trusts the viewer address only on requests that carry CloudFront's origin secret; a direct
 * call to the API Gateway URL (which a client could send any header to) gets undefined.
 */
export function cloudFrontClientAddress(originSecret: string): (header: (name: string) => string | undefined) => string | undefined {
  const expected = Buffer.from(originSecret);
  return (header) => {
    const presented = Buffer.from(header(ORIGIN_VERIFY_HEADER) ?? '');
    if (expected.length === 0 || presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
    return viewerIp(header(VIEWER_ADDRESS_HEADER));
  };
}

/** Local mode: the TCP peer of the connection (`::ffff:127.0.0.1` → `127.0.0.1`). */
export function socketClientAddress(remoteAddress: string | undefined): string | undefined {
  if (!remoteAddress) return undefined;
  return remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
}
