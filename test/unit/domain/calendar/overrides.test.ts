import { describe, expect, it } from 'vitest';
import {
  ScheduleValidationError,
  buildWorkingCalendar,
  isoDate,
  parseScheduleOverride,
  safeParseScheduleOverride,
  shippedWorkingCalendar,
  validateOverrideAgainst,
  yearsTouchedByOverride,
  type LocalAdjustment,
} from '#domain/calendar';

const d = (s: string) => isoDate(s);

// 广西“三月三” 2025 (illustrative local decree: 3月31日至4月2日; not a verified text).
const guangxi: LocalAdjustment = {
  scope: 'local',
  id: 'gx-2025-sanyuesan',
  year: 2025,
  region: '广西壮族自治区',
  source: { title: '关于2025年“壮族三月三”放假安排的通知（示例）' },
  holidays: [{ name: '壮族三月三', from: d('2025-03-31'), to: d('2025-04-01') }],
  makeupWorkdays: [],
};

function messages(input: unknown): string[] {
  const r = safeParseScheduleOverride(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}：${i.message}`);
}

describe('schedule override validation', () => {
  it('accepts a well-formed local adjustment and a next-year national schedule', () => {
    expect(parseScheduleOverride(guangxi)).toEqual(guangxi);
    expect(
      safeParseScheduleOverride({
        scope: 'national',
        year: 2027,
        source: { title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: '国办发明电〔2026〕1号' },
        holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }],
        makeupWorkdays: [],
      }).ok,
    ).toBe(true);
  });

  it('rejects dates outside the year, with a Chinese message', () => {
    const m = messages({ ...guangxi, holidays: [{ name: '壮族三月三', from: '2024-12-31', to: '2025-01-01' }] });
    expect(m.join()).toContain('不在2025年1月1日至2025年12月31日的范围内');
  });

  it('rejects a date that is both holiday and make-up day', () => {
    const m = messages({ ...guangxi, makeupWorkdays: [{ name: '壮族三月三', date: '2025-03-31' }] });
    expect(m.join()).toContain('不能同时是放假日和调休上班日');
  });

  it('rejects make-up days on weekdays, reversed and overlapping ranges, impossible dates, empty adjustments', () => {
    expect(messages({ ...guangxi, makeupWorkdays: [{ name: '壮族三月三', date: '2025-04-02' }] }).join()).toContain('不是星期六或星期日');
    expect(messages({ ...guangxi, holidays: [{ name: 'x', from: '2025-04-02', to: '2025-04-01' }] }).join()).toContain('不能早于开始日期');
    expect(
      messages({
        ...guangxi,
        holidays: [
          { name: 'a', from: '2025-04-01', to: '2025-04-03' },
          { name: 'b', from: '2025-04-03', to: '2025-04-04' },
        ],
      }).join(),
    ).toContain('重叠');
    expect(messages({ ...guangxi, holidays: [{ name: 'x', from: '2025-02-30', to: '2025-03-01' }] }).join()).toContain('真实存在的日期');
    expect(messages({ ...guangxi, holidays: [] }).join()).toContain('至少应包含');
    expect(messages({ ...guangxi, scope: 'province' }).join()).toContain('national（全国）或local（地方）');
  });

  it('requires national names to be the statutory festivals', () => {
    const m = messages({
      scope: 'national',
      year: 2027,
      source: { title: 't' },
      holidays: [{ name: '圣诞节', from: '2027-12-25', to: '2027-12-25' }],
      makeupWorkdays: [],
    });
    expect(m.join()).toContain('全国假期名称应为');
  });

  it('throws ScheduleValidationError listing every issue', () => {
    expect(() => parseScheduleOverride({ ...guangxi, year: 1999, region: '' })).toThrow(ScheduleValidationError);
    try {
      parseScheduleOverride({ ...guangxi, year: 1999, region: '' });
    } catch (e) {
      expect((e as ScheduleValidationError).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['year', 'region']));
    }
  });
});

describe('merge of shipped data and overrides', () => {
  it('a local adjustment adds holidays without making an uncovered year covered', () => {
    const cal = buildWorkingCalendar({ overrides: [guangxi] });
    expect(cal.dayInfo(d('2025-03-31'))).toMatchObject({ kind: 'HOLIDAY', name: '壮族三月三', scope: 'local', region: '广西壮族自治区' });
    expect(cal.addWorkingDays(d('2025-03-28'), 1).due).toBe('2025-04-02');
    const e = cal.addWorkingDays(d('2025-03-28'), 1).explanation;
    expect(e.holidaysSkipped).toEqual([{ name: '壮族三月三', from: '2025-03-31', to: '2025-04-01', days: 2, scope: 'local', region: '广西壮族自治区' }]);
    const y = cal.yearView(2025);
    expect(y.localAdjustments.map((l) => l.id)).toEqual(['gx-2025-sanyuesan']);
    expect(y.holidays.some((h) => h.scope === 'local')).toBe(true);
  });

  it('a stored national schedule replaces the shipped one for that year, with a warning', () => {
    const revised = { ...shippedWorkingCalendar().nationalSchedule(2026)!, makeupWorkdays: [] };
    const cal = buildWorkingCalendar({ overrides: [revised] });
    expect(cal.dayKind(d('2026-02-14'))).toBe('WEEKEND');
    expect(cal.warnings.map((w) => w.code)).toEqual(['NATIONAL_SCHEDULE_REPLACED']);
  });

  it('local over national conflicts are rejected before storing and reported if merged', () => {
    const bad: LocalAdjustment = { ...guangxi, id: 'x', year: 2026, holidays: [{ name: '地方假', from: d('2026-02-14'), to: d('2026-02-14') }] };
    expect(validateOverrideAgainst(bad).errors[0]?.message).toContain('调休上班日');
    const bad2: LocalAdjustment = { ...guangxi, id: 'y', year: 2026, holidays: [], makeupWorkdays: [{ name: '地方调休', date: d('2026-10-03') }] };
    expect(validateOverrideAgainst(bad2).errors[0]?.message).toContain('法定节假日');
    const cal = buildWorkingCalendar({ overrides: [bad] });
    expect(cal.dayKind(d('2026-02-14'))).toBe('HOLIDAY');
    expect(cal.warnings[0]?.code).toBe('LOCAL_OVERRIDES_NATIONAL_DAY');
    expect(validateOverrideAgainst(guangxi)).toEqual({ errors: [], warnings: [] });
    expect(validateOverrideAgainst(guangxi, { overrides: [{ ...guangxi, id: 'other' }] }).errors.length).toBeGreaterThan(0);
    expect(validateOverrideAgainst(shippedWorkingCalendar().nationalSchedule(2026)!).warnings[0]?.message).toContain('替换');
  });

  it('tells which years a change touches', () => {
    expect(yearsTouchedByOverride(guangxi)).toEqual([2025]);
    expect(yearsTouchedByOverride(shippedWorkingCalendar().nationalSchedule(2019)!)).toEqual([2018, 2019]);
    const before = shippedWorkingCalendar();
    const after = buildWorkingCalendar({ overrides: [guangxi] });
    expect(before.diff(after)).toEqual({ years: [2025], dates: ['2025-03-31', '2025-04-01'] });
    expect(before.version).not.toBe(after.version);
    expect(buildWorkingCalendar().version).toBe(before.version);
  });
});

describe('year view', () => {
  it('lists holidays with names, make-up days and coverage', () => {
    const cal = shippedWorkingCalendar();
    const y = cal.yearView(2026);
    expect(y.covered).toBe(true);
    expect(y.holidays.map((h) => `${h.name}:${h.from}..${h.to}`)).toEqual([
      '元旦:2026-01-01..2026-01-03',
      '春节:2026-02-15..2026-02-23',
      '清明节:2026-04-04..2026-04-06',
      '劳动节:2026-05-01..2026-05-05',
      '端午节:2026-06-19..2026-06-21',
      '中秋节:2026-09-25..2026-09-27',
      '国庆节:2026-10-01..2026-10-07',
    ]);
    expect(y.makeupWorkdays.map((m) => `${m.date}/${m.weekday}`)).toEqual(['2026-01-04/0', '2026-02-14/6', '2026-02-28/6', '2026-05-09/6', '2026-09-20/0', '2026-10-10/6']);
    // 261 weekdays − 19 weekday holidays + 6 make-up days.
    expect(y.workingDays).toBe(248);
    const y27 = cal.yearView(2027);
    expect(y27).toMatchObject({ covered: false, holidays: [], makeupWorkdays: [] });
  });
});
