import { describe, expect, it } from 'vitest';
import { isoDate, shippedWorkingCalendar } from '#domain/calendar';
import {
  DelayedPeriodError,
  DuplicateReceiptError,
  EventAfterClosureError,
  FeeNoticeError,
  InvalidDeadlineConfigError,
  deadlineConfig,
  deriveCaseDeadlines,
  renderCaseDeadlineExplanation,
  type CaseClockEvent,
} from '#domain/deadlines';

const cal = shippedWorkingCalendar();
const d = (s: string) => isoDate(s);
const recv: CaseClockEvent = { type: 'received', date: d('2026-02-10') };

describe('further clock rules', () => {
  it('a withdrawn or waived fee notice ends the pause on that day', () => {
    const r = deriveCaseDeadlines([recv, { type: 'feeNoticeIssued', date: d('2026-03-02'), feeNoticeId: 'f' }, { type: 'feeNoticeWithdrawn', date: d('2026-03-03'), feeNoticeId: 'f' }], cal);
    expect(r.pauses[0]).toMatchObject({ endedBy: 'withdrawn', pausedWorkingDays: 1 });
    expect(r.answer?.due).toBe('2026-03-17');
  });

  it('late payment does not extend the pause beyond the 20-working-day payment deadline', () => {
    const r = deriveCaseDeadlines([recv, { type: 'feeNoticeIssued', date: d('2026-03-02'), feeNoticeId: 'f' }, { type: 'feePaid', date: d('2026-05-29'), feeNoticeId: 'f' }], cal);
    expect(r.pauses[0]).toMatchObject({ endedBy: 'limit-reached', pausedWorkingDays: 20, limitOn: cal.addWorkingDays(d('2026-03-02'), 20).due });
    expect(r.warnings.map((w) => w.code)).toContain('FEE_PAID_LATE');
  });

  it('a posted fee notice: the 20 working days to pay run from the recorded receipt, and only for an open notice', () => {
    const fee: CaseClockEvent = { type: 'feeNoticeIssued', date: d('2026-03-02'), feeNoticeId: 'f' };
    const delivered: CaseClockEvent = { type: 'feeNoticeDelivered', date: d('2026-03-09'), feeNoticeId: 'f' };
    const r = deriveCaseDeadlines([recv, fee, delivered], cal);
    expect(r.pauses[0]).toMatchObject({ limitOn: cal.addWorkingDays(d('2026-03-09'), 20).due, endedBy: 'open' });
    const late = deriveCaseDeadlines([recv, fee, delivered, { type: 'feePaid', date: d('2026-04-30'), feeNoticeId: 'f' }], cal);
    expect(late.pauses[0]).toMatchObject({ endedBy: 'limit-reached', pausedWorkingDays: 25 });
    expect(() => deriveCaseDeadlines([recv, { ...delivered, feeNoticeId: 'x' }], cal)).toThrow(expect.objectContaining({ name: 'FeeNoticeError', context: { id: 'x' } }));
    expect(() => deriveCaseDeadlines([recv, fee, { type: 'feePaid', date: d('2026-03-05'), feeNoticeId: 'f' }, delivered], cal)).toThrow(
      expect.objectContaining({ message: expect.stringContaining('已结束'), context: { id: 'f' } }),
    );
    // Events are taken in date order: a receipt dated before the notice finds no notice yet.
    expect(() => deriveCaseDeadlines([recv, { ...fee, date: d('2026-03-10') }, delivered], cal)).toThrow('找不到收费通知');
  });

  it('the 15 days run from delivery of the consultation letter when recorded', () => {
    const r = deriveCaseDeadlines([recv, { type: 'consultationStarted', date: d('2026-03-02'), deliveredOn: d('2026-03-04'), consultationId: 'c', kind: 'third-party' }], cal);
    expect(r.pauses[0]?.limitOn).toBe(cal.addWorkingDays(d('2026-03-04'), 15).due);
    expect(r.pauses[0]?.pausedWorkingDays).toBe(17);
  });

  it('a secrecy referral recorded as an other-agency consultation is excluded but flagged', () => {
    const r = deriveCaseDeadlines(
      [
        recv,
        { type: 'consultationStarted', date: d('2026-03-02'), consultationId: 's', kind: 'other-agency', secrecyReferral: true },
        { type: 'consultationAnswered', date: d('2026-03-03'), consultationId: 's' },
      ],
      cal,
    );
    expect(r.warnings.map((w) => w.code)).toContain('SECRECY_REFERRAL_EXCLUDED');
    expect(renderCaseDeadlineExplanation(r).join()).toContain('保密审查转请');
  });

  it('Art. 35 delayed period replaces a shorter computed date and must be set before expiry', () => {
    const r = deriveCaseDeadlines([recv, { type: 'delayedPeriodSet', date: d('2026-03-02'), due: d('2026-05-29'), approvedBy: '王局长' }], cal);
    expect(r.answer).toMatchObject({ due: '2026-05-29', delayedTo: '2026-05-29' });
    expect(() => deriveCaseDeadlines([recv, { type: 'delayedPeriodSet', date: d('2026-03-17'), due: d('2026-05-29'), approvedBy: '王局长' }], cal)).toThrow(DelayedPeriodError);
  });

  it('rejects duplicate receipts, duplicate fee notices and events after closure', () => {
    expect(() => deriveCaseDeadlines([recv, recv], cal)).toThrow(DuplicateReceiptError);
    const fee: CaseClockEvent = { type: 'feeNoticeIssued', date: d('2026-03-02'), feeNoticeId: 'f' };
    expect(() => deriveCaseDeadlines([recv, fee, fee], cal)).toThrow(FeeNoticeError);
    expect(() => deriveCaseDeadlines([recv, { type: 'feePaid', date: d('2026-03-02'), feeNoticeId: 'x' }], cal)).toThrow(FeeNoticeError);
    expect(() => deriveCaseDeadlines([recv, { type: 'closed', date: d('2026-03-02'), outcome: 'withdrawn' }, { type: 'feeNoticeIssued', date: d('2026-03-03'), feeNoticeId: 'f' }], cal)).toThrow(
      EventAfterClosureError,
    );
  });

  it('config may shorten but never lengthen statutory periods', () => {
    expect(deadlineConfig({ answerWorkingDays: 15 }).answerWorkingDays).toBe(15);
    expect(() => deadlineConfig({ maxExtensionWorkingDays: 30 })).toThrow(InvalidDeadlineConfigError);
    expect(() => deadlineConfig({ extensionApproverRoles: [] })).toThrow(InvalidDeadlineConfigError);
  });

  it('records the calendar version so a stored deadline can be recomputed when the calendar changes', () => {
    expect(deriveCaseDeadlines([recv], cal).calendarVersion).toBe(cal.version);
  });
});
