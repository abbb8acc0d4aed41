/**
 * Calendar dates in Asia/Shanghai as ISO strings, and integer day numbers for arithmetic.
 *
 * Why day numbers: every computation goes through Date.UTC / getUTC* only, so the server's
 * time zone (UTC on Lambda, anything on a laptop) can never shift a date. Never parse an
 * IsoDate with `new Date('YYYY-MM-DD')` and read it back with local getters.
 */
import { InvalidIsoDateError } from './errors';

declare const isoDateBrand: unique symbol;
/** A calendar date `YYYY-MM-DD` (Asia/Shanghai civil date). */
export type IsoDate = string & { readonly [isoDateBrand]: true };

/** Days since 1970-01-01 (a Thursday). */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
/** China Standard Time is UTC+8 all year (no DST since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Validates and brands a string; throws InvalidIsoDateError. */
export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new InvalidIsoDateError(value);
  return value;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Proleptic Gregorian day number without allocating a Date (H. Hinnant's days_from_civil);
 * equal to Date.UTC(y, m - 1, d) / 86 400 000, which the tests check.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isoFromDays(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const c0 = 48; // '0'
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - c0;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function toDayNumber(date: IsoDate | string): DayNumber {
  // Hot path: no regex, no Date allocation.
  const s = date as string;
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) throw new InvalidIsoDateError(s);
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new InvalidIsoDateError(s);
  return daysFromCivil(y, m, d);
}

/** ISO strings of 1990..2109 are cached: formatting dominated the calculator's cost. */
const CACHE_BASE = daysFromCivil(1990, 1, 1);
const CACHE_LEN = daysFromCivil(2110, 1, 1) - CACHE_BASE;
let isoCache: (string | undefined)[] | undefined;

export function fromDayNumber(n: DayNumber): IsoDate {
  const i = n - CACHE_BASE;
  if (i >= 0 && i < CACHE_LEN) {
    isoCache ??= new Array<string | undefined>(CACHE_LEN);
    return (isoCache[i] ??= isoFromDays(n)) as IsoDate;
  }
  return isoFromDays(n) as IsoDate;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function yearOf(date: IsoDate | string): number {
  return +(date as string).slice(0, 4);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The same day `months` months on, or the month's last day where it has no such day (2026-01-31 + 1 → 2026-02-28). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = (date as string).split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}` as IsoDate;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The civil date in Asia/Shanghai of an instant; for the application layer (Clock → today). */
export function shanghaiDate(instant: Date): IsoDate {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new InvalidIsoDateError(String(instant));
  return fromDayNumber(Math.floor((t + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export function weekdayNameZh(date: IsoDate): string {
  return WEEKDAY_ZH[weekdayOf(date)]!;
}

/** "2026年2月10日" */
export function formatDateZh(date: IsoDate): string {
  const s = date as string;
  return `${+s.slice(0, 4)}年${+s.slice(5, 7)}月${+s.slice(8, 10)}日`;
}
