/** Tracking numbers, applicant access codes, and masking for lists. */
import { maskMiddle } from '../secrecy/mask';
import { CaseValidationError } from '../case/errors';

const TRACKING_RE = /^YSQ-(\d{4})-(\d{6})$/;

/** `YSQ-2026-000123` from the year of receipt/submission and a per-year counter value. */
export function formatTrackingNumber(year: number, counter: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new CaseValidationError(`年份${year}无效。`);
  if (!Number.isInteger(counter) || counter < 1 || counter > 999_999) throw new CaseValidationError(`编号序号${counter}超出范围（1至999999）。`);
  return `YSQ-${year}-${String(counter).padStart(6, '0')}`;
}

export function parseTrackingNumber(value: string): { year: number; counter: number } | null {
  const m = TRACKING_RE.exec(value.trim().toUpperCase());
  if (!m) return null;
  const counter = Number(m[2]);
  return counter >= 1 ? { year: Number(m[1]), counter } : null;
}

/** No 0/O, 1/I/L: characters people misread on paper or over the phone. 31 characters. */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ACCESS_CODE_LENGTH = 10;
/** Bytes to pass for one code: rejection sampling discards bytes ≥ 248, so allow spare. */
export const ACCESS_CODE_RANDOM_BYTES = 32;

/**
 * An access code from caller-supplied random bytes (crypto.getRandomValues in the adapter).
 * Rejection sampling keeps every character equally likely (~49 bits for 10 characters).
 */
export function generateAccessCode(randomBytes: Uint8Array, length = ACCESS_CODE_LENGTH): string {
  const n = ACCESS_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  for (const b of randomBytes) {
    if (b >= limit) continue;
    out += ACCESS_CODE_ALPHABET[b % n];
    if (out.length === length) return out;
  }
  throw new RangeError(`not enough random bytes for a ${length}-character access code`);
}

/** What the applicant typed, in canonical form (case and separators ignored). */
export function normaliseAccessCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function isWellFormedAccessCode(input: string, length = ACCESS_CODE_LENGTH): boolean {
  const v = normaliseAccessCode(input);
  return v.length === length && [...v].every((c) => ACCESS_CODE_ALPHABET.includes(c));
}

/** `ABCDE-FGHJK` for printing on the acknowledgement. */
export function formatAccessCode(code: string): string {
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** `110101********1234` (18 chars: first 6, last 4); other documents keep 2 + 2. */
export function maskIdNumber(id: string): string {
  const v = id.replace(/\s/g, '');
  return v.length === 18 || v.length === 15 ? maskMiddle(v, 6, 4) : maskMiddle(v, 2, 2);
}

/** `138****5678` for mobiles; landlines keep the area code and the last 4 digits. */
export function maskPhone(phone: string): string {
  const v = phone.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(v)) return maskMiddle(v, 3, 4);
  const area = /^0(?:10|2\d|\d{3})/.exec(v)?.[0].length ?? 3;
  return maskMiddle(v, area, 4);
}

/** `张*`, `欧**娜`: the surname and (for 3+ characters) the last character. */
export function maskPersonName(name: string): string {
  const c = [...name.trim()];
  if (c.length <= 1) return c.join('');
  if (c.length === 2) return `${c[0]}*`;
  return `${c[0]}${'*'.repeat(c.length - 2)}${c[c.length - 1]}`;
}
