import { describe, expect, it } from 'vitest';
import { isoDate, shippedWorkingCalendar } from '../../../../functions/domain/calendar';
import { CaseForbiddenError, CaseGuardError, CaseIllegalTransitionError, CaseValidationError, type CaseActor } from '../../../../functions/domain/clarifications';
import {
  availableCorrectionCommands,
  CORRECTION_STATUSES,
  CORRECTION_TRANSITIONS,
  correctionDue,
  correctionHasOpenDeadline,
  correctionLetter,
  correctionLetterText,
  decideCorrection,
  formatCorrectionTrackingNumber,
  isCorrectionTrackingNumber,
  openCorrection,
  type CorrectionCase,
  type CorrectionCommand,
  type CorrectionCommandType,
  type CorrectionStatus,
} from '../../../../functions/domain/corrections';
import type { StaffRole } from '../../../../functions/domain/staff';

const cal = shippedWorkingCalendar();
const d = isoDate;
const today = d('2026-03-03');
const staff = (id: string, ...roles: StaffRole[]): CaseActor => ({ kind: 'staff', id, roles });
const clerk = staff('c1', 'clerk');
const clerk2 = staff('c2', 'clerk');
const head = staff('h1', 'head');
const reviewer = staff('r1', 'reviewer');
const applicant: CaseActor = { kind: 'applicant', id: 'GZ-2026-000001' };

const sample: Record<CorrectionCommandType, CorrectionCommand> = {
  register: { type: 'register', receivedOn: d('2026-03-02'), due: correctionDue(d('2026-03-02'), cal) },
  startAssessment: { type: 'startAssessment' },
  decideCorrect: { type: 'decideCorrect', plannedCorrection: '更正出生日期' },
  recordCorrection: { type: 'recordCorrection', corrected: { recordType: 'item', recordId: 'item-1', previousVersion: 1, newVersion: 2, summary: '出生日期更正为1990年1月1日' } },
  decideRefer: { type: 'decideRefer', competentAgency: '市公安局', reasons: '户籍信息由公安机关负责' },
  decideRefuse: { type: 'decideRefuse', reasons: '证据不能证明记录不准确' },
  draftAnswer: { type: 'draftAnswer' },
  submitForSecrecyReview: { type: 'submitForSecrecyReview', secrecyReviewId: 'rev-1' },
  recordReviewApproved: { type: 'recordReviewApproved', secrecyReviewId: 'rev-1', secrecyReviewApproved: true },
  returnToDrafting: { type: 'returnToDrafting', reason: '补充理由' },
  release: { type: 'release', releaseId: 'rel-1', secrecyReviewApproved: true },
  close: { type: 'close' },
  withdraw: { type: 'withdraw' },
};
const actorFor: Record<CorrectionCommandType, CaseActor> = {
  register: clerk,
  startAssessment: clerk,
  decideCorrect: clerk,
  recordCorrection: clerk,
  decideRefer: clerk,
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
  return { ...openCorrection({ id: 'GZ-2026-000001', trackingNumber: 'GZ-2026-000001', submittedOn: d('2026-03-02') }), status, handlerId: 'c1', letterDrafted: true, secrecyReviewId: 'rev-1', outcome: 'corrected' };
}

describe('correction workflow: every transition', () => {
  for (const rule of CORRECTION_TRANSITIONS) {
    for (const status of CORRECTION_STATUSES) {
      const legal = rule.from.includes(status);
      it(`${rule.command} from ${status} is ${legal ? 'legal' : 'illegal'}`, () => {
        const run = () => decideCorrection(caseIn(status), sample[rule.command], { actor: actorFor[rule.command], today });
        if (!legal) {
          expect(run).toThrow(CaseIllegalTransitionError);
          return;
        }
        const { next, events } = run();
        expect(next.status).toBe(rule.to === 'same' ? status : rule.to);
        expect(events[0]).toMatchObject({ type: `correction.${rule.command}`, from: status, to: next.status });
      });
    }
  }
});

describe('correction workflow: rules', () => {
  const run = (c: CorrectionCase, cmd: CorrectionCommand, actor: CaseActor = clerk) => () => decideCorrection(c, cmd, { actor, today });

  it('registration starts the configured period (20 working days by default) and makes the clerk the handler', () => {
    const c = { ...caseIn('submitted') };
    delete (c as { handlerId?: string }).handlerId;
    const { next } = decideCorrection(c, sample.register, { actor: clerk2, today });
    expect(next).toMatchObject({ status: 'registered', handlerId: 'c2', receivedOn: '2026-03-02', due: '2026-03-30' });
    expect(correctionHasOpenDeadline(next)).toBe(true);
    expect(run(c, { ...sample.register, receivedOn: d('2026-03-04') } as CorrectionCommand)).toThrow(CaseGuardError);
    expect(run(c, { ...sample.register, receivedOn: d('2026-03-01') } as CorrectionCommand)).toThrow('不能早于提交之日');
  });

  it('only the handler, the head, or the applicant act; reviewers only return', () => {
    expect(run(caseIn('assessing'), sample.decideRefuse, clerk2)).toThrow(CaseForbiddenError);
    expect(decideCorrection(caseIn('assessing'), sample.decideRefuse, { actor: head, today }).next.outcome).toBe('refused');
    expect(run(caseIn('answer-approved'), sample.release, reviewer)).toThrow(CaseForbiddenError);
    expect(run(caseIn('assessing'), sample.withdraw, { kind: 'applicant', id: 'x' })).not.toThrow();
    expect(availableCorrectionCommands(caseIn('assessing'), applicant)).toEqual(['withdraw']);
    expect(availableCorrectionCommands(caseIn('answered'), clerk)).toEqual(['close']);
  });

  it('a correction is a new version; the old one stays', () => {
    expect(run(caseIn('correcting'), { type: 'recordCorrection', corrected: { recordType: 'item', recordId: 'i', previousVersion: 2, newVersion: 2, summary: 'x' } })).toThrow('原版本保留');
    expect(run(caseIn('correcting'), { type: 'recordCorrection', corrected: { recordType: 'item', recordId: 'i', previousVersion: 1, newVersion: 2, summary: ' ' } })).toThrow(CaseValidationError);
  });

  it('nothing unreviewed goes to the applicant', () => {
    expect(run({ ...caseIn('answer-drafting'), letterDrafted: false }, sample.submitForSecrecyReview)).toThrow('请先拟定答复告知书');
    expect(run(caseIn('secrecy-review'), { ...sample.recordReviewApproved, secrecyReviewApproved: false } as CorrectionCommand)).toThrow(CaseGuardError);
    expect(run(caseIn('answer-approved'), { ...sample.release, secrecyReviewApproved: false } as CorrectionCommand)).toThrow('先审查、后提供');
    const answered = decideCorrection(caseIn('answer-approved'), sample.release, { actor: clerk, today }).next;
    expect(answered).toMatchObject({ status: 'answered', answeredOn: today, releaseId: 'rel-1' });
    expect(correctionHasOpenDeadline(answered)).toBe(false);
  });

  it('refusal and referral need reasons', () => {
    expect(run(caseIn('assessing'), { type: 'decideRefuse', reasons: '' })).toThrow(CaseValidationError);
    expect(run(caseIn('assessing'), { type: 'decideRefer', competentAgency: '', reasons: 'x' })).toThrow(CaseValidationError);
  });

  it('tracking numbers use the GZ prefix', () => {
    expect(formatCorrectionTrackingNumber(2026, 1)).toBe('GZ-2026-000001');
    expect(isCorrectionTrackingNumber('gz-2026-000001')).toBe(true);
    expect(isCorrectionTrackingNumber('YSQ-2026-000001')).toBe(false);
    expect(() => formatCorrectionTrackingNumber(2026, 0)).toThrow(CaseValidationError);
  });

  it('every answer letter carries the remedies', () => {
    const agency = { name: '示例市人民政府办公室', letterPrefix: '示例政信', address: '示例路1号', phone: '12345', reconsiderationBody: '示例市人民政府', court: '示例市人民法院' };
    for (const outcome of ['corrected', 'referred', 'refused'] as const) {
      const letter = correctionLetter({
        agency,
        applicantName: '张三',
        trackingNumber: 'GZ-2026-000001',
        receivedOn: d('2026-03-02'),
        recordConcerned: '低保审核结果公示',
        case: { outcome, corrected: { recordType: 'item', recordId: 'i', previousVersion: 1, newVersion: 2, summary: '姓名更正' }, referredTo: '市公安局', reasons: '理由' },
        date: today,
      });
      const text = correctionLetterText(letter);
      expect(text).toContain('六十日内向示例市人民政府申请行政复议');
      expect(text).toContain('六个月内向示例市人民法院提起行政诉讼');
      expect(text).toContain('第四十一条');
    }
  });
});
