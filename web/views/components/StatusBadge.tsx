export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface StatusBadgeProps {
  /** The status in words, e.g. 办理中 / 已答复 / 已超期. The text carries the meaning; tone only adds colour. */
  label: string;
  tone?: BadgeTone;
}

export function StatusBadge({ label, tone = 'neutral' }: StatusBadgeProps) {
  return <span class={`badge badge--${tone}`}>{label}</span>;
}
