import { describe, expect, it } from 'vitest';
import { createItem, submitItem } from '#application/catalogue';
import { act, draftAnswer, submitAnswerForReview, submitNoticeForReview, submitOnline } from '#application/requests';
import { VersionConflictError } from '#domain/errors';
import { ReviewRepository } from '#repositories/reviews';
import { losingTheRaceFor } from '#support/races';
import { catalogueDeps, itemInput } from '../catalogue/support';
import { citizenForm, people, requestDeps, saveAgencyProfile } from '../requests/support';

/**
 * A review opened for a case (an answer, a notice, a catalogue version) is created in the commit
 * that records it on the case: when that commit loses a race, no review is left behind, waiting in
 * the reviewers' queues for a subject that never pointed at it.
 */

async function registered() {
  const f = requestDeps();
  await saveAgencyProfile(f.deps);
  const { trackingNumber: tn } = await submitOnline(f.deps, { form: citizenForm(), nonce: 'nonce-review-race-abcdef' });
  await act(f.deps, people.clerk, tn, { command: 'register' });
  return { ...f, tn, racing: { ...f.deps, records: losingTheRaceFor(f.records, 'REQ#') } };
}

describe('a review and the case step that opens it commit together', () => {
  it('answers', async () => {
    const f = await registered();
    await draftAnswer(f.deps, people.clerk, f.tn, { decision: { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '随本告知书一并提供。' } } });
    await expect(submitAnswerForReview(f.racing, people.clerk, f.tn)).rejects.toBeInstanceOf(VersionConflictError);
    expect(await new ReviewRepository(f.records).bySubject('answer', f.tn)).toEqual([]);
  });

  it('procedural notices', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'requestSupplement', fields: { deficiencies: '请写明报告的具体年份' } });
    await expect(submitNoticeForReview(f.racing, people.clerk, f.tn, 'supplement-1')).rejects.toBeInstanceOf(VersionConflictError);
    expect(await new ReviewRepository(f.records).bySubject('notice', `${f.tn}/supplement-1`)).toEqual([]);
  });

  it('catalogue versions', async () => {
    const f = catalogueDeps();
    const item = await createItem(f.deps, people.clerk, itemInput());
    const id = item.record.id;
    await expect(submitItem({ ...f.deps, records: losingTheRaceFor(f.records, 'ITEM#') }, people.clerk, id)).rejects.toBeInstanceOf(VersionConflictError);
    expect(await new ReviewRepository(f.records).bySubject('publication', id)).toEqual([]);
  });
});
