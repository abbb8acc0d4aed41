import { createHash } from 'node:crypto';

/** SHA-256 of bytes, or of a string's UTF-8 encoding, as lower-case hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export type { ContentPart } from '#domain/secrecy/content-digest';
import { contentDigest as canonicalDigest, type ContentPart } from '#domain/secrecy/content-digest';

/** The review digest with this machine's SHA-256 (docs and tests; use cases go through the content port). */
export const contentDigest = (parts: readonly ContentPart[]): string => canonicalDigest(sha256Hex, parts);
