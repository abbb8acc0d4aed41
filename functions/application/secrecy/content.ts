import { contentDigest, type ContentPart, type Sha256 } from '#domain/secrecy/content-digest';
import { NotFoundError } from '#domain/errors';
import { redactedItems, verifyRedactedText, type ResidualFinding, type ReviewFinding, type SecrecyReview, type Span } from '#domain/secrecy';
import type { PrivateFileStore } from '#ports/file-store';
import type { RedactedPieces, ReviewContent } from '#repositories/reviews';

/** Where a review keeps its private copies (private bucket only; never the public one). */
export const reviewObjects = {
  body: (id: string, folder: string | number) => `reviews/${id}/r${folder}/body.txt`,
  attachmentText: (id: string, folder: string | number, attachmentId: string) => `reviews/${id}/r${folder}/${attachmentId}.txt`,
  redactedBody: (id: string, stamp: string) => `reviews/${id}/redacted/${stamp}/body.txt`,
  redactedFile: (id: string, stamp: string, attachmentId: string) => `reviews/${id}/redacted/${stamp}/${attachmentId}`,
  redactedFileText: (id: string, stamp: string, attachmentId: string) => `reviews/${id}/redacted/${stamp}/${attachmentId}.txt`,
} as const;

export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';
const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export async function readText(files: PrivateFileStore, key: string): Promise<string> {
  const bytes = await files.get(key);
  if (!bytes) throw new NotFoundError('审查内容的存档文件缺失，请联系管理员。', `missing private object ${key}`);
  return decoder.decode(bytes);
}

export async function writeText(files: PrivateFileStore, key: string, text: string): Promise<void> {
  await files.put(key, encoder.encode(text), TEXT_CONTENT_TYPE);
}

export async function readBytes(files: PrivateFileStore, key: string, what: string): Promise<Uint8Array> {
  const bytes = await files.get(key);
  if (!bytes) throw new NotFoundError(`找不到文件“${what}”，请重新上传。`, `missing private object ${key}`);
  return bytes;
}

/** One part of what would leave the agency, with the bytes the digest was computed over. */
export interface BundlePart {
  /** `body` or the attachment id. */
  readonly part: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly data: Uint8Array | string;
  /** Private-bucket key the bytes were read from. */
  readonly sourceKey?: string;
}

export const BODY_FILE_NAME = '正文.txt';

/** Digest of a bundle: the body by the name `body`, attachments by file name, in order. */
export function bundleDigest(sha256: Sha256, parts: readonly BundlePart[]): string {
  const digestParts: ContentPart[] = parts.map((p) => ({ name: p.part === 'body' ? 'body' : p.fileName, data: p.data }));
  return contentDigest(sha256, digestParts);
}

/** The content as submitted: body text and the original attachments. */
export async function originalBundle(files: PrivateFileStore, content: ReviewContent): Promise<BundlePart[]> {
  const parts: BundlePart[] = [];
  if (content.bodyKey) parts.push({ part: 'body', fileName: BODY_FILE_NAME, contentType: TEXT_CONTENT_TYPE, data: await readText(files, content.bodyKey) });
  for (const a of content.attachments) {
    parts.push({ part: a.id, fileName: a.fileName, contentType: a.contentType, data: await readBytes(files, a.fileKey, a.fileName) });
  }
  return parts;
}

/**
 * What would be released: the redacted body and redacted files where they exist, the originals
 * elsewhere. The digest of this bundle is what the reviewers approve and the release checks.
 */
export async function releaseBundle(files: PrivateFileStore, content: ReviewContent, redacted: RedactedPieces | undefined): Promise<BundlePart[]> {
  const parts: BundlePart[] = [];
  if (content.bodyKey) {
    const key = redacted?.bodyKey ?? content.bodyKey;
    parts.push({ part: 'body', fileName: BODY_FILE_NAME, contentType: TEXT_CONTENT_TYPE, data: await readText(files, key), sourceKey: key });
  }
  for (const a of content.attachments) {
    const r = redacted?.files[a.id];
    if (r) parts.push({ part: a.id, fileName: r.fileName, contentType: r.contentType, data: await readBytes(files, r.fileKey, r.fileName), sourceKey: r.fileKey });
    else parts.push({ part: a.id, fileName: a.fileName, contentType: a.contentType, data: await readBytes(files, a.fileKey, a.fileName), sourceKey: a.fileKey });
  }
  return parts;
}

/** The text the scanner read for each source (`body`, `att-1`, …) of the original content. */
export async function originalTexts(files: PrivateFileStore, content: ReviewContent): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (content.bodyKey) out['body'] = await readText(files, content.bodyKey);
  for (const a of content.attachments) out[a.id] = await readText(files, a.textKey);
  return out;
}

/** The text of the redacted copy of each source (original text where nothing was redacted). */
export async function redactedTexts(files: PrivateFileStore, content: ReviewContent, redacted: RedactedPieces | undefined, originals: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = { ...originals };
  if (content.bodyKey && redacted?.bodyKey) out['body'] = await readText(files, redacted.bodyKey);
  for (const a of content.attachments) {
    const r = redacted?.files[a.id];
    if (r) out[a.id] = await readText(files, r.textKey);
  }
  return out;
}

/** Findings the reviewer decided to redact. */
export function findingsToRedact(review: SecrecyReview): ReviewFinding[] {
  return review.findings.filter((f) => review.resolutions[f.id]?.resolution.action === 'redact');
}

export interface SourceResidual extends ResidualFinding {
  readonly source: string;
}

/**
 * Redacted findings (and hand-marked body spans) that still appear in the redacted copy of their
 * source. Empty means the redaction held everywhere.
 */
export function residualFindings(review: SecrecyReview, originals: Record<string, string>, redactedCopies: Record<string, string>, manualBodySpans: readonly Span[] = []): SourceResidual[] {
  const bySource = new Map<string, (Span & { kind?: ReviewFinding['kind']; id?: string })[]>();
  for (const f of findingsToRedact(review)) {
    const list = bySource.get(f.source) ?? [];
    list.push({ start: f.start, end: f.end, kind: f.kind, id: f.id });
    bySource.set(f.source, list);
  }
  if (manualBodySpans.length) bySource.set('body', [...(bySource.get('body') ?? []), ...manualBodySpans.map((s) => ({ start: s.start, end: s.end }))]);
  const out: SourceResidual[] = [];
  for (const [source, spans] of bySource) {
    const original = originals[source];
    const copy = redactedCopies[source];
    if (original === undefined || copy === undefined) continue;
    for (const r of verifyRedactedText(copy, redactedItems(original, spans))) out.push({ ...r, source });
  }
  return out;
}
