import type { Actor } from '#domain/staff';
import { systemActor } from '#domain/staff';
import type { Change } from '#ports/record-store';
import { StagedFileRepository, type StagedFile } from '#repositories/staged-files';
import type { AppDependencies } from './context';

/*
 * Files go to the private bucket before the commit that references them (an application's
 * attachments, a supplement, evidence): a commit cannot include an S3 write. So each file is first
 * staged (a record committed before the object is written), and the commit that references it marks
 * it committed in the same transaction. If the process dies in between, or the commit fails, the
 * daily sweep finds the staged file that was never committed and removes it: nothing an applicant
 * sent is left in storage without a record of it, and nothing committed is ever touched.
 */

type Deps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger'>;

/** Uncommitted files younger than this are left alone (their commit may still be on its way). */
export const ORPHAN_AFTER_MS = 60 * 60 * 1000;

export interface FileToStore {
  readonly key: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/**
 * Stages and writes files; returns the changes that mark them committed, to go into the commit
 * that references them.
 */
export async function putStaged(deps: Deps, files: readonly FileToStore[], actor: Actor): Promise<Change[]> {
  if (files.length === 0) return [];
  const stagedAt = deps.clock.now().toISOString();
  const staged = files.map((f): StagedFile => ({ objectKey: f.key, stagedAt, status: 'staged' }));
  await deps.records.commit(staged.map((f) => StagedFileRepository.stageChange(f, actor)));
  for (const f of files) await deps.files.put(f.key, f.bytes, f.contentType);
  return staged.map((f) => StagedFileRepository.committedChange(f, actor));
}

/** The daily sweep: staged files whose commit never came are deleted from the private bucket. */
export async function removeOrphanedFiles(deps: Deps): Promise<{ removed: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - ORPHAN_AFTER_MS).toISOString();
  let removed = 0;
  // Each handled file leaves the index, so the first page is read again until it is empty.
  for (let round = 0; round < 1000; round++) {
    const page = await new StagedFileRepository(deps.records).stagedBefore(cutoff);
    if (page.items.length === 0) break;
    for (const r of page.items) {
      // Marked removed first: a commit that still comes now fails its check instead of
      // referencing a deleted file.
      try {
        await deps.records.commit([StagedFileRepository.removedChange(r.data, r.version, systemActor('orphan-sweep'))]);
      } catch (error) {
        if ((error as Error).name === 'VersionConflictError') continue; // committed meanwhile
        throw error;
      }
      await deps.files.delete(r.data.objectKey);
      removed++;
    }
  }
  if (removed) deps.logger.warn('orphaned uploads removed', { removed });
  return { removed };
}
