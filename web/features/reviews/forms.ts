import type { AppDependencies } from '#application/context';
import { uploadDocument } from '#application/documents';
import { ValidationError } from '#domain/errors';
import type { SecrecyReview } from '#domain/secrecy';
import type { StaffMember } from '#domain/staff';
import { flatValues, textOf, type FormBody } from '../../form-body';
import { CSRF_FIELD_NAME } from '../../views/components/CsrfField';

/** What a failed form had typed, to show it again (not the CSRF token, the version or the digest). */
export const typedValues = (body: FormBody) => flatValues(body, [CSRF_FIELD_NAME, 'version', 'digest']);

const fileOf = (body: FormBody, name: string) => {
  const f = body[name];
  return f instanceof File && f.size > 0 ? f : undefined;
};

export const newReviewValues = (body: FormBody) => ({ title: textOf(body, 'title'), text: textOf(body, 'text'), subjectType: textOf(body, 'subjectType') });

/** The 送审 form → submitForReview's input; its file is uploaded (checked by content) first. */
export async function newReviewInput(deps: AppDependencies, staff: StaffMember, body: FormBody) {
  const values = newReviewValues(body);
  const file = fileOf(body, 'file');
  const doc = file && (await uploadDocument(deps, staff, { title: values.title || file.name, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));
  const attachments = doc ? [{ fileKey: doc.fileKey, fileName: doc.fileName, contentType: doc.contentType }] : [];
  return { subject: { type: values.subjectType as SecrecyReview['subject']['type'], title: values.title }, text: values.text, attachments };
}

/** An attachment's redacted version, from the upload form of that attachment (`file-<attachment id>`). */
export async function redactedFileInput(body: FormBody) {
  const attachmentId = textOf(body, 'attachmentId');
  const file = fileOf(body, `file-${attachmentId}`);
  if (!file) throw new ValidationError('请选择删除处理后的文件。', { [`file-${attachmentId}`]: '请选择删除处理后的文件。' });
  return { attachmentId, fileName: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}
