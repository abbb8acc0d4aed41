import { DomainError } from '#domain/errors';
import { MAX_INFLATED_BYTES } from './limits';

/**
 * Errors from reading documents. They are user-facing (422): the file cannot be checked, so it
 * cannot be approved; the message says what to do. `detail` carries the library's message.
 */
export type ExtractionErrorCode = 'corrupt' | 'encrypted' | 'unsupported' | 'too-complex' | 'refused';

export abstract class DocumentExtractionError extends DomainError {
  readonly status = 422;
  abstract readonly code: ExtractionErrorCode;
  constructor(
    message: string,
    /** The subclass's first constructor argument: with `detail`, all it takes to build the same error again in another thread. */
    readonly subject: string,
    detail?: string,
    options?: ErrorOptions,
  ) {
    super(message, detail, options);
  }
}

/** The bytes do not form a readable file of the claimed type (truncated, damaged, wrong type). */
export class CorruptDocumentError extends DocumentExtractionError {
  readonly code = 'corrupt';
  constructor(kind: string, detail?: string, options?: ErrorOptions) {
    super(`${kind} 文件已损坏或格式不正确，无法读取其中的文字，请检查后重新上传。`, kind, detail, options);
  }
}

/** Password-protected or encrypted files cannot be checked, so they are refused. */
export class EncryptedDocumentError extends DocumentExtractionError {
  readonly code = 'encrypted';
  constructor(kind: string, detail?: string, options?: ErrorOptions) {
    super(`${kind} 文件设有密码或已加密，无法进行保密检查，请取消加密后重新上传。`, kind, detail, options);
  }
}

/** A type the scanner cannot read (e.g. .doc of Word 97-2003, spreadsheets). */
export class UnsupportedContentTypeError extends DocumentExtractionError {
  readonly code = 'unsupported';
  constructor(contentType: string, detail?: string) {
    super(`不支持读取该类型文件（${contentType}）的文字。请转换为 PDF、DOCX 或纯文本后上传。`, contentType, detail ?? contentType);
  }
}

/**
 * A file beyond the limits in limits.ts (a ZIP bomb, thousands of pages, a reading that runs out
 * of time or memory). `limit` says which, in words, e.g. `解压后超过 100 MB`.
 */
export class DocumentTooComplexError extends DocumentExtractionError {
  readonly code = 'too-complex';
  constructor(limit: string, detail?: string) {
    super(tooComplexMessage(limit), limit, detail ?? limit);
  }
}

export const tooComplexMessage = (limit: string) => `文件过大或结构过于复杂（${limit}），无法进行保密检查。请拆分或压缩后重新上传。`;

const MB = 1024 * 1024;
/** The limit phrase for MAX_INFLATED_BYTES, shared by the ZIP and PDF checks. */
export const INFLATE_LIMIT = `解压后超过 ${MAX_INFLATED_BYTES / MB} MB`;

/**
 * A file refused for what it carries besides the document: scripts, auto-run actions or embedded
 * files in a PDF, web code hidden in another format. `message` comes from the inspection (sniff.ts).
 */
export class RefusedDocumentError extends DocumentExtractionError {
  readonly code = 'refused';
  constructor(message: string, detail?: string) {
    super(message, message, detail);
  }
}

const CLASSES: Record<ExtractionErrorCode, new (subject: string, detail?: string) => DocumentExtractionError> = {
  corrupt: CorruptDocumentError,
  encrypted: EncryptedDocumentError,
  unsupported: UnsupportedContentTypeError,
  'too-complex': DocumentTooComplexError,
  refused: RefusedDocumentError,
};

/** An error as it crosses the worker boundary (structured clone keeps neither class nor fields of Error subclasses). */
export type SerializedError =
  { readonly code: ExtractionErrorCode; readonly subject: string; readonly detail?: string } | { readonly code?: undefined; readonly name: string; readonly message: string; readonly stack?: string };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof DocumentExtractionError) {
    return { code: error.code, subject: error.subject, ...(error.detail !== undefined ? { detail: error.detail } : {}) };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) };
}

/** The same class with the same message for document errors; a plain Error (name, message, stack kept) for bugs. */
export function reviveError(e: SerializedError): Error {
  if (e.code !== undefined) return new CLASSES[e.code](e.subject, e.detail);
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}
