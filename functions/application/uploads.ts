/**
 * The one check of files people send (an applicant's attachments, a report's screenshot, evidence,
 * the documents an answer provides): count, size and type by the bytes, never by the name, before
 * anything is stored. Each case type states its rule; the messages are the same everywhere.
 */
import { ValidationError } from '#domain/errors';
import type { AppDependencies } from './context';
import { safeFileName } from './documents';

export interface Upload {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface UploadRule {
  /** The form field the messages belong to. */
  readonly field: string;
  /** 附件 or 文件, as the form calls them. */
  readonly noun: string;
  readonly max: number;
  readonly maxBytes: number;
  /** Accepted content types and their names. */
  readonly types: Readonly<Record<string, string>>;
  /** The accepted types in words: "PDF、JPEG 或 PNG". */
  readonly typesText: string;
}

export interface CheckedUpload {
  readonly upload: Upload;
  readonly contentType: string;
  readonly fileName: string;
}

/** Files left empty in the form (no name, no bytes) are not uploads. */
export function checkUploads(deps: Pick<AppDependencies, 'content'>, uploads: readonly Upload[], rule: UploadRule): CheckedUpload[] {
  const { field, noun } = rule;
  const present = uploads.filter((a) => a.bytes.byteLength > 0 || a.fileName.trim() !== '');
  if (present.length > rule.max) throw new ValidationError(`${noun}不能超过${rule.max}个。`, { [field]: `${noun}不能超过${rule.max}个。` });
  return present.map((upload) => {
    const fileName = safeFileName(upload.fileName || 'file');
    if (upload.bytes.byteLength === 0) throw new ValidationError(`${noun}是空文件。`, { [field]: `“${fileName}”是空文件，请重新选择。` });
    if (upload.bytes.byteLength > rule.maxBytes) throw new ValidationError(`${noun}过大。`, { [field]: `每个${noun}不能超过 ${rule.maxBytes / 1024 / 1024} MB。` });
    const inspection = deps.content.inspect(upload.bytes);
    if (!inspection.ok && inspection.code !== 'unknown-type') throw new ValidationError(`${noun}不予接收。`, { [field]: `“${fileName}”：${inspection.message}` });
    const contentType = inspection.ok ? inspection.contentType : undefined;
    if (!contentType || !(contentType in rule.types)) throw new ValidationError(`${noun}类型不受支持。`, { [field]: `“${fileName}”不是有效的 ${rule.typesText} 文件（按文件内容判断）。` });
    return { upload, contentType, fileName };
  });
}
