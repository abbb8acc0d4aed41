import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DateOutOfRangeError,
  InvalidIsoDateError,
  InvalidWorkingDayCountError,
  buildWorkingCalendar,
  fromDayNumber,
  isoDate,
  renderWorkingDayExplanation,
  shanghaiDate,
  shippedWorkingCalendar,
  toDayNumber,
  type IsoDate,
} from '#domain/calendar';

const cal = shippedWorkingCalendar();
const d = (s: string) => isoDate(s);

describe('addWorkingDays — worked examples (domain.md §2.13 and the issue)', () => {
  it.each([
    ['2026-02-10', 7, '2026-02-26'],
    ['2026-02-10', 20, '2026-03-16'],
    ['2026-02-10', 40, '2026-04-14'],
    ['2026-09-18', 20, '2026-10-22'],
    ['2019-01-30', 7, '2019-02-13'],
  ])('%s + %i working days → %s', (from, n, due) => {
    const r = cal.addWorkingDays(d(from), n);
    expect(r.due).toBe(due);
    expect(r.provisional).toBe(false);
  });

  it('2019-01-30 + 7 counts the make-up weekend and skips the Spring Festival week', () => {
    const e = cal.addWorkingDays(d('2019-01-30'), 7).explanation;
    expect(e.makeupWorkdaysCounted.map((m) => m.date)).toEqual(['2019-02-02', '2019-02-03']);
    expect(e.holidaysSkipped).toEqual([{ name: '春节', from: '2019-02-04', to: '2019-02-10', days: 7, scope: 'national' }]);
    expect(e.weekendDaysSkipped).toBe(0);
    expect(e.calendarDays).toBe(14);
  });

  it('2026-09-18 + 20 counts Sun 09-20 and Sat 10-10', () => {
    const e = cal.addWorkingDays(d('2026-09-18'), 20).explanation;
    expect(e.makeupWorkdaysCounted.map((m) => m.date)).toEqual(['2026-09-20', '2026-10-10']);
    expect(e.holidaysSkipped.map((h) => [h.name, h.days])).toEqual([
      ['中秋节', 3],
      ['国庆节', 7],
    ]);
  });
});

describe('addWorkingDays — the event day never counts', () => {
  it('an event on a Saturday starts the count on Sunday (next working day Monday is day 1)', () => {
    expect(cal.addWorkingDays(d('2025-03-08'), 1).due).toBe('2025-03-10');
  });
  it('an event on a holiday starts the count the next day', () => {
    // 2026-02-16 is in the Spring Festival; the first working day after is 02-24.
    expect(cal.addWorkingDays(d('2026-02-16'), 1).due).toBe('2026-02-24');
    expect(cal.addWorkingDays(d('2026-02-16'), 1).explanation.fromKind).toBe('HOLIDAY');
  });
  it('an event on a make-up working day is not counted either', () => {
    // 2026-02-14 (Sat, make-up day) → day 1 is 02-24 because 02-15..23 are off.
    expect(cal.addWorkingDays(d('2026-02-14'), 1).due).toBe('2026-02-24');
  });
  it('a period of 1 from Friday ends on Monday', () => {
    expect(cal.addWorkingDays(d('2025-03-07'), 1).due).toBe('2025-03-10');
  });
  it('0 working days is the event date itself', () => {
    expect(cal.addWorkingDays(d('2025-03-08'), 0).due).toBe('2025-03-08');
  });
  it('rejects negative or fractional counts and impossible dates', () => {
    expect(() => cal.addWorkingDays(d('2025-03-07'), -1)).toThrow(InvalidWorkingDayCountError);
    expect(() => cal.addWorkingDays(d('2025-03-07'), 1.5)).toThrow(InvalidWorkingDayCountError);
    expect(() => isoDate('2025-02-29')).toThrow(InvalidIsoDateError);
    expect(() => cal.addWorkingDays('2025-02-30' as IsoDate, 1)).toThrow(InvalidIsoDateError);
    expect(() => cal.dayKind('1999-12-31' as IsoDate)).toThrow(DateOutOfRangeError);
  });

  it('names a date outside the index as a date, not as a day number', () => {
    expect(() => cal.workingDaysBetween(d('1999-12-31'), d('2026-01-05'))).toThrow(/：1999-12-31$/);
    expect(() => cal.explainSpan(d('2026-01-05'), d('2100-01-01'))).toThrow(/：2100-01-01$/);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to]', () => {
    expect(cal.workingDaysBetween(d('2026-02-10'), d('2026-03-16'))).toBe(20);
    expect(cal.workingDaysBetween(d('2026-02-10'), d('2026-02-10'))).toBe(0);
    expect(cal.workingDaysBetween(d('2025-03-07'), d('2025-03-10'))).toBe(1);
    expect(cal.workingDaysBetween(d('2026-03-16'), d('2026-02-10'))).toBe(-20);
  });

  it('is the inverse of addWorkingDays (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2026-10-31') }), fc.integer({ min: 0, max: 60 }), (dn, n) => {
        const from = fromDayNumber(dn);
        const r = cal.addWorkingDays(from, n);
        expect(cal.workingDaysBetween(from, r.due)).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(r.due)).toBe(true);
      }),
    );
  });
});

describe('years without a notice', () => {
  it('are counted on weekdays and marked provisional, with the missing year named', () => {
    const r = cal.addWorkingDays(d('2027-03-01'), 20);
    expect(r.due).toBe('2027-03-29');
    expect(r.provisional).toBe(true);
    expect(r.explanation.pendingNoticeYears).toEqual([2027]);
    expect(renderWorkingDayExplanation(r.explanation, '收到申请')).toContain('2027年的节假日安排尚未发布');
  });

  it('a deadline reaching from a covered into an uncovered year is provisional', () => {
    const r = cal.addWorkingDays(d('2026-12-10'), 20);
    expect(r.provisional).toBe(true);
    expect(r.explanation.pendingNoticeYears).toContain(2027);
  });

  it('late December of the last covered year waits for the next notice (New Year may reach back)', () => {
    expect(cal.isSettled(d('2026-12-18'))).toBe(true);
    expect(cal.isSettled(d('2026-12-21'))).toBe(false);
    expect(cal.isSettled(d('2025-12-31'))).toBe(true); // 2026 is covered
    expect(cal.addWorkingDays(d('2026-12-14'), 4).provisional).toBe(false); // due 12-18
    expect(cal.addWorkingDays(d('2026-12-14'), 6).provisional).toBe(true); // due 12-22
  });

  it('become settled, and the result recomputed, once the schedule arrives', () => {
    const with2027 = buildWorkingCalendar({
      overrides: [
        {
          scope: 'national',
          year: 2027,
          source: { title: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）' },
          holidays: [{ name: '清明节', from: d('2027-04-03'), to: d('2027-04-05') }],
          makeupWorkdays: [],
        },
      ],
    });
    const r = with2027.addWorkingDays(d('2027-03-29'), 10);
    expect(r.provisional).toBe(false);
    expect(r.due).toBe('2027-04-13'); // Mon 04-05 is off
    expect(cal.addWorkingDays(d('2027-03-29'), 10).due).toBe('2027-04-12');
    expect(cal.diff(with2027).years).toEqual([2026, 2027]); // 2026's December tail becomes settled
  });
});

describe('time-zone independence', () => {
  it('shanghaiDate maps instants to the UTC+8 civil date', () => {
    expect(shanghaiDate(new Date('2026-02-09T16:00:00Z'))).toBe('2026-02-10');
    expect(shanghaiDate(new Date('2026-02-09T15:59:59.999Z'))).toBe('2026-02-09');
    expect(shanghaiDate(new Date('2026-12-31T23:00:00-08:00'))).toBe('2027-01-01');
  });

  it('gives the same day kinds as a UTC-only reference computation, whatever process.env.TZ is', () => {
    // Reference: Date.UTC weekday, independent of the calendar's code path.
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2027-01-01'), max: toDayNumber('2030-12-31') }), (dn) => {
        const iso = fromDayNumber(dn);
        const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
        const wd = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
        expect(cal.isWorkingDay(iso)).toBe(wd !== 0 && wd !== 6);
      }),
    );
  });

  it('pins absolute results so each TZ project compares against the same constants', () => {
    expect(cal.addWorkingDays(d('2024-12-31'), 30).due).toBe('2025-02-18');
    expect(cal.addWorkingDays(d('2020-01-20'), 5).due).toBe('2020-02-04'); // 01-21..23, then 02-03, 02-04 (extension)
  });
});
