/** One part of the content that leaves the agency: the body text or an attachment. */
export interface ContentPart {
  /** Stable name of the part: `body`, or the attachment's file name / id as published. */
  readonly name: string;
  readonly data: Uint8Array | string;
}

/** SHA-256 as lower-case hex (the content port's; the domain only fixes the canonical form). */
export type Sha256 = (data: Uint8Array | string) => string;

/**
 * The digest a secrecy review is bound to: the item's text and every attachment, in order, by
 * name and content. Changing a word, a file, a file name, or adding or removing a file changes it.
 *
 * Canonical form (v1): a header line, then one line per part `JSON(name) SP sha256hex(data)`.
 */
export function contentDigest(sha256: Sha256, parts: readonly ContentPart[]): string {
  const lines = ['gov-disclosure/content-digest/v1', ...parts.map((p) => `${JSON.stringify(p.name)} ${sha256(p.data)}`)];
  return sha256(lines.join('\n'));
}
