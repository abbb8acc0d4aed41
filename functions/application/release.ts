import type { AuditEventInput } from '#domain/audit/chain';
import { NotFoundError, ValidationError, VersionConflictError } from '#domain/errors';
import { assertCanRelease, StaleContentError } from '#domain/secrecy';
import type { Actor } from '#domain/staff';
import type { CdnInvalidator } from '#ports/cdn';
import type { PublicFileWriter } from '#ports/file-store';
import type { Change } from '#ports/record-store';
import { ReleaseRepository, type ReleasedFile, type ReleasedPart, type ReleaseRecord, type ReleaseTarget } from '#repositories/review-releases';

export type { ReleasedPart } from '#repositories/review-releases';
import { ReviewRepository } from '#repositories/reviews';
import type { AppDependencies } from './context';
import { safeFileName } from './documents';
import { newId } from './ids';
import { bundleDigest, readBytes, releaseBundle, type BundlePart } from './secrecy/content';

/*
 * The release step (先审查、后公开): the only code that writes to the public bucket or hands a
 * document to an applicant. It works in two halves:
 *
 * 1. prepareRelease (in the request): checks that an approved review covers exactly the content
 *    about to leave, and returns the release record as changes the caller commits together with
 *    its own state change (an item published, an answer served). Nothing is written anywhere yet.
 * 2. writeReleaseCopies / removePublicCopies (the effects processor, after the commit): reads the
 *    approved bytes again, checks their digests and the review once more, and writes or removes
 *    the copies. In AWS this half runs only in the release function, whose role alone may write
 *    the public bucket and the applicants' outgoing/ prefix.
 *
 * So a commit that fails (a double-clicked 发布, a stale form) leaves nothing public, and nothing
 * is public before the commit that makes it so.
 */

type Deps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'config' | 'content'>;

/** What the effects processor holds besides the app's ports: the public bucket and the CDN. */
export type ReleaseDeps = Deps & { readonly publicFiles: PublicFileWriter; readonly cdn: CdnInvalidator };

/** Key prefix the public bucket serves as /files/* (CloudFront); the release role may write only here. */
export const PUBLIC_FILES_PREFIX = 'files/';
/** Private prefix for copies handed to applicants through short-lived links. */
export const OUTGOING_PREFIX = 'outgoing/';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'text/plain': '.txt',
  'text/html': '.html',
  'text/markdown': '.md',
  'image/png': '.png',
  'image/jpeg': '.jpg',
};
const extensionOf = (contentType: string) => EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()] ?? '';

export interface ReleaseAttachmentRef {
  /** Private-bucket key of the original, as the subject holds it now. */
  readonly fileKey: string;
  readonly fileName: string;
  readonly contentType: string;
}

export interface ReleaseRequest {
  readonly reviewId: string;
  /** The review's version when the caller saw it approved; a later change voids the release. */
  readonly reviewVersion: number;
  readonly subject: { readonly type: string; readonly id: string };
  /** The content as the subject holds it now (originals); must be what was reviewed. */
  readonly parts: { readonly text: string; readonly attachments: readonly ReleaseAttachmentRef[] };
  readonly requestedBy: Actor;
}

export interface ReleaseReceipt {
  readonly releaseId: string;
  readonly target: ReleaseTarget;
  readonly digest: string;
  /** The released text (the redacted copy where redaction applies). */
  readonly text: string;
  readonly files: readonly ReleasedPart[];
}

export interface PreparedRelease {
  readonly record: ReleaseRecord;
  /** The release record and the check on the approved review: commit them with the subject's change. */
  readonly changes: readonly Change[];
  readonly receipt: ReleaseReceipt;
}

/** Checks the gate and returns exactly the bytes that may leave, with their digest. */
async function approvedBundle(deps: Deps, request: ReleaseRequest) {
  const record = await new ReviewRepository(deps.records).get(request.reviewId);
  if (!record) {
    assertCanRelease(undefined, '');
    throw new NotFoundError('保密审查单不存在。');
  }
  const { review, content, redacted } = record.data;
  if (record.version !== request.reviewVersion) {
    throw new VersionConflictError(`review ${review.id} is at version ${record.version}, release asked for ${request.reviewVersion}`);
  }
  if (review.subject.type !== request.subject.type || review.subject.id !== request.subject.id) {
    throw new ValidationError('审查单与要发布的信息不对应，不能发布。', { reviewId: '审查单与要发布的信息不对应。' });
  }
  // The subject's content now must be the content that was reviewed (a changed word voids it).
  const current: BundlePart[] = [];
  if (request.parts.text.trim()) current.push({ part: 'body', fileName: 'body', contentType: 'text/plain', data: request.parts.text });
  for (const [i, a] of request.parts.attachments.entries()) {
    current.push({ part: `att-${i + 1}`, fileName: safeFileName(a.fileName), contentType: a.contentType, data: await readBytes(deps.files, a.fileKey, a.fileName) });
  }
  if (bundleDigest(deps.content.sha256, current) !== review.contentDigest) {
    throw new StaleContentError(`review ${review.id}: subject content digest differs from the reviewed content`);
  }
  // What leaves: the redacted copies when a redacted version was approved.
  const bundle = await releaseBundle(deps.files, content, review.redaction ? redacted : undefined);
  const digest = bundleDigest(deps.content.sha256, bundle);
  assertCanRelease(review, digest);
  return { review, bundle, digest };
}

const bytesOf = (data: Uint8Array | string) => (typeof data === 'string' ? encoder.encode(data) : data);

/** Where a public copy is served (CloudFront's /files/* in AWS, the app's /files/* locally). */
export function publicUrlOf(deps: Pick<Deps, 'config'>, key: string): string {
  return `${deps.config.publicFilesBaseUrl.replace(/\/$/, '')}/${key.slice(PUBLIC_FILES_PREFIX.length)}`;
}

/** Half 1: the gate, and the release as changes to commit with the subject. Writes nothing. */
export async function prepareRelease(deps: Deps, request: ReleaseRequest, target: ReleaseTarget): Promise<PreparedRelease> {
  const { review, bundle, digest } = await approvedBundle(deps, request);
  const now = deps.clock.now();
  const id = newId(now);
  const prefix = `${target === 'public' ? PUBLIC_FILES_PREFIX : OUTGOING_PREFIX}${id}/`;
  const files: ReleasedFile[] = bundle.map((part, i) => {
    const bytes = bytesOf(part.data);
    const name = part.part === 'body' ? `content${extensionOf(part.contentType) || '.txt'}` : `${i}${extensionOf(part.contentType)}`;
    if (!part.sourceKey) throw new Error(`release part ${part.part} has no source object`);
    return {
      key: `${prefix}${name}`,
      fileName: part.fileName,
      contentType: part.contentType,
      sizeBytes: bytes.byteLength,
      part: part.part,
      source: part.sourceKey,
      sha256: deps.content.sha256(bytes),
    };
  });
  const record: ReleaseRecord = {
    id,
    target,
    reviewId: review.id,
    reviewVersion: request.reviewVersion,
    digest,
    subject: { type: review.subject.type, id: review.subject.id },
    files,
    releasedAt: now.toISOString(),
    releasedBy: { id: 'id' in request.requestedBy ? request.requestedBy.id : 'public', ...(request.requestedBy.kind === 'staff' ? { name: request.requestedBy.name } : {}) },
  };
  const event: AuditEventInput = {
    type: target === 'public' ? 'release.published' : 'release.provided',
    actor: request.requestedBy,
    data: { reviewId: review.id, reviewVersion: request.reviewVersion, digest, subjectType: review.subject.type, files: files.length, ...(target === 'public' ? {} : { recipient: target }) },
  };
  const body = bundle.find((p) => p.part === 'body');
  const text = body ? (typeof body.data === 'string' ? body.data : decoder.decode(body.data)) : '';
  const receipt: ReleaseReceipt = {
    releaseId: id,
    target,
    digest,
    text,
    files: files.map(({ source: _s, sha256: _h, ...f }) => ({ ...f, ...(target === 'public' ? { url: publicUrlOf(deps, f.key) } : {}) })),
  };
  return { record, changes: ReleaseRepository.changes(record, event), receipt };
}

async function loadRelease(deps: Deps, releaseId: string): Promise<ReleaseRecord> {
  const record = await new ReleaseRepository(deps.records).get(releaseId);
  if (!record) throw new NotFoundError('发布记录不存在。', `release ${releaseId}`);
  return record;
}

/**
 * Half 2: writes the copies of a committed release (the missing ones; an existing copy was written
 * from the same checked bytes). Before anything leaves, the approved bytes are read again and must
 * still hash to what was approved, and the review must still allow exactly this digest.
 */
export async function writeReleaseCopies(deps: ReleaseDeps, releaseId: string): Promise<string[]> {
  const record = await loadRelease(deps, releaseId);
  const present = new Set(record.target === 'public' ? await deps.publicFiles.list(`${PUBLIC_FILES_PREFIX}${record.id}/`) : []);
  const missing = record.files.filter((f) => !present.has(f.key));
  if (missing.length === 0) return [];
  const review = await new ReviewRepository(deps.records).get(record.reviewId);
  const parts: (BundlePart & { bytes: Uint8Array; file: ReleasedFile })[] = [];
  for (const file of record.files) {
    const bytes = await readBytes(deps.files, file.source, file.fileName);
    if (deps.content.sha256(bytes) !== file.sha256) throw new StaleContentError(`release ${record.id}: ${file.part} no longer matches the approved bytes`);
    parts.push({ part: file.part, fileName: file.fileName, contentType: file.contentType, data: bytes, bytes, file });
  }
  const digest = bundleDigest(deps.content.sha256, parts);
  if (digest !== record.digest) throw new StaleContentError(`release ${record.id}: bundle digest differs from the release record`);
  assertCanRelease(review?.data.review, digest);
  const written: string[] = [];
  for (const { bytes, file } of parts) {
    if (present.has(file.key)) continue;
    if (record.target === 'public') await deps.publicFiles.put(file.key, bytes, file.contentType, file.fileName);
    else await deps.files.put(file.key, bytes, file.contentType);
    written.push(file.key);
  }
  deps.logger.info('release copies written', { releaseId: record.id, target: record.target, written: written.length });
  return written;
}

/** Takes a release's copies off the public bucket; returns the keys that were there. */
export async function removePublicCopies(deps: ReleaseDeps, releaseId: string): Promise<string[]> {
  const keys = await deps.publicFiles.list(`${PUBLIC_FILES_PREFIX}${releaseId}/`);
  for (const key of keys) await deps.publicFiles.delete(key);
  if (keys.length) deps.logger.info('public copies removed', { releaseId, removed: keys.length });
  return keys;
}
