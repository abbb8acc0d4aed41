/** Display helpers for the review pages. Times are stored as UTC instants; staff read Beijing time. */

/** "2026-03-02T02:00:00.000Z" → "2026-03-02 10:00" (Asia/Shanghai, no DST). */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 45 → "45分钟"; 1500 → "1天1小时". */
export function waitingText(minutes: number): string {
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}小时${minutes % 60 ? `${minutes % 60}分钟` : ''}`;
  const days = Math.floor(hours / 24);
  return `${days}天${hours % 24 ? `${hours % 24}小时` : ''}`;
}

/** Waiting longer than this many minutes is flagged (3 days: a typical local review time limit is 5–7 working days). */
export const LONG_WAIT_MINUTES = 3 * 24 * 60;
