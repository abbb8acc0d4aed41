/**
 * The working-day calendar as the application sees it: the shipped national schedules plus the
 * schedules administrators stored in DynamoDB (one Query), cached briefly per process.
 */
import {
  addCalendarDays,
  buildWorkingCalendar,
  isIsoDate,
  parseScheduleOverride,
  renderWorkingDayExplanation,
  ScheduleValidationError,
  validateOverrideAgainst,
  FIRST_INDEXED_YEAR,
  LAST_INDEXED_YEAR,
  type IsoDate,
  type ScheduleOverride,
  type WorkingCalendar,
  type WorkingDayExplanation,
  type YearView,
} from '#domain/calendar';
import { NotFoundError, ValidationError } from '#domain/errors';
import { staffActor, type StaffMember } from '#domain/staff';
import type { RecordStore } from '#ports/record-store';
import { CalendarOverrideRepository, type StoredScheduleOverride } from '#repositories/calendar-overrides';
export type { StoredScheduleOverride };
import type { AppDependencies } from '../context';
import { recomputeOpenDeadlines, type RecomputeReport } from '../deadlines/recompute';
import { newId } from '../ids';

type Deps = Pick<AppDependencies, 'records' | 'clock' | 'logger'>;
/** Changing a schedule recomputes open deadlines, whose periods come from the agency's policy. */
type ChangeDeps = Deps & Pick<AppDependencies, 'policy' | 'caseTypes'>;

/** Stored schedules change a few times a year; other processes pick a change up within this time. */
export const CALENDAR_CACHE_MS = 60_000;

interface Loaded {
  readonly calendar: WorkingCalendar;
  readonly stored: readonly StoredScheduleOverride[];
  readonly at: number;
}

const cache = new WeakMap<RecordStore, Loaded>();

/** Active stored schedules in the order they apply: national by year, then local ones as saved. */
function activeOverrides(stored: readonly StoredScheduleOverride[]): ScheduleOverride[] {
  return stored
    .filter((s) => s.status === 'active')
    .sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0))
    .map((s) => s.schedule);
}

async function load(deps: Deps): Promise<Loaded> {
  const stored = (await new CalendarOverrideRepository(deps.records).list()).map((v) => v.item);
  const loaded = { calendar: buildWorkingCalendar({ overrides: activeOverrides(stored) }), stored, at: deps.clock.now().getTime() };
  cache.set(deps.records, loaded);
  return loaded;
}

async function loaded(deps: Deps): Promise<Loaded> {
  const hit = cache.get(deps.records);
  const now = deps.clock.now().getTime();
  if (hit && now - hit.at >= 0 && now - hit.at < CALENDAR_CACHE_MS) return hit;
  return load(deps);
}

/** The calendar in force: shipped data + stored schedules (cached for CALENDAR_CACHE_MS). */
export async function loadCalendar(deps: Deps): Promise<WorkingCalendar> {
  return (await loaded(deps)).calendar;
}

/** Forgets the cached calendar of this store (called after every change in this process). */
export function invalidateCalendar(deps: Pick<AppDependencies, 'records'>): void {
  cache.delete(deps.records);
}

/** Stored schedules for the administrator's list, newest first (removed ones included, marked). */
export async function listScheduleOverrides(deps: Deps): Promise<StoredScheduleOverride[]> {
  const { stored } = await load(deps);
  return [...stored].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
}

export interface SaveOverrideOptions {
  /** Required when the schedule replaces a year's national arrangement (shipped or stored). */
  readonly confirmReplace?: boolean;
}

export interface ScheduleChangeResult {
  readonly override: StoredScheduleOverride;
  readonly warnings: readonly string[];
  /** Years whose days changed (calendar diff). */
  readonly yearsChanged: readonly number[];
  readonly recomputed: RecomputeReport;
}

const EMPTY_REPORT: RecomputeReport = { examined: 0, changed: 0, unchanged: 0, closed: 0, unregistered: 0, failed: 0 };

/**
 * Stores next year's national schedule or a local adjustment: validated (schema, then against the
 * calendar it joins), versioned and audited; then every open deadline it affects is recomputed.
 * `input` is the untrusted schedule (the scope/year/source/holidays/makeupWorkdays shape; for a
 * local adjustment the id is assigned here).
 */
export async function saveScheduleOverride(deps: ChangeDeps, admin: StaffMember, input: unknown, options: SaveOverrideOptions = {}): Promise<ScheduleChangeResult> {
  const now = deps.clock.now();
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const year = typeof raw.year === 'number' ? raw.year : 0;
  const id = raw.scope === 'national' ? `national-${year}` : `local-${year}-${newId(now)}`;
  const schedule = parseScheduleOverride(raw.scope === 'local' ? { ...raw, id } : stripId(raw));

  const before = await load(deps);
  const others = activeOverrides(before.stored.filter((s) => s.id !== id));
  const check = validateOverrideAgainst(schedule, { overrides: others });
  if (check.errors.length > 0) throw new ScheduleValidationError(check.errors);
  const warnings = check.warnings.map((w) => w.message);
  if (warnings.length > 0 && !options.confirmReplace) {
    throw new ValidationError(warnings.join('；'), { confirmReplace: warnings.join('；') });
  }

  const repo = new CalendarOverrideRepository(deps.records);
  const existing = await repo.get(id);
  const item: StoredScheduleOverride = { id, status: 'active', schedule, savedAt: now.toISOString(), savedBy: { id: admin.id, name: admin.displayName } };
  await repo.save(item, existing?.version, {
    type: existing ? 'calendar.override.replaced' : 'calendar.override.added',
    actor: staffActor(admin),
    data: summaryOf(schedule, id),
  });
  const result = await afterChange(deps, before.calendar);
  deps.logger.info('calendar schedule saved', { id, scope: schedule.scope, year: schedule.year, ...result.recomputed });
  return { override: item, warnings, ...result };
}

/** Withdraws a stored schedule (the record stays, marked removed, with its audit trail). */
export async function removeScheduleOverride(deps: ChangeDeps, admin: StaffMember, id: string): Promise<ScheduleChangeResult> {
  const repo = new CalendarOverrideRepository(deps.records);
  const existing = await repo.get(id);
  if (!existing || existing.item.status !== 'active') throw new NotFoundError('该节假日安排不存在或已删除。');
  const before = await load(deps);
  const now = deps.clock.now().toISOString();
  const item: StoredScheduleOverride = { ...existing.item, status: 'removed', removedAt: now, removedBy: { id: admin.id, name: admin.displayName } };
  await repo.save(item, existing.version, { type: 'calendar.override.removed', actor: staffActor(admin), data: summaryOf(existing.item.schedule, id) });
  const result = await afterChange(deps, before.calendar);
  deps.logger.info('calendar schedule removed', { id, ...result.recomputed });
  return { override: item, warnings: [], ...result };
}

async function afterChange(deps: ChangeDeps, previous: WorkingCalendar): Promise<{ yearsChanged: number[]; recomputed: RecomputeReport }> {
  invalidateCalendar(deps);
  const { calendar } = await load(deps);
  const diff = previous.diff(calendar);
  const first = diff.dates[0];
  if (!first) return { yearsChanged: [], recomputed: EMPTY_REPORT };
  return { yearsChanged: [...diff.years], recomputed: await recomputeOpenDeadlines(deps, calendar, first) };
}

function stripId(raw: Record<string, unknown>): Record<string, unknown> {
  const { id: _ignored, region: _region, ...rest } = raw;
  return rest;
}

function summaryOf(s: ScheduleOverride, id: string): Record<string, unknown> {
  return {
    id,
    scope: s.scope,
    year: s.year,
    ...(s.scope === 'local' ? { region: s.region } : {}),
    title: s.source.title,
    ...(s.source.documentNumber ? { documentNumber: s.source.documentNumber } : {}),
    holidays: s.holidays.map((h) => `${h.name} ${h.from}..${h.to}`),
    makeupWorkdays: s.makeupWorkdays.map((m) => `${m.name} ${m.date}`),
  };
}

// ---- counting ----

export const MAX_WORKING_DAYS = 366;

export interface DueDateAnswer {
  readonly from: string;
  readonly workingDays: number;
  readonly due: string;
  readonly provisional: boolean;
  readonly explanation?: DueDateExplanation;
}

export interface DueDateExplanation {
  /** "why this date" in plain Chinese. */
  readonly text: string;
  readonly calendarDays: number;
  readonly weekendDaysSkipped: number;
  readonly holidaysSkipped: WorkingDayExplanation['holidaysSkipped'];
  readonly makeupWorkdaysCounted: WorkingDayExplanation['makeupWorkdaysCounted'];
  readonly pendingNoticeYears: readonly number[];
}

/** Validates the calculator's inputs; field-level Chinese messages. */
export function checkDueDateInput(from: unknown, workingDays: unknown): { from: IsoDate; workingDays: number } {
  const fields: Record<string, string> = {};
  if (typeof from !== 'string' || from.trim() === '') fields.from = '请填写起算日期（收到申请之日）。';
  else if (!isIsoDate(from.trim())) fields.from = '起算日期格式应为YYYY-MM-DD，且必须是真实存在的日期。';
  else if (+from.slice(0, 4) < FIRST_INDEXED_YEAR || +from.slice(0, 4) >= LAST_INDEXED_YEAR) fields.from = `起算日期须在${FIRST_INDEXED_YEAR}年至${LAST_INDEXED_YEAR - 1}年之间。`;
  const n = typeof workingDays === 'number' ? workingDays : typeof workingDays === 'string' && /^\s*\d+\s*$/.test(workingDays) ? Number(workingDays) : NaN;
  if (workingDays === undefined || workingDays === '') fields.workingDays = '请填写工作日数。';
  else if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) fields.workingDays = `工作日数须为0至${MAX_WORKING_DAYS}之间的整数。`;
  if (Object.keys(fields).length > 0) throw new ValidationError('提交的信息有误，请按提示修改。', fields);
  return { from: (from as string).trim() as IsoDate, workingDays: n };
}

/** The due date N working days after `from`, whether it is provisional, and (on request) why. */
export async function dueDate(deps: Deps, from: unknown, workingDays: unknown, explain = false): Promise<DueDateAnswer> {
  const input = checkDueDateInput(from, workingDays);
  const calendar = await loadCalendar(deps);
  const r = calendar.addWorkingDays(input.from, input.workingDays);
  const answer = { from: input.from as string, workingDays: input.workingDays, due: r.due as string, provisional: r.provisional };
  if (!explain) return answer;
  const e = r.explanation;
  return {
    ...answer,
    explanation: {
      text: renderWorkingDayExplanation(e, '起算事件'),
      calendarDays: e.calendarDays,
      weekendDaysSkipped: e.weekendDaysSkipped,
      holidaysSkipped: e.holidaysSkipped,
      makeupWorkdaysCounted: e.makeupWorkdaysCounted,
      pendingNoticeYears: e.pendingNoticeYears,
    },
  };
}

export interface YearCalendar extends YearView {
  /** Every day with its kind, for the month grids. */
  readonly months: { month: number; days: { date: string; kind: 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKEUP_WORKDAY'; holidayName?: string }[] }[];
}

export function checkYear(year: unknown): number {
  const y = typeof year === 'number' ? year : typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : NaN;
  if (!Number.isInteger(y) || y < FIRST_INDEXED_YEAR || y > LAST_INDEXED_YEAR - 1) {
    throw new ValidationError(`年份须为${FIRST_INDEXED_YEAR}至${LAST_INDEXED_YEAR - 1}之间的四位数字。`, { year: `年份须为${FIRST_INDEXED_YEAR}至${LAST_INDEXED_YEAR - 1}之间的四位数字。` });
  }
  return y;
}

/** One year's holidays, make-up working days, coverage and day grid. */
export async function yearCalendar(deps: Deps, year: unknown): Promise<YearCalendar> {
  const y = checkYear(year);
  const calendar = await loadCalendar(deps);
  const view = calendar.yearView(y);
  const months: YearCalendar['months'] = [];
  let day = `${y}-01-01` as IsoDate;
  for (let m = 1; m <= 12; m++) {
    const days: YearCalendar['months'][number]['days'] = [];
    while (+day.slice(5, 7) === m && +day.slice(0, 4) === y) {
      const info = calendar.dayInfo(day);
      days.push({ date: day, kind: info.kind, ...(info.kind === 'HOLIDAY' && info.name ? { holidayName: info.name } : {}) });
      day = addCalendarDays(day, 1);
    }
    months.push({ month: m, days });
  }
  return { ...view, months };
}
