import { timingSafeEqual } from 'node:crypto';

/**
 * The two hosts' ways of knowing a request's client address (see web/middleware/client-address.ts).
 * Plain functions of headers or a socket, so the web layer needs no Node or Lambda types.
 */

/**
 * Behind CloudFront: a viewer-request CloudFront Function writes the viewer's IP (event.viewer.ip,
 * what the edge itself saw) into this header, replacing whatever the client sent under that name
 * (infra/stacks/app-stack.ts). The `ip:port` form of CloudFront-Viewer-Address is accepted too.
 */
export const VIEWER_ADDRESS_HEADER = 'x-viewer-address';
/** CloudFront adds this secret header to every origin request; without it the API was called directly. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** `198.51.100.10` or `198.51.100.10:46532` → `198.51.100.10`; an IPv6 address as it is. */
export function viewerIp(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || v.length > 64) return undefined;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(v);
  if (v4) return v4[1];
  return /^[0-9A-Fa-f:]+$/.test(v) && v.includes(':') ? v.toLowerCase() : undefined;
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
