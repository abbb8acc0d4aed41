/** Working days left and urgency class of a due date seen from today (Asia/Shanghai date); hours left of a due instant. */
import { instantMs, shanghaiDateOf, type Instant } from '../calendar/instant';
import { toDayNumber, type IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar, WorkingDayResult } from '../calendar/working-calendar';
import { DEFAULT_DEADLINE_CONFIG, type DeadlineConfig } from './config';

export type Urgency = 'normal' | 'due-soon' | 'due-today' | 'overdue';

export interface UrgencyResult {
  readonly urgency: Urgency;
  /**
   * Working days in (today, due]: 0 on the due day, 1 when due the next working day.
   * Negative when overdue: −(working days in (due, today]); a Saturday after a Friday due date is
   * overdue with 0 working days elapsed.
   */
  readonly workingDaysLeft: number;
  readonly label: string;
}

export const URGENCY_LABEL_ZH: Record<Urgency, string> = {
  normal: '正常',
  'due-soon': '即将到期',
  'due-today': '今日到期',
  overdue: '已逾期',
};

export function deadlineUrgency(due: IsoDate, today: IsoDate, calendar: WorkingCalendar, config: Pick<DeadlineConfig, 'dueSoonWorkingDays'> = DEFAULT_DEADLINE_CONFIG): UrgencyResult {
  const d = toDayNumber(due);
  const t = toDayNumber(today);
  const left = calendar.countWorkingDn(t, d);
  let urgency: Urgency;
  if (t > d) urgency = 'overdue';
  else if (t === d) urgency = 'due-today';
  else if (left <= config.dueSoonWorkingDays) urgency = 'due-soon';
  else urgency = 'normal';
  let label = URGENCY_LABEL_ZH[urgency];
  if (urgency === 'due-soon' || urgency === 'normal') label += `（剩余${left}个工作日）`;
  if (urgency === 'overdue' && left < 0) label += `（逾期${-left}个工作日）`;
  return { urgency, workingDaysLeft: left, label };
}

export interface HourUrgencyResult {
  readonly urgency: Urgency;
  /**
   * Whole hours left, rounded down (0: less than an hour); once overdue, minus the whole hours
   * elapsed since the due instant (0: overdue by less than an hour). `urgency` tells the two apart.
   */
  readonly hoursLeft: number;
  /** “剩余3小时”, “剩余不足1小时”, “已超期2小时”, “已超期不足1小时”. */
  readonly label: string;
}

const HOUR_MS = 3_600_000;

/**
 * Urgency of a deadline counted in clock hours (a clarification's `dueAt`) seen from `now`:
 * overdue once the instant has passed; due today when it falls on today's Asia/Shanghai date;
 * due soon when at most `dueSoonHours` hours are left (also across midnight); normal otherwise.
 */
export function hourUrgency(dueAt: Instant, now: Instant | Date, config: Pick<DeadlineConfig, 'dueSoonHours'> = DEFAULT_DEADLINE_CONFIG): HourUrgencyResult {
  const ms = instantMs(dueAt) - instantMs(now);
  if (ms < 0) {
    const late = Math.floor(-ms / HOUR_MS);
    return { urgency: 'overdue', hoursLeft: late === 0 ? 0 : -late, label: late === 0 ? '已超期不足1小时' : `已超期${late}小时` };
  }
  const left = Math.floor(ms / HOUR_MS);
  const urgency: Urgency = shanghaiDateOf(dueAt) === shanghaiDateOf(now) ? 'due-today' : ms <= config.dueSoonHours * HOUR_MS ? 'due-soon' : 'normal';
  return { urgency, hoursLeft: left, label: left === 0 ? '剩余不足1小时' : `剩余${left}小时` };
}

/** Art. 26: proactive disclosure within 20 working days of the item being formed or changed. */
export function proactiveDisclosureDue(
  formedOrChangedOn: IsoDate,
  calendar: WorkingCalendar,
  config: Pick<DeadlineConfig, 'proactiveDisclosureWorkingDays'> = DEFAULT_DEADLINE_CONFIG,
): WorkingDayResult {
  return calendar.addWorkingDays(formedOrChangedOn, config.proactiveDisclosureWorkingDays);
}
