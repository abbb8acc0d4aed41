import { describe, expect, it } from 'vitest';
import {
  availableReviewSteps,
  checkReviewStep,
  CHECKLIST_ITEMS,
  decideReview,
  openReview,
  REVIEW_STAGES,
  REVIEW_STEP_LABELS,
  REVIEW_TRANSITIONS,
  reviewContext,
  reviewWorkflow,
  SIGN_COMMANDS,
  STAGE_ROLE,
  type Checklist,
  type ReviewActor,
  type ReviewCommandType,
  type SecrecyReview,
} from '#domain/secrecy';
import { ReviewPermissionError, ReviewStageError, SeparationOfDutiesError } from '#domain/secrecy/errors';
import type { StaffRole } from '#domain/staff';

const person = (id: string, ...roles: StaffRole[]): ReviewActor => ({ id, displayName: `员工${id}`, roles });
const clerk = person('c1', 'clerk');
const head = person('h1', 'head');
const reviewer = person('r1', 'reviewer');
const leader = person('l1', 'leader');
const now = new Date('2026-03-02T02:00:00Z');
const ctx = (actor: ReviewActor) => reviewContext(actor, now);
const chinese = /[\u4e00-\u9fff]/;
const clean = Object.fromEntries(CHECKLIST_ITEMS.map((i) => [i, { involved: false }])) as Checklist;
const D0 = 'digest-original';

const open = (): SecrecyReview => openReview({ id: 'rv1', subject: { type: 'publication', id: 'p1' }, author: clerk, contentDigest: D0, findings: [], now }).review;
const signed = (review: SecrecyReview, actor: ReviewActor, stage: (typeof REVIEW_STAGES)[number]) =>
  decideReview(review, { type: SIGN_COMMANDS[stage], checklist: clean, conclusion: { type: 'disclose' }, contentDigest: D0 }, ctx(actor)).review;
const atHead = () => signed(open(), clerk, 'self');
const atSecrecy = () => signed(atHead(), head, 'head');

/** The audit names the review history has always used, by step. */
const AUDIT_NAMES: Record<ReviewCommandType, string> = {
  signSelf: 'review.stage-signed',
  signHead: 'review.stage-signed',
  signSecrecy: 'review.stage-signed',
  signLeader: 'review.stage-signed',
  return: 'review.review-returned',
  revise: 'review.content-revised',
  resolveFinding: 'review.finding-resolved',
  attachRedacted: 'review.redacted-version-attached',
  referralReply: 'review.referral-answered',
};

describe('the review’s stage pipeline table', () => {
  it('has one signing row per stage, signed by that stage’s role', () => {
    for (const stage of REVIEW_STAGES) {
      const row = reviewWorkflow.transition(SIGN_COMMANDS[stage])!;
      expect(row).toMatchObject({ stage, from: [stage], roles: [STAGE_ROLE[stage]] });
    }
  });

  it('labels every step and state in Chinese and names every event as the audit log always has', () => {
    expect(REVIEW_TRANSITIONS.map((t) => t.command).sort()).toEqual(Object.keys(AUDIT_NAMES).sort());
    for (const t of REVIEW_TRANSITIONS) {
      expect(t.label).toMatch(chinese);
      expect(t.refused).toMatch(chinese);
      expect(reviewWorkflow.eventType(t.command)).toBe(AUDIT_NAMES[t.command]);
    }
    for (const s of reviewWorkflow.states) expect(REVIEW_STEP_LABELS[s]).toMatch(chinese);
  });

  it('names a signature by its outcome: a concluding one is the approval', () => {
    const done = decideReview(atSecrecy(), { type: 'signSecrecy', checklist: clean, conclusion: { type: 'disclose' }, contentDigest: D0 }, ctx(reviewer));
    expect(done.event).toMatchObject({ type: 'review.review-approved', caseId: 'rv1', from: 'secrecy', to: 'approved', actor: { kind: 'staff', id: 'r1' }, data: { stage: 'secrecy', digest: D0 } });
    expect(decideReview(open(), { type: 'signSelf', checklist: clean, conclusion: { type: 'disclose' }, contentDigest: D0 }, ctx(clerk)).event.type).toBe('review.stage-signed');
  });
});

describe('separation of duties: guards with codes and Chinese reasons, checked without any input', () => {
  it('refuses the author at every stage after their own, even with the role', () => {
    const authorAsHead = person('c1', 'clerk', 'head');
    const result = checkReviewStep(atHead(), 'signHead', ctx(authorAsHead));
    expect(!result.ok && result.error).toBeInstanceOf(SeparationOfDutiesError);
    expect(result).toMatchObject({ ok: false, error: { code: 'REVIEW_AUTHOR_MAY_NOT_SIGN', message: '承办人不能审核或审批自己承办的信息。', status: 403 } });
    expect(checkReviewStep(atHead(), 'return', ctx(authorAsHead))).toMatchObject({ ok: false, error: { code: 'REVIEW_AUTHOR_MAY_NOT_SIGN' } });
  });

  it('lets one person sign one stage only, naming the stage they signed', () => {
    const both = person('x1', 'head', 'reviewer');
    const review = signed(atHead(), both, 'head');
    for (const step of ['signSecrecy', 'return', 'resolveFinding', 'attachRedacted'] as const) {
      const result = checkReviewStep(review, step, ctx(both));
      expect(!result.ok && result.error).toBeInstanceOf(SeparationOfDutiesError);
      expect(result).toMatchObject({ ok: false, error: { code: 'REVIEW_ONE_STAGE_PER_PERSON', message: '同一人只能签署一个审查环节：您已签署“科室负责人审核”。' } });
    }
    expect(availableReviewSteps(review, ctx(both))).toEqual([]);
    expect(availableReviewSteps(review, ctx(reviewer))).toEqual(['signSecrecy', 'return', 'resolveFinding', 'attachRedacted']);
  });

  it('lets only the author self-review and revise', () => {
    const other = person('c2', 'clerk');
    expect(checkReviewStep(open(), 'signSelf', ctx(other))).toMatchObject({ ok: false, error: { code: 'REVIEW_AUTHOR_ONLY', message: '只有承办人本人可以进行自审。' } });
    const result = checkReviewStep(open(), 'revise', ctx(other));
    expect(!result.ok && result.error).toBeInstanceOf(ReviewPermissionError);
    expect(availableReviewSteps(open(), ctx(clerk))).toEqual(['signSelf', 'revise']);
  });

  it('lets only the waiting stage’s role return, and says which role it needs', () => {
    const result = checkReviewStep(atHead(), 'return', ctx(reviewer));
    expect(!result.ok && result.error).toBeInstanceOf(ReviewPermissionError);
    expect(result).toMatchObject({ ok: false, error: { code: 'REVIEW_STAGE_ROLE', message: '科室负责人审核需要“科室负责人”角色。' } });
    expect(checkReviewStep(atHead(), 'return', ctx(head)).ok).toBe(true);
  });

  it('refuses a role the row does not name, and a step out of order, with the review’s own messages', () => {
    const noRole = checkReviewStep(atHead(), 'signHead', ctx(person('a1', 'admin')));
    expect(!noRole.ok && noRole.error).toBeInstanceOf(ReviewPermissionError);
    expect(!noRole.ok && noRole.error.message).toBe('科室负责人审核需要“科室负责人”角色。');
    const early = checkReviewStep(atHead(), 'signSecrecy', ctx(reviewer));
    expect(!early.ok && early.error).toBeInstanceOf(ReviewStageError);
    expect(!early.ok && early.error.message).toBe('当前不在“保密审查”环节。');
    const during = checkReviewStep(atSecrecy(), 'revise', ctx(clerk));
    expect(!during.ok && during.error.message).toBe('审查进行中不能修改内容，请由当前审查人退回后再修改。');
  });

  it('holds a referred review until the reply, which any reviewer, leader or administrator may record', () => {
    const referred = decideReview(
      atSecrecy(),
      { type: 'signSecrecy', checklist: clean, conclusion: { type: 'refer', referTo: 'competent-department', body: '市发展改革委' }, contentDigest: D0 },
      ctx(reviewer),
    ).review;
    expect(availableReviewSteps(referred, ctx(leader))).toEqual(['referralReply']);
    expect(checkReviewStep(referred, 'signSecrecy', ctx(reviewer))).toMatchObject({ ok: false, error: { message: '报请确定期间暂缓审查，请先登记答复。' } });
    const answered = decideReview(referred, { type: 'referralReply', reply: '可以公开' }, ctx(leader));
    expect(answered.event).toMatchObject({ type: 'review.referral-answered', from: 'on-hold', to: 'secrecy' });
    // A hold without a pending referral (a damaged record) is refused by rule, not by a crash.
    const noPending = { ...referred, referrals: answered.review.referrals };
    expect(checkReviewStep(noPending, 'referralReply', ctx(leader))).toMatchObject({ ok: false, error: { code: 'REVIEW_NO_PENDING_REFERRAL', message: '该信息没有待答复的报请确定事项。' } });
  });
});
