/**
 * Instants and Asia/Shanghai wall-clock times. Stored instants are ISO 8601 strings with an
 * explicit offset (`Z` or `+08:00`); staff enter wall-clock times in Beijing time. China has had
 * no DST since 1991, so a fixed +08:00 offset is exact and no tz database is needed (pure code).
 */
import { ValidationError } from '../errors';
import { fromDayNumber, type IsoDate } from './iso-date';

const OFFSET_MS = 8 * 3_600_000;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An ISO 8601 instant with an offset, e.g. 2026-02-10T01:00:00.000Z. */
export type Instant = string;

/** Milliseconds since the epoch; throws on anything but an ISO instant with an explicit offset. */
export function instantMs(value: Instant | Date): number {
  if (value instanceof Date) {
    const t = value.getTime();
    if (!Number.isFinite(t)) throw new ValidationError('时间无效');
    return t;
  }
  // An offset is required: a bare local time would be read in the server's zone (UTC on Lambda).
  if (!INSTANT_RE.test(value)) throw new ValidationError(`时间格式无效：${value}`);
  const t = Date.parse(value);
  if (!Number.isFinite(t)) throw new ValidationError(`时间无效：${value}`);
  return t;
}

export function isInstant(value: unknown): value is Instant {
  return typeof value === 'string' && INSTANT_RE.test(value) && Number.isFinite(Date.parse(value));
}

/** Beijing wall-clock time as typed by staff ("2026-03-01T09:00" or "2026-03-01 09:00") → UTC instant. */
export function shanghaiLocalToInstant(local: string): Instant {
  const m = LOCAL_RE.exec(local.trim());
  if (!m) throw new ValidationError('时间格式应为“YYYY-MM-DD HH:mm”（北京时间）', { publishAt: '时间格式应为“YYYY-MM-DD HH:mm”' });
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new ValidationError(`时间不存在：${local}`, { publishAt: '日期或时间不存在' });
  }
  return new Date(utc - OFFSET_MS).toISOString();
}

/** The hour (0–23) on a Beijing clock. */
export function shanghaiHour(value: Instant | Date): number {
  return parts(value).getUTCHours();
}

function parts(value: Instant | Date): Date {
  // A Date whose UTC fields are Beijing wall-clock fields.
  return new Date(instantMs(value) + OFFSET_MS);
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** RFC 3339 in Beijing time: 2026-02-10T09:00:00+08:00 (feeds, sitemaps, JSON API). */
export function toShanghaiRfc3339(value: Instant | Date): string {
  const t = parts(value);
  return `${t.getUTCFullYear()}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())}T${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())}+08:00`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** RFC 822 date as RSS 2.0 requires, in Beijing time: "Tue, 10 Feb 2026 09:00:00 +0800". */
export function toShanghaiRfc822(value: Instant | Date): string {
  const t = parts(value);
  return `${DAYS[t.getUTCDay()]}, ${p2(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())} +0800`;
}

/** The Beijing civil date of an instant. */
export function shanghaiDateOf(value: Instant | Date): IsoDate {
  return fromDayNumber(Math.floor((instantMs(value) + OFFSET_MS) / 86_400_000));
}

/** An instant as stored: a Date or an already checked ISO string, normalised to ISO 8601 UTC. */
export function toInstant(value: Date | Instant): Instant {
  return new Date(instantMs(value)).toISOString();
}
