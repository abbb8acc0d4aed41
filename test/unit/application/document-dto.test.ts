import { describe, expect, it } from 'vitest';
import { documentSchema, toDocumentDto, toDocumentPageDto, toMeDto, toUploadSlotDto } from '#application/document-dto';
import type { StaffDocument } from '#domain/documents/document';

const doc: StaffDocument = {
  id: 'doc-1',
  title: '答复书',
  fileName: 'answer.pdf',
  contentType: 'application/pdf',
  sizeBytes: 1024,
  fileKey: 'private/documents/doc-1/answer.pdf',
  sha256: 'ab'.repeat(32),
  uploadedAt: '2026-03-01T08:00:00.000Z',
  uploadedBy: { id: 'id-clerk', name: '李明' },
};

describe('the staff API’s documents and signed-in member of staff', () => {
  it('says a document without its private storage key or digest', () => {
    const dto = toDocumentDto(doc);
    expect(dto).toEqual({ id: 'doc-1', title: '答复书', fileName: 'answer.pdf', contentType: 'application/pdf', sizeBytes: 1024, uploadedAt: doc.uploadedAt, uploadedBy: doc.uploadedBy });
    expect(documentSchema.parse(dto)).toEqual(dto);
    const page = JSON.stringify(toDocumentPageDto({ items: [doc], cursor: 'next' }));
    expect(page).not.toContain('private/documents');
    expect(page).not.toContain(doc.sha256);
    expect(JSON.parse(page)).toMatchObject({ cursor: 'next', items: [{ id: 'doc-1' }] });
  });

  it('passes on only what it lists of the member of staff and the upload slot', () => {
    const me = toMeDto({ id: 'id-clerk', username: 'clerk', displayName: '李明', roles: ['clerk'], password: 'x' } as never);
    expect(me).toEqual({ id: 'id-clerk', username: 'clerk', displayName: '李明', roles: ['clerk'] });
    const slot = toUploadSlotDto({ uploadId: 'up-1', url: 'https://s3/put', method: 'PUT', headers: { 'content-type': 'application/pdf' }, expiresInSeconds: 3600, fileKey: 'staging/up-1' } as never);
    expect(slot).toEqual({ uploadId: 'up-1', url: 'https://s3/put', method: 'PUT', headers: { 'content-type': 'application/pdf' }, expiresInSeconds: 3600 });
  });
});
