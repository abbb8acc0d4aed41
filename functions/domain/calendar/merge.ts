/**
 * Merge of the shipped national data with administrator overrides (stored by the application
 * layer in DynamoDB) into one WorkingCalendar value.
 *
 * Precedence, and why:
 * - A stored national schedule for year Y replaces the shipped one for Y: it is either next
 *   year's notice (not shipped yet) or a correction/amendment such as 2020's extension, which
 *   the administrator enters as the complete revised arrangement.
 * - Local adjustments are layered on top in the order given (the more specific decree wins).
 *   A local day that contradicts a national holiday/make-up day is applied but reported as a
 *   warning; validateOverrideAgainst() rejects such conflicts before they are stored.
 */
import type { ScheduleIssue } from './errors';
import { toDayNumber, fromDayNumber, yearOf, type IsoDate } from './iso-date';
import { SHIPPED_NATIONAL_SCHEDULES } from './national-holidays';
import type { LocalAdjustment, NationalSchedule, ScheduleOverride } from './schedule';
import { WorkingCalendar, type MergeWarning } from './working-calendar';

export interface CalendarSources {
  /** Defaults to SHIPPED_NATIONAL_SCHEDULES. */
  readonly shipped?: readonly NationalSchedule[];
  /** Validated overrides (parseScheduleOverride) in the order they should apply. */
  readonly overrides?: readonly ScheduleOverride[];
}

/** Resolves precedence without building the index (cheap; used by validation). */
export function resolveSources(sources: CalendarSources = {}): {
  national: NationalSchedule[];
  locals: LocalAdjustment[];
  warnings: MergeWarning[];
} {
  const byYear = new Map<number, NationalSchedule>();
  for (const s of sources.shipped ?? SHIPPED_NATIONAL_SCHEDULES) byYear.set(s.year, s);
  const warnings: MergeWarning[] = [];
  const locals: LocalAdjustment[] = [];
  for (const o of sources.overrides ?? []) {
    if (o.scope === 'national') {
      if (byYear.has(o.year)) {
        warnings.push({
          code: 'NATIONAL_SCHEDULE_REPLACED',
          year: o.year,
          message: `${o.year}年全国节假日安排已由管理员录入的“${o.source.title}”替换内置数据`,
        });
      }
      byYear.set(o.year, o);
    } else {
      locals.push(o);
    }
  }
  return { national: [...byYear.values()].sort((a, b) => a.year - b.year), locals, warnings };
}

export function buildWorkingCalendar(sources: CalendarSources = {}): WorkingCalendar {
  const { national, locals, warnings } = resolveSources(sources);
  return new WorkingCalendar(national, locals, warnings);
}

let shipped: WorkingCalendar | undefined;
/** The calendar from shipped data only (memoised: the input is a module constant). */
export function shippedWorkingCalendar(): WorkingCalendar {
  shipped ??= buildWorkingCalendar();
  return shipped;
}

function datesOf(s: ScheduleOverride): IsoDate[] {
  const out: IsoDate[] = [];
  for (const r of s.holidays) {
    for (let d = toDayNumber(r.from), e = toDayNumber(r.to); d <= e; d++) out.push(fromDayNumber(d));
  }
  for (const mk of s.makeupWorkdays) out.push(mk.date);
  return out;
}

/**
 * Years whose days a stored override can change (a national schedule for Y can also reach back
 * into December of Y-1). Adding, editing or deleting the override affects exactly these years;
 * for an edit pass both versions. For an exact list, diff two calendars: before.diff(after).
 */
export function yearsTouchedByOverride(...overrides: readonly ScheduleOverride[]): number[] {
  const years = new Set<number>();
  for (const o of overrides) {
    years.add(o.year);
    for (const d of datesOf(o)) years.add(yearOf(d));
  }
  return [...years].sort((a, b) => a - b);
}

export interface OverrideCheck {
  /** Conflicts that must block saving. */
  readonly errors: readonly ScheduleIssue[];
  /** Facts the administrator should confirm (e.g. replacing a year's national schedule). */
  readonly warnings: readonly ScheduleIssue[];
}

/**
 * Cross-checks an already-parsed override against the calendar it will join (pass the sources
 * WITHOUT the override, or with its previous version when editing: same id is ignored).
 * Run before storing; the merge itself never throws.
 */
export function validateOverrideAgainst(override: ScheduleOverride, sources: CalendarSources = {}): OverrideCheck {
  const issues: ScheduleIssue[] = [];
  const { national, locals } = resolveSources(sources);
  if (override.scope === 'national') {
    const existing = national.find((n) => n.year === override.year);
    return {
      errors: [],
      warnings: existing ? [{ path: 'year', message: `${override.year}年已有全国安排（${existing.source.title}），保存将替换原安排，请确认是修订或更正` }] : [],
    };
  }
  const nationalDays = new Map<IsoDate, { kind: 'holiday' | 'makeup'; name: string }>();
  for (const n of national) {
    for (const r of n.holidays) {
      for (let d = toDayNumber(r.from), e = toDayNumber(r.to); d <= e; d++) nationalDays.set(fromDayNumber(d), { kind: 'holiday', name: r.name });
    }
    for (const mk of n.makeupWorkdays) nationalDays.set(mk.date, { kind: 'makeup', name: mk.name });
  }
  override.holidays.forEach((r, i) => {
    for (let d = toDayNumber(r.from), e = toDayNumber(r.to); d <= e; d++) {
      const day = fromDayNumber(d);
      if (nationalDays.get(day)?.kind === 'makeup') {
        issues.push({ path: `holidays.${i}`, message: `${day}是全国安排的调休上班日（${nationalDays.get(day)!.name}），地方假期不能与之冲突` });
      }
    }
  });
  override.makeupWorkdays.forEach((mk, i) => {
    if (nationalDays.get(mk.date)?.kind === 'holiday') {
      issues.push({ path: `makeupWorkdays.${i}.date`, message: `${mk.date}是全国法定节假日（${nationalDays.get(mk.date)!.name}），不能安排为调休上班日` });
    }
  });
  const others = locals.filter((l) => l.id !== override.id);
  const localDays = new Set(others.flatMap((l) => datesOf(l)));
  for (const d of datesOf(override)) {
    if (localDays.has(d)) issues.push({ path: '', message: `${d}已在其他地方调整中安排，请勿重复录入` });
  }
  return { errors: issues, warnings: [] };
}
