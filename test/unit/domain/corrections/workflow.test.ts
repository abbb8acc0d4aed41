import { describe, expect, it } from 'vitest';
import { isoDate, shippedWorkingCalendar } from '#domain/calendar';
import { CaseForbiddenError, caseTime, CaseValidationError, GuardRefusedError, IllegalTransitionError, type Actor } from '#domain/case';
import {
  CORRECTION_COMMAND_LABELS,
  CORRECTION_STATUSES,
  CORRECTION_TRANSITIONS,
  correctionHasOpenDeadline,
  CORRECTION_OUTCOMES,
  correctionLetter,
  correctionLetterText,
  correctionWorkflow,
  DEFAULT_CORRECTION_CONFIG,
  formatCorrectionTrackingNumber,
  isCorrectionTrackingNumber,
  openCorrection,
  type CorrectionCase,
  type CorrectionCommand,
  type CorrectionCommandType,
  type CorrectionContext,
  type CorrectionStatus,
} from '#domain/corrections';
import type { StaffRole } from '#domain/staff';

const cal = shippedWorkingCalendar();
const d = isoDate;
const time = caseTime('2026-03-03T02:00:00Z');
const today = time.today;
const ctx = (actor: Actor): CorrectionContext => ({ ...time, actor, calendar: cal, config: DEFAULT_CORRECTION_CONFIG });
const decideCorrection = (c: CorrectionCase, command: CorrectionCommand, actor: Actor) => correctionWorkflow.decide(c, command, ctx(actor));
const kebab = (s: string) => s.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
const staff = (id: string, ...roles: StaffRole[]): Actor => ({ kind: 'staff', id, roles });
const clerk = staff('c1', 'clerk');
const clerk2 = staff('c2', 'clerk');
const head = staff('h1', 'head');
const reviewer = staff('r1', 'reviewer');
const applicant: Actor = { kind: 'applicant', id: 'GZ-2026-000001' };

const sample: Record<CorrectionCommandType, CorrectionCommand> = {
  register: { type: 'register', receivedOn: d('2026-03-02') },
  startAssessment: { type: 'startAssessment' },
  decideCorrect: { type: 'decideCorrect', plannedCorrection: '更正出生日期' },
  recordCorrection: { type: 'recordCorrection', corrected: { recordType: 'item', recordId: 'item-1', previousVersion: 1, newVersion: 2, summary: '出生日期更正为1990年1月1日' } },
  decideRefer: { type: 'decideRefer', competentAgency: '市公安局', reasons: '户籍信息由公安机关负责' },
  decideDirect: { type: 'decideDirect', competentAgency: '市公安局（电话 110）', reasons: '户籍信息由公安机关登记' },
  decideRefuse: { type: 'decideRefuse', reasons: '证据不能证明记录不准确' },
  draftAnswer: { type: 'draftAnswer' },
  submitForSecrecyReview: { type: 'submitForSecrecyReview', secrecyReviewId: 'rev-1' },
  recordReviewApproved: { type: 'recordReviewApproved', secrecyReviewId: 'rev-1', secrecyReviewApproved: true },
  returnToDrafting: { type: 'returnToDrafting', reason: '补充理由' },
  release: { type: 'release', releaseId: 'rel-1', secrecyReviewApproved: true },
  close: { type: 'close' },
  withdraw: { type: 'withdraw' },
};
const actorFor: Record<CorrectionCommandType, Actor> = {
  register: clerk,
  startAssessment: clerk,
  decideCorrect: clerk,
  recordCorrection: clerk,
  decideRefer: clerk,
  decideDirect: clerk,
  decideRefuse: clerk,
  draftAnswer: clerk,
  submitForSecrecyReview: clerk,
  recordReviewApproved: clerk,
  returnToDrafting: reviewer,
  release: clerk,
  close: clerk,
  withdraw: applicant,
};

function caseIn(status: CorrectionStatus): CorrectionCase {
  return {
    ...openCorrection({ id: 'GZ-2026-000001', trackingNumber: 'GZ-2026-000001', submittedOn: d('2026-03-02') }),
    status,
    handlerId: 'c1',
    letterDrafted: true,
    secrecyReviewId: 'rev-1',
    outcome: 'corrected',
  };
}

describe('correction workflow: every transition', () => {
  for (const rule of CORRECTION_TRANSITIONS) {
    for (const status of CORRECTION_STATUSES) {
      const legal = rule.from.includes(status);
      it(`${rule.command} from ${status} is ${legal ? 'legal' : 'illegal'}`, () => {
        const run = () => decideCorrection(caseIn(status), sample[rule.command], actorFor[rule.command]);
        if (!legal) {
          expect(run).toThrow(IllegalTransitionError);
          return;
        }
        const { next, event } = run();
        expect(next.status).toBe(rule.to === 'same' ? status : rule.to);
        expect(event).toMatchObject({ type: `correction.${kebab(rule.command)}`, from: status, to: next.status });
      });
    }
  }
});

describe('correction workflow: the table', () => {
  it('lists every command once, each with a Chinese label and an effect that decides it', () => {
    expect(CORRECTION_TRANSITIONS.map((t) => t.command).sort()).toEqual(Object.keys(sample).sort());
    for (const t of CORRECTION_TRANSITIONS) {
      expect(t.label, t.command).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(CORRECTION_COMMAND_LABELS[t.command]).toBe(t.label);
      const { event } = decideCorrection(caseIn(t.from[0]!), sample[t.command], actorFor[t.command]);
      expect(event.type).toBe(correctionWorkflow.eventType(t.command));
    }
  });

  it('shows the applicant registration, the decision and the answer, not the internal steps', () => {
    const visible = CORRECTION_TRANSITIONS.filter((t) => t.visibleToApplicant).map((t) => t.command);
    expect(visible).toEqual(['register', 'decideCorrect', 'decideRefer', 'decideDirect', 'decideRefuse', 'release', 'close', 'withdraw']);
  });

  it('check answers without any input, and refuses with a Chinese reason', () => {
    expect(correctionWorkflow.check(caseIn('answer-drafting'), 'submitForSecrecyReview', ctx(clerk)).ok).toBe(true);
    const noLetter = correctionWorkflow.check({ ...caseIn('answer-drafting'), letterDrafted: false }, 'submitForSecrecyReview', ctx(clerk));
    expect(!noLetter.ok && noLetter.error).toBeInstanceOf(GuardRefusedError);
    expect(!noLetter.ok && noLetter.error.message).toBe('请先拟定答复告知书。');
    const late = correctionWorkflow.check(caseIn('answered'), 'withdraw', ctx(applicant));
    expect(!late.ok && late.error).toBeInstanceOf(IllegalTransitionError);
    expect(!late.ok && late.error.message).toBe('当前状态为「已答复」，不能执行「撤回申请」。');
    const other = correctionWorkflow.check(caseIn('assessing'), 'decideRefuse', ctx(clerk2));
    expect(!other.ok && other.error.message).toBe('您无权对本更正申请执行「决定不予更正」。');
  });
});

describe('correction workflow: rules', () => {
  const run =
    (c: CorrectionCase, cmd: CorrectionCommand, actor: Actor = clerk) =>
    () =>
      decideCorrection(c, cmd, actor);

  it('registration starts the configured period (20 working days by default) and makes the clerk the handler', () => {
    const c = { ...caseIn('submitted') };
    delete (c as { handlerId?: string }).handlerId;
    const { next } = decideCorrection(c, sample.register, clerk2);
    expect(next).toMatchObject({ status: 'registered', handlerId: 'c2', receivedOn: '2026-03-02', due: '2026-03-30' });
    // The agency's configured period, not a constant.
    expect(correctionWorkflow.decide(c, sample.register, { ...ctx(clerk2), config: { workingDays: 10 } }).next.due).toBe('2026-03-16');
    expect(correctionHasOpenDeadline(next)).toBe(true);
    expect(run(c, { ...sample.register, receivedOn: d('2026-03-04') } as CorrectionCommand)).toThrow(GuardRefusedError);
    expect(run(c, { ...sample.register, receivedOn: d('2026-03-01') } as CorrectionCommand)).toThrow('不能早于提交之日');
  });

  it('only the handler, the head, or the applicant act; reviewers only return', () => {
    expect(run(caseIn('assessing'), sample.decideRefuse, clerk2)).toThrow(CaseForbiddenError);
    expect(decideCorrection(caseIn('assessing'), sample.decideRefuse, head).next.outcome).toBe('refused');
    expect(run(caseIn('answer-approved'), sample.release, reviewer)).toThrow(CaseForbiddenError);
    expect(run(caseIn('assessing'), sample.withdraw, { kind: 'applicant', id: 'x' })).not.toThrow();
    expect(correctionWorkflow.available(caseIn('assessing'), ctx(applicant))).toEqual(['withdraw']);
    expect(correctionWorkflow.available(caseIn('answered'), ctx(clerk))).toEqual(['close']);
  });

  it('a correction is a new version; the old one stays', () => {
    expect(run(caseIn('correcting'), { type: 'recordCorrection', corrected: { recordType: 'item', recordId: 'i', previousVersion: 2, newVersion: 2, summary: 'x' } })).toThrow('原版本保留');
  });

  it('nothing unreviewed goes to the applicant', () => {
    expect(run({ ...caseIn('answer-drafting'), letterDrafted: false }, sample.submitForSecrecyReview)).toThrow('请先拟定答复告知书');
    expect(run(caseIn('secrecy-review'), { ...sample.recordReviewApproved, secrecyReviewApproved: false } as CorrectionCommand)).toThrow(GuardRefusedError);
    expect(run(caseIn('answer-approved'), { ...sample.release, secrecyReviewApproved: false } as CorrectionCommand)).toThrow('先审查、后提供');
    const answered = decideCorrection(caseIn('answer-approved'), sample.release, clerk).next;
    expect(answered).toMatchObject({ status: 'answered', answeredOn: today, releaseId: 'rel-1' });
    expect(correctionHasOpenDeadline(answered)).toBe(false);
  });

  it('tracking numbers use the GZ prefix', () => {
    expect(formatCorrectionTrackingNumber(2026, 1)).toBe('GZ-2026-000001');
    expect(isCorrectionTrackingNumber('gz-2026-000001')).toBe(true);
    expect(isCorrectionTrackingNumber('YSQ-2026-000001')).toBe(false);
    expect(() => formatCorrectionTrackingNumber(2026, 0)).toThrow(CaseValidationError);
  });

  it('Art. 41: outside its remit the agency may tell the applicant to apply to the agency that may correct it', () => {
    const { next } = decideCorrection(caseIn('assessing'), sample.decideDirect, clerk);
    expect([next.status, next.outcome, next.referredTo]).toEqual(['answer-drafting', 'directed', '市公安局（电话 110）']);
    const agency = { name: '示例市人民政府办公室', letterPrefix: '示例政信', address: '示例路1号', phone: '12345', reconsiderationBody: '示例市人民政府', court: '示例市人民法院' };
    const letter = correctionLetter({
      agency,
      applicantName: '张三',
      trackingNumber: 'GZ-2026-000001',
      receivedOn: d('2026-03-02'),
      recordConcerned: '户籍信息',
      case: next,
      date: today,
      sequence: 1,
    });
    expect(correctionLetterText(letter)).toContain('请您向有权更正的行政机关（市公安局（电话 110））提出更正申请');
  });

  it('every answer letter carries the remedies', () => {
    const agency = { name: '示例市人民政府办公室', letterPrefix: '示例政信', address: '示例路1号', phone: '12345', reconsiderationBody: '示例市人民政府', court: '示例市人民法院' };
    for (const outcome of CORRECTION_OUTCOMES) {
      const letter = correctionLetter({
        agency,
        applicantName: '张三',
        trackingNumber: 'GZ-2026-000001',
        receivedOn: d('2026-03-02'),
        recordConcerned: '低保审核结果公示',
        case: { outcome, corrected: { recordType: 'item', recordId: 'i', previousVersion: 1, newVersion: 2, summary: '姓名更正' }, referredTo: '市公安局', reasons: '理由' },
        date: today,
        sequence: 1,
      });
      const text = correctionLetterText(letter);
      expect(text).toContain('六十日内向示例市人民政府申请行政复议');
      expect(text).toContain('六个月内向示例市人民法院提起行政诉讼');
      expect(text).toContain('第四十一条');
    }
  });
});
