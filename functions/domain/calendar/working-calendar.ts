/**
 * The working-day calendar value: shipped national schedules + stored overrides, indexed once
 * into flat typed arrays so that each query is O(1) or O(log n) (see scripts/bench/deadlines.ts).
 *
 * Counting rule (domain.md §2.13 and §11): a period of N working days after an event ends on the
 * Nth working day strictly after the event date; the event date never counts, even when it is a
 * weekend or holiday. Make-up working days (调休上班) count.
 *
 * Years without a national schedule are never silently Monday–Friday: their days are counted on
 * weekdays but reported as unsettled, so any result touching them is `provisional`.
 */
import { DateOutOfRangeError, InvalidWorkingDayCountError } from './errors';
import { fromDayNumber, toDayNumber, weekdayOfDayNumber, yearOf, type DayNumber, type IsoDate } from './iso-date';
import type { LocalAdjustment, NationalSchedule, NoticeAmendment, NoticeSource } from './schedule';

export const DayKind = {
  WORKDAY: 'WORKDAY',
  WEEKEND: 'WEEKEND',
  HOLIDAY: 'HOLIDAY',
  MAKEUP_WORKDAY: 'MAKEUP_WORKDAY',
} as const;
export type DayKind = (typeof DayKind)[keyof typeof DayKind];

const KINDS: readonly DayKind[] = [DayKind.WORKDAY, DayKind.WEEKEND, DayKind.HOLIDAY, DayKind.MAKEUP_WORKDAY];
const K_WORK = 0;
const K_WEEKEND = 1;
const K_HOLIDAY = 2;
const K_MAKEUP = 3;

export const FIRST_INDEXED_YEAR = 2000;
export const LAST_INDEXED_YEAR = 2099;
/**
 * From this month-day on, a day of year Y may still be changed by the notice for Y+1 (its New
 * Year's Day arrangement reached back to 2018-12-29 and 2022-12-31), so such days are settled
 * only once Y+1 is covered. Matches the earliest date the schedule schema accepts.
 */
export const NEXT_NOTICE_REACH_FROM = '12-20';

const BASE: DayNumber = toDayNumber(`${FIRST_INDEXED_YEAR}-01-01`);
const END: DayNumber = toDayNumber(`${LAST_INDEXED_YEAR + 1}-01-01`); // exclusive
const LEN = END - BASE;

export interface SpecialDay {
  readonly date: IsoDate;
  readonly kind: typeof DayKind.HOLIDAY | typeof DayKind.MAKEUP_WORKDAY;
  readonly name: string;
  readonly scope: 'national' | 'local';
  /** Region of a local adjustment. */
  readonly region?: string;
}

export interface DayInfo {
  readonly date: IsoDate;
  readonly kind: DayKind;
  readonly working: boolean;
  /** Holiday name, or for a make-up day the holiday it is swapped for. */
  readonly name?: string;
  readonly scope?: 'national' | 'local';
  readonly region?: string;
  /** False when the kind may still change (year uncovered, or waiting for next year's notice). */
  readonly settled: boolean;
}

export interface MergeWarning {
  readonly code: 'NATIONAL_SCHEDULE_REPLACED' | 'LOCAL_OVERRIDES_NATIONAL_DAY';
  readonly message: string;
  readonly year: number;
  readonly date?: IsoDate;
  readonly overrideId?: string;
}

export interface HolidaySpan {
  readonly name: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Calendar days of this holiday inside the counted span. */
  readonly days: number;
  readonly scope: 'national' | 'local';
  readonly region?: string;
}

/** Why a span of days has the working-day count it has; for "why this date". */
export interface SpanExplanation {
  /** Exclusive lower bound (the event date, never counted). */
  readonly after: IsoDate;
  /** Inclusive upper bound. */
  readonly through: IsoDate;
  readonly calendarDays: number;
  readonly workingDays: number;
  readonly weekendDaysSkipped: number;
  readonly holidaysSkipped: readonly HolidaySpan[];
  readonly makeupWorkdaysCounted: readonly SpecialDay[];
  /** Years whose national notice is missing and which affect this span. */
  readonly pendingNoticeYears: readonly number[];
  readonly provisional: boolean;
}

export interface WorkingDayExplanation extends SpanExplanation {
  readonly from: IsoDate;
  readonly fromKind: DayKind;
  readonly requestedWorkingDays: number;
  readonly due: IsoDate;
}

export interface WorkingDayResult {
  readonly due: IsoDate;
  readonly provisional: boolean;
  readonly explanation: WorkingDayExplanation;
}

export interface YearView {
  readonly year: number;
  readonly covered: boolean;
  readonly source?: NoticeSource;
  readonly amendments: readonly NoticeAmendment[];
  readonly holidays: readonly HolidaySpan[];
  readonly makeupWorkdays: readonly (SpecialDay & { readonly weekday: number })[];
  readonly localAdjustments: readonly { readonly id: string; readonly region: string; readonly source: NoticeSource }[];
  /** Working days in the calendar year (on weekdays for an uncovered year). */
  readonly workingDays: number;
}

/** The day's slot in the index; a day outside it is refused, named as the date it is. */
function idx(dn: DayNumber, original?: string): number {
  const i = dn - BASE;
  if (i < 0 || i >= LEN) throw new DateOutOfRangeError(original ?? fromDayNumber(dn));
  return i;
}

function fnv1a(str: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

interface SpecialMeta {
  name: string;
  scope: 'national' | 'local';
  region?: string;
}

export class WorkingCalendar {
  /** Deterministic fingerprint of the inputs; store it with a computed deadline. */
  readonly version: string;
  readonly coveredYears: readonly number[];
  readonly warnings: readonly MergeWarning[];

  private readonly kinds: Uint8Array;
  /** cumWork[i] = working days among indices [0, i). */
  private readonly cumWork: Int32Array;
  /** cumUnsettled[i] = unsettled days among indices [0, i). */
  private readonly cumUnsettled: Int32Array;
  private readonly covered: Set<number>;
  private readonly meta: Map<number, SpecialMeta>;
  /** Sorted indices of days with meta (holidays and make-up days). */
  private readonly specials: Int32Array;
  private readonly national: Map<number, NationalSchedule>;
  private readonly locals: readonly LocalAdjustment[];

  /**
   * Prefer buildWorkingCalendar(); this constructor trusts already-validated schedules.
   * National schedules must have distinct years.
   */
  constructor(national: readonly NationalSchedule[], locals: readonly LocalAdjustment[], warnings: readonly MergeWarning[] = []) {
    const sorted = [...national].sort((a, b) => a.year - b.year);
    this.national = new Map(sorted.map((s) => [s.year, s]));
    this.locals = [...locals];
    this.covered = new Set(sorted.map((s) => s.year));
    this.coveredYears = [...this.covered];
    const allWarnings = [...warnings];

    const kinds = new Uint8Array(LEN);
    for (let i = 0; i < LEN; i++) {
      const wd = weekdayOfDayNumber(BASE + i);
      kinds[i] = wd === 0 || wd === 6 ? K_WEEKEND : K_WORK;
    }
    const meta = new Map<number, SpecialMeta>();
    const setDay = (date: IsoDate, kind: number, m: SpecialMeta, localId?: string) => {
      const i = idx(toDayNumber(date), date);
      const prev = meta.get(i);
      if (localId !== undefined && prev && prev.scope === 'national' && kinds[i] !== kind) {
        allWarnings.push({
          code: 'LOCAL_OVERRIDES_NATIONAL_DAY',
          year: yearOf(date),
          date,
          overrideId: localId,
          message: `地方调整“${m.region ?? ''}”将${date}（全国安排为${prev.name}${kinds[i] === K_HOLIDAY ? '放假' : '调休上班'}）改为${kind === K_HOLIDAY ? '放假' : '上班'}，以地方规定为准`,
        });
      }
      kinds[i] = kind;
      meta.set(i, m);
    };
    // Year order, so that a New Year's Day spill-over from notice Y+1 wins over year Y's data.
    for (const s of sorted) {
      for (const r of s.holidays) {
        for (let d = toDayNumber(r.from), e = toDayNumber(r.to); d <= e; d++) {
          setDay(fromDayNumber(d), K_HOLIDAY, { name: r.name, scope: 'national' });
        }
      }
      for (const mk of s.makeupWorkdays) setDay(mk.date, K_MAKEUP, { name: mk.name, scope: 'national' });
    }
    for (const l of this.locals) {
      for (const r of l.holidays) {
        for (let d = toDayNumber(r.from), e = toDayNumber(r.to); d <= e; d++) {
          setDay(fromDayNumber(d), K_HOLIDAY, { name: r.name, scope: 'local', region: l.region }, l.id);
        }
      }
      for (const mk of l.makeupWorkdays) setDay(mk.date, K_MAKEUP, { name: mk.name, scope: 'local', region: l.region }, l.id);
    }

    const cumWork = new Int32Array(LEN + 1);
    const cumUnsettled = new Int32Array(LEN + 1);
    let year = FIRST_INDEXED_YEAR;
    let yearEnd = toDayNumber(`${year + 1}-01-01`) - BASE;
    let tailFrom = toDayNumber(`${year}-${NEXT_NOTICE_REACH_FROM}`) - BASE;
    for (let i = 0; i < LEN; i++) {
      if (i >= yearEnd) {
        year++;
        yearEnd = toDayNumber(`${year + 1}-01-01`) - BASE;
        tailFrom = toDayNumber(`${year}-${NEXT_NOTICE_REACH_FROM}`) - BASE;
      }
      const k = kinds[i]!;
      cumWork[i + 1] = cumWork[i]! + (k === K_WORK || k === K_MAKEUP ? 1 : 0);
      const settled = this.covered.has(year) && (i < tailFrom || this.covered.has(year + 1));
      cumUnsettled[i + 1] = cumUnsettled[i]! + (settled ? 0 : 1);
    }
    this.kinds = kinds;
    this.cumWork = cumWork;
    this.cumUnsettled = cumUnsettled;
    this.meta = meta;
    this.specials = Int32Array.from([...meta.keys()].sort((a, b) => a - b));
    this.warnings = allWarnings;

    const fingerprint = JSON.stringify([sorted, this.locals]);
    this.version = `cal-${fnv1a(fingerprint, 0x811c9dc5).toString(16).padStart(8, '0')}${fnv1a(fingerprint, 0x050c5d1f).toString(16).padStart(8, '0')}`;
  }

  /** True when the national notice for the year is loaded. */
  isCovered(year: number): boolean {
    return this.covered.has(year);
  }

  /** True when the kind of this date can no longer change with a missing notice. */
  isSettled(date: IsoDate): boolean {
    const i = idx(toDayNumber(date), date);
    return this.cumUnsettled[i + 1] === this.cumUnsettled[i];
  }

  dayKind(date: IsoDate): DayKind {
    return KINDS[this.kinds[idx(toDayNumber(date), date)]!]!;
  }

  isWorkingDay(date: IsoDate): boolean {
    const k = this.kinds[idx(toDayNumber(date), date)]!;
    return k === K_WORK || k === K_MAKEUP;
  }

  dayInfo(date: IsoDate): DayInfo {
    const i = idx(toDayNumber(date), date);
    const k = this.kinds[i]!;
    const m = this.meta.get(i);
    return {
      date,
      kind: KINDS[k]!,
      working: k === K_WORK || k === K_MAKEUP,
      settled: this.cumUnsettled[i + 1] === this.cumUnsettled[i],
      ...(m ? { name: m.name, scope: m.scope, ...(m.region ? { region: m.region } : {}) } : {}),
    };
  }

  // ---- day-number fast paths (used by the deadline clock) ----

  /** Working days in (a, b]; negative of (b, a] when b < a. */
  countWorkingDn(a: DayNumber, b: DayNumber): number {
    const ia = idx(a);
    const ib = idx(b);
    return this.cumWork[ib + 1]! - this.cumWork[ia + 1]!;
  }

  /** The nth working day strictly after `from` (n ≥ 1); `from` itself when n = 0. */
  addWorkingDaysDn(from: DayNumber, n: number): DayNumber {
    if (!Number.isInteger(n) || n < 0) throw new InvalidWorkingDayCountError(n);
    const s = idx(from, fromDayNumber(from));
    if (n === 0) return from;
    const target = this.cumWork[s + 1]! + n;
    const cum = this.cumWork;
    // Smallest k in [s+2, LEN] with cum[k] >= target; the due day is index k-1.
    let lo = s + 2;
    let hi = LEN;
    if (lo > hi || cum[hi]! < target) throw new DateOutOfRangeError(`${fromDayNumber(from)} + ${n}个工作日`);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return BASE + lo - 1;
  }

  /** True when every day in (a, b] is settled. */
  isSpanSettledDn(a: DayNumber, b: DayNumber): boolean {
    if (b <= a) return true;
    const ia = idx(a);
    const ib = idx(b);
    return this.cumUnsettled[ib + 1] === this.cumUnsettled[ia + 1];
  }

  // ---- public counting API ----

  /**
   * The nth working day strictly after `from` (domain.md §2.13), whether it is provisional, and
   * why. n = 0 returns `from` itself.
   */
  addWorkingDays(from: IsoDate, n: number): WorkingDayResult {
    const fromDn = toDayNumber(from);
    const dueDn = this.addWorkingDaysDn(fromDn, n);
    const due = fromDayNumber(dueDn);
    const span = this.explainSpanDn(fromDn, dueDn);
    // Explicit fields rather than a spread: keeps one object shape (the spread deoptimised).
    const explanation: WorkingDayExplanation = {
      after: span.after,
      through: span.through,
      calendarDays: span.calendarDays,
      workingDays: span.workingDays,
      weekendDaysSkipped: span.weekendDaysSkipped,
      holidaysSkipped: span.holidaysSkipped,
      makeupWorkdaysCounted: span.makeupWorkdaysCounted,
      pendingNoticeYears: span.pendingNoticeYears,
      provisional: span.provisional,
      from,
      fromKind: KINDS[this.kinds[fromDn - BASE]!]!,
      requestedWorkingDays: n,
      due,
    };
    return { due, provisional: span.provisional, explanation };
  }

  /**
   * Working days in (from, to]: 0 for the same day, 1 from a Friday to the next Monday.
   * Negative (−working days in (to, from]) when `to` is before `from`, so that
   * addWorkingDays(a, workingDaysBetween(a, b)).due ≤ b for a ≤ b.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    return this.countWorkingDn(toDayNumber(from), toDayNumber(to));
  }

  /** Explanation of the days in (after, through]. */
  explainSpan(after: IsoDate, through: IsoDate): SpanExplanation {
    return this.explainSpanDn(toDayNumber(after), toDayNumber(through));
  }

  explainSpanDn(a: DayNumber, b: DayNumber): SpanExplanation {
    const ia = idx(a);
    const ib = idx(b);
    const hi = Math.max(ia, ib);
    const calendarDays = Math.max(0, ib - ia);
    const workingDays = Math.max(0, this.cumWork[hi + 1]! - this.cumWork[ia + 1]!);
    const holidays: HolidaySpan[] = [];
    const makeups: SpecialDay[] = [];
    let holidayDays = 0;
    // Binary search for the first special index > ia.
    const sp = this.specials;
    let lo = 0;
    let h = sp.length;
    while (lo < h) {
      const mid = (lo + h) >>> 1;
      if (sp[mid]! <= ia) lo = mid + 1;
      else h = mid;
    }
    let open: { name: string; from: number; to: number; scope: 'national' | 'local'; region: string | undefined } | undefined;
    const flush = () => {
      if (!open) return;
      const span: { -readonly [K in keyof HolidaySpan]: HolidaySpan[K] } = {
        name: open.name,
        from: fromDayNumber(BASE + open.from),
        to: fromDayNumber(BASE + open.to),
        days: open.to - open.from + 1,
        scope: open.scope,
      };
      if (open.region) span.region = open.region;
      holidays.push(span);
      open = undefined;
    };
    for (let j = lo; j < sp.length && sp[j]! <= ib; j++) {
      const i = sp[j]!;
      const m = this.meta.get(i)!;
      const k = this.kinds[i]!;
      if (k === K_HOLIDAY) {
        holidayDays++;
        if (open && open.to === i - 1 && open.name === m.name && open.scope === m.scope) open.to = i;
        else {
          flush();
          open = { name: m.name, from: i, to: i, scope: m.scope, region: m.region };
        }
      } else if (k === K_MAKEUP) {
        flush();
        const mk: { -readonly [K in keyof SpecialDay]: SpecialDay[K] } = {
          date: fromDayNumber(BASE + i),
          kind: DayKind.MAKEUP_WORKDAY,
          name: m.name,
          scope: m.scope,
        };
        if (m.region) mk.region = m.region;
        makeups.push(mk);
      }
    }
    flush();
    const provisional = ib > ia && this.cumUnsettled[ib + 1] !== this.cumUnsettled[ia + 1];
    return {
      after: fromDayNumber(a),
      through: fromDayNumber(b),
      calendarDays,
      workingDays,
      weekendDaysSkipped: calendarDays - workingDays - holidayDays,
      holidaysSkipped: holidays,
      makeupWorkdaysCounted: makeups,
      pendingNoticeYears: provisional ? this.pendingNoticeYearsIn(a, b) : [],
      provisional,
    };
  }

  private pendingNoticeYearsIn(a: DayNumber, b: DayNumber): number[] {
    const out: number[] = [];
    const y0 = yearOf(fromDayNumber(a + 1));
    const y1 = yearOf(fromDayNumber(b));
    for (let y = y0; y <= y1; y++) {
      if (!this.covered.has(y)) out.push(y);
    }
    // Days in the December tail wait for the next year's notice.
    const tail = toDayNumber(`${y1}-${NEXT_NOTICE_REACH_FROM}`);
    if (b >= tail && !this.covered.has(y1 + 1)) out.push(y1 + 1);
    return [...new Set(out)].sort((x, y) => x - y);
  }

  // ---- year view and sources ----

  nationalSchedule(year: number): NationalSchedule | undefined {
    return this.national.get(year);
  }

  localAdjustments(year?: number): readonly LocalAdjustment[] {
    return year === undefined ? this.locals : this.locals.filter((l) => l.year === year);
  }

  /** Holidays (with names), make-up working days and coverage of one year, for the calendar page. */
  yearView(year: number): YearView {
    const n = this.national.get(year);
    const locals = this.localAdjustments(year);
    const span = (r: { name: string; from: IsoDate; to: IsoDate }, scope: 'national' | 'local', region?: string): HolidaySpan => ({
      name: r.name,
      from: r.from,
      to: r.to,
      days: toDayNumber(r.to) - toDayNumber(r.from) + 1,
      scope,
      ...(region ? { region } : {}),
    });
    const holidays = [...(n?.holidays.map((r) => span(r, 'national')) ?? []), ...locals.flatMap((l) => l.holidays.map((r) => span(r, 'local', l.region)))].sort((p, q) =>
      p.from < q.from ? -1 : p.from > q.from ? 1 : 0,
    );
    const makeupWorkdays = [
      ...(n?.makeupWorkdays.map((mk) => ({ date: mk.date, name: mk.name, scope: 'national' as const })) ?? []),
      ...locals.flatMap((l) => l.makeupWorkdays.map((mk) => ({ date: mk.date, name: mk.name, scope: 'local' as const, region: l.region }))),
    ]
      .sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0))
      .map((mk) => ({ ...mk, kind: DayKind.MAKEUP_WORKDAY, weekday: weekdayOfDayNumber(toDayNumber(mk.date)) }));
    const first = idx(toDayNumber(`${year}-01-01`), `${year}-01-01`);
    const last = idx(toDayNumber(`${year}-12-31`), `${year}-12-31`);
    return {
      year,
      covered: this.isCovered(year),
      ...(n ? { source: n.source } : {}),
      amendments: n?.amendments ?? [],
      holidays,
      makeupWorkdays,
      localAdjustments: locals.map((l) => ({ id: l.id, region: l.region, source: l.source })),
      workingDays: this.cumWork[last + 1]! - this.cumWork[first]!,
    };
  }

  /**
   * Dates whose kind, name or settledness differ between two calendars, and their years: the
   * open deadlines whose counted span touches one of these dates must be recomputed.
   */
  diff(other: WorkingCalendar): { readonly years: readonly number[]; readonly dates: readonly IsoDate[] } {
    const dates: IsoDate[] = [];
    const years = new Set<number>();
    for (let i = 0; i < LEN; i++) {
      const s1 = this.cumUnsettled[i + 1]! - this.cumUnsettled[i]!;
      const s2 = other.cumUnsettled[i + 1]! - other.cumUnsettled[i]!;
      const m1 = this.meta.get(i);
      const m2 = other.meta.get(i);
      if (this.kinds[i] !== other.kinds[i] || s1 !== s2 || m1?.name !== m2?.name || m1?.region !== m2?.region) {
        const d = fromDayNumber(BASE + i);
        dates.push(d);
        years.add(yearOf(d));
      }
    }
    return { years: [...years].sort((a, b) => a - b), dates };
  }
}
