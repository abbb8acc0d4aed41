import { ForbiddenError, NotFoundError } from '#domain/errors';
import { answerLetterDocument } from '#domain/requests/letters';
import type { OfficialDocument } from '#domain/requests/official-document';
import type { StaffMember } from '#domain/staff';
import { ownValue } from '#domain/untrusted-input';
import type { StoredRequest } from '#repositories/requests';
import type { AppDependencies } from '../context';
import { loadRequest } from './common';

/** A case's signed document, as staff download it to sign and seal in their own workflow. */
export interface SignedDocument {
  readonly document: OfficialDocument;
  /** What the download is called: `<tracking number>-<document>.docx`. */
  readonly fileName: string;
  /** Not yet served on the applicant: the text may still change (review, sign-off). */
  readonly draft: boolean;
}

/** One kind of signed document of a case: its name in file names, the document if the case has it, and what to say when it has not. */
interface DocumentKind {
  readonly name: string;
  readonly missing: string;
  readonly of: (s: StoredRequest) => { readonly document: OfficialDocument; readonly draft: boolean } | undefined;
}

/**
 * The signed documents of an application, by the id in their download address. A procedural
 * notice (补正, 延期, 收费) is one more entry here.
 */
const DOCUMENTS: Readonly<Record<string, DocumentKind>> = {
  answer: {
    name: '答复告知书',
    missing: '尚未拟定答复。',
    of: (s) => (s.draft ? { document: answerLetterDocument(s.draft.letter), draft: !s.released } : undefined),
  },
};

/**
 * A signed document of an application (the answer letter, drafted or released) for the staff who
 * may open the case page: every member of staff with a role. Unknown ids and documents the case
 * does not have yet are a NotFoundError.
 */
export async function signedDocument(deps: Pick<AppDependencies, 'records'>, staff: StaffMember, trackingNumber: string, documentId: string): Promise<SignedDocument> {
  if (!staff.roles.length) throw new ForbiddenError('无权查看该申请的文书。');
  const kind = ownValue(DOCUMENTS, documentId);
  if (!kind) throw new NotFoundError('没有这份文书。');
  const record = await loadRequest(deps, trackingNumber);
  const found = kind.of(record.data);
  if (!found) throw new NotFoundError(kind.missing);
  return { ...found, fileName: `${record.data.case.trackingNumber}-${kind.name}.docx` };
}

/** The same document as a Word file, written by the WordDocumentWriter port. */
export async function signedDocumentDocx(
  deps: Pick<AppDependencies, 'records' | 'wordDocuments'>,
  staff: StaffMember,
  trackingNumber: string,
  documentId: string,
): Promise<{ readonly bytes: Uint8Array; readonly fileName: string; readonly draft: boolean }> {
  const { document, fileName, draft } = await signedDocument(deps, staff, trackingNumber, documentId);
  return { bytes: await deps.wordDocuments.render(document), fileName, draft };
}
