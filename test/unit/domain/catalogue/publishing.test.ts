import { describe, expect, it } from 'vitest';
import { shippedWorkingCalendar, type IsoDate } from '#domain/calendar';
import {
  allowedCommands,
  applyPublishingCommand,
  clearanceFromReview,
  IllegalPublishingStepError,
  IndexNumberConflictError,
  publicationAlerts,
  publicationDeadline,
  SecrecyClearanceError,
  workflowState,
  type PublishingCommand,
} from '#domain/catalogue';
import { GuardRefusedError } from '#domain/case';
import { ConflictError } from '#domain/errors';
import { aContent, aDraft, approved, aPublished, at, DIGEST, OTHER_DIGEST, run, stepCtx } from './builders';

const ctx = stepCtx(at(100), 'staff-2');

describe('publishing workflow', () => {
  it('goes draft → submitted → approved → published and assigns the index number at approval', () => {
    const submitted = run(aDraft(), [{ type: 'submit', digest: DIGEST }]);
    expect(workflowState(submitted)).toBe('submitted');
    const ok = applyPublishingCommand(submitted, { type: 'approve', clearance: approved, indexNumber: '000014349/2026-00001' }, ctx);
    expect(workflowState(ok.record)).toBe('approved');
    expect(ok.record.indexNumber).toBe('000014349/2026-00001');
    const pub = applyPublishingCommand(ok.record, { type: 'publish' }, { ...ctx, at: at(101) });
    expect(workflowState(pub.record)).toBe('published');
    expect(pub.publicChanged).toBe(true);
    expect(pub.event).toMatchObject({ type: 'item.published', from: 'approved', to: 'published', data: { version: 1 } });
  });

  it('refuses approval unless the secrecy review is approved for exactly the submitted digest', () => {
    const submitted = run(aDraft(), [{ type: 'submit', digest: DIGEST }]);
    const approve = (clearance: typeof approved) => () => applyPublishingCommand(submitted, { type: 'approve', clearance, indexNumber: '000014349/2026-00001' }, ctx);
    expect(approve({ ...approved, status: 'in-review' })).toThrow(SecrecyClearanceError);
    expect(approve({ ...approved, digest: OTHER_DIGEST })).toThrow(/重新进行保密审查/);
    expect(clearanceFromReview({ id: 'r', status: 'approved', decision: { digest: DIGEST, conclusion: { type: 'disclose' } as never, at: at(0), round: 1 } })).toEqual({
      reviewId: 'r',
      status: 'approved',
      digest: DIGEST,
    });
  });

  it.each<[string, () => ReturnType<typeof aDraft>, PublishingCommand]>([
    ['publish a draft', () => aDraft(), { type: 'publish' }],
    ['approve a draft', () => aDraft(), { type: 'approve', clearance: approved, indexNumber: 'x' }],
    ['edit a submitted item', () => run(aDraft(), [{ type: 'submit', digest: DIGEST }]), { type: 'edit', content: aContent() }],
    ['edit a published item', () => aPublished(), { type: 'edit', content: aContent() }],
    ['schedule before approval', () => run(aDraft(), [{ type: 'submit', digest: DIGEST }]), { type: 'schedule', publishAt: at(500) }],
    ['publish twice', () => aPublished(), { type: 'publish' }],
    ['withdraw twice', () => run(aPublished(), [{ type: 'withdraw', reason: '错误' }, at(10)]), { type: 'withdraw', reason: '再次' }],
    ['revise a withdrawn item', () => run(aPublished(), [{ type: 'withdraw', reason: '错误' }, at(10)]), { type: 'revise', changedOn: '2026-03-01' as IsoDate }],
  ])('refuses to %s with a 409 conflict and a Chinese message', (_name, make, cmd) => {
    const act = () => applyPublishingCommand(make(), cmd, ctx);
    expect(act).toThrow(IllegalPublishingStepError);
    try {
      act();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).status).toBe(409);
      expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses to withdraw a never-published draft by rule, with a code and the Chinese reason', () => {
    const act = () => applyPublishingCommand(aDraft(), { type: 'withdraw', reason: '不需要' }, ctx);
    expect(act).toThrow(GuardRefusedError);
    expect(act).toThrow(expect.objectContaining({ status: 409, code: 'ITEM_NEVER_PUBLIC', message: '尚未发布的信息无需撤回；如不再发布，请退回后放弃草稿。' }));
  });

  it('never renumbers: a different index number on a later approval is refused', () => {
    const v2 = run(aPublished(), [{ type: 'revise', changedOn: '2026-03-02' as IsoDate }, at(20)], [{ type: 'submit', digest: OTHER_DIGEST }, at(21)]);
    const again = { ...approved, digest: OTHER_DIGEST };
    expect(() => applyPublishingCommand(v2, { type: 'approve', clearance: again, indexNumber: '000014349/2026-00099' }, ctx)).toThrow(IndexNumberConflictError);
    const ok = applyPublishingCommand(v2, { type: 'approve', clearance: again }, ctx);
    expect(ok.record.indexNumber).toBe('000014349/2026-00001');
  });

  it('revision: v2 goes through review while v1 stays published, then supersedes it', () => {
    const v2draft = run(aPublished(), [{ type: 'revise', changedOn: '2026-03-02' as IsoDate }, at(20)]);
    expect(workflowState(v2draft)).toBe('draft');
    expect(v2draft.versions.map((v) => v.status)).toEqual(['published', 'draft']);
    const v2 = run(
      v2draft,
      [{ type: 'edit', content: aContent({ title: '关于印发2026年部门预算（修订）的通知' }) }, at(21)],
      [{ type: 'submit', digest: OTHER_DIGEST }, at(22)],
      [{ type: 'approve', clearance: { ...approved, digest: OTHER_DIGEST } }, at(23)],
      [{ type: 'publish' }, at(24)],
    );
    expect(v2.versions.map((v) => v.status)).toEqual(['superseded', 'published']);
  });

  it('reopening an approved item voids the approval; returning a submitted item goes back to draft', () => {
    const reopened = run(aDraft(), [{ type: 'submit', digest: DIGEST }], [{ type: 'approve', clearance: approved, indexNumber: '000014349/2026-00001' }], [{ type: 'reopen', reason: '需补充附件' }]);
    expect(workflowState(reopened)).toBe('draft');
    expect(reopened.versions[0]!.approval).toBeUndefined();
    expect(reopened.versions[0]!.digest).toBeUndefined();
    const returned = run(aDraft(), [{ type: 'submit', digest: DIGEST }], [{ type: 'return', reason: '标题有误' }]);
    expect(workflowState(returned)).toBe('draft');
  });

  it('schedules for a future Beijing time; unscheduling is refused once the time has passed', () => {
    const sch = run(aDraft(), [{ type: 'submit', digest: DIGEST }], [{ type: 'approve', clearance: approved, indexNumber: '000014349/2026-00001' }], [{ type: 'schedule', publishAt: at(60) }]);
    expect(workflowState(sch)).toBe('scheduled');
    expect(() => applyPublishingCommand(sch, { type: 'unschedule' }, stepCtx(at(61), 'x'))).toThrow(expect.objectContaining({ status: 409, code: 'ITEM_SCHEDULE_PASSED' }));
    expect(() => applyPublishingCommand(sch, { type: 'unschedule' }, stepCtx(at(61), 'x'))).toThrow(GuardRefusedError);
    expect(workflowState(applyPublishingCommand(sch, { type: 'unschedule' }, stepCtx(at(30), 'x')).record)).toBe('approved');
    expect(() => applyPublishingCommand(sch, { type: 'schedule', publishAt: at(90) }, stepCtx(at(30), 'x'))).toThrow(IllegalPublishingStepError);
    const published = applyPublishingCommand(sch, { type: 'publish' }, stepCtx(at(62), { kind: 'system', id: 'sweeper' })).record;
    expect(published.versions[0]!.publishedAt).toBe(at(60));
  });

  it('withdrawal keeps the record, the reason and the index number', () => {
    const w = run(aPublished(), [{ type: 'withdraw', reason: '内容有误' }, at(10)]);
    expect(workflowState(w)).toBe('withdrawn');
    expect(w.withdrawal).toMatchObject({ reason: '内容有误' });
    expect(w.indexNumber).toBe('000014349/2026-00001');
    expect(allowedCommands(w, ctx)).toEqual([]);
  });

  it('marking repealed needs a date', () => {
    expect(() => applyPublishingCommand(aPublished(), { type: 'markValidity', status: 'repealed' }, ctx)).toThrow(/日期/);
    const r = applyPublishingCommand(aPublished(), { type: 'markValidity', status: 'repealed', since: '2026-06-01' as IsoDate }, ctx).record;
    expect(r.validity).toEqual({ status: 'repealed', since: '2026-06-01' });
  });
});

describe('publication deadline (20 working days, Art. 26)', () => {
  const calendar = shippedWorkingCalendar();

  it('counts 20 working days from the formation date across the Spring Festival', () => {
    // Formed 2026-02-02 (Mon); Spring Festival 2026-02-15..23 is skipped, make-up days count.
    const d = publicationDeadline(aDraft(), calendar, '2026-02-03' as IsoDate)!;
    expect(d.due).toBe(calendar.addWorkingDays('2026-02-02' as IsoDate, 20).due);
    expect(d.due > '2026-03-01').toBe(true);
    expect(d.status).toBe('pending');
  });

  it('flags unpublished items past the due date as overdue and lists them for staff', () => {
    const d = publicationDeadline(aDraft(), calendar, '2026-04-01' as IsoDate)!;
    expect(d.status).toBe('overdue');
    expect(d.workingDaysLeft).toBeLessThan(0);
    const alerts = publicationAlerts([aDraft('a'), aPublished('b')], calendar, '2026-04-01' as IsoDate);
    expect(alerts.map((a) => a.id)).toEqual(['a']);
  });

  it('reports a published item as met, and restarts the clock at the change date for a revision', () => {
    expect(publicationDeadline(aPublished(), calendar, '2026-04-01' as IsoDate)!.status).toBe('met');
    const v2 = run(aPublished(), [{ type: 'revise', changedOn: '2026-03-02' as IsoDate }, at(20)]);
    const d = publicationDeadline(v2, calendar, '2026-03-03' as IsoDate)!;
    expect(d).toMatchObject({ version: 2, from: '2026-03-02', status: 'pending' });
  });
});

describe('marking a replaced version as corrected (Art. 41)', () => {
  it('is refused for the current version and allowed for a superseded one', async () => {
    const { applyPublishingCommand } = await import('#domain/catalogue');
    const { aContent, aPublished, approved, run, stepCtx } = await import('./builders');
    const DIGEST2 = 'b'.repeat(64);
    const ctx = stepCtx('2026-03-05T02:00:00.000Z', 'clerk');
    const mark = { type: 'markCorrected', version: 1, caseId: 'GZ-2026-000001', summary: '家庭人口数有误' } as const;
    const v1 = aPublished();
    expect(() => applyPublishingCommand(v1, mark, ctx)).toThrow('不能标注为已更正');
    const v2 = run(
      v1,
      [{ type: 'revise', changedOn: '2026-03-04' as never, content: aContent({ body: '更正后的正文' }) }, '2026-03-04T01:00:00.000Z'],
      [{ type: 'submit', digest: DIGEST2 }, '2026-03-04T01:01:00.000Z'],
      [{ type: 'approve', clearance: { ...approved, digest: DIGEST2 } }, '2026-03-04T01:02:00.000Z'],
      [{ type: 'publish' }, '2026-03-04T01:03:00.000Z'],
    );
    const result = applyPublishingCommand(v2, mark, ctx);
    expect(result.record.versions[0]!.corrected).toEqual({ caseId: 'GZ-2026-000001', summary: '家庭人口数有误', at: ctx.at });
    expect(result.publicChanged).toBe(true);
  });
});
