import { describe, expect, it } from 'vitest';
import { act, draftAnswer, signedDocument, signedDocumentFile, submitOnline } from '#application/requests';
import { ForbiddenError, NotFoundError } from '#domain/errors';
import { answerLetterDocument } from '#domain/requests';
import type { OfficialDocument } from '#domain/requests/official-document';
import { RequestRepository } from '#repositories/requests';
import { citizenForm, people, requestDeps, saveAgencyProfile } from './support';

async function registered() {
  const f = requestDeps();
  await saveAgencyProfile(f.deps);
  const { trackingNumber: tn } = await submitOnline(f.deps, { form: citizenForm(), nonce: 'nonce-documents-1-abcdef' });
  await act(f.deps, people.clerk, tn, { command: 'register' });
  return { ...f, tn };
}

const disclosed = { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '请登录本平台查询页面下载。' } };

describe('signedDocument', () => {
  it('gives the drafted answer letter as an official document, marked as a draft, named after the case', async () => {
    const { deps, tn } = await registered();
    await draftAnswer(deps, people.clerk, tn, { decision: disclosed });
    const stored = (await new RequestRepository(deps.records).get(tn))!.data;
    for (const who of [people.clerk, people.reviewer, people.leader]) {
      const found = await signedDocument(deps, who, tn.toLowerCase(), 'answer');
      expect(found).toEqual({ document: answerLetterDocument(stored.draft!.letter), fileName: `${tn}-答复告知书`, draft: true });
    }
  });

  it('refuses a case without a draft, an unknown document and an unknown case with NotFoundError', async () => {
    const { deps, tn } = await registered();
    await expect(signedDocument(deps, people.clerk, tn, 'answer')).rejects.toThrow(new NotFoundError('尚未拟定答复。'));
    for (const id of ['notice-supplement', 'constructor', 'toString', '']) await expect(signedDocument(deps, people.clerk, tn, id), id).rejects.toThrow(new NotFoundError('没有这份文书。'));
    await expect(signedDocument(deps, people.clerk, 'YSQ-2026-999999', 'answer')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses someone with no staff role', async () => {
    const { deps, tn } = await registered();
    await draftAnswer(deps, people.clerk, tn, { decision: disclosed });
    await expect(signedDocument(deps, { ...people.clerk, roles: [] }, tn, 'answer')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('renders the document through the writer of the format asked for', async () => {
    const { deps, tn } = await registered();
    await draftAnswer(deps, people.clerk, tn, { decision: disclosed });
    const rendered: [string, OfficialDocument][] = [];
    const writer = (format: string, bytes: number[]) => ({
      render: (doc: OfficialDocument) => {
        rendered.push([format, doc]);
        return Promise.resolve(new Uint8Array(bytes));
      },
    });
    const documentFiles = { docx: writer('docx', [1, 2, 3]), pdf: writer('pdf', [4, 5]) };
    const { document } = await signedDocument(deps, people.clerk, tn, 'answer');
    expect(await signedDocumentFile({ ...deps, documentFiles }, people.clerk, tn, 'answer', 'docx')).toEqual({
      bytes: new Uint8Array([1, 2, 3]),
      fileName: `${tn}-答复告知书.docx`,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      draft: true,
    });
    expect(await signedDocumentFile({ ...deps, documentFiles }, people.clerk, tn, 'answer', 'pdf')).toEqual({
      bytes: new Uint8Array([4, 5]),
      fileName: `${tn}-答复告知书.pdf`,
      contentType: 'application/pdf',
      draft: true,
    });
    expect(rendered).toEqual([
      ['docx', document],
      ['pdf', document],
    ]);
  });
});
