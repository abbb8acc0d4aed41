/**
 * The working-day calendar against the 2025 and 2026 State Council notices, worked out by hand
 * (domain.md §2.13: count from the day after the event, only working days, 调休 make-up days count,
 * holidays do not; years without a notice are provisional), and its explanation, settledness,
 * year view and diff.
 *
 * Tests of what the constructor indexes (settledness, merge, year view, diff, the ends of the
 * index) build their calendar inside the test (fresh(), new WorkingCalendar): Stryker's per-test
 * coverage only credits a constructor mutant to the tests that run the constructor. Tests of the
 * queries share one calendar, which keeps the mutation run short.
 *
 * 2025 (国办发明电〔2024〕12号): 元旦 01-01; 春节 01-28..02-04, 上班 Sun 01-26, Sat 02-08;
 * 清明节 04-04..06; 劳动节 05-01..05, 上班 Sun 04-27; 端午节 05-31..06-02;
 * 国庆节、中秋节 10-01..08, 上班 Sun 09-28, Sat 10-11.
 * 2026 (notice of 2025-11-04): 元旦 01-01..03, 上班 Sun 01-04; 春节 02-15..23, 上班 Sat 02-14,
 * Sat 02-28; 清明节 04-04..06; 劳动节 05-01..05, 上班 Sat 05-09; 端午节 06-19..21;
 * 中秋节 09-25..27; 国庆节 10-01..07, 上班 Sun 09-20, Sat 10-10.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DateOutOfRangeError,
  SHIPPED_NATIONAL_SCHEDULES,
  WorkingCalendar,
  buildWorkingCalendar,
  fromDayNumber,
  isoDate,
  toDayNumber,
  type IsoDate,
  type LocalAdjustment,
  type NationalSchedule,
} from '#domain/calendar';

const d = (s: string) => isoDate(s);
/** For tests of the queries. */
const cal = buildWorkingCalendar();
/** For tests of what the constructor indexes (built inside the test, see above). */
const fresh = () => buildWorkingCalendar();

const local = (id: string, region: string, year: number, holidays: [string, string, string][], makeups: [string, string][] = []): LocalAdjustment => ({
  scope: 'local',
  id,
  year,
  region,
  source: { title: `${region}${year}年地方假期安排（测试数据）` },
  holidays: holidays.map(([name, from, to]) => ({ name, from: d(from), to: d(to) })),
  makeupWorkdays: makeups.map(([name, date]) => ({ name, date: d(date) })),
});

/** Illustrative local decree (test data): 三月三 Mon–Tue 2026-04-20..21, made up on Sun 04-26. */
const GUANGXI_2026 = local('gx-2026', '广西壮族自治区', 2026, [['壮族三月三', '2026-04-20', '2026-04-21']], [['壮族三月三', '2026-04-26']]);
/** Illustrative (test data): one more day of Spring Festival, Tue 2026-02-24, right after the national 02-15..23. */
const XIZANG_2026 = local('xz-2026', '西藏自治区', 2026, [['春节', '2026-02-24', '2026-02-24']]);
/** Illustrative (test data): Eid off on Fri 2026-03-20 and Mon 03-23, the weekend between. */
const NINGXIA_2026 = local('nx-2026', '宁夏回族自治区', 2026, [
  ['开斋节', '2026-03-20', '2026-03-20'],
  ['开斋节', '2026-03-23', '2026-03-23'],
]);

const shipped = (year: number): NationalSchedule => SHIPPED_NATIONAL_SCHEDULES.find((s) => s.year === year)!;

describe('due dates from the 2025 and 2026 notices, counted by hand', () => {
  it.each([
    // [event date, working days, due, why]
    ['2025-01-24', 1, '2025-01-26', 'Fri → Sat off, Sun 01-26 is a make-up working day: due on a Sunday'],
    ['2025-01-26', 1, '2025-01-27', 'the make-up Sunday itself is the event day and does not count'],
    ['2025-01-26', 2, '2025-02-05', 'Mon 01-27, then 春节 01-28..02-04 off, Wed 02-05'],
    ['2025-01-27', 7, '2025-02-12', '02-05, 06, 07, Sat 02-08 (make-up), 02-10, 11, 12'],
    ['2025-04-02', 3, '2025-04-08', 'Thu 04-03, 清明 04-04..06 off, Mon 04-07, Tue 04-08'],
    ['2025-04-25', 20, '2025-05-27', 'Sun 04-27 make-up, 04-28..30, 劳动节 05-01..05 off, then 16 more'],
    ['2025-05-30', 1, '2025-06-03', '端午 Sat 05-31..Mon 06-02 off'],
    ['2025-09-25', 20, '2025-10-29', 'Fri 09-26, Sun 09-28 make-up, 09-29, 09-30, 10-01..08 off, Sat 10-11 make-up'],
    ['2025-12-24', 7, '2026-01-05', '12-25, 26, 29, 30, 31, 元旦 01-01..03 off, Sun 01-04 make-up, Mon 01-05'],
    ['2026-01-02', 1, '2026-01-04', 'event on a holiday; Sat 01-03 is still off; Sun 01-04 is a make-up day'],
    ['2026-04-02', 2, '2026-04-07', 'Fri 04-03, 清明 Sat 04-04..Mon 04-06 off, Tue 04-07'],
    ['2026-04-30', 3, '2026-05-08', '劳动节 05-01..05 off, Wed 05-06, Thu 05-07, Fri 05-08'],
    ['2026-04-30', 4, '2026-05-09', 'Sat 05-09 is a make-up working day'],
    ['2026-04-30', 5, '2026-05-11', 'Sun 05-10 is an ordinary weekend day'],
    ['2026-06-18', 1, '2026-06-22', '端午 Fri 06-19..Sun 06-21 off'],
    ['2026-09-18', 1, '2026-09-20', 'Sat 09-19 off, Sun 09-20 is a make-up day'],
    ['2026-09-18', 2, '2026-09-21', 'then Mon 09-21'],
    ['2026-09-24', 1, '2026-09-28', '中秋 Fri 09-25..Sun 09-27 off'],
  ])('%s + %i working days → %s (%s)', (from, n, due) => {
    const r = cal.addWorkingDays(d(from), n);
    expect(r.due).toBe(due);
    expect(r.provisional).toBe(false);
    expect(cal.workingDaysBetween(d(from), d(due))).toBe(n);
    expect(cal.isWorkingDay(d(due))).toBe(true);
  });

  it('2025-01-27 + 7: the explanation splits the 16 calendar days into 7 working, 8 holiday and 1 weekend day', () => {
    const e = cal.addWorkingDays(d('2025-01-27'), 7).explanation;
    expect(e).toStrictEqual({
      after: '2025-01-27',
      through: '2025-02-12',
      calendarDays: 16,
      workingDays: 7,
      weekendDaysSkipped: 1, // Sun 02-09; Sat 02-01 and Sun 02-02 are inside the holiday
      holidaysSkipped: [{ name: '春节', from: '2025-01-28', to: '2025-02-04', days: 8, scope: 'national' }],
      makeupWorkdaysCounted: [{ date: '2025-02-08', kind: 'MAKEUP_WORKDAY', name: '春节', scope: 'national' }],
      pendingNoticeYears: [],
      provisional: false,
      from: '2025-01-27',
      fromKind: 'WORKDAY',
      requestedWorkingDays: 7,
      due: '2025-02-12',
    });
  });

  it('2026-02-10 + 20: 34 calendar days = 20 working + 9 Spring Festival + 5 weekend days', () => {
    const e = cal.addWorkingDays(d('2026-02-10'), 20).explanation;
    expect([e.calendarDays, e.workingDays, e.weekendDaysSkipped]).toEqual([34, 20, 5]);
    expect(e.holidaysSkipped).toStrictEqual([{ name: '春节', from: '2026-02-15', to: '2026-02-23', days: 9, scope: 'national' }]);
  });

  it('a span that starts inside a holiday counts only the holiday days after the event day', () => {
    // Event on Sun 02-15 (first day of 春节): 02-16..23 are skipped (8 days), 02-24 is day 1.
    const e = cal.addWorkingDays(d('2026-02-15'), 1).explanation;
    expect(e.holidaysSkipped).toStrictEqual([{ name: '春节', from: '2026-02-16', to: '2026-02-23', days: 8, scope: 'national' }]);
    expect([e.calendarDays, e.workingDays, e.weekendDaysSkipped]).toEqual([9, 1, 0]);
    // Event on the make-up Saturday 02-14: it is not listed as a counted make-up day.
    const m = cal.explainSpan(d('2026-02-14'), d('2026-02-28'));
    expect(m.makeupWorkdaysCounted.map((x) => x.date)).toEqual(['2026-02-28']);
  });

  it('a span that ends on a holiday or a make-up day includes that last day', () => {
    expect(cal.explainSpan(d('2026-09-30'), d('2026-10-01')).holidaysSkipped).toStrictEqual([{ name: '国庆节', from: '2026-10-01', to: '2026-10-01', days: 1, scope: 'national' }]);
    expect(cal.addWorkingDays(d('2026-09-18'), 1).explanation.makeupWorkdaysCounted.map((x) => x.date)).toEqual(['2026-09-20']);
  });

  it('an empty or reversed span has no days and is never provisional', () => {
    expect(cal.explainSpan(d('2027-03-01'), d('2027-02-01'))).toStrictEqual({
      after: '2027-03-01',
      through: '2027-02-01',
      calendarDays: 0,
      workingDays: 0,
      weekendDaysSkipped: 0,
      holidaysSkipped: [],
      makeupWorkdaysCounted: [],
      pendingNoticeYears: [],
      provisional: false,
    });
    expect(cal.workingDaysBetween(d('2027-03-01'), d('2027-02-01'))).toBe(-20);
  });
});

describe('day kinds', () => {
  it.each([
    ['2026-10-01', { kind: 'HOLIDAY', working: false, settled: true, name: '国庆节', scope: 'national' }],
    ['2026-02-14', { kind: 'MAKEUP_WORKDAY', working: true, settled: true, name: '春节', scope: 'national' }],
    ['2026-03-02', { kind: 'WORKDAY', working: true, settled: true }],
    ['2026-03-01', { kind: 'WEEKEND', working: false, settled: true }],
    ['2019-01-01', { kind: 'HOLIDAY', working: false, settled: true, name: '元旦', scope: 'national' }], // 2018-12-31 before it is unsettled
    ['2018-12-31', { kind: 'HOLIDAY', working: false, settled: false, name: '元旦', scope: 'national' }], // set by the 2019 notice, but 2018 has none
    ['2027-03-01', { kind: 'WORKDAY', working: true, settled: false }],
  ])('%s', (date, info) => {
    expect(cal.dayInfo(d(date))).toStrictEqual({ date, ...info });
    expect(cal.dayKind(d(date))).toBe(info.kind);
    expect(cal.isWorkingDay(d(date))).toBe(info.working);
    expect(cal.isSettled(d(date))).toBe(info.settled);
  });

  it('the index spans exactly 2000-01-01..2099-12-31', () => {
    const cal = fresh();
    expect(cal.dayKind(d('2000-01-01'))).toBe('WEEKEND'); // a Saturday
    expect(cal.dayKind(d('2099-12-31'))).toBe('WORKDAY'); // a Thursday
    expect(() => cal.dayKind(d('2100-01-01'))).toThrow(DateOutOfRangeError);
    expect(() => cal.dayInfo(d('1999-12-31'))).toThrow(DateOutOfRangeError);
    expect(cal.addWorkingDays(d('2000-01-01'), 1).due).toBe('2000-01-03');
    expect(cal.addWorkingDays(d('2099-12-29'), 2).due).toBe('2099-12-31');
    expect(cal.addWorkingDays(d('2099-12-30'), 1).due).toBe('2099-12-31');
    expect(cal.addWorkingDays(d('2099-12-31'), 0).due).toBe('2099-12-31');
    expect(() => cal.addWorkingDays(d('2099-12-31'), 1)).toThrow(DateOutOfRangeError);
    // The message names the requested count, or the date, that is out of range.
    expect(() => cal.addWorkingDays(d('2099-12-31'), 1)).toThrow('日期超出工作日历支持的范围（2000年至2099年）：2099-12-31 + 1个工作日');
    expect(() => cal.yearView(2100)).toThrow('日期超出工作日历支持的范围（2000年至2099年）：2100-01-01');
    // The deadline clock's day-number path refuses a count that would leave the index.
    expect(() => cal.addWorkingDaysDn(toDayNumber('2099-12-31'), 1)).toThrow(DateOutOfRangeError);
    expect(() => cal.addWorkingDaysDn(toDayNumber('2099-12-30'), 2)).toThrow(DateOutOfRangeError);
    expect(() => cal.addWorkingDaysDn(toDayNumber('2099-12-29'), 3)).toThrow(DateOutOfRangeError);
    expect(cal.workingDaysBetween(d('2099-12-01'), d('2099-12-31'))).toBe(22);
    expect(() => cal.yearView(2100)).toThrow(DateOutOfRangeError);
  });
});

describe('settled days: a notice settles its year up to 19 December; the rest waits for the next notice', () => {
  const oneYear = (year: number): NationalSchedule => ({
    scope: 'national',
    year,
    source: { title: `国务院办公厅关于${year}年部分节假日安排的通知（测试数据）` },
    holidays: [{ name: '元旦', from: d(`${year}-01-01`), to: d(`${year}-01-01`) }],
    makeupWorkdays: [],
  });

  it('property: with only year Y covered, Y-01-01..Y-12-19 are settled, Y-12-20 on and the years around are not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), (year) => {
        const cal = new WorkingCalendar([oneYear(year)], []);
        expect(cal.warnings).toEqual([]);
        expect(cal.coveredYears).toEqual([year]);
        expect(cal.isSettled(d(`${year}-01-01`))).toBe(true);
        expect(cal.isSettled(d(`${year}-06-30`))).toBe(true);
        expect(cal.isSettled(d(`${year}-12-19`))).toBe(true);
        expect(cal.isSettled(d(`${year}-12-20`))).toBe(false);
        expect(cal.isSettled(d(`${year}-12-31`))).toBe(false);
        expect(cal.isSpanSettledDn(toDayNumber(`${year}-01-01`), toDayNumber(`${year}-12-19`))).toBe(true);
        expect(cal.isSpanSettledDn(toDayNumber(`${year}-12-19`), toDayNumber(`${year}-12-20`))).toBe(false);
        if (year > 2000) {
          expect(cal.isSettled(d(`${year - 1}-06-01`))).toBe(false);
          expect(cal.isSettled(d(`${year - 1}-12-31`))).toBe(false);
          // The event day itself is never counted, so an unsettled event day does not matter.
          expect(cal.isSpanSettledDn(toDayNumber(`${year - 1}-12-31`), toDayNumber(`${year}-01-02`))).toBe(true);
          expect(cal.explainSpan(d(`${year - 1}-12-31`), d(`${year}-01-02`)).provisional).toBe(false);
        }
        if (year < 2099) expect(cal.isSettled(d(`${year + 1}-01-01`))).toBe(false);
      }),
      { examples: [[2000], [2001], [2026], [2098], [2099]], numRuns: 10 },
    );
  }, 30_000);

  it('with the shipped data, 2026-12-19 is the last settled day and 2026-12-20 the first that waits for 2027', () => {
    const cal = fresh();
    expect(cal.isSettled(d('2026-12-19'))).toBe(true);
    expect(cal.isSettled(d('2026-12-20'))).toBe(false);
    expect(cal.isSpanSettledDn(toDayNumber('2026-12-18'), toDayNumber('2026-12-19'))).toBe(true);
    expect(cal.isSpanSettledDn(toDayNumber('2026-12-19'), toDayNumber('2026-12-20'))).toBe(false);
    expect(cal.isSpanSettledDn(toDayNumber('2018-12-31'), toDayNumber('2019-01-02'))).toBe(true);
    expect(cal.isSpanSettledDn(toDayNumber('2018-12-30'), toDayNumber('2019-01-02'))).toBe(false);
    // A reversed span contains no day: nothing in it can be unsettled.
    expect(cal.isSpanSettledDn(toDayNumber('2027-06-01'), toDayNumber('2027-01-01'))).toBe(true);
    expect(cal.explainSpan(d('2026-12-18'), d('2026-12-19'))).toMatchObject({ provisional: false, pendingNoticeYears: [] });
    expect(cal.explainSpan(d('2026-12-19'), d('2026-12-20'))).toMatchObject({ provisional: true, pendingNoticeYears: [2027] });
    expect(cal.explainSpan(d('2026-12-18'), d('2026-12-20'))).toMatchObject({ provisional: true, pendingNoticeYears: [2027] });
  });

  it('names exactly the years whose notice is missing', () => {
    expect(cal.addWorkingDays(d('2026-12-10'), 20).explanation.pendingNoticeYears).toEqual([2027]);
    expect(cal.addWorkingDays(d('2026-03-02'), 20).explanation.pendingNoticeYears).toEqual([]);
    expect(cal.explainSpan(d('2026-12-01'), d('2028-01-10')).pendingNoticeYears).toEqual([2027, 2028]);
    expect(cal.explainSpan(d('2026-12-01'), d('2028-12-25')).pendingNoticeYears).toEqual([2027, 2028, 2029]);
    // 2018 has no notice; 2025's December tail is settled because 2026 is covered.
    expect(cal.explainSpan(d('2018-12-01'), d('2025-12-25')).pendingNoticeYears).toEqual([2018]);
    // The event day is not counted: a span after 2018-12-31 does not involve 2018.
    expect(cal.explainSpan(d('2018-12-31'), d('2027-01-04')).pendingNoticeYears).toEqual([2027]);
  });
});

describe('version: a stable fingerprint of the inputs, stored with each computed deadline', () => {
  it('is FNV-1a (two seeds) of the inputs, the same in every release', () => {
    // Checked against an independent FNV-1a-32 of '[[],[]]' with the seeds 0x811c9dc5 and 0x050c5d1f.
    expect(new WorkingCalendar([], []).version).toBe('cal-d08749ad436b90ef');
    // Each half keeps its 8 digits when the hash is small (leading zeros).
    const region = (r: string) => new WorkingCalendar([], [local('x', r, 2026, [])]).version;
    expect(region('地区3')).toBe('cal-0e83df6c961f706e');
    expect(region('地区2')).toBe('cal-bd8d6adc0ccb2c4e');
  });

  it('property: always "cal-" + 16 hex digits, and a different local adjustment gives a different version', () => {
    const base = cal.version;
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (region) => {
        const v = buildWorkingCalendar({ overrides: [{ ...GUANGXI_2026, region }] }).version;
        expect(v).toMatch(/^cal-[0-9a-f]{16}$/);
        expect(v).not.toBe(base);
      }),
      { numRuns: 30 },
    );
  }, 30_000);
});

describe('merging national notices and local adjustments', () => {
  it('a calendar built without warnings has none, and passed-in merge warnings are kept', () => {
    expect(new WorkingCalendar(SHIPPED_NATIONAL_SCHEDULES, []).warnings).toEqual([]);
    const revised = { ...shipped(2026), makeupWorkdays: [] };
    const cal = buildWorkingCalendar({ overrides: [revised] });
    expect(cal.warnings).toStrictEqual([{ code: 'NATIONAL_SCHEDULE_REPLACED', year: 2026, message: `2026年全国节假日安排已由管理员录入的“${revised.source.title}”替换内置数据` }]);
  });

  it('notices are applied in year order whatever the input order: the later notice wins a shared day, without a local-override warning', () => {
    // Test data: a 2022 arrangement that (wrongly) made Sat 2022-12-31 a working day, and the
    // real 2023 notice, whose 元旦 begins on 2022-12-31.
    const y2022: NationalSchedule = { ...shipped(2022), makeupWorkdays: [...shipped(2022).makeupWorkdays, { name: '国庆节', date: d('2022-12-31') }] };
    for (const order of [
      [shipped(2023), y2022],
      [y2022, shipped(2023)],
    ]) {
      const cal = new WorkingCalendar(order, []);
      expect(cal.coveredYears).toEqual([2022, 2023]);
      expect(cal.dayInfo(d('2022-12-31'))).toMatchObject({ kind: 'HOLIDAY', name: '元旦', scope: 'national' });
      expect(cal.warnings).toEqual([]);
    }
  });

  it('a local adjustment may add holidays and make-up days; both count in a deadline and are explained with the region', () => {
    const gx = buildWorkingCalendar({ overrides: [GUANGXI_2026] });
    expect(gx.warnings).toEqual([]);
    expect(gx.dayInfo(d('2026-04-26'))).toStrictEqual({ date: '2026-04-26', kind: 'MAKEUP_WORKDAY', working: true, settled: true, name: '壮族三月三', scope: 'local', region: '广西壮族自治区' });
    // Fri 04-17: Sat, Sun, 04-20..21 off, then 04-22 (1), 23 (2), 24 (3), Sat 04-25 off, Sun 04-26 (4), Mon 04-27 (5).
    const r = gx.addWorkingDays(d('2026-04-17'), 5);
    expect(r.due).toBe('2026-04-27');
    expect(cal.addWorkingDays(d('2026-04-17'), 5).due).toBe('2026-04-24'); // elsewhere: 04-20..24
    expect(r.explanation.holidaysSkipped).toStrictEqual([{ name: '壮族三月三', from: '2026-04-20', to: '2026-04-21', days: 2, scope: 'local', region: '广西壮族自治区' }]);
    expect(r.explanation.makeupWorkdaysCounted).toStrictEqual([{ date: '2026-04-26', kind: 'MAKEUP_WORKDAY', name: '壮族三月三', scope: 'local', region: '广西壮族自治区' }]);
    expect([r.explanation.calendarDays, r.explanation.workingDays, r.explanation.weekendDaysSkipped]).toEqual([10, 5, 3]);
  });

  it('holidays are explained per range: a local day right after the national 春节 is its own span', () => {
    const e = buildWorkingCalendar({ overrides: [XIZANG_2026] }).explainSpan(d('2026-02-13'), d('2026-02-25'));
    expect(e.holidaysSkipped).toStrictEqual([
      { name: '春节', from: '2026-02-15', to: '2026-02-23', days: 9, scope: 'national' },
      { name: '春节', from: '2026-02-24', to: '2026-02-24', days: 1, scope: 'local', region: '西藏自治区' },
    ]);
    expect([e.calendarDays, e.workingDays, e.weekendDaysSkipped]).toEqual([12, 2, 0]); // Sat 02-14 (make-up) and 02-25
  });

  it('two days off with an ordinary weekend between are two spans, not one of four days', () => {
    const e = buildWorkingCalendar({ overrides: [NINGXIA_2026] }).explainSpan(d('2026-03-19'), d('2026-03-24'));
    expect(e.holidaysSkipped.map((h) => [h.name, h.from, h.to, h.days])).toEqual([
      ['开斋节', '2026-03-20', '2026-03-20', 1],
      ['开斋节', '2026-03-23', '2026-03-23', 1],
    ]);
    expect([e.calendarDays, e.workingDays, e.weekendDaysSkipped]).toEqual([5, 1, 2]);
  });

  it('back-to-back holidays with different names are explained separately', () => {
    // Test data for 2027 (no notice yet): 中秋节 Thu 09-30, 国庆节 10-01..07, 上班 Sun 09-26.
    const y2027: NationalSchedule = {
      scope: 'national',
      year: 2027,
      source: { title: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）' },
      holidays: [
        { name: '中秋节', from: d('2027-09-30'), to: d('2027-09-30') },
        { name: '国庆节', from: d('2027-10-01'), to: d('2027-10-07') },
      ],
      makeupWorkdays: [{ name: '国庆节', date: d('2027-09-26') }],
    };
    const cal = buildWorkingCalendar({ overrides: [y2027] });
    const r = cal.addWorkingDays(d('2027-09-24'), 4); // Sun 09-26 (1), 09-27 (2), 09-28 (3), 09-29 (4)
    expect(r.due).toBe('2027-09-29');
    expect(r.provisional).toBe(false);
    const e = cal.explainSpan(d('2027-09-29'), d('2027-10-08'));
    expect(e.holidaysSkipped.map((h) => [h.name, h.from, h.to, h.days])).toEqual([
      ['中秋节', '2027-09-30', '2027-09-30', 1],
      ['国庆节', '2027-10-01', '2027-10-07', 7],
    ]);
    expect(cal.yearView(2027).workingDays).toBe(261 - 6 + 1); // 6 weekday holidays (09-30, 10-01, 04..07), 1 make-up day
  });

  it('a local day that contradicts a national one is applied and reported, in words the administrator can act on', () => {
    const onMakeup = local('gx-a', '广西壮族自治区', 2026, [['地方假', '2026-02-14', '2026-02-14']]);
    const onHoliday = local('gx-b', '广西壮族自治区', 2026, [], [['地方调休', '2026-10-03']]);
    const cal = buildWorkingCalendar({ overrides: [onMakeup, onHoliday] });
    expect(cal.warnings).toStrictEqual([
      {
        code: 'LOCAL_OVERRIDES_NATIONAL_DAY',
        year: 2026,
        date: '2026-02-14',
        overrideId: 'gx-a',
        message: '地方调整“广西壮族自治区”将2026-02-14（全国安排为春节调休上班）改为放假，以地方规定为准',
      },
      {
        code: 'LOCAL_OVERRIDES_NATIONAL_DAY',
        year: 2026,
        date: '2026-10-03',
        overrideId: 'gx-b',
        message: '地方调整“广西壮族自治区”将2026-10-03（全国安排为国庆节放假）改为上班，以地方规定为准',
      },
    ]);
    expect(cal.isWorkingDay(d('2026-02-14'))).toBe(false);
    expect(cal.isWorkingDay(d('2026-10-03'))).toBe(true);
  });

  it('no warning when a local day agrees in kind with the national day, or only contradicts another local adjustment', () => {
    const sameKind = local('xz-b', '西藏自治区', 2026, [['藏历新年', '2026-02-18', '2026-02-24']]);
    const cal = buildWorkingCalendar({ overrides: [sameKind] });
    expect(cal.warnings).toEqual([]);
    expect(cal.dayInfo(d('2026-02-18'))).toMatchObject({ kind: 'HOLIDAY', name: '藏历新年', scope: 'local', region: '西藏自治区' });
    const later = local('gx-c', '广西壮族自治区', 2026, [['壮族三月三', '2026-04-26', '2026-04-26']]);
    const both = buildWorkingCalendar({ overrides: [GUANGXI_2026, later] });
    expect(both.warnings).toEqual([]);
    expect(both.dayKind(d('2026-04-26'))).toBe('HOLIDAY'); // the later adjustment wins
  });

  it('lists the local adjustments, all or of one year', () => {
    const old = local('gx-2025', '广西壮族自治区', 2025, [['壮族三月三', '2025-03-31', '2025-04-01']]);
    const cal = buildWorkingCalendar({ overrides: [GUANGXI_2026, old] });
    expect(cal.localAdjustments().map((l) => l.id)).toEqual(['gx-2026', 'gx-2025']);
    expect(cal.localAdjustments(2025).map((l) => l.id)).toEqual(['gx-2025']);
    expect(cal.localAdjustments(2024)).toEqual([]);
  });
});

describe('year view (the /calendar page)', () => {
  it('2026 with local adjustments: holidays and make-up days in date order, each with its length and scope', () => {
    const cal = buildWorkingCalendar({ overrides: [GUANGXI_2026, NINGXIA_2026] });
    const y = cal.yearView(2026);
    expect(y.holidays.map((h) => [h.name, h.from, h.days, h.scope])).toEqual([
      ['元旦', '2026-01-01', 3, 'national'],
      ['春节', '2026-02-15', 9, 'national'],
      ['开斋节', '2026-03-20', 1, 'local'],
      ['开斋节', '2026-03-23', 1, 'local'],
      ['清明节', '2026-04-04', 3, 'national'],
      ['壮族三月三', '2026-04-20', 2, 'local'],
      ['劳动节', '2026-05-01', 5, 'national'],
      ['端午节', '2026-06-19', 3, 'national'],
      ['中秋节', '2026-09-25', 3, 'national'],
      ['国庆节', '2026-10-01', 7, 'national'],
    ]);
    expect(y.holidays[0]).toStrictEqual({ name: '元旦', from: '2026-01-01', to: '2026-01-03', days: 3, scope: 'national' });
    expect(y.holidays[5]).toStrictEqual({ name: '壮族三月三', from: '2026-04-20', to: '2026-04-21', days: 2, scope: 'local', region: '广西壮族自治区' });
    expect(y.makeupWorkdays.map((m) => `${m.date}/${m.weekday}/${m.scope}`)).toEqual([
      '2026-01-04/0/national',
      '2026-02-14/6/national',
      '2026-02-28/6/national',
      '2026-04-26/0/local',
      '2026-05-09/6/national',
      '2026-09-20/0/national',
      '2026-10-10/6/national',
    ]);
    expect(y.makeupWorkdays[3]).toStrictEqual({ date: '2026-04-26', name: '壮族三月三', scope: 'local', region: '广西壮族自治区', kind: 'MAKEUP_WORKDAY', weekday: 0 });
    expect(y.makeupWorkdays[0]).toStrictEqual({ date: '2026-01-04', name: '元旦', scope: 'national', kind: 'MAKEUP_WORKDAY', weekday: 0 });
    // 248 nationally; 三月三 takes two weekdays off, 开斋节 two, and Sun 04-26 is worked.
    expect(y.workingDays).toBe(248 - 2 - 2 + 1);
    expect(y.amendments).toEqual([]);
    expect(y.localAdjustments.map((l) => l.id)).toEqual(['gx-2026', 'nx-2026']);
  });

  it('a local holiday or make-up day on the same date as a national one is listed after it', () => {
    const sameStart = local('xz-c', '西藏自治区', 2026, [['藏历新年', '2026-02-15', '2026-02-24']], [['藏历新年', '2026-02-28']]);
    const y = buildWorkingCalendar({ overrides: [sameStart] }).yearView(2026);
    expect(y.holidays.slice(1, 3).map((h) => [h.name, h.scope])).toEqual([
      ['春节', 'national'],
      ['藏历新年', 'local'],
    ]);
    expect(y.makeupWorkdays.slice(2, 4).map((m) => [m.date, m.name, m.scope])).toEqual([
      ['2026-02-28', '春节', 'national'],
      ['2026-02-28', '藏历新年', 'local'],
    ]);
  });

  it.each([
    [2025, 248], // 261 weekdays − 18 weekday holidays + 5 make-up days (国办发明电〔2024〕12号)
    [2026, 248], // 261 − 19 + 6
    [2027, 261], // no notice: Mon–Fri (2027-01-01 is a Friday, so the first day counts)
    [2000, 260], // leap year starting on a Saturday
    [2099, 261], // the last indexed year
  ])('%i has %i working days', (year, n) => {
    expect(fresh().yearView(year).workingDays).toBe(n);
  });

  it('an uncovered year has no source and no amendments', () => {
    expect(fresh().yearView(2027)).toStrictEqual({ year: 2027, covered: false, amendments: [], holidays: [], makeupWorkdays: [], localAdjustments: [], workingDays: 261 });
  });
});

describe('diff: the dates whose deadlines must be recomputed', () => {
  it('the 2020 extension of the Spring Festival (国办发明电〔2020〕1号) changed Fri 01-31, the make-up Sat 02-01 and Sun 02-02', () => {
    // As first published (国办发明电〔2019〕16号): 春节 01-24..30, make-up days Sun 01-19 and Sat 02-01.
    const amended = shipped(2020);
    const original: NationalSchedule = {
      ...amended,
      amendments: [],
      holidays: amended.holidays.map((h) => (h.name === '春节' ? { ...h, to: d('2020-01-30') } : h)),
      makeupWorkdays: [...amended.makeupWorkdays, { name: '春节', date: d('2020-02-01') }],
    };
    const before = buildWorkingCalendar({ overrides: [original] });
    const after = fresh();
    // 02-01 keeps its name (春节) and only changes kind, from make-up day to day off.
    expect(before.diff(after)).toEqual({ years: [2020], dates: ['2020-01-31', '2020-02-01', '2020-02-02'] });
    expect(before.addWorkingDays(d('2020-01-23'), 1).due).toBe('2020-01-31');
    expect(after.addWorkingDays(d('2020-01-23'), 1).due).toBe('2020-02-03');
  });

  it('renaming a local holiday, or changing its region, changes its dates', () => {
    const renamed = { ...GUANGXI_2026, holidays: [{ ...GUANGXI_2026.holidays[0]!, name: '“三月三”' }] };
    const moved = { ...GUANGXI_2026, region: '广西壮族自治区南宁市' };
    const a = buildWorkingCalendar({ overrides: [GUANGXI_2026] });
    expect(a.diff(buildWorkingCalendar({ overrides: [renamed] }))).toEqual({ years: [2026], dates: ['2026-04-20', '2026-04-21'] });
    expect(a.diff(buildWorkingCalendar({ overrides: [moved] }))).toEqual({ years: [2026], dates: ['2026-04-20', '2026-04-21', '2026-04-26'] });
    expect(a.diff(buildWorkingCalendar({ overrides: [GUANGXI_2026] }))).toEqual({ years: [], dates: [] });
  });
});

describe('properties of the count', () => {
  const day = fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2027-06-30') }).map(fromDayNumber);

  it('the due date is the first day after the event on which the count reaches n (never earlier, never later)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 45 }), (from, n) => {
        const due = cal.addWorkingDays(from, n).due;
        expect(due > from).toBe(true);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(cal.workingDaysBetween(from, due)).toBe(n);
        expect(cal.workingDaysBetween(from, fromDayNumber(toDayNumber(due) - 1))).toBe(n - 1);
        expect(cal.addWorkingDaysDn(toDayNumber(from), n)).toBe(toDayNumber(due));
      }),
    );
  });

  it('the explanation accounts for every calendar day, day by day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (after, len) => {
        const through = fromDayNumber(toDayNumber(after) + len);
        const e = cal.explainSpan(after, through);
        const days: IsoDate[] = [];
        for (let dn = toDayNumber(after) + 1; dn <= toDayNumber(through); dn++) days.push(fromDayNumber(dn));
        const kinds = days.map((x) => cal.dayKind(x));
        expect(e.calendarDays).toBe(len);
        expect(e.workingDays).toBe(kinds.filter((k) => k === 'WORKDAY' || k === 'MAKEUP_WORKDAY').length);
        expect(e.weekendDaysSkipped).toBe(kinds.filter((k) => k === 'WEEKEND').length);
        expect(e.holidaysSkipped.reduce((s, h) => s + h.days, 0)).toBe(kinds.filter((k) => k === 'HOLIDAY').length);
        expect(e.makeupWorkdaysCounted.map((m) => m.date)).toEqual(days.filter((x) => cal.dayKind(x) === 'MAKEUP_WORKDAY'));
        expect(e.provisional).toBe(days.some((x) => !cal.isSettled(x)));
      }),
    );
  });
});

/*
 * Mutants of functions/domain/calendar/working-calendar.ts that survive these tests and are
 * equivalent or unreachable, as of the Stryker run recorded in docs/testing.md:
 * - `i < LEN` → `i <= LEN` in the two index loops: the extra pass writes past the end of a typed
 *   array, which is ignored.
 * - `m.region ?? ''` in the merge warning: a local adjustment always has a region (schema).
 * - addWorkingDaysDn: `lo = s + 2` → `s - 2` (cum is non-decreasing and cum[s + 1] < target, so a
 *   lower start finds the same day), and `lo > hi` → false (where lo > hi, from = 2099-12-31,
 *   `cum[hi] < target` holds too).
 * - `b <= a` → `b < a` (isSpanSettledDn) and `ib > ia` → `ib >= ia` (explainSpanDn): for a = b the
 *   count of unsettled days is compared with itself.
 * - explainSpanDn: `j < sp.length` → true / `<=` (sp[sp.length] is undefined and
 *   `undefined <= ib` is false); `k === K_MAKEUP` → true (a special day is a holiday or a
 *   make-up day).
 * - pendingNoticeYearsIn and diff: dropping `[...new Set(…)]`/`.sort` or breaking the comparator:
 *   the years are collected in increasing order, without duplicates.
 * - yearView sort comparators: `p.from > q.from ? 1 : 0` mutated (→ true, false, >=, <=) only
 *   changes a 0 into a 1 or back; V8's sort (binary insertion below 64 entries) only tests < 0.
 * - yearView: the error text of `${year}-12-31`: the last day is in range whenever the first is.
 */
