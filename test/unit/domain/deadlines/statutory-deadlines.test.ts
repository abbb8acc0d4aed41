/**
 * The case clock (《条例》Arts. 30–35, 109号) on hand-counted dates of the 2026 notice
 * (domain.md §2.13): 春节 02-15..23 off with Sat 02-14 and Sat 02-28 worked; 清明 04-04..06 off.
 *
 * Received Tue 2026-02-10: supplement notice due 02-26 (7 working days), answer due 03-16 (20).
 * Working days 02-11..03-02: 02-11, 12, 13, Sat 14, 24, 25, 26, 27, Sat 28, Mon 03-02 (10 of 20).
 * After 03-16: 03-17 (1), 18, 19, 20, 23 (5), 24, 25, 26, 27, 30 (10), 31, 04-01, 02, 03, 07 (15),
 * 08, 09, 10, 13, 14 (20).
 */
import { describe, expect, it } from 'vitest';
import { isoDate, shippedWorkingCalendar } from '#domain/calendar';
import {
  ConsultationError,
  DelayedPeriodError,
  ExtensionWithoutApprovalError,
  FeeNoticeError,
  SupplementSequenceError,
  deadlineConfig,
  deriveCaseDeadlines,
  type CaseClockEvent,
  type CaseDeadlines,
  type PauseBoundary,
} from '#domain/deadlines';

const cal = shippedWorkingCalendar();
const d = (s: string) => isoDate(s);
const RECEIVED: CaseClockEvent = { type: 'received', date: d('2026-02-10') };
const derive = (events: CaseClockEvent[], config = deadlineConfig()) => deriveCaseDeadlines([RECEIVED, ...events], cal, config);
const codes = (r: CaseDeadlines) => r.warnings.map((w) => w.code);
const consult = (date: string, id = 'c1', extra: Partial<Extract<CaseClockEvent, { type: 'consultationStarted' }>> = {}): CaseClockEvent => ({
  type: 'consultationStarted',
  date: d(date),
  consultationId: id,
  kind: 'third-party',
  ...extra,
});
const answered = (date: string, id = 'c1'): CaseClockEvent => ({ type: 'consultationAnswered', date: d(date), consultationId: id });
const feeNotice = (date: string, id = 'f1'): CaseClockEvent => ({ type: 'feeNoticeIssued', date: d(date), feeNoticeId: id });
const feePaid = (date: string, id = 'f1'): CaseClockEvent => ({ type: 'feePaid', date: d(date), feeNoticeId: id });
const supplementRequested = (date: string, extra: { supplementPeriodWorkingDays?: number; deliveredOn?: string } = {}): CaseClockEvent => ({
  type: 'supplementRequested',
  date: d(date),
  ...(extra.supplementPeriodWorkingDays !== undefined ? { supplementPeriodWorkingDays: extra.supplementPeriodWorkingDays } : {}),
  ...(extra.deliveredOn ? { deliveredOn: d(extra.deliveredOn) } : {}),
});
const extension = (date: string, extra: Record<string, unknown> = {}): CaseClockEvent =>
  ({ type: 'extensionApproved', date: d(date), workingDays: 20, approvedBy: '张主任', approverRole: 'gi-office-head', ...extra }) as CaseClockEvent;
const delayed = (date: string, due: string, approver: { approvedBy?: unknown } = { approvedBy: '王局长' }): CaseClockEvent =>
  ({ type: 'delayedPeriodSet', date: d(date), due: d(due), ...approver }) as CaseClockEvent;
const closed = (date: string, outcome: 'decided' | 'withdrawn' = 'decided'): CaseClockEvent => ({ type: 'closed', date: d(date), outcome });

/** The error a history raises, with its class and message. */
function rejection(events: CaseClockEvent[]): { name: string; message: string; context?: unknown } {
  try {
    derive(events);
  } catch (e) {
    const err = e as { name: string; message: string; context?: unknown };
    return { name: err.name, message: err.message, context: err.context };
  }
  throw new Error('expected the history to be rejected');
}

describe('a plain application (Art. 33)', () => {
  it('received 2026-02-10: running, due 03-16, nothing to warn about', () => {
    const r = derive([]);
    expect(r.status).toBe('running');
    expect(r.answer).toStrictEqual({ due: '2026-03-16', dueWithoutExtension: '2026-03-16', baseWorkingDays: 20, extensionWorkingDays: 0, pausedWorkingDays: 0, provisional: false });
    expect(r.warnings).toEqual([]);
    expect(r.explanation?.workingDaysCounted).toBe(20);
    expect(r.explanation?.delayedTo).toBeUndefined();
  });

  it('an answer due in the last December days waits for the next notice, even when the supplement-notice date is settled', () => {
    // Received Wed 2026-11-25: 7 working days → Fri 12-04; 20 → Wed 12-23 (after 12-19: may still change).
    const r = deriveCaseDeadlines([{ type: 'received', date: d('2026-11-25') }], cal);
    expect(r.supplementNotice).toMatchObject({ due: '2026-12-04', provisional: false });
    expect(r.answer).toMatchObject({ due: '2026-12-23', provisional: true });
    expect(r.provisional).toBe(true);
  });
});

describe('supplement (Art. 30): one notice within 7 working days; the supplement restarts the period', () => {
  it('a notice sent on the 7th working day (02-26) is on time, on the 8th it is late', () => {
    const onTime = derive([supplementRequested('2026-02-26')]);
    expect(onTime.supplementNotice).toMatchObject({ due: '2026-02-26', sentOn: '2026-02-26', late: false });
    expect(codes(onTime)).toEqual([]);
    const late = derive([supplementRequested('2026-02-27')]);
    expect(late.supplementNotice.late).toBe(true);
    expect(late.warnings).toStrictEqual([{ code: 'SUPPLEMENT_NOTICE_LATE', message: '补正通知于2026-02-27发出，晚于7个工作日的期限2026-02-26' }]);
  });

  it("the applicant's period runs from delivery; it is kept after the supplement arrives, and the answer restarts from that day", () => {
    // Delivered 02-12, 15 working days: 02-13, Sat 14, 24, 25, 26, 27, Sat 28, 03-02 .. 06, 09, 10, 11 → 03-11.
    const r = derive([supplementRequested('2026-02-12', { supplementPeriodWorkingDays: 15, deliveredOn: '2026-02-12' }), { type: 'supplementReceived', date: d('2026-03-02') }]);
    expect(r.supplement).toStrictEqual({ requestedOn: '2026-02-12', applicantDue: '2026-03-11', receivedOn: '2026-03-02' });
    expect(r.clockStart).toStrictEqual({ date: '2026-03-02', cause: 'supplementReceived' });
    // 20 working days after Mon 03-02: 03-03 .. 06 (4), 09-13 (9), 16-20 (14), 23-27 (19), Mon 03-30.
    expect(r.answer?.due).toBe('2026-03-30');
    expect(r.status).toBe('running');
  });

  it('a posted notice: the period starts when it is signed for, and is kept after the supplement arrives', () => {
    // Signed for Mon 02-16 (holiday): 02-24 (1), 25, 26, 27, Sat 28 (5), 03-02 .. 06 (10), 09 .. 13 (15).
    const r = derive([
      supplementRequested('2026-02-12', { supplementPeriodWorkingDays: 15 }),
      { type: 'supplementNoticeServed', date: d('2026-02-16') },
      { type: 'supplementReceived', date: d('2026-03-02') },
    ]);
    expect(r.supplement).toStrictEqual({ requestedOn: '2026-02-12', applicantDue: '2026-03-13', receivedOn: '2026-03-02' });
  });

  it('without a stated period there is no applicant due date, whether the notice was delivered at once or later', () => {
    const atOnce = derive([supplementRequested('2026-02-12', { deliveredOn: '2026-02-12' })]);
    expect(atOnce.supplement).toStrictEqual({ requestedOn: '2026-02-12' });
    const posted = derive([supplementRequested('2026-02-12'), { type: 'supplementNoticeServed', date: d('2026-02-16') }]);
    expect(posted.supplement).toStrictEqual({ requestedOn: '2026-02-12' });
    expect(posted.status).toBe('awaiting-supplement');
  });

  it('a period of one working day is allowed; zero or a fraction is not', () => {
    expect(derive([supplementRequested('2026-02-12', { supplementPeriodWorkingDays: 1, deliveredOn: '2026-02-12' })]).supplement?.applicantDue).toBe('2026-02-13');
    expect(rejection([supplementRequested('2026-02-12', { supplementPeriodWorkingDays: 0 })])).toMatchObject({ name: 'SupplementSequenceError', message: '补正期限须为正整数个工作日，实际为0' });
    expect(() => derive([supplementRequested('2026-02-12', { supplementPeriodWorkingDays: 1.5 })])).toThrow(SupplementSequenceError);
  });

  it('rejects impossible supplement histories with a reason', () => {
    expect(rejection([supplementRequested('2026-02-12'), supplementRequested('2026-02-13')])).toMatchObject({
      name: 'SupplementSequenceError',
      message: '上一次补正通知尚未收到补正材料，不能再次发出补正通知',
    });
    expect(rejection([{ type: 'supplementNoticeServed', date: d('2026-02-13') }])).toMatchObject({ name: 'SupplementSequenceError', message: '没有待补正的通知，不能登记补正通知送达' });
    expect(rejection([supplementRequested('2026-02-12', { deliveredOn: '2026-02-12' }), { type: 'supplementNoticeServed', date: d('2026-02-13') }])).toMatchObject({
      name: 'SupplementSequenceError',
      message: '补正通知的送达已登记',
    });
    expect(rejection([{ type: 'supplementReceived', date: d('2026-02-13') }])).toMatchObject({ name: 'SupplementSequenceError', message: '没有待补正的通知，不能记录收到补正材料' });
    expect(rejection([supplementRequested('2026-02-12', { deliveredOn: '2026-02-11' })])).toMatchObject({ name: 'SupplementSequenceError', message: '补正通知送达日2026-02-11早于发出日2026-02-12' });
  });

  it('a second notice after the supplement is flagged (the notice is to be given once)', () => {
    const r = derive([supplementRequested('2026-02-12'), { type: 'supplementReceived', date: d('2026-03-02') }, supplementRequested('2026-03-03')]);
    expect(r.warnings).toStrictEqual([{ code: 'REPEATED_SUPPLEMENT_REQUEST', message: '《条例》第三十条要求一次性告知补正内容；本案再次发出了补正通知' }]);
    expect(r.supplementNotice.sentOn).toBe('2026-02-12'); // the 7-day rule is about the first notice
  });

  it('a consultation that ended before the supplement arrived does not shorten the fresh period', () => {
    const r = derive([consult('2026-02-11'), answered('2026-02-13'), supplementRequested('2026-02-24'), { type: 'supplementReceived', date: d('2026-03-02') }]);
    expect(r.answer?.due).toBe('2026-03-30');
    expect(r.answer?.pausedWorkingDays).toBe(0);
    expect(r.pauses[0]?.pausedWorkingDays).toBe(0);
  });

  it('a consultation running across the restart pauses only the working days after the supplement arrived', () => {
    // Letter Thu 02-26, supplement arrives Mon 03-02, answer Wed 03-04: 03-03 and 03-04 are paused.
    const r = derive([consult('2026-02-26'), supplementRequested('2026-02-26'), { type: 'supplementReceived', date: d('2026-03-02') }, answered('2026-03-04')]);
    expect(r.pauses[0]?.pausedWorkingDays).toBe(2);
    expect(r.answer).toMatchObject({ due: '2026-04-01', pausedWorkingDays: 2 }); // 03-30 + 2: 03-31, 04-01
  });
});

describe('consultations (Arts. 32, 34): the clock stops until the answer, at most 15 working days', () => {
  // Letter Mon 03-02; the 15th working day after it is Mon 03-23.
  it('an answer on the 15th working day ends the pause as answered; a later one at the limit', () => {
    const onLimit = derive([consult('2026-03-02'), answered('2026-03-23')]);
    expect(onLimit.pauses[0]).toMatchObject({ endedBy: 'answered', endsOn: '2026-03-23', limitOn: '2026-03-23', pausedWorkingDays: 15, reason: 'third-party-consultation', stopsClock: true });
    // 10 working days used by 03-02, the other 10 after 03-23: 03-24 .. 27, 30, 31, 04-01, 02, 03, (04-04..06 off) 04-07.
    expect(onLimit.answer?.due).toBe('2026-04-07');
    const after = derive([consult('2026-03-02'), answered('2026-03-24')]);
    expect(after.pauses[0]).toMatchObject({ endedBy: 'limit-reached', endsOn: '2026-03-23' });
    expect(after.answer?.due).toBe('2026-04-07');
  });

  it('a shorter limit of one working day is allowed; zero, a fraction or more than 15 is not', () => {
    const r = derive([consult('2026-03-02', 'c1', { pausedWorkingDaysLimit: 1 })]);
    expect(r.pauses[0]).toMatchObject({ limitOn: '2026-03-03', pausedWorkingDays: 1 });
    expect(r.answer?.due).toBe('2026-03-17');
    expect(rejection([consult('2026-03-02', 'c1', { pausedWorkingDaysLimit: 0 })])).toMatchObject({
      name: 'ConsultationError',
      message: '征求意见期限须为1至15个工作日，实际为0（《条例》第三十二条、第三十四条）',
    });
    expect(() => derive([consult('2026-03-02', 'c1', { pausedWorkingDaysLimit: 2.5 })])).toThrow(ConsultationError);
  });

  it('a pause that starts and ends after the due date changes nothing', () => {
    const r = derive([consult('2026-03-18'), answered('2026-03-20')]);
    expect(r.answer).toMatchObject({ due: '2026-03-16', pausedWorkingDays: 0 });
    expect(r.pauses[0]?.pausedWorkingDays).toBe(0);
  });

  it('two consultations with working days between them pause only their own days', () => {
    // (03-02, 03-04] and (03-09, 03-11]: 2 + 2 working days; 03-05, 03-06 and 03-09 still count.
    const r = derive([consult('2026-03-02', 'a'), answered('2026-03-04', 'a'), consult('2026-03-09', 'b'), answered('2026-03-11', 'b')]);
    expect(r.answer).toMatchObject({ due: '2026-03-20', pausedWorkingDays: 4 });
    expect(r.pauses.map((p) => p.pausedWorkingDays)).toEqual([2, 2]);
  });

  it('status: paused while a consultation is open, running again once it is answered', () => {
    expect(derive([consult('2026-03-02')]).status).toBe('paused');
    expect(derive([consult('2026-03-02'), answered('2026-03-04')]).status).toBe('running');
  });

  it('an ordinary consultation raises no warning; a secrecy referral recorded as one is flagged', () => {
    expect(derive([consult('2026-03-02'), answered('2026-03-04')]).warnings).toEqual([]);
    const r = derive([consult('2026-03-02', 's', { kind: 'other-agency', secrecyReferral: true }), answered('2026-03-03', 's')]);
    expect(r.warnings).toStrictEqual([{ code: 'SECRECY_REFERRAL_EXCLUDED', message: '保密审查转请期间已按“征求其他机关意见”扣除，请确认依据（domain.md §2.6）' }]);
  });

  it('rejects duplicate, unknown, twice-answered and back-dated consultations with a reason', () => {
    expect(rejection([consult('2026-03-02'), consult('2026-03-03')])).toStrictEqual({ name: 'ConsultationError', message: '征求意见编号c1重复', context: { id: 'c1' } });
    expect(rejection([answered('2026-03-04', 'zz')])).toStrictEqual({ name: 'ConsultationError', message: '找不到征求意见zz', context: { id: 'zz' } });
    expect(rejection([consult('2026-03-02'), answered('2026-03-03'), answered('2026-03-04')])).toStrictEqual({ name: 'ConsultationError', message: '征求意见c1已记录答复', context: { id: 'c1' } });
    expect(rejection([consult('2026-03-02', 'c1', { deliveredOn: d('2026-02-27') })])).toMatchObject({ name: 'ConsultationError', message: '征求意见函送达日2026-02-27早于发出日2026-03-02' });
  });
});

describe('pause boundaries (config.pauseBoundary)', () => {
  const due = (events: CaseClockEvent[], pauseBoundary: PauseBoundary) => derive(events, deadlineConfig({ pauseBoundary })).answer;

  it('a letter answered on the day it was sent pauses nothing, under every reading', () => {
    for (const b of ['after-start-through-end', 'between'] as const) {
      expect(due([consult('2026-03-02'), answered('2026-03-02')], b)).toMatchObject({ due: '2026-03-16', pausedWorkingDays: 0 });
    }
    // [start, end]: the letter day itself (a working day inside the period) is excluded.
    expect(due([consult('2026-03-02'), answered('2026-03-02')], 'start-through-end')).toMatchObject({ due: '2026-03-17', pausedWorkingDays: 1 });
  });

  it("under 'start-through-end', a letter sent on the day of receipt pauses only the days after it (the receipt day never counts)", () => {
    // Received and letter Tue 02-10, answer Thu 02-12: 02-11 and 02-12 paused → 03-16 + 2 = 03-18.
    const r = deriveCaseDeadlines([RECEIVED, consult('2026-02-10'), answered('2026-02-12')], cal, deadlineConfig({ pauseBoundary: 'start-through-end' }));
    expect(r.answer).toMatchObject({ due: '2026-03-18', pausedWorkingDays: 2 });
    expect(r.pauses[0]?.pausedWorkingDays).toBe(2);
  });
});

describe('fee notice (109号): pauses until payment, at most the 20 working days to pay', () => {
  // Notice Mon 03-02; the 20th working day after it is Mon 03-30.
  it('payment on the last day to pay ends the pause as paid, without a warning', () => {
    const r = derive([feeNotice('2026-03-02'), feePaid('2026-03-30')]);
    expect(r.pauses[0]).toMatchObject({ reason: 'fee-notice', endedBy: 'paid', endsOn: '2026-03-30', limitOn: '2026-03-30', pausedWorkingDays: 20, stopsClock: true });
    expect(r.warnings).toEqual([]);
    expect(r.answer?.due).toBe('2026-04-14'); // 10 days before the notice, 10 after 03-30
    expect(r.status).toBe('running');
  });

  it('payment earlier: the pause ends that day', () => {
    const r = derive([feeNotice('2026-03-02'), feePaid('2026-03-06')]);
    expect(r.pauses[0]).toMatchObject({ endedBy: 'paid', endsOn: '2026-03-06', pausedWorkingDays: 4 });
    expect(r.answer?.due).toBe('2026-03-20');
  });

  it('late payment is flagged and the pause stops at the deadline to pay', () => {
    const r = derive([feeNotice('2026-03-02'), feePaid('2026-03-31')]);
    expect(r.pauses[0]).toMatchObject({ endedBy: 'limit-reached', endsOn: '2026-03-30' });
    expect(r.warnings).toStrictEqual([{ code: 'FEE_PAID_LATE', message: '申请人缴费日2026-03-31晚于缴费期限2026-03-30，暂停计至缴费期限' }]);
  });

  it('a withdrawal after the deadline to pay is not a late payment', () => {
    const r = derive([feeNotice('2026-03-02'), { type: 'feeNoticeWithdrawn', date: d('2026-04-01'), feeNoticeId: 'f1' }]);
    expect(r.pauses[0]).toMatchObject({ endedBy: 'withdrawn', endsOn: '2026-03-30' });
    expect(r.warnings).toEqual([]);
  });

  it('with the flag off the notice is recorded but the clock runs, and the case is not shown as paused', () => {
    const r = derive([feeNotice('2026-03-02')], deadlineConfig({ feeNoticePausesClock: false }));
    expect(r.status).toBe('running');
    expect(r.pauses[0]).toMatchObject({ stopsClock: false, pausedWorkingDays: 0, endedBy: 'open' });
    expect(r.answer?.due).toBe('2026-03-16');
    expect(r.warnings).toStrictEqual([{ code: 'FEE_NOTICE_NOT_PAUSING', message: '按本机关配置，收费通知期间不暂停答复期限计算' }]);
    expect(derive([feeNotice('2026-03-02')]).status).toBe('paused');
  });

  it('rejects duplicate, unknown, finished and back-dated fee notices with a reason', () => {
    expect(rejection([feeNotice('2026-03-02'), feeNotice('2026-03-03')])).toStrictEqual({ name: 'FeeNoticeError', message: '收费通知编号f1重复', context: { id: 'f1' } });
    expect(rejection([feePaid('2026-03-02', 'x')])).toStrictEqual({ name: 'FeeNoticeError', message: '找不到收费通知x', context: { id: 'x' } });
    expect(rejection([feeNotice('2026-03-02'), feePaid('2026-03-03'), feePaid('2026-03-04')])).toStrictEqual({ name: 'FeeNoticeError', message: '收费通知f1已结束', context: { id: 'f1' } });
    expect(rejection([{ type: 'feeNoticeIssued', date: d('2026-03-02'), feeNoticeId: 'f1', deliveredOn: d('2026-02-27') }])).toMatchObject({
      name: 'FeeNoticeError',
      message: '收费通知送达日2026-02-27早于发出日2026-03-02',
    });
    expect(() => derive([feeNotice('2026-03-02'), { type: 'feeNoticeWithdrawn', date: d('2026-03-03'), feeNoticeId: 'nope' }])).toThrow(FeeNoticeError);
  });
});

describe('extension (Art. 33): approved by the head of the GI office and told to the applicant by the original due date', () => {
  it('a notice served on the original due date itself still extends the period', () => {
    const r = derive([extension('2026-03-10'), { type: 'extensionNotified', date: d('2026-03-16') }]);
    expect(r.answer).toMatchObject({ due: '2026-04-14', dueWithoutExtension: '2026-03-16', extensionWorkingDays: 20 });
    expect(r.warnings).toEqual([]);
  });

  it('keeps the approval record and tells why an unnotified or late-notified extension has no effect', () => {
    const ok = derive([extension('2026-03-10', { approvalRecordId: 'SP-2026-007', applicantNotifiedOn: d('2026-03-11') })]);
    expect(ok.extension).toStrictEqual({
      workingDays: 20,
      approvedOn: '2026-03-10',
      approvedBy: '张主任',
      approverRole: 'gi-office-head',
      approvalRecordId: 'SP-2026-007',
      applicantNotifiedOn: '2026-03-11',
      dueBefore: '2026-03-16',
      dueAfter: '2026-04-14',
    });
    expect(derive([extension('2026-03-10')]).warnings).toStrictEqual([
      { code: 'EXTENSION_NOT_NOTIFIED', message: '延期尚未告知申请人，告知送达前不发生延期效力，答复期限仍按原期限计算（《条例》第三十三条）' },
    ]);
    expect(derive([extension('2026-03-10'), { type: 'extensionNotified', date: d('2026-03-17') }]).warnings).toStrictEqual([
      { code: 'EXTENSION_NOT_NOTIFIED', message: '延期告知日2026-03-17晚于原答复期限2026-03-16，延期不发生效力（《条例》第三十三条）' },
    ]);
  });

  it('rejects an extension without an approver, by the wrong role, or told before it was approved', () => {
    expect(rejection([extension('2026-03-10', { approvedBy: undefined })])).toMatchObject({
      name: 'ExtensionWithoutApprovalError',
      message: '延长答复期限须经政府信息公开工作机构负责人同意：未记录批准人',
    });
    expect(rejection([extension('2026-03-10', { approverRole: 'clerk' })])).toMatchObject({
      name: 'ExtensionWithoutApprovalError',
      message: '延长答复期限须经政府信息公开工作机构负责人同意：批准人角色“clerk”无权批准延期',
    });
    expect(rejection([{ type: 'extensionNotified', date: d('2026-03-10') }])).toMatchObject({
      name: 'ExtensionWithoutApprovalError',
      message: '延长答复期限须经政府信息公开工作机构负责人同意：告知延期前须先批准延期',
    });
    expect(() => derive([extension('2026-03-10', { approvedBy: '' })])).toThrow(ExtensionWithoutApprovalError);
  });
});

describe('delayed reply for a mass request (Art. 35)', () => {
  it('may be set on the original due date; it then replaces the computed date and is explained', () => {
    const r = derive([delayed('2026-03-16', '2026-05-29')]);
    expect(r.answer).toMatchObject({ due: '2026-05-29', delayedTo: '2026-05-29' });
    expect(r.explanation?.delayedTo).toBe('2026-05-29');
    expect(rejection([delayed('2026-03-17', '2026-05-29')])).toMatchObject({ name: 'DelayedPeriodError', message: '延迟答复期限须在原期限2026-03-16届满前确定' });
  });

  it('a delayed date not later than the computed one changes nothing', () => {
    for (const due of ['2026-03-10', '2026-03-16']) {
      const r = derive([delayed('2026-03-02', due)]);
      expect(r.answer?.due).toBe('2026-03-16');
      expect(r.answer?.delayedTo).toBeUndefined();
      expect(r.explanation?.delayedTo).toBeUndefined();
    }
  });

  it('is set once, by a named approver, for a date after the day it is set', () => {
    expect(rejection([delayed('2026-03-02', '2026-05-29'), delayed('2026-03-03', '2026-06-30')])).toMatchObject({ name: 'DelayedPeriodError', message: '延迟答复期限只能确定一次' });
    for (const approver of [{}, { approvedBy: '' }, { approvedBy: '  ' }]) {
      expect(rejection([delayed('2026-03-02', '2026-05-29', approver)])).toMatchObject({ name: 'DelayedPeriodError', message: '确定延迟答复期限须记录批准人' });
    }
    expect(rejection([delayed('2026-03-02', '2026-03-02')])).toMatchObject({ name: 'DelayedPeriodError', message: '延迟答复期限2026-03-02须晚于确定之日2026-03-02' });
    expect(() => derive([delayed('2026-03-02', '2026-03-03')])).not.toThrow(DelayedPeriodError);
  });
});

describe('closure', () => {
  it('a decision on the due date is on time; the day after is late and flagged', () => {
    expect(derive([closed('2026-03-16')])).toMatchObject({ closed: { onTime: true }, warnings: [] });
    const late = derive([closed('2026-03-17')]);
    expect(late.closed).toStrictEqual({ on: '2026-03-17', outcome: 'decided', onTime: false });
    expect(late.warnings).toStrictEqual([{ code: 'ANSWERED_LATE', message: '答复于2026-03-17作出，超过期限2026-03-16' }]);
  });

  it('a withdrawal is neither on time nor late, even after the due date', () => {
    const r = derive([closed('2026-04-01', 'withdrawn')]);
    expect(r.closed).toStrictEqual({ on: '2026-04-01', outcome: 'withdrawn', onTime: null });
    expect(r.warnings).toEqual([]);
    expect(r.status).toBe('closed');
  });
});

/*
 * Mutants of functions/domain/deadlines/derive.ts that survive these tests and are equivalent
 * (no history can tell them apart), as of the Stryker run recorded in docs/testing.md:
 * - chronological(): `a.i - b.i` → `a.i + b.i`. On equal dates V8's sort only ever calls the
 *   comparator with the later-recorded event first, so both are positive.
 * - runClock(): `hi <= cursor` → `hi < cursor`. An interval ending on the cursor day gives
 *   lo = cursor + 1 > hi: no working day available, the cursor stays where it is.
 * - mergeIntervals(): dropping the sort, or its comparator (`() => undefined`, `a[0] + b[0]`).
 *   Pauses are recorded in date order and each interval starts at its start day (+ 1), so the
 *   list is already sorted. (Dropping the filter of empty intervals is not equivalent: see the
 *   'between' test above.)
 * - mergeIntervals(): `lo <= last[1] + 1` → `lo < last[1] + 1`. Two adjacent intervals left
 *   unmerged exclude the same working days as one.
 * - `case 'received':` → `case '':`. That branch does nothing.
 * - `...(p !== undefined ? { periodWorkingDays: p } : {})` → always the first: the property is
 *   only read as `!== undefined`.
 * - `endedBy: 'open'` in the two drafts, and `p.end === null ? 'open' : p.endedBy` → `p.endedBy`:
 *   a draft's endedBy is only read once its end is set, and it is 'open' until then.
 */
