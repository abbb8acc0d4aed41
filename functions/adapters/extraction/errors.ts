import { DomainError } from '../../domain/errors';

/**
 * Errors from reading documents. They are user-facing (422): the file cannot be checked, so it
 * cannot be approved; the message says what to do. `detail` carries the library's message.
 */
export abstract class DocumentExtractionError extends DomainError {
  readonly status = 422;
  abstract readonly code: 'corrupt' | 'encrypted' | 'unsupported';
}

/** The bytes do not form a readable file of the claimed type (truncated, damaged, wrong type). */
export class CorruptDocumentError extends DocumentExtractionError {
  readonly code = 'corrupt';
  constructor(kind: string, detail?: string, options?: ErrorOptions) {
    super(`${kind} 文件已损坏或格式不正确，无法读取其中的文字，请检查后重新上传。`, detail, options);
  }
}

/** Password-protected or encrypted files cannot be checked, so they are refused. */
export class EncryptedDocumentError extends DocumentExtractionError {
  readonly code = 'encrypted';
  constructor(kind: string, detail?: string, options?: ErrorOptions) {
    super(`${kind} 文件设有密码或已加密，无法进行保密检查，请取消加密后重新上传。`, detail, options);
  }
}

/** A type the scanner cannot read (e.g. .doc of Word 97-2003, spreadsheets). */
export class UnsupportedContentTypeError extends DocumentExtractionError {
  readonly code = 'unsupported';
  constructor(contentType: string, detail?: string) {
    super(`不支持读取该类型文件（${contentType}）的文字。请转换为 PDF、DOCX 或纯文本后上传。`, detail ?? contentType);
  }
}
