import { checkUpload, MAX_DOCUMENT_BYTES, type StaffDocument } from '#domain/documents/document';
import { putStaged } from './staged-files';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors';
import { staffActor, type StaffMember } from '#domain/staff';
import { DocumentRepository } from '#repositories/document-repository';
import { UploadSlots } from '#repositories/upload-slots';
import type { Page } from '#ports/record-store';
import type { AppDependencies } from './context';
import { newId } from './ids';

type Deps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'content'>;

/**
 * Stores a staff upload in the private bucket and records it. The file is checked by its content
 * before anything is stored; it is staged, so if recording fails (or the process dies) the object
 * is removed (application/staged-files): never a file without its record or a record without it.
 */
export async function uploadDocument(deps: Deps, staff: StaffMember, input: { title: string; fileName: string; bytes: Uint8Array }): Promise<StaffDocument> {
  const inspection = deps.content.inspect(input.bytes);
  if (!inspection.ok && inspection.code !== 'unknown-type') throw new ValidationError('上传的信息有误，请按提示修改。', { file: inspection.message });
  const contentType = checkUpload({
    title: input.title,
    fileName: input.fileName,
    sizeBytes: input.bytes.byteLength,
    sniffedType: inspection.ok ? inspection.contentType : undefined,
  });
  const now = deps.clock.now();
  const id = newId(now);
  const fileName = safeFileName(input.fileName);
  const doc: StaffDocument = {
    id,
    title: input.title.trim(),
    fileName,
    contentType,
    sizeBytes: input.bytes.byteLength,
    fileKey: `documents/${id}`,
    sha256: deps.content.sha256(input.bytes),
    uploadedAt: now.toISOString(),
    uploadedBy: { id: staff.id, name: staff.displayName },
  };
  const committed = await putStaged(deps, [{ key: doc.fileKey, bytes: input.bytes, contentType }], staffActor(staff));
  try {
    await deps.records.commit([
      DocumentRepository.addChange(doc, { type: 'document.uploaded', actor: staffActor(staff), data: { title: doc.title, sizeBytes: doc.sizeBytes, contentType } }),
      ...committed,
    ]);
  } catch (error) {
    await deps.files.delete(doc.fileKey).catch((cleanup: unknown) => deps.logger.error('orphaned upload could not be removed', { key: doc.fileKey, error: cleanup }));
    throw error;
  }
  return doc;
}

/** The review's attachments from uploaded documents; an unknown id is a 404. */
export async function documentAttachments(deps: Pick<AppDependencies, 'records'>, ids: readonly string[]): Promise<{ fileKey: string; fileName: string; contentType: string }[]> {
  const documents = new DocumentRepository(deps.records);
  const out = [];
  for (const id of ids) {
    const doc = await documents.get(id);
    if (!doc) throw new NotFoundError(`文档 ${id} 不存在。`);
    out.push({ fileKey: doc.fileKey, fileName: doc.fileName, contentType: doc.contentType });
  }
  return out;
}

export function listDocuments(deps: Pick<AppDependencies, 'records'>, cursor?: string): Promise<Page<StaffDocument>> {
  return new DocumentRepository(deps.records).listNewest(20, cursor);
}

export async function documentDownloadUrl(deps: Pick<AppDependencies, 'records' | 'files'>, id: string): Promise<string> {
  const doc = await new DocumentRepository(deps.records).get(id);
  if (!doc) throw new NotFoundError('文件不存在或已被删除。');
  return deps.files.presignDownload(doc.fileKey, doc.fileName);
}

/** Browsers send paths on some platforms and control characters from crafted forms. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 120);
  if (!cleaned) throw new ValidationError('文件名无效。', { file: '文件名无效，请重命名后再上传。' });
  return cleaned;
}

const SLOT_SECONDS = 60 * 60;

export interface UploadSlot {
  readonly uploadId: string;
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Record<string, string>;
  readonly expiresInSeconds: number;
}

/**
 * Direct-to-S3 upload, step 1: the declared type and size are checked and signed into a
 * short-lived PUT URL, so the file never passes through the Lambda function.
 */
export async function openUploadSlot(
  deps: Pick<AppDependencies, 'records' | 'files' | 'clock'>,
  staff: StaffMember,
  input: { fileName: string; contentType: string; sizeBytes: number },
): Promise<UploadSlot> {
  checkUpload({ title: 'x', fileName: input.fileName, sizeBytes: input.sizeBytes, sniffedType: input.contentType });
  const now = deps.clock.now();
  const uploadId = newId(now);
  // The browser PUTs to a slot key; completion copies the checked bytes to the document's own key,
  // which no client ever sees, so the presigned URL can no longer replace a verified file.
  const fileKey = `uploads/${uploadId}`;
  await new UploadSlots(deps.records).open(
    uploadId,
    { fileKey, fileName: safeFileName(input.fileName), contentType: input.contentType, sizeBytes: input.sizeBytes, staffId: staff.id },
    Math.floor(now.getTime() / 1000) + SLOT_SECONDS,
  );
  const signed = await deps.files.presignUpload(fileKey, input.contentType, input.sizeBytes);
  return { uploadId, ...signed };
}

/**
 * Step 2: the whole object the browser uploaded is checked by its content (magic bytes, active
 * content) and size against what was declared; a mismatch deletes it. The checked bytes are then
 * written to the document's own key and recorded in one commit; the slot object is deleted. A second
 * completion of the same upload is refused (the document exists), and a PUT to the old URL after
 * completion only writes a slot nothing reads.
 */
export async function completeUpload(deps: Deps, staff: StaffMember, uploadId: string, title: string): Promise<StaffDocument> {
  const slot = await new UploadSlots(deps.records).get(uploadId);
  if (!slot || slot.staffId !== staff.id) throw new NotFoundError('上传记录不存在或已过期，请重新上传。');
  const documents = new DocumentRepository(deps.records);
  if (await documents.get(uploadId)) throw new ConflictError('该文件已完成上传。');
  const stored = await deps.files.head(slot.fileKey);
  if (!stored) throw new ValidationError('尚未收到文件，请先完成上传。', { file: '尚未收到文件，请先完成上传。' });
  const bytes = stored.sizeBytes === slot.sizeBytes && stored.sizeBytes <= MAX_DOCUMENT_BYTES ? await deps.files.get(slot.fileKey) : undefined;
  const inspection = bytes ? deps.content.inspect(bytes) : undefined;
  if (inspection && !inspection.ok && inspection.code !== 'unknown-type') {
    await deps.files.delete(slot.fileKey);
    throw new ValidationError('文件不予接收，已删除。', { file: inspection.message });
  }
  const sniffed = inspection?.ok ? inspection.contentType : undefined;
  if (!bytes || bytes.byteLength !== slot.sizeBytes || sniffed !== slot.contentType) {
    await deps.files.delete(slot.fileKey);
    throw new ValidationError('文件内容与申报的类型或大小不符，已删除，请重新上传。', { file: '文件内容与申报的类型或大小不符。' });
  }
  const contentType = checkUpload({ title, fileName: slot.fileName, sizeBytes: bytes.byteLength, sniffedType: sniffed });
  const now = deps.clock.now();
  const doc: StaffDocument = {
    id: uploadId,
    title: title.trim(),
    fileName: slot.fileName,
    contentType,
    sizeBytes: bytes.byteLength,
    fileKey: `documents/${uploadId}`,
    sha256: deps.content.sha256(bytes),
    uploadedAt: now.toISOString(),
    uploadedBy: { id: staff.id, name: staff.displayName },
  };
  const committed = await putStaged(deps, [{ key: doc.fileKey, bytes, contentType }], staffActor(staff));
  await deps.records.commit([
    DocumentRepository.addChange(doc, { type: 'document.uploaded', actor: staffActor(staff), data: { title: doc.title, sizeBytes: doc.sizeBytes, contentType, via: 'presigned-put' } }),
    ...committed,
  ]);
  await deps.files.delete(slot.fileKey).catch((error: unknown) => deps.logger.warn('upload slot object not removed', { key: slot.fileKey, error }));
  return doc;
}
