import { describe, expect, it } from 'vitest';
import { createItem, submitItem } from '#application/catalogue';
import { getReview, signReviewStage, submitForReview } from '#application/secrecy';
import { staffReviewDetailSchema, staffReviewSchema, toStaffReviewDetailDto, toStaffReviewDto } from '#application/secrecy/review-dto';
import { ReviewRepository } from '#repositories/reviews';
import type { ReleaseRecord } from '#repositories/review-releases';
import { approveReview, catalogueDeps, itemInput } from '../catalogue/support';
import { checklist, fakeDeps, people, validResidentId } from './support';

const ID = validResidentId();

async function submitted() {
  const f = fakeDeps();
  await f.files.put('documents/a1', new TextEncoder().encode('联系电话 13812345678'), 'text/plain');
  const record = await submitForReview(f.deps, people.clerk, {
    subject: { type: 'publication', title: '困难补助公示' },
    text: `申请人身份证号码：${ID}`,
    attachments: [{ fileKey: 'documents/a1', fileName: '附件.txt', contentType: 'text/plain' }],
  });
  return { ...f, record };
}

describe('the staff API’s view of a secrecy review', () => {
  it('lists what it shows: the findings masked, no storage keys of the content', async () => {
    const f = await submitted();
    const signed = await signReviewStage(f.deps, people.clerk, f.record.data.review.id, { stage: 'self', checklist: checklist(), conclusion: { type: 'disclose-redacted' } });
    const dto = toStaffReviewDto(signed);
    const text = JSON.stringify(dto);
    expect(text).not.toContain(ID);
    expect(text).not.toContain('13812345678');
    const content = signed.data.content;
    for (const key of [content.bodyKey!, ...content.attachments.flatMap((a) => [a.fileKey, a.textKey])]) expect(text).not.toContain(key);
    expect(dto).not.toHaveProperty('content');
    expect(dto).toMatchObject({ id: signed.data.review.id, version: signed.version, status: 'in-review', stage: 'head', round: 1, subject: { type: 'publication', title: '困难补助公示' } });
    expect(dto.releaseDigest).toBe(dto.contentDigest);
    expect(dto.findings.map((x) => [x.source, x.kind])).toEqual([
      ['body', 'resident-id'],
      ['att-1', 'mobile'],
    ]);
    expect(dto.records).toEqual([expect.objectContaining({ stage: 'self', action: 'signed', by: { id: people.clerk.id, name: people.clerk.displayName, role: 'clerk' } })]);
    expect(staffReviewSchema.parse(dto)).toEqual(dto);
  });

  it('adds what the person asking may do, and releases without their private keys and hashes', async () => {
    const f = await submitted();
    const view = await getReview(f.deps, people.clerk, f.record.data.review.id);
    const release: ReleaseRecord = {
      id: 'rel-1',
      target: 'public',
      reviewId: view.review.id,
      reviewVersion: view.record.version,
      digest: 'd'.repeat(64),
      subject: { type: 'publication', id: view.review.subject.id },
      files: [{ key: 'files/rel-1/正文.txt', fileName: '正文.txt', contentType: 'text/plain', sizeBytes: 10, part: 'body', source: 'reviews/private-source', sha256: 'e'.repeat(64) }],
      releasedAt: '2026-03-02T02:00:00.000Z',
      releasedBy: { id: people.clerk.id, name: people.clerk.displayName },
    };
    const dto = toStaffReviewDetailDto({ ...view, releases: [release] });
    expect(dto).toMatchObject({ id: view.review.id, canAct: true, available: expect.arrayContaining(['signSelf']) });
    const { reviewId: _listedOnTheReview, ...shown } = release;
    expect(dto.releases).toEqual([{ ...shown, files: [{ part: 'body', fileName: '正文.txt', contentType: 'text/plain', sizeBytes: 10 }] }]);
    const text = JSON.stringify(dto);
    for (const secret of ['reviews/private-source', 'e'.repeat(64), 'files/rel-1/']) expect(text).not.toContain(secret);
    expect(staffReviewDetailSchema.parse(dto)).toEqual(dto);
    // Every target a release may have, including a letter served on a consultee.
    for (const target of ['applicant', 'consultee'] as const) expect(toStaffReviewDetailDto({ ...view, releases: [{ ...release, target }] }).releases[0]!.target).toBe(target);
  });

  it('does not pass on a field the stored review gains until it is listed', async () => {
    const f = await submitted();
    const repo = new ReviewRepository(f.deps.records);
    const stored = (await repo.get(f.record.data.review.id))!;
    const grown = { ...stored.data, internalNote: '仅内部可见', review: { ...stored.data.review, reviewerRemark: '内部意见' } } as typeof stored.data;
    await repo.update(grown, stored.version, { type: 'review.test', actor: { kind: 'system', id: 'test' } });
    const record = (await repo.get(f.record.data.review.id))!;
    expect(JSON.stringify(record.data)).toContain('内部意见'); // it is stored…
    for (const dto of [toStaffReviewDto(record), toStaffReviewDetailDto({ record, canAct: false, available: [], mayRelease: false, releases: [] })]) {
      const text = JSON.stringify(dto);
      expect(text).not.toContain('仅内部可见'); // …and stays inside
      expect(text).not.toContain('内部意见');
    }
  });

  it('says why the person asking may not take the step the review waits for, as the review page does', async () => {
    const f = await submitted();
    const id = f.record.data.review.id;
    const head = await getReview(f.deps, people.head, id);
    expect(head.refusal).toBeTruthy();
    const dto = toStaffReviewDetailDto(head);
    expect(dto).toMatchObject({ stage: 'self', canAct: false, refusal: head.refusal, mayRelease: false });
    expect(staffReviewDetailSchema.parse(dto)).toEqual(dto);
    const author = toStaffReviewDetailDto(await getReview(f.deps, people.clerk, id));
    expect(author).toMatchObject({ canAct: true, mayRelease: false });
    expect(author.refusal).toBeUndefined();
  });

  it('says whether the release step may run: an approved publication, for a role that may publish', async () => {
    const f = catalogueDeps();
    const item = await createItem(f.deps, people.clerk, itemInput());
    const reviewId = (await submitItem(f.deps, people.clerk, item.record.id)).review!.id;
    expect(toStaffReviewDetailDto(await getReview(f.deps, people.clerk, reviewId)).mayRelease).toBe(false); // not yet approved
    await approveReview(f.deps, reviewId);
    const clerk = await getReview(f.deps, people.clerk, reviewId);
    expect(clerk.mayRelease).toBe(true);
    expect(toStaffReviewDetailDto(clerk)).toMatchObject({ status: 'approved', mayRelease: true });
    const reviewer = await getReview(f.deps, people.reviewer, reviewId);
    expect(reviewer.mayRelease).toBe(false);
    expect(toStaffReviewDetailDto(reviewer).mayRelease).toBe(false);
  });
});
