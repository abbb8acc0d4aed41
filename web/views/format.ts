/**
 * Small, pure formatting helpers for Chinese UI text. Dates are ISO "YYYY-MM-DD" strings (already in
 * Asia/Shanghai); nothing here reads the clock or the server time zone.
 */

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

interface YMD {
  year: number;
  month: number;
  day: number;
}

/** Parses "YYYY-MM-DD" (a longer ISO timestamp is cut to its date part). Returns undefined when malformed. */
export function parseIsoDate(iso: string): YMD | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** 0 = Sunday … 6 = Saturday, computed in UTC so the server time zone does not matter. */
export function weekdayOf(iso: string): number {
  const d = parseIsoDate(iso);
  if (!d) return Number.NaN;
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** "星期一" etc. */
export function weekdayName(iso: string): string {
  return WEEKDAYS[weekdayOf(iso)] ?? '';
}

/** "2026-03-16" → "2026年3月16日"; returns the input unchanged when it is not a date. */
export function formatDateZh(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.year}年${d.month}月${d.day}日` : iso;
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

/** Number of calendar days from `from` to `to`, both inclusive (UTC arithmetic). */
export function inclusiveDays(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return 0;
  const ms = Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day);
  return Math.round(ms / 86_400_000) + 1;
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

const FILE_TYPE_NAMES: Record<string, string> = {
  '.pdf': 'PDF',
  'application/pdf': 'PDF',
  '.ofd': 'OFD',
  'application/ofd': 'OFD',
  '.doc': 'Word（.doc）',
  'application/msword': 'Word（.doc）',
  '.docx': 'Word（.docx）',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word（.docx）',
  '.xls': 'Excel（.xls）',
  '.xlsx': 'Excel（.xlsx）',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel（.xlsx）',
  '.txt': '纯文本（.txt）',
  'text/plain': '纯文本（.txt）',
  '.jpg': 'JPG 图片',
  '.jpeg': 'JPG 图片',
  'image/jpeg': 'JPG 图片',
  '.png': 'PNG 图片',
  'image/png': 'PNG 图片',
  'image/*': '图片',
};

/** An <input accept> value → "PDF、Word（.docx）、OFD" (unknown entries are shown as written). */
export function describeAccept(accept: string): string {
  const names: string[] = [];
  for (const raw of accept.split(',')) {
    const key = raw.trim().toLowerCase();
    if (!key) continue;
    const name = FILE_TYPE_NAMES[key] ?? key;
    if (!names.includes(name)) names.push(name);
  }
  return names.join('、');
}

/** A MIME type → a short Chinese label for tables ("PDF", "Word（.docx）"). */
export function describeContentType(contentType: string): string {
  return FILE_TYPE_NAMES[contentType.toLowerCase().split(';')[0]?.trim() ?? ''] ?? contentType;
}
