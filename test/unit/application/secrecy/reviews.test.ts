import { describe, expect, it } from 'vitest';
import { prepareRelease, writeReleaseCopies, type ReleaseDeps, type ReleaseRequest } from '#application/release';
import { noCdn } from '#ports/cdn';
import {
  attachRedactedFile,
  getReview,
  recordReferral,
  redactReviewText,
  resolveReviewFinding,
  returnReview,
  reviewQueueFor,
  reviseReviewContent,
  signReviewStage,
  submitForReview,
  type ReviewRecord,
} from '#application/secrecy';
import { VersionConflictError } from '#domain/errors';
import { RedactionLeakError, ReviewPermissionError, ReviewStageError, ReviewValidationError, SeparationOfDutiesError, StaleContentError, UnresolvedFindingsError } from '#domain/secrecy';
import { staffActor } from '#domain/staff';
import { checklist, fakeDeps, people, privacyChecklist, RecordingPublicWriter, validResidentId } from './support';

const ID = validResidentId();

/** The release step's two halves back to back: prepare and commit, then the effect writes the copies. */
async function release(deps: Omit<ReleaseDeps, 'cdn'>, request: ReleaseRequest, target: 'public' | 'applicant') {
  const prepared = await prepareRelease(deps, request, target);
  await deps.records.commit(prepared.changes);
  await writeReleaseCopies({ ...deps, cdn: noCdn }, prepared.receipt.releaseId);
  return prepared.receipt;
}
const releaseToPublic = (deps: Omit<ReleaseDeps, 'cdn'>, request: ReleaseRequest) => release(deps, request, 'public');
const TEXT = `关于张三同志困难补助的公示\n申请人身份证号码：${ID}，补助金额 2000 元。\n`;

async function submitted(text = TEXT) {
  const f = fakeDeps();
  const record = await submitForReview(f.deps, people.clerk, { subject: { type: 'publication', title: '困难补助公示' }, text });
  return { ...f, record, id: record.data.review.id };
}

/** Drives a review with one ID finding to approval with the ■ copy. */
async function approvedWithRedaction() {
  const f = await submitted();
  const { deps, id } = f;
  await signReviewStage(deps, people.clerk, id, { stage: 'self', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
  await signReviewStage(deps, people.head, id, { stage: 'head', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' }, comments: '同意' });
  const findingId = (await getReview(deps, people.reviewer, id)).review.findings[0]!.id;
  await resolveReviewFinding(deps, people.reviewer, id, { findingId, resolution: { action: 'redact' } });
  const outcome = await redactReviewText(deps, people.reviewer, id, {});
  expect(outcome.attached).toBe(true);
  await signReviewStage(deps, people.reviewer, id, { stage: 'secrecy', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
  const approved = await signReviewStage(deps, people.leader, id, { stage: 'leader', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
  return { ...f, approved };
}

function requestFor(record: ReviewRecord, text = TEXT): ReleaseRequest {
  const r = record.data.review;
  return { reviewId: r.id, reviewVersion: record.version, subject: { type: r.subject.type, id: r.subject.id }, parts: { text, attachments: [] }, requestedBy: staffActor(people.leader) };
}

describe('submitForReview', () => {
  it('scans the text and stores only masked findings; the text stays in the private bucket', async () => {
    const { record, records, files, id } = await submitted();
    const review = record.data.review;
    expect(review.status).toBe('draft');
    expect(review.findings).toHaveLength(1);
    expect(review.findings[0]!.kind).toBe('resident-id');
    expect(review.findings[0]!.preview).not.toContain(ID);
    const stored = JSON.stringify(await records.get({ pk: `REVIEW#${id}`, sk: 'REVIEW' }));
    expect(stored).not.toContain(ID);
    const history = JSON.stringify(await records.history({ pk: `REVIEW#${id}`, sk: 'REVIEW' }));
    expect(history).not.toContain(ID);
    expect(new TextDecoder().decode(await files.get(record.data.content.bodyKey!))).toBe(TEXT);
  });

  it('extracts and scans attachments from the private bucket', async () => {
    const f = fakeDeps();
    await f.files.put('documents/a1', new TextEncoder().encode(`联系电话 13812345678`), 'text/plain');
    const record = await submitForReview(f.deps, people.clerk, {
      subject: { type: 'answer', title: '答复' },
      text: '',
      attachments: [{ fileKey: 'documents/a1', fileName: '附件.txt', contentType: 'text/plain' }],
    });
    expect(record.data.review.findings.map((x) => [x.source, x.kind])).toEqual([['att-1', 'mobile']]);
  });

  it('requires the clerk role and some content', async () => {
    const f = fakeDeps();
    await expect(submitForReview(f.deps, people.head, { subject: { type: 'publication', title: 't' }, text: 'x' })).rejects.toBeInstanceOf(ReviewPermissionError);
    await expect(submitForReview(f.deps, people.clerk, { subject: { type: 'publication', title: 't' }, text: '  ' })).rejects.toThrow('请填写正文或添加附件');
  });
});

describe('stages and separation of duties', () => {
  it('refuses the author reviewing their own item, and one person signing two stages', async () => {
    const { deps, id } = await submitted('普通内容，无敏感信息。');
    await signReviewStage(deps, people.clerk, id, { stage: 'self', checklist: checklist(), conclusion: { type: 'disclose' } });
    const authorAsHead = { ...people.clerk, roles: ['clerk', 'head'] as const } as typeof people.clerk;
    await expect(signReviewStage(deps, authorAsHead, id, { stage: 'head', checklist: checklist(), conclusion: { type: 'disclose' } })).rejects.toBeInstanceOf(SeparationOfDutiesError);
    await signReviewStage(deps, people.headAndReviewer, id, { stage: 'head', checklist: checklist(), conclusion: { type: 'disclose' } });
    await expect(signReviewStage(deps, people.headAndReviewer, id, { stage: 'secrecy', checklist: checklist(), conclusion: { type: 'disclose' } })).rejects.toThrow('同一人只能签署一个审查环节');
    const done = await signReviewStage(deps, people.reviewer, id, { stage: 'secrecy', checklist: checklist(), conclusion: { type: 'disclose' } });
    // Nothing found, nothing restrictive: the secrecy reviewer's approval concludes.
    expect(done.data.review.status).toBe('approved');
  });

  it('requires the stage role and the full checklist with notes', async () => {
    const { deps, id } = await submitted();
    await expect(signReviewStage(deps, people.reviewer, id, { stage: 'self', checklist: checklist(), conclusion: { type: 'disclose' } })).rejects.toBeInstanceOf(ReviewPermissionError);
    await signReviewStage(deps, people.clerk, id, { stage: 'self', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    await expect(signReviewStage(deps, people.reviewer, id, { stage: 'head', checklist: checklist(), conclusion: { type: 'disclose' } })).rejects.toBeInstanceOf(ReviewPermissionError);
    const missing = { ...checklist() } as Record<string, unknown>;
    delete missing['trade-secret'];
    const error = await signReviewStage(deps, people.head, id, { stage: 'head', checklist: missing as never, conclusion: { type: 'disclose' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewValidationError);
    expect((error as ReviewValidationError).fields).toHaveProperty(['checklist.trade-secret']);
    await expect(signReviewStage(deps, people.head, id, { stage: 'head', checklist: checklist({ 'work-secret': { involved: true } }), conclusion: { type: 'disclose' } })).rejects.toThrow(
      '审查单填写不完整',
    );
    await expect(signReviewStage(deps, people.head, id, { stage: 'head', checklist: checklist(), conclusion: { type: 'withhold', legalBasis: ' ' } })).rejects.toBeInstanceOf(ReviewValidationError);
  });

  it('returns to the author with comments, keeps the history, and the queue follows the stage', async () => {
    const { deps, clock, id } = await submitted();
    expect((await reviewQueueFor(deps, people.clerk)).waiting.map((w) => w.id)).toEqual([id]);
    await signReviewStage(deps, people.clerk, id, { stage: 'self', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    clock.advance(90);
    const headQueue = await reviewQueueFor(deps, people.head);
    expect(headQueue.waiting.map((w) => [w.id, w.stage, w.waitingMinutes])).toEqual([[id, 'head', 90]]);
    expect((await reviewQueueFor(deps, people.reviewer)).waiting).toEqual([]);
    const returned = await returnReview(deps, people.head, id, { comments: '请删除身份证号码后再送审' });
    expect(returned.data.review.status).toBe('returned');
    expect(returned.data.review.round).toBe(2);
    expect(returned.data.review.records.map((r) => [r.stage, r.action, r.comments])).toEqual([
      ['self', 'signed', ''],
      ['head', 'returned', '请删除身份证号码后再送审'],
    ]);
    expect((await reviewQueueFor(deps, people.head)).waiting).toEqual([]);
    expect((await reviewQueueFor(deps, people.clerk)).waiting.map((w) => w.id)).toEqual([id]);
    expect((await reviewQueueFor(deps, people.clerk2)).waiting).toEqual([]);
    await expect(returnReview(deps, people.head, id, { comments: '' })).rejects.toBeInstanceOf(ReviewStageError);
    const revised = await reviseReviewContent(deps, people.clerk, id, { text: '关于困难补助的公示（已删除个人信息）。' });
    expect(revised.data.review.findings).toEqual([]);
    expect(revised.data.review.records).toHaveLength(2);
  });

  it('puts a referred item on hold until the reply is recorded', async () => {
    const { deps, id } = await submitted('普通内容。');
    await signReviewStage(deps, people.clerk, id, { stage: 'self', checklist: checklist(), conclusion: { type: 'disclose' } });
    const held = await signReviewStage(deps, people.head, id, { stage: 'head', checklist: checklist(), conclusion: { type: 'refer', referTo: 'secrecy-administration', body: '市国家保密局' } });
    expect(held.data.review.status).toBe('on-hold');
    expect((await reviewQueueFor(deps, people.reviewer)).waiting.map((w) => w.status)).toEqual(['on-hold']);
    await expect(recordReferral(deps, people.clerk, id, { reply: '可以公开' })).rejects.toBeInstanceOf(ReviewPermissionError);
    const resumed = await recordReferral(deps, people.reviewer, id, { reply: '经确定不属于国家秘密，可以公开' });
    expect(resumed.data.review.status).toBe('in-review');
  });

  it('refuses a stale version (somebody changed the review meanwhile)', async () => {
    const { deps, id, record } = await submitted();
    await signReviewStage(deps, people.clerk, id, { stage: 'self', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    await expect(returnReview(deps, people.head, id, { expectedVersion: record.version, comments: '退回' })).rejects.toBeInstanceOf(VersionConflictError);
  });
});

describe('redaction', () => {
  it('blocks approval while findings are unresolved, and a redacted copy that misses a redacted finding', async () => {
    const { deps, id } = await submitted(`身份证 ${ID}\n手机 13812345678\n`);
    await signReviewStage(deps, people.clerk, id, { stage: 'self', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    await signReviewStage(deps, people.head, id, { stage: 'head', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    await expect(signReviewStage(deps, people.reviewer, id, { stage: 'secrecy', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } })).rejects.toBeInstanceOf(
      UnresolvedFindingsError,
    );
    const [idFinding, mobile] = (await getReview(deps, people.reviewer, id)).review.findings;
    await resolveReviewFinding(deps, people.reviewer, id, { findingId: idFinding!.id, resolution: { action: 'redact' } });
    await expect(resolveReviewFinding(deps, people.reviewer, id, { findingId: mobile!.id, resolution: { action: 'keep', reason: '' } })).rejects.toBeInstanceOf(ReviewValidationError);
    await resolveReviewFinding(deps, people.reviewer, id, { findingId: mobile!.id, resolution: { action: 'keep', reason: '当事人同意公开' } });
    const outcome = await redactReviewText(deps, people.reviewer, id, { terms: ['身份证'] });
    expect(outcome.attached).toBe(true);
    const view = await getReview(deps, people.reviewer, id);
    expect(view.redactedBody).toBe(`■■■ ${'■'.repeat(18)}\n手机 13812345678\n`);
    // A later decision to redact the phone too is not covered by the existing copy: signing is refused.
    await resolveReviewFinding(deps, people.reviewer, id, { findingId: mobile!.id, resolution: { action: 'redact' } });
    expect((await getReview(deps, people.reviewer, id)).review.redaction).toBeUndefined();
    await expect(signReviewStage(deps, people.reviewer, id, { stage: 'secrecy', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } })).rejects.toBeInstanceOf(ReviewStageError);
  });

  it('re-extracts an uploaded redacted file and refuses it when a redacted finding is still in it', async () => {
    const f = fakeDeps();
    const enc = new TextEncoder();
    await f.files.put('documents/a1', enc.encode(`申请人身份证号码 ${ID}`), 'text/plain');
    const { data } = await submitForReview(f.deps, people.clerk, {
      subject: { type: 'answer', title: '答复' },
      text: '',
      attachments: [{ fileKey: 'documents/a1', fileName: '答复.txt', contentType: 'text/plain' }],
    });
    const id = data.review.id;
    await signReviewStage(f.deps, people.clerk, id, { stage: 'self', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    await signReviewStage(f.deps, people.head, id, { stage: 'head', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    await resolveReviewFinding(f.deps, people.reviewer, id, { findingId: data.review.findings[0]!.id, resolution: { action: 'redact' } });
    const spaced = `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`;
    await expect(
      attachRedactedFile(f.deps, people.reviewer, id, { attachmentId: 'att-1', fileName: '答复.txt', contentType: 'text/plain', bytes: enc.encode(`申请人身份证号码 ${spaced}`) }),
    ).rejects.toBeInstanceOf(RedactionLeakError);
    const ok = await attachRedactedFile(f.deps, people.reviewer, id, { attachmentId: 'att-1', fileName: '答复（删除处理）.txt', contentType: 'text/plain', bytes: enc.encode('申请人身份证号码 ■■■') });
    expect(ok.attached).toBe(true);
    const approved = await signReviewStage(f.deps, people.reviewer, id, { stage: 'secrecy', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    expect(approved.data.review.status).toBe('in-review'); // leader required after findings
    const done = await signReviewStage(f.deps, people.leader, id, { stage: 'leader', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    const receipt = await release(
      { ...f.deps, publicFiles: new RecordingPublicWriter() },
      {
        reviewId: id,
        reviewVersion: done.version,
        subject: { type: 'answer', id: data.review.subject.id },
        parts: { text: '', attachments: [{ fileKey: 'documents/a1', fileName: '答复.txt', contentType: 'text/plain' }] },
        requestedBy: staffActor(people.clerk),
      },
      'applicant',
    );
    expect(receipt.files.map((x) => x.key.startsWith('outgoing/'))).toEqual([true]);
    const given = new TextDecoder().decode(await f.files.get(receipt.files[0]!.key));
    expect(given).toBe('申请人身份证号码 ■■■');
    expect(receipt.files[0]!.fileName).toBe('答复（删除处理）.txt');
  });
});

describe('the release gate', () => {
  it('refuses without an approved review', async () => {
    const { deps, record } = await submitted();
    const writer = new RecordingPublicWriter();
    await expect(releaseToPublic({ ...deps, publicFiles: writer }, requestFor(record))).rejects.toThrow('保密审查尚未通过');
    await expect(releaseToPublic({ ...deps, publicFiles: writer }, { ...requestFor(record), reviewId: 'nope' })).rejects.toThrow('尚未进行保密审查');
    expect(writer.objects.size).toBe(0);
  });

  it('releases only the redacted copy, under files/, with a release record', async () => {
    const { deps, approved, files } = await approvedWithRedaction();
    const writer = new RecordingPublicWriter();
    const receipt = await releaseToPublic({ ...deps, publicFiles: writer }, requestFor(approved));
    expect([...writer.objects.keys()].every((k) => k.startsWith('files/'))).toBe(true);
    const published = writer.text(receipt.files[0]!.key);
    expect(published).toContain('■'.repeat(18));
    expect(published).not.toContain(ID);
    expect(receipt.text).toBe(published);
    expect(receipt.files[0]!.url).toMatch(/^http:\/\/localhost\/files\/.+\/content\.txt$/);
    // The original stays in the private bucket.
    expect(new TextDecoder().decode(await files.get(approved.data.content.bodyKey!))).toContain(ID);
    const view = await getReview(deps, people.leader, approved.data.review.id);
    expect(view.releases.map((r) => r.digest)).toEqual([approved.data.review.decision!.digest]);
  });

  it('refuses content changed after approval (stale digest)', async () => {
    const { deps, approved } = await approvedWithRedaction();
    const writer = new RecordingPublicWriter();
    await expect(releaseToPublic({ ...deps, publicFiles: writer }, requestFor(approved, TEXT.replace('2000', '3000')))).rejects.toBeInstanceOf(StaleContentError);
    expect(writer.objects.size).toBe(0);
  });

  it('refuses when the redacted copy in storage was altered after approval', async () => {
    const { deps, approved, files } = await approvedWithRedaction();
    const key = approved.data.redacted!.bodyKey!;
    await files.put(key, new TextEncoder().encode(TEXT), 'text/plain');
    const writer = new RecordingPublicWriter();
    await expect(releaseToPublic({ ...deps, publicFiles: writer }, requestFor(approved))).rejects.toBeInstanceOf(StaleContentError);
    expect(writer.objects.size).toBe(0);
  });

  it('checks the approved bytes again when it writes the copies, after the commit', async () => {
    const { deps, approved, files } = await approvedWithRedaction();
    const writer = new RecordingPublicWriter();
    const prepared = await prepareRelease({ ...deps }, requestFor(approved), 'public');
    await deps.records.commit(prepared.changes);
    // Someone with bucket access swaps the approved redacted copy between the commit and the effect.
    await files.put(approved.data.redacted!.bodyKey!, new TextEncoder().encode(TEXT), 'text/plain');
    await expect(writeReleaseCopies({ ...deps, publicFiles: writer, cdn: noCdn }, prepared.receipt.releaseId)).rejects.toBeInstanceOf(StaleContentError);
    expect(writer.objects.size).toBe(0);
  });

  it('refuses after a concurrent change to the review (the version no longer matches)', async () => {
    const { deps, approved } = await approvedWithRedaction();
    await reviseReviewContent(deps, people.clerk, approved.data.review.id, { text: TEXT });
    const writer = new RecordingPublicWriter();
    await expect(releaseToPublic({ ...deps, publicFiles: writer }, requestFor(approved))).rejects.toBeInstanceOf(VersionConflictError);
    expect(writer.objects.size).toBe(0);
  });

  it('commits the release with a check on the approved version (a change between load and commit voids it)', async () => {
    const { deps, approved, records } = await approvedWithRedaction();
    const writer = new RecordingPublicWriter();
    const original = records.commit.bind(records);
    let raced = false;
    records.commit = async (changes) => {
      if (!raced && changes.some((c) => c.op === 'check')) {
        raced = true;
        await reviseReviewContent(deps, people.clerk, approved.data.review.id, { text: TEXT });
      }
      return original(changes);
    };
    await expect(releaseToPublic({ ...deps, publicFiles: writer }, requestFor(approved))).rejects.toBeInstanceOf(VersionConflictError);
    expect(writer.objects.size).toBe(0);
  });

  it('voids approval when the author revises after approval', async () => {
    const { deps, approved } = await approvedWithRedaction();
    const revised = await reviseReviewContent(deps, people.clerk, approved.data.review.id, { text: TEXT });
    expect(revised.data.review.status).toBe('returned');
    expect(revised.data.review.decision).toBeUndefined();
    const writer = new RecordingPublicWriter();
    await expect(releaseToPublic({ ...deps, publicFiles: writer }, requestFor(revised))).rejects.toThrow('保密审查尚未通过');
  });
});
