import type { Actor } from '#domain/staff';
import type { Change, Page, RecordStore, VersionedRecord } from '#ports/record-store';
import { keys } from './keys';

/** A private-bucket object written before the commit that references it (application/staged-files.ts). */
export interface StagedFile {
  readonly objectKey: string;
  readonly stagedAt: string;
  readonly status: 'staged' | 'committed' | 'removed';
}

const write = (f: StagedFile) => ({
  key: keys.stagedFile(f.objectKey),
  entity: 'staged-file',
  data: f,
  // Only files still waiting for their commit are in the index the orphan sweep reads.
  indexes: { GSI1: f.status === 'staged' ? keys.stagedFiles(f.stagedAt, f.objectKey) : null },
});

export class StagedFileRepository {
  constructor(private readonly records: RecordStore) {}

  static stageChange(f: StagedFile, actor: Actor): Change<StagedFile> {
    return { op: 'create', write: write(f), event: { type: 'file.staged', actor, data: { objectKey: f.objectKey } } };
  }

  /** Goes into the commit that references the file. */
  static committedChange(f: StagedFile, actor: Actor): Change<StagedFile> {
    return { op: 'update', write: write({ ...f, status: 'committed' }), expectedVersion: 1, event: { type: 'file.committed', actor, data: { objectKey: f.objectKey } } };
  }

  static removedChange(f: StagedFile, expectedVersion: number, actor: Actor): Change<StagedFile> {
    return { op: 'update', write: write({ ...f, status: 'removed' }), expectedVersion, event: { type: 'file.orphan-removed', actor, data: { objectKey: f.objectKey } } };
  }

  /** Query GSI1 STAGED_FILES, sk ≤ cutoff: files staged before `cutoff` whose commit never came. */
  stagedBefore(cutoff: string, limit = 100): Promise<Page<VersionedRecord<StagedFile>>> {
    return this.records.query<StagedFile>({ index: 'GSI1', pk: keys.stagedFilesPk(), sk: { lte: `${cutoff}~` }, limit });
  }
}
