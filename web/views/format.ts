/**
 * Small, pure formatting helpers for Chinese UI text. Dates are ISO "YYYY-MM-DD" strings (already in
 * Asia/Shanghai); nothing here reads the clock or the server time zone.
 */
import { formatDateZh as domainFormatDateZh, isInstant, isIsoDate, shanghaiDateOf, toDayNumber, toShanghaiRfc3339, weekdayNameZh, weekdayOf as domainWeekdayOf, type IsoDate } from '#domain/calendar';

/** The date part of "YYYY-MM-DD…" when it is a real date. */
function dateOf(iso: string): IsoDate | undefined {
  const d = iso.slice(0, 10);
  return isIsoDate(d) ? d : undefined;
}

/** Parses "YYYY-MM-DD" (a longer ISO timestamp is cut to its date part). Returns undefined when malformed. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | undefined {
  const d = dateOf(iso);
  return d ? { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) } : undefined;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  const d = dateOf(iso);
  return d ? domainWeekdayOf(d) : Number.NaN;
}

/** "星期一" etc. */
export function weekdayName(iso: string): string {
  const d = dateOf(iso);
  return d ? weekdayNameZh(d) : '';
}

/** "2026-03-16" → "2026年3月16日"; returns the input unchanged when it is not a date. */
export function formatDateZh(iso: string): string {
  const d = dateOf(iso);
  return d ? domainFormatDateZh(d) : iso;
}

/**
 * A due instant (ISO 8601 with an offset) as staff read it, in Beijing time: "2026年12月5日 17:00前".
 * Returns the input unchanged when it is not an instant.
 */
export function formatDueAtZh(instant: string): string {
  if (!isInstant(instant)) return instant;
  // 2026-12-05T17:00:00+08:00 → 17:00 (the Beijing wall clock; China has no DST).
  return `${domainFormatDateZh(shanghaiDateOf(instant))} ${toShanghaiRfc3339(instant).slice(11, 16)}前`;
}

/** "2026-03-16" → "3月16日" */
export function formatMonthDayZh(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.month}月${d.day}日` : iso;
}

/**
 * "2026-03-16T09:05:00+08:00" → "2026-03-16 09:05". The string is shown as written (the app should pass
 * times already converted to Asia/Shanghai); no Date parsing, so no time-zone surprises.
 */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** Number of calendar days from `from` to `to`, both inclusive. */
export function inclusiveDays(from: string, to: string): number {
  const a = dateOf(from);
  const b = dateOf(to);
  return a && b ? toDayNumber(b) - toDayNumber(a) + 1 : 0;
}

/** 1536 → "1.5 KB", 20971520 → "20 MB" (binary units, as file dialogs show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} 字节`;
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${rounded} ${units[unit]}`;
}

/** Amount in yuan → "¥1,234.50" (fees under 国办函〔2020〕109号 are shown to the fen). */
export function formatYuan(amount: number): string {
  return new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(amount);
}

/** Each name with the extensions and content types it stands for. */
const FILE_TYPES: Record<string, readonly string[]> = {
  PDF: ['.pdf', 'application/pdf'],
  OFD: ['.ofd', 'application/ofd'],
  'Word（.doc）': ['.doc', 'application/msword'],
  'Word（.docx）': ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  'Excel（.xls）': ['.xls'],
  'Excel（.xlsx）': ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  '纯文本（.txt）': ['.txt', 'text/plain'],
  'JPG 图片': ['.jpg', '.jpeg', 'image/jpeg'],
  'PNG 图片': ['.png', 'image/png'],
  图片: ['image/*'],
};
// A Map: the keys come from the page (an accept string, a stored content type), so `constructor` must not find a prototype member.
const FILE_TYPE_NAMES = new Map<string, string>(Object.entries(FILE_TYPES).flatMap(([name, keys]) => keys.map((k) => [k, name] as const)));

/** An <input accept> value → "PDF、Word（.docx）、OFD" (unknown entries are shown as written). */
export function describeAccept(accept: string): string {
  const names: string[] = [];
  for (const raw of accept.split(',')) {
    const key = raw.trim().toLowerCase();
    if (!key) continue;
    const name = FILE_TYPE_NAMES.get(key) ?? key;
    if (!names.includes(name)) names.push(name);
  }
  return names.join('、');
}

/** A MIME type → a short Chinese label for tables ("PDF", "Word（.docx）"). */
export function describeContentType(contentType: string): string {
  return FILE_TYPE_NAMES.get(contentType.toLowerCase().split(';')[0]?.trim() ?? '') ?? contentType;
}
