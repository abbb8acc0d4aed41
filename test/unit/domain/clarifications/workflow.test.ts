import { describe, expect, it } from 'vitest';
import { isoDate } from '#domain/calendar';
import { CaseForbiddenError, caseTime, GuardRefusedError, IllegalTransitionError, type Actor } from '#domain/case';
import {
  CLARIFICATION_COMMAND_LABELS,
  CLARIFICATION_STATUSES,
  CLARIFICATION_TRANSITIONS,
  clarificationDue,
  clarificationText,
  clarificationWorkflow,
  DEFAULT_CLARIFICATION_CONFIG,
  hasOpenDeadline,
  openClarification,
  type ClarificationCase,
  type ClarificationCommand,
  type ClarificationCommandType,
  type ClarificationContext,
  type ClarificationStatus,
} from '#domain/clarifications';
import { ConflictError, ForbiddenError } from '#domain/errors';
import type { StaffRole } from '#domain/staff';

const d = isoDate;
const time = caseTime('2026-03-03T02:00:00Z');
const today = time.today;
const ctx = (actor: Actor): ClarificationContext => ({ ...time, actor, config: DEFAULT_CLARIFICATION_CONFIG });
const decideClarification = (c: ClarificationCase, command: ClarificationCommand, actor: Actor) => clarificationWorkflow.decide(c, command, ctx(actor));
const kebab = (s: string) => s.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
const staff = (id: string, ...roles: StaffRole[]): Actor => ({ kind: 'staff', id, roles });
const clerk = staff('c1', 'clerk');
const clerk2 = staff('c2', 'clerk');
const head = staff('h1', 'head');
const reviewer = staff('r1', 'reviewer');
const leader = staff('l1', 'leader');
const admin = staff('a1', 'admin');

const draft = { title: '关于“某路段将收费”的澄清说明', falseClaim: '网传某路段自3月起收费。', facts: '经核实，该路段不收费。', sources: ['市交通运输局'], relatedItemIds: ['item-1'] };

const sample: Record<ClarificationCommandType, ClarificationCommand> = {
  startAssessment: { type: 'startAssessment' },
  markUrgent: { type: 'markUrgent', reason: '涉及突发事件' },
  recordAssessment: { type: 'recordAssessment', aboutAgencyWork: true, falsity: 'false', impact: 'high', note: '传播较广', responsibleDepartment: '市交通运输局' },
  recordVerification: { type: 'recordVerification', department: '市交通运输局', facts: '该路段不收费' },
  saveDraft: { type: 'saveDraft', draft },
  submitForSecrecyReview: { type: 'submitForSecrecyReview', secrecyReviewId: 'rev-1' },
  recordReviewApproved: { type: 'recordReviewApproved', secrecyReviewId: 'rev-1', secrecyReviewApproved: true },
  returnToDrafting: { type: 'returnToDrafting', reason: '请补充数据来源' },
  approve: { type: 'approve' },
  publish: { type: 'publish', releaseId: 'rel-1', secrecyReviewApproved: true },
  recordFollowUp: { type: 'recordFollowUp', reach: '阅读量一万次，谣言平息', furtherStatementNeeded: false },
  startFurtherStatement: { type: 'startFurtherStatement', reason: '出现新的说法' },
  close: { type: 'close' },
  closeUnfounded: { type: 'closeUnfounded', reason: 'accurate', note: '经核实信息属实' },
};

/** The actor a command needs (the handler for handler-only commands). */
const actorFor: Record<ClarificationCommandType, Actor> = {
  startAssessment: clerk,
  markUrgent: head,
  recordAssessment: clerk,
  recordVerification: clerk,
  saveDraft: clerk,
  submitForSecrecyReview: clerk,
  recordReviewApproved: clerk,
  returnToDrafting: reviewer,
  approve: leader,
  publish: clerk,
  recordFollowUp: clerk,
  startFurtherStatement: leader,
  close: clerk,
  closeUnfounded: head,
};

/** A case in `status` that satisfies every guard of the commands allowed there. */
function caseIn(status: ClarificationStatus): ClarificationCase {
  // Registered Monday 2026-03-02 at 10:00 in Beijing: due 48 hours later, Wednesday 10:00.
  const base = openClarification({ id: 'CQ-1', source: 'public-report', registeredAt: '2026-03-02T02:00:00.000Z', urgent: false });
  return {
    ...base,
    status,
    handlerId: 'c1',
    verification: { department: '市交通运输局', facts: '不收费', by: 'c1', on: today },
    draft,
    secrecyReviewId: 'rev-1',
    approvedBy: 'l1',
    followUps: [{ on: today, by: 'c1', reach: '已平息', furtherStatementNeeded: false }],
  };
}

describe('clarification workflow: every transition', () => {
  for (const rule of CLARIFICATION_TRANSITIONS) {
    for (const status of CLARIFICATION_STATUSES) {
      const legal = rule.from.includes(status);
      it(`${rule.command} from ${status} is ${legal ? 'legal' : 'illegal'}`, () => {
        const c = caseIn(status);
        const run = () => decideClarification(c, sample[rule.command], actorFor[rule.command]);
        if (!legal) {
          expect(run).toThrow(IllegalTransitionError);
          return;
        }
        const { next, event } = run();
        expect(next.status).toBe(rule.to === 'same' ? status : rule.to);
        expect(event).toEqual(expect.objectContaining({ type: `clarification.${kebab(rule.command)}`, caseId: 'CQ-1', from: status, to: next.status, at: time.at }));
        expect(JSON.stringify(event)).not.toContain('网传');
      });
    }
  }
});

describe('clarification workflow: roles', () => {
  it('refuses actors without the role, and other clerks on handler-only steps', () => {
    const c = caseIn('leader-approval');
    expect(() => decideClarification(c, sample.approve, clerk)).toThrow(CaseForbiddenError);
    expect(() => decideClarification(c, sample.approve, head)).toThrow(ForbiddenError);
    const drafting = caseIn('drafting');
    expect(() => decideClarification(drafting, sample.saveDraft, clerk2)).toThrow(CaseForbiddenError);
    expect(decideClarification(drafting, sample.saveDraft, head).next.status).toBe('drafting');
    expect(() => decideClarification(caseIn('registered'), sample.closeUnfounded, clerk)).toThrow(CaseForbiddenError);
    expect(() => decideClarification(caseIn('approved'), sample.publish, reviewer)).toThrow(CaseForbiddenError);
    expect(decideClarification(caseIn('approved'), sample.publish, admin).next.status).toBe('published');
  });

  it('lists only the commands an actor may take now', () => {
    const available = (c: ClarificationCase, actor: Actor) => clarificationWorkflow.available(c, ctx(actor));
    expect(available(caseIn('registered'), clerk)).toEqual(['startAssessment']);
    expect(available(caseIn('registered'), head)).toEqual(['startAssessment', 'markUrgent', 'closeUnfounded']);
    expect(available(caseIn('leader-approval'), leader)).toEqual(['markUrgent', 'returnToDrafting', 'approve']);
    expect(available(caseIn('closed'), admin)).toEqual([]);
    // Guards count too: a step its rules forbid is not offered.
    expect(available({ ...caseIn('published'), followUps: [] }, clerk)).toEqual(['recordFollowUp']);
  });

  it('the first clerk to assess becomes the handler of a public report', () => {
    const c = { ...caseIn('registered') };
    delete (c as { handlerId?: string }).handlerId;
    expect(decideClarification(c, sample.startAssessment, clerk2).next.handlerId).toBe('c2');
  });
});

describe('clarification workflow: the table', () => {
  it('lists every command once, each with a Chinese label and an effect that decides it', () => {
    expect(CLARIFICATION_TRANSITIONS.map((t) => t.command).sort()).toEqual(Object.keys(sample).sort());
    for (const t of CLARIFICATION_TRANSITIONS) {
      expect(t.label, t.command).toMatch(/^[\u4e00-\u9fff（）]+$/);
      expect(CLARIFICATION_COMMAND_LABELS[t.command]).toBe(t.label);
      expect(clarificationWorkflow.commandLabel(t.command)).toBe(t.label);
      const { event } = decideClarification(caseIn(t.from[0]!), sample[t.command], actorFor[t.command]);
      expect(event.type).toBe(clarificationWorkflow.eventType(t.command));
    }
  });

  it('check answers without any input, and refuses with a Chinese reason', () => {
    const check = (c: ClarificationCase, command: ClarificationCommandType, actor: Actor) => clarificationWorkflow.check(c, command, ctx(actor));
    expect(check(caseIn('drafting'), 'submitForSecrecyReview', clerk).ok).toBe(true);
    const illegal = check(caseIn('closed'), 'publish', clerk);
    expect(illegal.ok).toBe(false);
    if (illegal.ok) return;
    expect(illegal.error).toBeInstanceOf(IllegalTransitionError);
    expect(illegal.error.message).toBe('当前状态为「已办结」，不能执行「发布澄清信息」。');
    const forbidden = check(caseIn('approved'), 'publish', reviewer);
    expect(!forbidden.ok && forbidden.error).toBeInstanceOf(CaseForbiddenError);
    expect(!forbidden.ok && forbidden.error.message).toBe('您无权对本澄清案件执行「发布澄清信息」。');
    const guarded = check({ ...caseIn('approved'), approvedBy: undefined }, 'publish', clerk);
    expect(!guarded.ok && guarded.error).toMatchObject({ code: 'NOT_APPROVED', message: '尚未经领导批准，不能发布。' });
    expect(!guarded.ok && guarded.error).toBeInstanceOf(GuardRefusedError);
    const noDraft = check({ ...caseIn('drafting'), draft: undefined }, 'submitForSecrecyReview', clerk);
    expect(!noDraft.ok && noDraft.error.message).toBe('请先保存澄清稿。');
  });
});

describe('clarification workflow: guards', () => {
  const run =
    (c: ClarificationCase, cmd: ClarificationCommand, actor: Actor = clerk) =>
    () =>
      decideClarification(c, cmd, actor);

  it('assessment: not our remit or accurate information must be closed as unfounded instead', () => {
    expect(run(caseIn('assessing'), { ...sample.recordAssessment, aboutAgencyWork: false } as ClarificationCommand)).toThrow(GuardRefusedError);
    expect(run(caseIn('assessing'), { ...sample.recordAssessment, falsity: 'accurate' } as ClarificationCommand)).toThrow('请“不予澄清并办结”');
  });

  it('a draft must be saved before it goes to review (its fields: commands.test.ts)', () => {
    const noDraft = { ...caseIn('drafting'), draft: undefined };
    expect(run(noDraft, sample.submitForSecrecyReview)).toThrow('请先保存澄清稿');
  });

  it('nothing unreviewed is published: review must be approved, and a leader must have approved', () => {
    expect(run(caseIn('secrecy-review'), { ...sample.recordReviewApproved, secrecyReviewApproved: false } as ClarificationCommand)).toThrow(GuardRefusedError);
    expect(run(caseIn('secrecy-review'), { ...sample.recordReviewApproved, secrecyReviewId: 'other' } as ClarificationCommand)).toThrow('不对应');
    expect(run(caseIn('approved'), { ...sample.publish, secrecyReviewApproved: false } as ClarificationCommand)).toThrow('先审查、后公开');
    expect(run({ ...caseIn('approved'), approvedBy: undefined }, sample.publish)).toThrow('尚未经领导批准');
    expect(run({ ...caseIn('leader-approval'), secrecyReviewId: undefined }, sample.approve, leader)).toThrow(ConflictError);
  });

  it('closing needs a follow-up that does not call for a further statement', () => {
    expect(run({ ...caseIn('published'), followUps: [] }, sample.close)).toThrow('请先登记发布后的跟踪情况');
    expect(run({ ...caseIn('published'), followUps: [{ on: today, by: 'c1', reach: 'x', furtherStatementNeeded: true }] }, sample.close)).toThrow('需要再次发布说明');
  });

  it('a further statement starts a new round that must be reviewed and approved again', () => {
    const published = decideClarification(caseIn('approved'), sample.publish, clerk).next;
    expect(published.publications).toEqual([expect.objectContaining({ round: 1, releaseId: 'rel-1', reviewId: 'rev-1' })]);
    const again = decideClarification(published, sample.startFurtherStatement, leader).next;
    expect(again).toMatchObject({ status: 'drafting', round: 2 });
    expect(again.secrecyReviewId).toBeUndefined();
    expect(again.approvedBy).toBeUndefined();
  });

  it('closing as unfounded records the reason (a listed one and a note: commands.test.ts)', () => {
    const closed = decideClarification(caseIn('verifying'), { type: 'closeUnfounded', reason: 'not-our-remit', note: '已告知市场监管局' }, head).next;
    expect(closed).toMatchObject({ status: 'closed-unfounded', unfounded: { reason: 'not-our-remit' }, closedOn: today });
  });

  it('urgent: shorter due instant, never later, once', () => {
    // Friday 2026-03-06 17:00 in Beijing: 48 hours is Sunday 17:00 (2 working days would be Tuesday), 24 hours Saturday 17:00.
    const normal = clarificationDue('2026-03-06T09:00:00.000Z', false);
    const urgent = clarificationDue('2026-03-06T09:00:00.000Z', true);
    expect(normal).toMatchObject({ dueAt: '2026-03-08T09:00:00.000Z', due: '2026-03-08' });
    expect(urgent).toMatchObject({ dueAt: '2026-03-07T09:00:00.000Z', due: '2026-03-07' });
    const c = caseIn('verifying');
    expect(c).toMatchObject({ dueAt: '2026-03-04T02:00:00.000Z', due: '2026-03-04' });
    // The urgent period counts from registration (Monday 10:00 + 24 hours): a case already due earlier keeps its instant.
    expect(run({ ...c, dueAt: '2026-03-03T01:59:00.000Z', due: d('2026-03-03') }, sample.markUrgent, head)).toThrow('不能晚于原期限');
    const marked = decideClarification(c, sample.markUrgent, head).next;
    expect(marked).toMatchObject({ urgent: true, dueAt: '2026-03-03T02:00:00.000Z', due: '2026-03-03' });
    expect(run(marked, sample.markUrgent, head)).toThrow('已标记为紧急');
  });

  it('the deadline stays open until publication or closure', () => {
    expect(CLARIFICATION_STATUSES.filter((s) => hasOpenDeadline({ status: s }))).toEqual(['registered', 'assessing', 'verifying', 'drafting', 'secrecy-review', 'leader-approval', 'approved']);
  });

  it('the reviewed text states the claim, the facts and the sources', () => {
    const t = clarificationText(draft);
    expect(t).toContain('【网传说法】\n网传某路段自3月起收费。');
    expect(t).toContain('【事实情况】');
    expect(t).toContain('1. 市交通运输局');
    expect(t).toContain('【相关信息编号】\nitem-1');
  });
});

describe('a clarification as catalogue content', () => {
  it('lands in the 澄清说明 category of the default tree, with the released text as escaped Markdown', async () => {
    const { clarificationItemContent } = await import('#domain/clarifications');
    const { defaultCategories } = await import('#domain/catalogue/categories');
    const content = clarificationItemContent({
      title: draft.title,
      releasedText: clarificationText({ ...draft, facts: '费用为 *0* 元 <b>x</b>' }),
      relatedItemIds: ['item-1'],
      issuer: '示例市人民政府办公室',
      publishedOn: today,
    });
    const category = defaultCategories().find((c) => c.id === content.categoryId);
    expect(category?.name).toBe('澄清说明');
    expect(content.body).toContain('## 网传说法');
    expect(content.body).toContain('费用为 \\*0\\* 元 \\<b\\>x\\</b\\>');
    expect(content.related.others).toEqual(['item-1']);
    expect(content.body).not.toContain('item');
    expect(content.disclosureAttribute).toBe('proactive');
  });
});
