/** Working days left and urgency class of a due date seen from today (Asia/Shanghai date). */
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

/** Art. 26: proactive disclosure within 20 working days of the item being formed or changed. */
export function proactiveDisclosureDue(
  formedOrChangedOn: IsoDate,
  calendar: WorkingCalendar,
  config: Pick<DeadlineConfig, 'proactiveDisclosureWorkingDays'> = DEFAULT_DEADLINE_CONFIG,
): WorkingDayResult {
  return calendar.addWorkingDays(formedOrChangedOn, config.proactiveDisclosureWorkingDays);
}
