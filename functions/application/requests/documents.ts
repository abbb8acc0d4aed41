import { ForbiddenError, NotFoundError } from '#domain/errors';
import { answerLetterDocument } from '#domain/requests/letters';
import type { OfficialDocument } from '#domain/requests/official-document';
import type { NoticeKind } from '#domain/requests/notices';
import type { StaffMember } from '#domain/staff';
import { DOCUMENT_FILE_FORMATS, type DocumentFileFormat } from '#ports/document-file';
import type { StoredRequest } from '#repositories/requests';
import type { AppDependencies } from '../context';
import { loadRequest } from './common';

/** A case's signed document, as staff download it to sign and seal in their own workflow. */
export interface SignedDocument {
  readonly document: OfficialDocument;
  /** What the download is called, without its extension: `<tracking number>-<document>`. */
  readonly fileName: string;
  /** Not yet served on the applicant: the text may still change (review, sign-off). */
  readonly draft: boolean;
}

/** What a notice is called in file names. */
const NOTICE_FILE_NAMES: Readonly<Record<NoticeKind, string>> = {
  supplement: '补正告知书',
  extension: '延期答复告知书',
  fee: '收费通知书',
  delay: '延迟答复告知书',
  'third-party-consultation': '征求第三方意见书',
  'agency-consultation': '征求意见函',
  'disclosure-over-objection': '决定公开告知书',
};

/** The document with this id in its download address: `answer`, or a procedural notice's id (supplement-1). */
function documentOf(s: StoredRequest, documentId: string): { document: OfficialDocument; draft: boolean; name: string } {
  if (documentId === 'answer') {
    if (!s.draft) throw new NotFoundError('尚未拟定答复。');
    return { document: answerLetterDocument(s.draft.letter), draft: !s.released, name: '答复告知书' };
  }
  const n = s.notices?.find((x) => x.id === documentId);
  if (!n) throw new NotFoundError('没有这份文书。');
  return { document: n.document, draft: !n.served, name: NOTICE_FILE_NAMES[n.kind] };
}

/**
 * A signed document of an application (the answer letter or a procedural notice, drafted or served) for the staff who
 * may open the case page: every member of staff with a role. Unknown ids and documents the case
 * does not have yet are a NotFoundError.
 */
export async function signedDocument(deps: Pick<AppDependencies, 'records'>, staff: StaffMember, trackingNumber: string, documentId: string): Promise<SignedDocument> {
  if (!staff.roles.length) throw new ForbiddenError('无权查看该申请的文书。');
  const record = await loadRequest(deps, trackingNumber);
  const { document, draft, name } = documentOf(record.data, documentId);
  return { document, draft, fileName: `${record.data.case.trackingNumber}-${name}` };
}

/** The same document as a file in a download format (Word or PDF), written by that format's DocumentFileWriter. */
export async function signedDocumentFile(
  deps: Pick<AppDependencies, 'records' | 'documentFiles'>,
  staff: StaffMember,
  trackingNumber: string,
  documentId: string,
  format: DocumentFileFormat,
): Promise<{ readonly bytes: Uint8Array; readonly fileName: string; readonly contentType: string; readonly draft: boolean }> {
  const { document, fileName, draft } = await signedDocument(deps, staff, trackingNumber, documentId);
  return { bytes: await deps.documentFiles[format].render(document), fileName: `${fileName}.${format}`, contentType: DOCUMENT_FILE_FORMATS[format], draft };
}
