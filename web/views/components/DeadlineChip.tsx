import { formatDueAtZh } from '../format';

export type DeadlineUrgency = 'normal' | 'soon' | 'today' | 'overdue';

export interface DeadlineChipProps {
  /** Due date "YYYY-MM-DD" (Asia/Shanghai). */
  dueDate: string;
  /** Working days left; 0 on the due date, negative once overdue (shown as its absolute value). */
  workingDaysLeft: number;
  urgency: DeadlineUrgency;
  /** The period reaches into a year whose holiday schedule is not published yet. */
  provisional?: boolean;
  /** A deadline counted in clock hours: its due instant, shown as Beijing date and time ("2026年3月8日 17:00前"). */
  dueAt?: string | undefined;
  /** With `dueAt`: whole hours left (negative once overdue), shown instead of working days. */
  hoursLeft?: number | undefined;
}

const FLAG: Record<DeadlineUrgency, string | null> = {
  normal: null,
  soon: '即将到期',
  today: '今日到期',
  overdue: '已超期',
};

export const PROVISIONAL_EXPLANATION = '该期限涉及尚未发布节假日安排的年度，暂按周一至周五计算，安排发布后将自动重新计算';

/** Text after the date, e.g. "（剩余 12 个工作日）". */
function deadlineDetail(urgency: DeadlineUrgency, workingDaysLeft: number): string {
  const n = Math.abs(workingDaysLeft);
  if (urgency === 'today') return '（今日为最后一个工作日）';
  if (urgency === 'overdue') return n > 0 ? `（已超期 ${n} 个工作日）` : '（已超期）';
  return `（剩余 ${n} 个工作日）`;
}

/** Text after a due instant, e.g. "（剩余 3 小时）"; hoursLeft is rounded down, so 0 is less than an hour. */
function hoursDetail(urgency: DeadlineUrgency, hoursLeft: number): string {
  const n = Math.abs(hoursLeft);
  if (urgency === 'overdue') return n > 0 ? `（已超期 ${n} 小时）` : '（已超期）';
  return n > 0 ? `（剩余 ${n} 小时）` : '（剩余不足 1 小时）';
}

/**
 * "2026-03-16（剩余 12 个工作日）", or for a deadline counted in hours "2026年3月8日 17:00前（剩余 3 小时）",
 * with a text flag for soon/today/overdue and a 暂定 marker when provisional.
 * Urgency is conveyed by words and by colour/border, never by colour alone.
 */
export function DeadlineChip({ dueDate, workingDaysLeft, urgency, provisional = false, dueAt, hoursLeft }: DeadlineChipProps) {
  const flag = FLAG[urgency];
  return (
    <span class={`deadline deadline--${urgency}`}>
      {flag ? <span class="deadline__flag">{flag}</span> : null}
      <span class="deadline__text">
        {dueAt ? <time datetime={dueAt}>{formatDueAtZh(dueAt)}</time> : <time datetime={dueDate}>{dueDate}</time>}
        {dueAt && hoursLeft !== undefined ? hoursDetail(urgency, hoursLeft) : deadlineDetail(urgency, workingDaysLeft)}
      </span>
      {provisional ? (
        <span class="deadline__provisional" title={PROVISIONAL_EXPLANATION}>
          暂定<span class="visually-hidden">：{PROVISIONAL_EXPLANATION}</span>
        </span>
      ) : null}
    </span>
  );
}
