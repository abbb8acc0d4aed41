import type { S3Client } from '@aws-sdk/client-s3';
import { S3PublicFileWriter } from '../adapters/s3/public-file-writer';
import { ValidationError, VersionConflictError } from '../domain/errors';
import { assertCanRelease, StaleContentError } from '../domain/secrecy';
import type { PublicFileWriter } from '../ports/file-store';
import type { ReleasedPart, ReleaseReceipt, ReleaseRequest, Releaser, WithdrawalRequest } from '../ports/releaser';
import { ReleaseRepository, type ReleasedFile, type ReleaseRecord } from '../repositories/review-releases';
import { ReviewRepository } from '../repositories/reviews';
import type { AppDependencies } from './context';
import { safeFileName } from './documents';
import { newId } from './ids';
import { bundleDigest, readBytes, releaseBundle, type BundlePart } from './secrecy/content';

/*
 * The release step (先审查、后公开): the only code that writes to the public bucket or hands a
 * document to an applicant. It refuses without an approved review of exactly the content about to
 * leave, and the copy that leaves is always the redacted one where redaction applies.
 */

type Deps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'config'>;

/** Key prefix the public bucket serves as /files/* (CloudFront); the release role may write only here. */
export const PUBLIC_FILES_PREFIX = 'files/';
/** Private prefix for copies handed to applicants through short-lived links. */
export const OUTGOING_PREFIX = 'outgoing/';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

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

/** Checks the gate and returns exactly the bytes that may leave, with their digest. */
async function prepareRelease(deps: Deps, request: ReleaseRequest) {
  const record = await new ReviewRepository(deps.records).get(request.reviewId);
  if (!record) {
    assertCanRelease(undefined, '');
    throw new Error('unreachable');
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
  if (bundleDigest(current) !== review.contentDigest) {
    throw new StaleContentError(`review ${review.id}: subject content digest differs from the reviewed content`);
  }
  // What leaves: the redacted copies when a redacted version was approved, read back and hashed now.
  const bundle = await releaseBundle(deps.files, content, review.redaction ? redacted : undefined);
  const digest = bundleDigest(bundle);
  assertCanRelease(review, digest);
  return { review, bundle, digest };
}

function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

function receipt(release: ReleaseRecord, text: string, files: ReleasedPart[]): ReleaseReceipt {
  return { releaseId: release.id, target: release.target, digest: release.digest, text, files };
}

async function release(deps: Deps, request: ReleaseRequest, target: 'public' | 'applicant', write: (key: string, part: BundlePart, bytes: Uint8Array) => Promise<void>, remove: (key: string) => Promise<void>) {
  const { review, bundle, digest } = await prepareRelease(deps, request);
  const now = deps.clock.now();
  const id = newId(now);
  const prefix = target === 'public' ? `${PUBLIC_FILES_PREFIX}${id}/` : `${OUTGOING_PREFIX}${id}/`;
  const files: ReleasedFile[] = bundle.map((part, i) => {
    const bytes = toBytes(part.data);
    const name = part.part === 'body' ? `content${extensionOf(part.contentType) || '.txt'}` : `${i}${extensionOf(part.contentType)}`;
    return { key: `${prefix}${name}`, fileName: part.fileName, contentType: part.contentType, sizeBytes: bytes.byteLength, part: part.part };
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
  // The record commits first, with a check that the review is still at the approved version:
  // nothing is written anywhere unless that check holds at this instant.
  await new ReleaseRepository(deps.records).recordWithCheck(record, {
    type: target === 'public' ? 'release.published' : 'release.provided',
    actor: request.requestedBy,
    data: { reviewId: review.id, reviewVersion: request.reviewVersion, digest, subjectType: review.subject.type, files: files.length },
  });
  const written: string[] = [];
  try {
    for (const [i, part] of bundle.entries()) {
      await write(files[i]!.key, part, toBytes(part.data));
      written.push(files[i]!.key);
    }
  } catch (error) {
    deps.logger.error('release write failed; removing partial copies', { releaseId: id, error });
    for (const key of written) await remove(key).catch((e: unknown) => deps.logger.error('could not remove partial release copy', { key, error: e }));
    throw error;
  }
  const body = bundle.find((p) => p.part === 'body');
  const text = body ? (typeof body.data === 'string' ? body.data : decoder.decode(body.data)) : '';
  return { record, text, files };
}

/** Publish reviewed content: the released copies go under `files/` in the public bucket. */
export async function releaseToPublic(deps: Deps & { readonly publicFiles: PublicFileWriter }, request: ReleaseRequest): Promise<ReleaseReceipt> {
  const { record, text, files } = await release(
    deps,
    request,
    'public',
    (key, part, bytes) => deps.publicFiles.put(key, bytes, part.contentType, part.fileName),
    (key) => deps.publicFiles.delete(key),
  );
  const base = deps.config.publicFilesBaseUrl.replace(/\/$/, '');
  return receipt(record, text, files.map((f) => ({ ...f, url: `${base}/${f.key.slice(PUBLIC_FILES_PREFIX.length)}` })));
}

/**
 * Withdrawal (撤回): the released copies leave the public bucket. Only objects this step itself
 * wrote (under `files/`, named by the receipts' URLs) can be removed; CloudFront's copies expire
 * with their max-age (300 s, set when released).
 */
export async function withdrawFromPublic(deps: Pick<Deps, 'config' | 'logger'> & { readonly publicFiles: PublicFileWriter }, request: WithdrawalRequest): Promise<{ removed: number }> {
  const base = `${deps.config.publicFilesBaseUrl.replace(/\/$/, '')}/`;
  const keys = request.urls.map((url) => {
    const rest = url.startsWith(base) ? url.slice(base.length) : '';
    if (!rest || rest.includes('..')) throw new ValidationError('要撤回的文件不属于本平台发布的文件。', { urls: url });
    return `${PUBLIC_FILES_PREFIX}${rest}`;
  });
  for (const key of keys) await deps.publicFiles.delete(key);
  deps.logger.info('public copies withdrawn', { subject: request.subject, removed: keys.length });
  return { removed: keys.length };
}

/** Provide reviewed content to an applicant: copies under `outgoing/` in the private bucket. */
export async function releaseToApplicant(deps: Deps, request: ReleaseRequest): Promise<ReleaseReceipt> {
  const { record, text, files } = await release(
    deps,
    request,
    'applicant',
    async (key, part, bytes) => {
      await deps.files.put(key, bytes, part.contentType);
    },
    (key) => deps.files.delete(key),
  );
  return receipt(record, text, files);
}

/** The release step running in this process (local mode, and inside the release function). */
export function inProcessReleaser(deps: Deps, publicFiles: PublicFileWriter): Releaser {
  return {
    releaseToPublic: (request) => releaseToPublic({ ...deps, publicFiles }, request),
    releaseToApplicant: (request) => releaseToApplicant(deps, request),
    withdrawFromPublic: (request) => withdrawFromPublic({ ...deps, publicFiles }, request),
  };
}

/** The public bucket writer. Constructed here (the release step) and nowhere else. */
export function createPublicFileWriter(s3: S3Client, bucket: string): PublicFileWriter {
  return new S3PublicFileWriter(s3, bucket);
}
