import { describe, expect, it } from 'vitest';
import { CaseForbiddenError, GuardRefusedError, type Actor } from '#domain/case';
import {
  allowedCommands,
  applyPublishingCommand,
  checkPublishingStep,
  COMMAND_LABELS,
  IllegalPublishingStepError,
  publishing,
  PUBLISHING_STEPS,
  WORKFLOW_STATE_LABELS,
  WORKFLOW_STATES,
  type PublishingCommandType,
} from '#domain/catalogue';
import { aDraft, approved, aPublished, at, DIGEST, run, stepCtx } from './builders';

const staff = (id: string, ...roles: ('clerk' | 'head' | 'reviewer' | 'leader' | 'admin')[]): Actor => ({ kind: 'staff', id, name: id, roles });
const clerk = staff('c1', 'clerk');
const head = staff('h1', 'head');
const leader = staff('l1', 'leader');
const publisher: Actor = { kind: 'system', id: 'scheduled-publisher' };
const chinese = /[\u4e00-\u9fff]/;

/** Every audit name the item history shows today (the staff item page, web/features/items), by step. */
const AUDIT_NAMES: Record<PublishingCommandType, string> = {
  edit: 'item.edited',
  submit: 'item.submitted',
  return: 'item.returned',
  approve: 'item.approved',
  schedule: 'item.scheduled',
  unschedule: 'item.unscheduled',
  publish: 'item.published',
  reopen: 'item.reopened',
  revise: 'item.revised',
  discard: 'item.discarded',
  markValidity: 'item.validity-marked',
  markCorrected: 'item.version-corrected',
  withdraw: 'item.withdrawn',
};

describe('the publishing table', () => {
  it('labels every state and every step, and names every step’s event as the audit log always has', () => {
    for (const s of WORKFLOW_STATES) expect(WORKFLOW_STATE_LABELS[s]).toMatch(chinese);
    expect(PUBLISHING_STEPS.map((t) => t.command).sort()).toEqual(Object.keys(AUDIT_NAMES).sort());
    for (const t of PUBLISHING_STEPS) {
      expect(COMMAND_LABELS[t.command]).toMatch(chinese);
      expect(publishing.eventType(t.command)).toBe(AUDIT_NAMES[t.command]);
      for (const f of t.form?.fields ?? []) expect(f.label).toMatch(chinese);
      for (const [state, hint] of Object.entries(t.refusedIn ?? {})) {
        // A hint explains a state the row does not list, in Chinese.
        expect(t.from).not.toContain(state);
        expect(hint).toMatch(chinese);
      }
    }
  });

  it('gives the decided event the envelope and the facts of the step', () => {
    const submitted = run(aDraft(), [{ type: 'submit', digest: DIGEST }]);
    const ok = applyPublishingCommand(submitted, { type: 'approve', clearance: approved, indexNumber: '000014349/2026-00001' }, stepCtx(at(5), leader));
    expect(ok.event).toEqual({
      type: 'item.approved',
      caseId: 'item-1',
      from: 'submitted',
      to: 'approved',
      at: at(5),
      actor: { kind: 'staff', id: 'l1' },
      data: { version: 1, reviewId: 'rev-1', digest: DIGEST, indexNumber: '000014349/2026-00001' },
    });
    expect(ok.record.versions[0]!.approval).toMatchObject({ by: 'l1', at: at(5) });
  });

  it('says what to do instead when the state lacks the step, without any input', () => {
    const result = checkPublishingStep(aPublished(), 'edit', stepCtx(at(10), clerk));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(IllegalPublishingStepError);
    expect(!result.ok && result.error.message).toBe('已发布的信息不能直接修改，请选择“修订”生成新版本，新版本审核通过后替换公开版本。');
    const withdrawn = run(aPublished(), [{ type: 'withdraw', reason: '内容有误' }, at(10)]);
    expect(checkPublishingStep(withdrawn, 'revise', stepCtx(at(11), clerk))).toMatchObject({ ok: false, error: { message: expect.stringContaining('该信息已撤回') } });
  });

  it('lets only the head or the leader withdraw, and only what was ever public', () => {
    const item = aPublished();
    const byClerk = checkPublishingStep(item, 'withdraw', stepCtx(at(10), clerk));
    expect(!byClerk.ok && byClerk.error).toBeInstanceOf(CaseForbiddenError);
    expect(!byClerk.ok && byClerk.error.message).toBe('您无权对本信息执行「撤回」。');
    expect(checkPublishingStep(item, 'withdraw', stepCtx(at(10), head)).ok).toBe(true);
    const draft = checkPublishingStep(aDraft(), 'withdraw', stepCtx(at(10), leader));
    expect(!draft.ok && draft.error).toBeInstanceOf(GuardRefusedError);
    expect(draft).toMatchObject({ ok: false, error: { code: 'ITEM_NEVER_PUBLIC' } });
  });

  it('lists the steps each actor may take now', () => {
    const item = aPublished();
    expect(allowedCommands(item, stepCtx(at(10), clerk))).toEqual(['revise', 'markValidity', 'markCorrected']);
    expect(allowedCommands(item, stepCtx(at(10), head))).toEqual(['markCorrected', 'withdraw']);
    expect(allowedCommands(aDraft(), stepCtx(at(10), clerk))).toEqual(['edit', 'submit', 'discard', 'markValidity', 'markCorrected']);
    // The scheduled publisher may publish and nothing else.
    const scheduled = run(aDraft(), [{ type: 'submit', digest: DIGEST }], [{ type: 'approve', clearance: approved, indexNumber: '000014349/2026-00001' }], [{ type: 'schedule', publishAt: at(60) }]);
    expect(allowedCommands(scheduled, stepCtx(at(61), publisher))).toEqual(['publish']);
    // Once the scheduled time has passed the version is public: no more unscheduling or reopening.
    expect(allowedCommands(scheduled, stepCtx(at(30), clerk))).toEqual(['unschedule', 'publish', 'reopen', 'markValidity', 'markCorrected']);
    expect(allowedCommands(scheduled, stepCtx(at(61), clerk))).toEqual(['publish', 'markValidity', 'markCorrected']);
  });

  it('keeps a discarded revision’s record published', () => {
    const v2 = run(aPublished(), [{ type: 'revise', changedOn: '2026-03-02' as never }, at(20)]);
    const discarded = applyPublishingCommand(v2, { type: 'discard' }, stepCtx(at(21), clerk));
    expect(discarded.event).toMatchObject({ type: 'item.discarded', from: 'draft', to: 'published' });
    expect(applyPublishingCommand(aDraft(), { type: 'discard' }, stepCtx(at(21), clerk)).event.to).toBe('discarded');
  });
});
