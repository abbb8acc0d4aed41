import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, isoDate, shippedWorkingCalendar, toDayNumber, type IsoDate } from '#domain/calendar';
import {
  ConsultationError,
  EventBeforeReceiptError,
  ExtensionAfterDeadlineError,
  ExtensionTooLongError,
  ExtensionWithoutApprovalError,
  MissingReceiptError,
  SecondExtensionError,
  SupplementSequenceError,
  appendClockEvent,
  deadlineConfig,
  deadlineUrgency,
  deriveCaseDeadlines,
  proactiveDisclosureDue,
  renderCaseDeadlineExplanation,
  type CaseClockEvent,
} from '#domain/deadlines';

const cal = shippedWorkingCalendar();
const d = (s: string) => isoDate(s);
const received = (date: string): CaseClockEvent => ({ type: 'received', date: d(date) });
const ext = (date: string, workingDays = 20): CaseClockEvent => ({
  type: 'extensionApproved',
  date: d(date),
  workingDays,
  approvedBy: '张主任',
  approverRole: 'gi-office-head',
  applicantNotifiedOn: d(date),
});
const consult = (date: string, id = 'c1', kind: 'third-party' | 'other-agency' = 'third-party'): CaseClockEvent => ({
  type: 'consultationStarted',
  date: d(date),
  consultationId: id,
  kind,
});
const answered = (date: string, id = 'c1'): CaseClockEvent => ({ type: 'consultationAnswered', date: d(date), consultationId: id });

describe('answer and supplement-notice due dates (Art. 30, 33)', () => {
  it('received 2026-02-10: supplement notice 02-26, answer 03-16, with full extension 04-14', () => {
    const r = deriveCaseDeadlines([received('2026-02-10')], cal);
    expect(r.supplementNotice.due).toBe('2026-02-26');
    expect(r.answer?.due).toBe('2026-03-16');
    expect(r.status).toBe('running');
    expect(r.provisional).toBe(false);
    const x = deriveCaseDeadlines([received('2026-02-10'), ext('2026-03-10')], cal);
    expect(x.answer?.due).toBe('2026-04-14');
    expect(x.extension).toMatchObject({ dueBefore: '2026-03-16', dueAfter: '2026-04-14', workingDays: 20 });
  });

  it('received 2026-09-18: answer due 2026-10-22', () => {
    expect(deriveCaseDeadlines([received('2026-09-18')], cal).answer?.due).toBe('2026-10-22');
  });

  it('a supplement request suspends the answer clock; the supplement restarts a fresh 20-day period', () => {
    const waiting = deriveCaseDeadlines([received('2026-02-10'), { type: 'supplementRequested', date: d('2026-02-12'), supplementPeriodWorkingDays: 15, deliveredOn: d('2026-02-12') }], cal);
    expect(waiting.status).toBe('awaiting-supplement');
    expect(waiting.answer).toBeNull();
    expect(waiting.supplement?.applicantDue).toBe(cal.addWorkingDays(d('2026-02-12'), 15).due);
    expect(waiting.supplementNotice).toMatchObject({ sentOn: '2026-02-12', late: false });
    const restarted = deriveCaseDeadlines([received('2026-02-10'), { type: 'supplementRequested', date: d('2026-02-12') }, { type: 'supplementReceived', date: d('2026-03-02') }], cal);
    expect(restarted.clockStart).toEqual({ date: '2026-03-02', cause: 'supplementReceived' });
    expect(restarted.answer?.due).toBe(cal.addWorkingDays(d('2026-03-02'), 20).due);
  });

  it("the applicant's supplement period runs from their receipt of the notice; until it is served there is none", () => {
    const posted = [received('2026-02-10'), { type: 'supplementRequested', date: d('2026-02-12'), supplementPeriodWorkingDays: 15 } as CaseClockEvent];
    expect(deriveCaseDeadlines(posted, cal).supplement?.applicantDue).toBeUndefined();
    const signed = deriveCaseDeadlines([...posted, { type: 'supplementNoticeServed', date: d('2026-02-16') }], cal);
    expect(signed.supplement?.applicantDue).toBe(cal.addWorkingDays(d('2026-02-16'), 15).due);
    expect(() => deriveCaseDeadlines([...posted, { type: 'supplementNoticeServed', date: d('2026-02-16') }, { type: 'supplementNoticeServed', date: d('2026-02-17') }], cal)).toThrow(
      SupplementSequenceError,
    );
  });

  it('flags a late supplement notice and a repeated request', () => {
    const r = deriveCaseDeadlines(
      [received('2026-02-10'), { type: 'supplementRequested', date: d('2026-02-27') }, { type: 'supplementReceived', date: d('2026-03-02') }, { type: 'supplementRequested', date: d('2026-03-03') }],
      cal,
    );
    expect(r.supplementNotice.late).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['SUPPLEMENT_NOTICE_LATE', 'REPEATED_SUPPLEMENT_REQUEST']));
  });

  it('rejects impossible supplement sequences', () => {
    expect(() => deriveCaseDeadlines([received('2026-02-10'), { type: 'supplementReceived', date: d('2026-02-11') }], cal)).toThrow(SupplementSequenceError);
  });
});

describe('pauses (Art. 32–34, fee notice)', () => {
  it('a consultation answered early excludes the working days in (start, answer]', () => {
    // Letter Mon 2026-03-02, answer Wed 03-04: Tue+Wed = 2 working days excluded.
    const r = deriveCaseDeadlines([received('2026-02-10'), consult('2026-03-02'), answered('2026-03-04')], cal);
    expect(r.answer?.due).toBe(cal.addWorkingDays(d('2026-03-16'), 2).due);
    expect(r.pauses[0]).toMatchObject({ endedBy: 'answered', pausedWorkingDays: 2 });
    expect(r.answer?.pausedWorkingDays).toBe(2);
  });

  it('without an answer the pause ends after 15 working days, and an open one is assumed to run to its limit', () => {
    const open = deriveCaseDeadlines([received('2026-02-10'), consult('2026-03-02', 'c1', 'other-agency')], cal);
    expect(open.status).toBe('paused');
    expect(open.pauses[0]).toMatchObject({ endedBy: 'open', pausedWorkingDays: 15, reason: 'other-agency-consultation' });
    expect(open.answer?.due).toBe(cal.addWorkingDays(d('2026-03-16'), 15).due);
    const late = deriveCaseDeadlines([received('2026-02-10'), consult('2026-03-02'), answered('2026-05-29')], cal);
    expect(late.pauses[0]?.endedBy).toBe('limit-reached');
    expect(late.answer?.due).toBe(open.answer?.due);
  });

  it('a consultation starting after the due date changes nothing', () => {
    const r = deriveCaseDeadlines([received('2026-02-10'), consult('2026-03-16'), answered('2026-03-20')], cal);
    expect(r.answer?.due).toBe('2026-03-16');
    expect(r.pauses[0]?.pausedWorkingDays).toBe(0);
  });

  it('overlapping pauses exclude each working day once', () => {
    const r = deriveCaseDeadlines([received('2026-02-10'), consult('2026-03-02', 'a'), consult('2026-03-03', 'b', 'other-agency'), answered('2026-03-04', 'a'), answered('2026-03-05', 'b')], cal);
    expect(r.answer?.pausedWorkingDays).toBe(3); // 03-03, 03-04, 03-05
    expect(r.answer?.due).toBe(cal.addWorkingDays(d('2026-03-16'), 3).due);
  });

  it('the fee notice pauses until payment behind a flag (domain.md §11)', () => {
    const events: CaseClockEvent[] = [received('2026-02-10'), { type: 'feeNoticeIssued', date: d('2026-03-02'), feeNoticeId: 'f1' }, { type: 'feePaid', date: d('2026-03-06'), feeNoticeId: 'f1' }];
    expect(deriveCaseDeadlines(events, cal).answer?.due).toBe(cal.addWorkingDays(d('2026-03-16'), 4).due);
    const off = deriveCaseDeadlines(events, cal, deadlineConfig({ feeNoticePausesClock: false }));
    expect(off.answer?.due).toBe('2026-03-16');
    expect(off.warnings.map((w) => w.code)).toContain('FEE_NOTICE_NOT_PAUSING');
  });

  it('the pause boundary reading is configurable', () => {
    const events = [received('2026-02-10'), consult('2026-03-02'), answered('2026-03-04')];
    const k = (b: 'after-start-through-end' | 'start-through-end' | 'between') => deriveCaseDeadlines(events, cal, deadlineConfig({ pauseBoundary: b })).answer?.pausedWorkingDays;
    expect([k('between'), k('after-start-through-end'), k('start-through-end')]).toEqual([1, 2, 3]);
  });

  it('validates consultations', () => {
    expect(() => deriveCaseDeadlines([received('2026-02-10'), answered('2026-03-04', 'zz')], cal)).toThrow(ConsultationError);
    expect(() => deriveCaseDeadlines([received('2026-02-10'), { ...(consult('2026-03-02') as object), pausedWorkingDaysLimit: 16 } as CaseClockEvent], cal)).toThrow(ConsultationError);
  });
});

describe('extension (Art. 33)', () => {
  it('is allowed once, up to 20 working days, only with an authorised approver, before the due date', () => {
    expect(() => deriveCaseDeadlines([received('2026-02-10'), ext('2026-03-02', 10), ext('2026-03-03', 5)], cal)).toThrow(SecondExtensionError);
    expect(() => deriveCaseDeadlines([received('2026-02-10'), ext('2026-03-02', 21)], cal)).toThrow(ExtensionTooLongError);
    expect(() => deriveCaseDeadlines([received('2026-02-10'), ext('2026-03-02', 0)], cal)).toThrow(ExtensionTooLongError);
    expect(() => deriveCaseDeadlines([received('2026-02-10'), { ...(ext('2026-03-02') as object), approvedBy: ' ' } as CaseClockEvent], cal)).toThrow(ExtensionWithoutApprovalError);
    expect(() => deriveCaseDeadlines([received('2026-02-10'), { ...(ext('2026-03-02') as object), approverRole: 'clerk' } as CaseClockEvent], cal)).toThrow(ExtensionWithoutApprovalError);
    expect(() => deriveCaseDeadlines([received('2026-02-10'), ext('2026-03-17')], cal)).toThrow(ExtensionAfterDeadlineError);
    expect(deriveCaseDeadlines([received('2026-02-10'), ext('2026-03-16', 1)], cal).answer?.due).toBe('2026-03-17');
  });

  const unnotified = (date: string, workingDays = 20) => ({ ...(ext(date, workingDays) as object), applicantNotifiedOn: undefined }) as CaseClockEvent;
  const notified = (date: string): CaseClockEvent => ({ type: 'extensionNotified', date: d(date) });

  it('an approved extension has no effect until its notice is served (Art. 33: approved and told), and warns', () => {
    const r = deriveCaseDeadlines([received('2026-02-10'), unnotified('2026-03-02')], cal);
    expect(r.answer?.due).toBe('2026-03-16');
    expect(r.answer?.extensionWorkingDays).toBe(0);
    expect(r.extension).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('EXTENSION_NOT_NOTIFIED');
    // An answer after the original period is late, however long the extension approved.
    const late = deriveCaseDeadlines([received('2026-02-10'), unnotified('2026-03-02'), { type: 'closed', date: d('2026-04-01'), outcome: 'decided' }], cal);
    expect(late.closed?.onTime).toBe(false);
  });

  it('the extension takes effect with a notice served before the original period ends, not after', () => {
    const served = deriveCaseDeadlines([received('2026-02-10'), unnotified('2026-03-02'), notified('2026-03-04')], cal);
    expect(served.answer?.due).toBe('2026-04-14');
    expect(served.extension).toMatchObject({ applicantNotifiedOn: '2026-03-04' });
    const tooLate = deriveCaseDeadlines([received('2026-02-10'), unnotified('2026-03-02'), notified('2026-03-17')], cal);
    expect(tooLate.answer?.due).toBe('2026-03-16');
    expect(tooLate.warnings.map((w) => w.code)).toContain('EXTENSION_NOT_NOTIFIED');
    expect(() => deriveCaseDeadlines([received('2026-02-10'), notified('2026-03-04')], cal)).toThrow(ExtensionWithoutApprovalError);
  });

  it('property: an extension whose notice was not served never moves the due date later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 19 }), fc.option(fc.integer({ min: 0, max: 40 })), (offset, k, when, noticeAfter) => {
        const recv = fromDayNumber(toDayNumber(d('2026-01-05')) + offset);
        const base = deriveCaseDeadlines([received(recv)], cal).answer!;
        const approvedOn = cal.addWorkingDays(recv, when).due;
        const events = [received(recv), unnotified(approvedOn, k)];
        expect(deriveCaseDeadlines(events, cal).answer!.due).toBe(base.due);
        if (noticeAfter === null) return;
        const noticeOn = cal.addWorkingDays(approvedOn, noticeAfter).due;
        const r = deriveCaseDeadlines([...events, notified(noticeOn)], cal).answer!;
        // Served in time: exactly k working days more; served late: no change at all.
        expect(r.due).toBe(noticeOn <= base.due ? cal.addWorkingDays(base.due, k).due : base.due);
      }),
    );
  });

  it('appendClockEvent validates before storing', () => {
    const { events } = appendClockEvent([received('2026-02-10')], ext('2026-03-02', 5), cal);
    expect(() => appendClockEvent(events, ext('2026-03-03', 5), cal)).toThrow(SecondExtensionError);
  });
});

describe('history checks and closure', () => {
  it('requires a receipt and nothing before it', () => {
    expect(() => deriveCaseDeadlines([], cal)).toThrow(MissingReceiptError);
    expect(() => deriveCaseDeadlines([received('2026-02-10'), consult('2026-02-09')], cal)).toThrow(EventBeforeReceiptError);
  });
  it('closure records whether the answer was on time', () => {
    const ok = deriveCaseDeadlines([received('2026-02-10'), { type: 'closed', date: d('2026-03-16'), outcome: 'decided' }], cal);
    expect(ok.closed).toEqual({ on: '2026-03-16', outcome: 'decided', onTime: true });
    const late = deriveCaseDeadlines([received('2026-02-10'), { type: 'closed', date: d('2026-03-17'), outcome: 'decided' }], cal);
    expect(late.closed?.onTime).toBe(false);
    expect(late.status).toBe('closed');
  });
  it('orders events by date, keeping recording order on the same date', () => {
    const a = deriveCaseDeadlines([answered('2026-03-04'), consult('2026-03-02'), received('2026-02-10')], cal);
    expect(a.answer?.due).toBe(deriveCaseDeadlines([received('2026-02-10'), consult('2026-03-02'), answered('2026-03-04')], cal).answer?.due);
  });
  it('is provisional when the clock reaches an uncovered year', () => {
    const r = deriveCaseDeadlines([received('2026-12-10')], cal);
    expect(r.provisional).toBe(true);
    expect(renderCaseDeadlineExplanation(r).join('')).toContain('暂定');
  });
});

describe('explanation ("why this date")', () => {
  it('names the start, the counted days, holidays, make-up days, pauses and the extension', () => {
    const r = deriveCaseDeadlines([received('2026-02-10'), { ...(consult('2026-03-02') as object), consultee: '某科技公司' } as CaseClockEvent, answered('2026-03-04'), ext('2026-03-10', 20)], cal);
    expect(r.explanation?.span.holidaysSkipped.map((h) => h.name)).toEqual(['春节', '清明节']);
    expect(r.explanation?.span.makeupWorkdaysCounted.map((m) => m.date)).toEqual(['2026-02-14', '2026-02-28']);
    const text = renderCaseDeadlineExplanation(r).join('\n');
    expect(text).toContain('2026年2月10日（星期二，收到申请之日）的次日起计算，共40个工作日');
    expect(text).toContain('春节（2026年2月15日至2月23日，共9天）');
    expect(text).toContain('2026年2月14日（星期六，春节调休）');
    expect(text).toContain('征求第三方意见（《条例》第三十二条）（某科技公司）');
    expect(text).toContain('2个工作日不计入答复期限');
    expect(text).toContain('经张主任（政府信息公开工作机构负责人）');
    expect(text).toContain(`答复截止日期：${'2026年4月16日'}`);
  });
});

describe('urgency and proactive disclosure', () => {
  it.each([
    ['2026-03-16', '2026-03-01', 'normal', 11],
    ['2026-03-16', '2026-03-09', 'due-soon', 5],
    ['2026-03-16', '2026-03-13', 'due-soon', 1],
    ['2026-03-16', '2026-03-16', 'due-today', 0],
    ['2026-03-16', '2026-03-18', 'overdue', -2],
    ['2026-03-13', '2026-03-14', 'overdue', 0],
  ])('due %s seen on %s → %s (%i working days left)', (due, today, urgency, left) => {
    expect(deadlineUrgency(d(due), d(today), cal)).toMatchObject({ urgency, workingDaysLeft: left });
  });
  it('proactive disclosure is due 20 working days after formation (Art. 26)', () => {
    expect(proactiveDisclosureDue(d('2026-02-10'), cal).due).toBe('2026-03-16');
  });
});

describe('properties', () => {
  const day = fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2026-06-30') }).map(fromDayNumber);

  it('adding a pause never moves the due date earlier', () => {
    fc.assert(
      fc.property(day, fc.nat(40), fc.nat(30), fc.boolean(), (recv, startOffset, length, fee) => {
        const start = fromDayNumber(toDayNumber(recv) + startOffset);
        const end = fromDayNumber(toDayNumber(start) + length);
        const base = deriveCaseDeadlines([received(recv)], cal).answer!.due;
        const pause: CaseClockEvent[] = fee
          ? [
              { type: 'feeNoticeIssued', date: start, feeNoticeId: 'f' },
              { type: 'feePaid', date: end, feeNoticeId: 'f' },
            ]
          : [consult(start), answered(end)];
        const paused = deriveCaseDeadlines([received(recv), ...pause], cal).answer!.due;
        expect(paused >= base).toBe(true);
      }),
    );
  });

  it('a pause of k working days before the due date pushes it by exactly k working days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 14 }), (recv, s, len) => {
        const base = deriveCaseDeadlines([received(recv)], cal).answer!;
        const start = cal.addWorkingDays(recv, s).due;
        const end = cal.addWorkingDays(start, len).due;
        const r = deriveCaseDeadlines([received(recv), consult(start), answered(end)], cal).answer!;
        const k = cal.workingDaysBetween(start, end);
        if (start < base.due) {
          expect(r.due).toBe(cal.addWorkingDays(base.due, k).due);
          expect(r.pausedWorkingDays).toBe(k);
        }
      }),
    );
  });

  it('the extension adds exactly the working days granted', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 19 }), (recv, k, when) => {
        const base = deriveCaseDeadlines([received(recv)], cal).answer!.due;
        const approvedOn = cal.addWorkingDays(recv, when).due;
        const r = deriveCaseDeadlines([received(recv), ext(approvedOn, k)], cal);
        expect(cal.workingDaysBetween(base, r.answer!.due)).toBe(k);
        expect(r.answer!.extensionWorkingDays).toBe(k);
      }),
    );
  });

  it('results do not depend on the process time zone (pinned against UTC-computed constants)', () => {
    // The same file runs in the tz:Asia/Shanghai and tz:America/Los_Angeles projects.
    const r = deriveCaseDeadlines([received('2026-09-18'), consult('2026-09-21'), answered('2026-09-24')], cal);
    expect([r.supplementNotice.due, r.answer?.due, r.pauses[0]?.pausedWorkingDays]).toEqual(['2026-09-29', '2026-10-27', 3]);
    expect(process.env.TZ).toBeTruthy();
  });
});

void (null as unknown as IsoDate);
