import { describe, expect, it } from 'vitest';
import type { StaffRole } from '#domain/staff';
import { RedactionLeakError, ReviewPermissionError, ReviewStageError, ReviewValidationError, SeparationOfDutiesError, StaleContentError, UnresolvedFindingsError } from '#domain/secrecy/errors';
import {
  applyReviewCommand,
  assertCanRelease,
  canRelease,
  CHECKLIST_ITEMS,
  type Checklist,
  type Conclusion,
  isApprovedFor,
  openReview,
  type ReviewActor,
  type ReviewFinding,
  reviewFindingsFrom,
  type SecrecyReview,
} from '#domain/secrecy/review';
import { scanText } from '#domain/secrecy/scanner';

const person = (id: string, ...roles: StaffRole[]): ReviewActor => ({ id, displayName: `员工${id}`, roles });
const clerk = person('c1', 'clerk');
const head = person('h1', 'head');
const reviewer = person('r1', 'reviewer');
const leader = person('l1', 'leader');
const now = new Date('2026-03-02T02:00:00Z');
const D0 = 'digest-original';
const D1 = 'digest-redacted';

const clean: Checklist = Object.fromEntries(CHECKLIST_ITEMS.map((i) => [i, { involved: false }])) as Checklist;
const privacy: Checklist = { ...clean, 'personal-privacy': { involved: true, note: '含申请人手机号，已删除' } };
const disclose: Conclusion = { type: 'disclose' };

const findings: ReviewFinding[] = reviewFindingsFrom('body', scanText('联系电话13812345678'));

function open(withFindings: readonly ReviewFinding[] = []): SecrecyReview {
  return openReview({ id: 'rv1', subject: { type: 'publication', id: 'p1' }, author: clerk, contentDigest: D0, findings: withFindings, now }).review;
}

const sign = (review: SecrecyReview, actor: ReviewActor, stage: 'self' | 'head' | 'secrecy' | 'leader', conclusion: Conclusion = disclose, digest = D0, checklist = clean) =>
  applyReviewCommand(review, { type: 'sign', actor, stage, checklist, conclusion, contentDigest: digest, now });

function throughHead(withFindings: readonly ReviewFinding[] = []): SecrecyReview {
  let r = open(withFindings);
  r = sign(r, clerk, 'self').review;
  return sign(r, head, 'head').review;
}

describe('secrecy review: the happy path', () => {
  it('goes self → head → secrecy and is approved for exactly the reviewed digest when nothing was found', () => {
    const opened = openReview({ id: 'rv1', subject: { type: 'publication', id: 'p1' }, author: clerk, contentDigest: D0, findings: [], now });
    expect(opened.review).toMatchObject({ status: 'draft', stage: 'self', round: 1 });
    expect(opened.event).toMatchObject({ type: 'review.review-opened', data: { findingCount: 0 } });

    const r1 = sign(opened.review, clerk, 'self').review;
    expect(r1).toMatchObject({ status: 'in-review', stage: 'head' });
    const r2 = sign(r1, head, 'head').review;
    expect(r2).toMatchObject({ status: 'in-review', stage: 'secrecy' });
    const done = sign(r2, reviewer, 'secrecy');
    expect(done.review.status).toBe('approved');
    expect(done.event).toMatchObject({ type: 'review.review-approved', from: 'secrecy', to: 'approved', data: { stage: 'secrecy', conclusion: 'disclose', digest: D0 } });
    expect(done.review.records.map((r) => [r.stage, r.by.id, r.by.role])).toEqual([
      ['self', 'c1', 'clerk'],
      ['head', 'h1', 'head'],
      ['secrecy', 'r1', 'reviewer'],
    ]);

    expect(isApprovedFor(done.review, D0)).toBe(true);
    expect(canRelease(done.review, D0)).toEqual({ ok: true });
  });

  it('voids the approval for content that changed by a single byte', () => {
    let r = throughHead();
    r = sign(r, reviewer, 'secrecy').review;
    expect(isApprovedFor(r, 'digest-changed')).toBe(false);
    expect(canRelease(r, 'digest-changed')).toMatchObject({ ok: false, reason: 'stale-content' });
    expect(() => assertCanRelease(r, 'digest-changed')).toThrow(StaleContentError);
    expect(canRelease(undefined, D0)).toMatchObject({ ok: false, reason: 'no-review' });
  });

  it('refuses release before approval', () => {
    expect(canRelease(throughHead(), D0)).toMatchObject({ ok: false, reason: 'not-approved' });
  });
});

describe('secrecy review: the leader stage', () => {
  it('is required when the scan found something', () => {
    let r = throughHead(findings);
    r = applyReviewCommand(r, { type: 'resolve-finding', actor: reviewer, findingId: findings[0]!.id, resolution: { action: 'keep', reason: '属于单位公开办公电话' }, now }).review;
    r = sign(r, reviewer, 'secrecy').review;
    expect(r).toMatchObject({ status: 'in-review', stage: 'leader' });
    r = sign(r, leader, 'leader').review;
    expect(r.status).toBe('approved');
  });

  it('is required for withholding, and the result can never be released', () => {
    let r = throughHead();
    r = sign(r, reviewer, 'secrecy', { type: 'withhold', legalBasis: '《政府信息公开条例》第十四条' }).review;
    expect(r.stage).toBe('leader');
    const done = sign(r, leader, 'leader', { type: 'withhold', legalBasis: '《政府信息公开条例》第十四条' });
    expect(done.review.status).toBe('withheld');
    expect(done.event).toMatchObject({ type: 'review.review-withheld', to: 'withheld' });
    expect(canRelease(done.review, D0)).toMatchObject({ ok: false, reason: 'withheld' });
  });

  it('is required when an earlier stage of the round concluded partial disclosure', () => {
    let r = open();
    r = sign(r, clerk, 'self').review;
    r = sign(r, head, 'head', { type: 'disclose-redacted' }).review;
    r = sign(r, reviewer, 'secrecy').review;
    expect(r.stage).toBe('leader');
  });
});

describe('secrecy review: separation of duties and roles', () => {
  it('refuses the author at a later stage, even with the role', () => {
    const multi = person('c1', 'clerk', 'head');
    const r = sign(open(), clerk, 'self').review;
    expect(() => sign(r, multi, 'head')).toThrow(SeparationOfDutiesError);
  });

  it('lets one person sign one stage only', () => {
    const both = person('x1', 'head', 'reviewer');
    let r = sign(open(), clerk, 'self').review;
    r = sign(r, both, 'head').review;
    expect(() => sign(r, both, 'secrecy')).toThrow(SeparationOfDutiesError);
  });

  it('needs the stage role and only the author self-reviews', () => {
    const r = sign(open(), clerk, 'self').review;
    expect(() => sign(r, reviewer, 'head')).toThrow(ReviewPermissionError);
    expect(() => sign(open(), person('c2', 'clerk'), 'self')).toThrow(ReviewPermissionError);
    expect(() => sign(r, person('a1', 'admin'), 'head')).toThrow(ReviewPermissionError);
  });

  it('refuses signing out of order', () => {
    const r = open();
    expect(() => sign(r, head, 'head')).toThrow(ReviewStageError);
    const r1 = sign(r, clerk, 'self').review;
    expect(() => sign(r1, reviewer, 'secrecy')).toThrow(ReviewStageError);
    expect(() => sign(r1, clerk, 'self')).toThrow(ReviewStageError);
  });
});

describe('secrecy review: checklist and conclusions', () => {
  it('needs every checklist item, and a note for each item marked involved', () => {
    const r = open();
    const { 'state-secret': _, ...missing } = clean;
    expect(() => sign(r, clerk, 'self', disclose, D0, missing as Checklist)).toThrow(ReviewValidationError);
    expect(() => sign(r, clerk, 'self', disclose, D0, { ...clean, 'trade-secret': { involved: true } })).toThrow(ReviewValidationError);
    expect(sign(r, clerk, 'self', disclose, D0, privacy).review.records[0]!.checklist!['personal-privacy']).toEqual({ involved: true, note: '含申请人手机号，已删除' });
  });

  it('needs a legal basis to withhold', () => {
    const r = open();
    expect(() => sign(r, clerk, 'self', { type: 'withhold', legalBasis: '  ' })).toThrow(ReviewValidationError);
  });

  it('binds each signature to the digest the signer saw', () => {
    expect(() => sign(open(), clerk, 'self', disclose, 'something-else')).toThrow(StaleContentError);
  });
});

describe('secrecy review: findings and redaction', () => {
  it('refuses approval while findings are unresolved', () => {
    const r = throughHead(findings);
    expect(() => sign(r, reviewer, 'secrecy')).toThrow(UnresolvedFindingsError);
    // Withholding or referring does not need resolutions.
    expect(sign(r, reviewer, 'secrecy', { type: 'withhold', legalBasis: '条例第十五条' }).review.stage).toBe('leader');
  });

  it('needs a reason to keep a finding', () => {
    const r = throughHead(findings);
    expect(() => applyReviewCommand(r, { type: 'resolve-finding', actor: reviewer, findingId: findings[0]!.id, resolution: { action: 'keep', reason: '' }, now })).toThrow(ReviewValidationError);
  });

  it('with a redaction, needs the redacted version, approves its digest, and releases only it', () => {
    let r = throughHead(findings);
    r = applyReviewCommand(r, { type: 'resolve-finding', actor: reviewer, findingId: findings[0]!.id, resolution: { action: 'redact' }, now }).review;
    expect(() => sign(r, reviewer, 'secrecy', disclose)).toThrow(ReviewValidationError);
    expect(() => sign(r, reviewer, 'secrecy', { type: 'disclose-redacted' })).toThrow(ReviewStageError);
    expect(() => applyReviewCommand(r, { type: 'attach-redacted', actor: reviewer, digest: D1, residualFindings: [{ kind: 'mobile' }], now })).toThrow(RedactionLeakError);
    r = applyReviewCommand(r, { type: 'attach-redacted', actor: reviewer, digest: D1, residualFindings: [], metadataWarnings: ['作者不为空'], now }).review;
    expect(r.redaction).toMatchObject({ digest: D1, metadataWarnings: ['作者不为空'] });
    // The signer signs what will be released: the redacted version.
    expect(() => sign(r, reviewer, 'secrecy', { type: 'disclose-redacted' }, D0)).toThrow(StaleContentError);
    r = sign(r, reviewer, 'secrecy', { type: 'disclose-redacted' }, D1, privacy).review;
    r = sign(r, leader, 'leader', { type: 'disclose-redacted' }, D1).review;
    expect(r.status).toBe('approved');
    expect(isApprovedFor(r, D1)).toBe(true);
    expect(isApprovedFor(r, D0)).toBe(false);
  });

  it('drops the redacted version when a resolution changes', () => {
    let r = throughHead(findings);
    const id = findings[0]!.id;
    r = applyReviewCommand(r, { type: 'resolve-finding', actor: reviewer, findingId: id, resolution: { action: 'redact' }, now }).review;
    r = applyReviewCommand(r, { type: 'attach-redacted', actor: reviewer, digest: D1, residualFindings: [], now }).review;
    r = applyReviewCommand(r, { type: 'resolve-finding', actor: reviewer, findingId: id, resolution: { action: 'keep', reason: '当事人书面同意公开' }, now }).review;
    expect(r.redaction).toBeUndefined();
  });

  it('stores masked previews, never the raw values', () => {
    expect(JSON.stringify(open(findings))).not.toContain('13812345678');
  });
});

describe('secrecy review: returns, revisions and referrals', () => {
  it('returns to the author with comments, keeps the history and starts a new round', () => {
    const r = throughHead();
    expect(() => applyReviewCommand(r, { type: 'return', actor: reviewer, comments: ' ', now })).toThrow(ReviewValidationError);
    const returned = applyReviewCommand(r, { type: 'return', actor: reviewer, comments: '第三段含个人信息，请删除', now });
    expect(returned.review).toMatchObject({ status: 'returned', stage: 'self', round: 2 });
    expect(returned.review.records.at(-1)).toMatchObject({ action: 'returned', stage: 'secrecy', comments: '第三段含个人信息，请删除', round: 1 });

    let r2 = applyReviewCommand(returned.review, { type: 'revise', actor: clerk, contentDigest: 'digest-v2', findings: [], now }).review;
    expect(r2).toMatchObject({ status: 'returned', round: 2, contentDigest: 'digest-v2' });
    r2 = sign(r2, clerk, 'self', disclose, 'digest-v2').review;
    r2 = sign(r2, head, 'head', disclose, 'digest-v2').review;
    r2 = sign(r2, reviewer, 'secrecy', disclose, 'digest-v2').review;
    expect(r2.status).toBe('approved');
    expect(r2.records).toHaveLength(6);
    expect(isApprovedFor(r2, 'digest-v2')).toBe(true);
  });

  it('does not let the content change during review', () => {
    expect(() => applyReviewCommand(throughHead(), { type: 'revise', actor: clerk, contentDigest: 'x', findings: [], now })).toThrow(ReviewStageError);
  });

  it('voids an approval when the author revises afterwards', () => {
    let r = throughHead();
    r = sign(r, reviewer, 'secrecy').review;
    const revised = applyReviewCommand(r, { type: 'revise', actor: clerk, contentDigest: 'digest-v2', findings: [], now });
    expect(revised.event).toMatchObject({ type: 'review.content-revised', from: 'approved', to: 'self', data: { voidedDigest: D0, contentDigest: 'digest-v2' } });
    expect(revised.review).toMatchObject({ status: 'returned', round: 2 });
    expect(revised.review.decision).toBeUndefined();
    expect(isApprovedFor(revised.review, D0)).toBe(false);
    expect(isApprovedFor(revised.review, 'digest-v2')).toBe(false);
  });

  it('puts the item on hold when referred, and resumes at the same stage after the reply', () => {
    const r = throughHead();
    const referred = sign(r, reviewer, 'secrecy', { type: 'refer', referTo: 'secrecy-administration', body: '市国家保密局' });
    expect(referred.review.status).toBe('on-hold');
    expect(referred.event).toMatchObject({ type: 'review.review-referred', from: 'secrecy', to: 'on-hold', data: { stage: 'secrecy', referTo: 'secrecy-administration' } });
    expect(canRelease(referred.review, D0)).toMatchObject({ ok: false, reason: 'on-hold' });
    expect(() => sign(referred.review, reviewer, 'secrecy')).toThrow(ReviewStageError);
    expect(() => applyReviewCommand(referred.review, { type: 'referral-reply', actor: clerk, reply: '不属于国家秘密', now })).toThrow(ReviewPermissionError);

    const resumed = applyReviewCommand(referred.review, { type: 'referral-reply', actor: reviewer, reply: '经确定，不属于国家秘密', now }).review;
    expect(resumed).toMatchObject({ status: 'in-review', stage: 'secrecy' });
    expect(resumed.referrals[0]!.reply?.text).toBe('经确定，不属于国家秘密');
    expect(sign(resumed, reviewer, 'secrecy').review.status).toBe('approved');
  });

  it('does not let the author refer at self-review', () => {
    expect(() => sign(open(), clerk, 'self', { type: 'refer', referTo: 'competent-department', body: '市发展改革委' })).toThrow(ReviewValidationError);
  });
});
