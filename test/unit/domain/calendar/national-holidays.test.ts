import { describe, expect, it } from 'vitest';
import { DayKind, SHIPPED_NATIONAL_SCHEDULES, fromDayNumber, nationalScheduleSchema, shippedWorkingCalendar, toDayNumber, weekdayOfDayNumber, type IsoDate } from '#domain/calendar';

/**
 * Independent table, typed from the notices (not generated from the data module):
 * H = days off (ranges "a..b", MM-DD within the year, or full dates), W = make-up working days.
 */
const NOTICES: Record<number, { H: string; W: string }> = {
  2019: {
    H: '2018-12-30..2019-01-01 02-04..02-10 04-05 05-01..05-04 06-07 09-13 10-01..10-07',
    W: '2018-12-29 02-02 02-03 04-28 05-05 09-29 10-12',
  },
  // 2020 with 国办发明电〔2020〕1号: Spring Festival to 02-02; the 02-01 make-up Saturday cancelled.
  2020: { H: '01-01 01-24..02-02 04-04..04-06 05-01..05-05 06-25..06-27 10-01..10-08', W: '01-19 04-26 05-09 06-28 09-27 10-10' },
  2021: { H: '01-01..01-03 02-11..02-17 04-03..04-05 05-01..05-05 06-12..06-14 09-19..09-21 10-01..10-07', W: '02-07 02-20 04-25 05-08 09-18 09-26 10-09' },
  2022: { H: '01-01..01-03 01-31..02-06 04-03..04-05 04-30..05-04 06-03..06-05 09-10..09-12 10-01..10-07', W: '01-29 01-30 04-02 04-24 05-07 10-08 10-09' },
  2023: { H: '2022-12-31..2023-01-02 01-21..01-27 04-05 04-29..05-03 06-22..06-24 09-29..10-06', W: '01-28 01-29 04-23 05-06 06-25 10-07 10-08' },
  2024: { H: '01-01 02-10..02-17 04-04..04-06 05-01..05-05 06-10 09-15..09-17 10-01..10-07', W: '02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12' },
  2025: { H: '01-01 01-28..02-04 04-04..04-06 05-01..05-05 05-31..06-02 10-01..10-08', W: '01-26 02-08 04-27 09-28 10-11' },
  // Must equal domain.md §2.13.
  2026: { H: '01-01..01-03 02-15..02-23 04-04..04-06 05-01..05-05 06-19..06-21 09-25..09-27 10-01..10-07', W: '01-04 02-14 02-28 05-09 09-20 10-10' },
};

function expand(year: number, spec: string): string[] {
  const full = (s: string) => (s.length === 5 ? `${year}-${s}` : s);
  return spec.split(/\s+/).flatMap((tok) => {
    const [a, b] = tok.split('..').map(full) as [string, string | undefined];
    const out: string[] = [];
    for (let d = toDayNumber(a), e = toDayNumber(b ?? a); d <= e; d++) out.push(fromDayNumber(d));
    return out;
  });
}

const cal = shippedWorkingCalendar();

describe('shipped national holiday data', () => {
  it('covers exactly 2019..2026 (no 2027 notice found)', () => {
    expect(cal.coveredYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(cal.isCovered(2027)).toBe(false);
    expect(cal.isCovered(2018)).toBe(false);
  });

  it('passes the administrator schema (names, ranges, make-up days on weekends)', () => {
    for (const s of SHIPPED_NATIONAL_SCHEDULES) {
      const r = nationalScheduleSchema.safeParse(s);
      expect(r.success, `${s.year}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });

  for (const [yearText, notice] of Object.entries(NOTICES)) {
    const year = Number(yearText);
    it(`${year}: every holiday and make-up day matches the notice, and every other day follows Mon–Fri`, () => {
      const holidays = new Set(expand(year, notice.H));
      const makeups = new Set(expand(year, notice.W));
      for (const d of holidays) expect(cal.dayKind(d as IsoDate), d).toBe(DayKind.HOLIDAY);
      for (const d of makeups) {
        expect(cal.dayKind(d as IsoDate), d).toBe(DayKind.MAKEUP_WORKDAY);
        expect([0, 6]).toContain(weekdayOfDayNumber(toDayNumber(d)));
      }
      // Completeness: no day of the year is special unless the table says so.
      for (let dn = toDayNumber(`${year}-01-01`); dn <= toDayNumber(`${year}-12-31`); dn++) {
        const d = fromDayNumber(dn);
        if (holidays.has(d) || makeups.has(d)) continue;
        const wd = weekdayOfDayNumber(dn);
        // Spill-over of the next notice's New Year's Day (2022-12-31) is checked under 2023.
        const next = NOTICES[year + 1];
        if (next && expand(year + 1, next.H).includes(d)) continue;
        expect(cal.dayKind(d), d).toBe(wd === 0 || wd === 6 ? DayKind.WEEKEND : DayKind.WORKDAY);
      }
    });
  }

  it('names the holidays as the notices do', () => {
    expect(cal.dayInfo('2020-10-05' as IsoDate).name).toBe('国庆节、中秋节');
    expect(cal.dayInfo('2023-10-01' as IsoDate).name).toBe('中秋节、国庆节');
    expect(cal.dayInfo('2026-02-14' as IsoDate)).toMatchObject({ kind: 'MAKEUP_WORKDAY', name: '春节', working: true });
    expect(cal.dayInfo('2024-02-09' as IsoDate).kind).toBe(DayKind.WORKDAY); // 除夕 only "encouraged" off
  });

  it('records each notice with its document number and the two amendments', () => {
    const y2020 = cal.yearView(2020);
    expect(y2020.source?.documentNumber).toBe('国办发明电〔2019〕16号');
    expect(y2020.amendments.map((a) => a.documentNumber)).toEqual(['国办发明电〔2020〕1号']);
    expect(cal.yearView(2019).amendments.map((a) => a.documentNumber)).toEqual(['国办发明电〔2019〕3号']);
    expect(cal.yearView(2026).source?.issuedOn).toBe('2025-11-04');
  });
});
