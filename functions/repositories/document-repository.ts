import type { StaffDocument } from '#domain/documents/document';
import type { AuditEventInput } from '#domain/audit/chain';
import type { Change, Page, RecordStore } from '#ports/record-store';
import { keys } from './keys';

export class DocumentRepository {
  constructor(private readonly records: RecordStore) {}

  /** The change that records a document; commit it with the staged file's commit mark. */
  static addChange(doc: StaffDocument, event: AuditEventInput): Change {
    return { op: 'create', write: { key: keys.document(doc.id), entity: 'document', data: doc, indexes: { GSI1: keys.documentsByTime(doc.uploadedAt, doc.id) } }, event };
  }

  async get(id: string): Promise<StaffDocument | undefined> {
    return (await this.records.get<StaffDocument>(keys.document(id)))?.data;
  }

  /** Newest first, cursor-paginated (GSI1 `DOCS`). */
  async listNewest(limit: number, cursor?: string): Promise<Page<StaffDocument>> {
    const page = await this.records.query<StaffDocument>({ index: 'GSI1', pk: 'DOCS', descending: true, limit, cursor });
    return { items: page.items.map((r) => r.data), cursor: page.cursor };
  }
}
