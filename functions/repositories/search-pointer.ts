import type { RecordStore } from '#ports/record-store';
import { keys } from './keys';

/** The one item naming the current search snapshot object, swapped by revision (compare-and-swap). */
export interface SearchPointer {
  readonly rev: number;
  readonly objectKey?: string;
  readonly previousKey?: string;
}

export class SearchPointerRepository {
  constructor(private readonly records: RecordStore) {}

  /** GetItem SEARCH/POINTER; revision 0 before the first snapshot. */
  async read(): Promise<SearchPointer> {
    const item = await this.records.getPlain(keys.searchPointer());
    if (!item) return { rev: 0 };
    return {
      rev: Number(item.rev ?? 0),
      ...(typeof item.objectKey === 'string' ? { objectKey: item.objectKey } : {}),
      ...(typeof item.previousKey === 'string' ? { previousKey: item.previousKey } : {}),
    };
  }

  /** Points at `objectKey` if the pointer is still at `expectedRev`; false when another writer won. */
  swap(objectKey: string, previousKey: string | undefined, expectedRev: number): Promise<boolean> {
    return this.records.putPlainIf(keys.searchPointer(), { entity: 'search-pointer', objectKey, ...(previousKey ? { previousKey } : {}) }, expectedRev);
  }
}
