export type DeadlineUrgency = 'normal' | 'soon' | 'today' | 'overdue';

export interface DeadlineChipProps {
  /** Due date "YYYY-MM-DD" (Asia/Shanghai). */
  dueDate: string;
  /** Working days left; 0 on the due date, negative once overdue (shown as its absolute value). */
  workingDaysLeft: number;
  urgency: DeadlineUrgency;
  /** The period reaches into a year whose holiday schedule is not published yet. */
  provisional?: boolean;
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

/**
 * "2026-03-16（剩余 12 个工作日）", with a text flag for soon/today/overdue and a 暂定 marker when provisional.
 * Urgency is conveyed by words and by colour/border, never by colour alone.
 */
export function DeadlineChip({ dueDate, workingDaysLeft, urgency, provisional = false }: DeadlineChipProps) {
  const flag = FLAG[urgency];
  return (
    <span class={`deadline deadline--${urgency}`}>
      {flag ? <span class="deadline__flag">{flag}</span> : null}
      <span class="deadline__text">
        <time datetime={dueDate}>{dueDate}</time>
        {deadlineDetail(urgency, workingDaysLeft)}
      </span>
      {provisional ? (
        <span class="deadline__provisional" title={PROVISIONAL_EXPLANATION}>
          暂定<span class="visually-hidden">：{PROVISIONAL_EXPLANATION}</span>
        </span>
      ) : null}
    </span>
  );
}
