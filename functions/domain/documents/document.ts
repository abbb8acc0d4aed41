import { ValidationError } from '../errors';

/** A file a member of staff stored in the private bucket (drafts, originals, answer documents). */
export interface StaffDocument {
  readonly id: string;
  readonly title: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** Object key in the private bucket (never one a client wrote to directly). */
  readonly fileKey: string;
  /** SHA-256 of the stored bytes, taken when they were checked. */
  readonly sha256?: string;
  readonly uploadedAt: string;
  readonly uploadedBy: { readonly id: string; readonly name: string };
}

/** What the portal accepts as a document, by content (magic bytes), never by file name. */
export const ACCEPTED_DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word（DOCX）',
  'image/png': 'PNG 图片',
  'image/jpeg': 'JPEG 图片',
  'text/plain': '纯文本',
};

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function checkUpload(input: { title: string; fileName: string; sizeBytes: number; sniffedType: string | undefined }): string {
  const fields: Record<string, string> = {};
  const title = input.title.trim();
  if (!title) fields.title = '请填写文件标题。';
  else if (title.length > 200) fields.title = '文件标题不能超过 200 个字。';
  if (input.sizeBytes === 0) fields.file = '请选择要上传的文件。';
  else if (input.sizeBytes > MAX_DOCUMENT_BYTES) fields.file = `文件不能超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB。`;
  else if (!input.sniffedType || !(input.sniffedType in ACCEPTED_DOCUMENT_TYPES)) {
    fields.file = `文件类型不受支持。可上传：${Object.values(ACCEPTED_DOCUMENT_TYPES).join('、')}。`;
  }
  if (Object.keys(fields).length) throw new ValidationError('上传的信息有误，请按提示修改。', fields);
  return input.sniffedType!;
}
