import { DomainError, ForbiddenError } from '#domain/errors';
import { staffActor, type StaffMember } from '#domain/staff';
import { ItemRepository } from '#repositories/items';
import type { AppDependencies } from '../context';
import { afterCommit, effectChange } from '../effects';
import { prepareRelease, type ReleaseReceipt } from '../release';
import { getReview, mayReleaseReviewed } from './reviews';

export class ReleaseUnavailableError extends DomainError {
  readonly status = 409;
}

/**
 * Publishes a document reviewed on its own (not a catalogue item) through the release step: the
 * release record commits, then its effect writes the public copies. A catalogue item is published
 * from its own page, which also catalogues it (index number, listings, search, feeds); releasing
 * its files alone would do half of that.
 */
export async function publishReviewedDocument(deps: AppDependencies, staff: StaffMember, id: string, expectedVersion: number | undefined): Promise<ReleaseReceipt> {
  if (!mayReleaseReviewed(staff)) throw new ForbiddenError('您无权发布审查通过的信息。', `${staff.id} may not release review ${id}`);
  const view = await getReview(deps, staff, id);
  const { review, content } = view;
  if (review.subject.type === 'publication' && (await new ItemRepository(deps.records).get(review.subject.id))) {
    throw new ReleaseUnavailableError(`该审查单对应主动公开目录中的信息，请到该信息的管理页面（/staff/items/${review.subject.id}）发布，系统将同时编目并生成索引号。`);
  }
  const prepared = await prepareRelease(
    deps,
    {
      reviewId: review.id,
      reviewVersion: expectedVersion ?? view.record.version,
      subject: { type: review.subject.type, id: review.subject.id },
      parts: { text: view.texts['body'] ?? '', attachments: content.attachments.map((a) => ({ fileKey: a.fileKey, fileName: a.fileName, contentType: a.contentType })) },
      requestedBy: staffActor(staff),
    },
    'public',
  );
  const releaseId = prepared.receipt.releaseId;
  await deps.records.commit([...prepared.changes, effectChange(deps, `release:${releaseId}`, [{ kind: 'release-copies', releaseId }], staffActor(staff))]);
  await afterCommit(deps);
  return prepared.receipt;
}
