import { describe, expect, it } from 'vitest';
import { getReview, reviewQueueFor, reviseReviewContent, signReviewStage, submitForReview } from '#application/secrecy';
import { ReviewStageError, SeparationOfDutiesError } from '#domain/secrecy';
import { checklist, fakeDeps, people } from './support';

async function submitted() {
  const f = fakeDeps();
  const record = await submitForReview(f.deps, people.clerk, { subject: { type: 'publication', title: '年度工作报告' }, text: '本年度共办理事项120件。' });
  return { ...f, id: record.data.review.id };
}
const sign = (deps: ReturnType<typeof fakeDeps>['deps'], who: (typeof people)[keyof typeof people], id: string, stage: 'self' | 'head' | 'secrecy' | 'leader') =>
  signReviewStage(deps, who, id, { stage, checklist: checklist(), conclusion: { type: 'disclose' } });

describe('review use cases on the stage pipeline table', () => {
  it('records each step under the audit names the history has always used', async () => {
    const { deps, records, id } = await submitted();
    await sign(deps, people.clerk, id, 'self');
    await sign(deps, people.head, id, 'head');
    await sign(deps, people.reviewer, id, 'secrecy');
    const history = await records.history({ pk: `REVIEW#${id}`, sk: 'REVIEW' });
    expect(history.map((e) => e.type)).toEqual(['review.review-opened', 'review.stage-signed', 'review.stage-signed', 'review.review-approved']);
    expect(history.at(-1)!.data).toMatchObject({ from: 'secrecy', to: 'approved', stage: 'secrecy', conclusion: 'disclose' });
    expect(history.at(-1)!.actor).toEqual({ kind: 'staff', id: people.reviewer.id, name: people.reviewer.displayName });
  });

  it('shows each person what they may do now, from the table', async () => {
    const { deps, id } = await submitted();
    expect((await getReview(deps, people.clerk, id)).available).toEqual(['signSelf', 'revise']);
    await sign(deps, people.clerk, id, 'self');
    const forHead = await getReview(deps, people.head, id);
    expect(forHead).toMatchObject({ available: ['signHead', 'return'], canAct: true });
    expect(await getReview(deps, people.clerk, id)).toMatchObject({ available: [], canAct: false });
    expect((await getReview(deps, people.reviewer, id)).available).toEqual([]);
  });

  it('keeps someone who signed one stage out of the next stage’s queue', async () => {
    const { deps, id } = await submitted();
    await sign(deps, people.clerk, id, 'self');
    await sign(deps, people.headAndReviewer, id, 'head');
    expect((await reviewQueueFor(deps, people.headAndReviewer)).waiting.map((q) => q.id)).not.toContain(id);
    expect((await reviewQueueFor(deps, people.reviewer)).waiting.map((q) => q.id)).toContain(id);
    await expect(sign(deps, people.headAndReviewer, id, 'secrecy')).rejects.toMatchObject({ code: 'REVIEW_ONE_STAGE_PER_PERSON' });
    await expect(sign(deps, people.headAndReviewer, id, 'secrecy')).rejects.toBeInstanceOf(SeparationOfDutiesError);
  });

  it('refuses a revision during review from the table, before the new content is extracted', async () => {
    const { deps, files, id } = await submitted();
    await sign(deps, people.clerk, id, 'self');
    const before = JSON.stringify([...files.objects.keys()]);
    await expect(reviseReviewContent(deps, people.clerk, id, { text: '修改后的正文' })).rejects.toBeInstanceOf(ReviewStageError);
    expect(JSON.stringify([...files.objects.keys()])).toBe(before);
  });

  it('asks for a stage it knows', async () => {
    const { deps, id } = await submitted();
    await expect(signReviewStage(deps, people.clerk, id, { stage: 'board' as never, checklist: checklist(), conclusion: { type: 'disclose' } })).rejects.toMatchObject({
      status: 400,
      fields: { stage: '请选择审查环节。' },
    });
  });
});
