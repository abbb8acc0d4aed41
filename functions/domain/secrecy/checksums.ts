/**
 * Check-digit algorithms for the identifiers the scanner looks for. All functions take the bare
 * identifier (no separators) and return a boolean; they never throw.
 */

/** Province-level codes (first two digits of a resident ID / region code, GB/T 2260). */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export function isPlausibleRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_CODES.has(code.slice(0, 2));
}

/** True when year-month-day is a real calendar date (proleptic Gregorian). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The GB 11643-1999 check character for the first 17 digits of a resident ID. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/**
 * An 18-character resident identity card number (GB 11643-1999): a plausible region code, a real
 * birth date between 1900 and 2099, a 3-digit sequence and a valid ISO 7064 MOD 11-2 check
 * character (0-9 or X; lower-case x is accepted).
 */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!isPlausibleRegionCode(id.slice(0, 6))) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || year > 2099) return false;
  if (!isCalendarDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/**
 * A 15-digit resident ID of the first generation (issued until 2004; no check digit): plausible
 * region code, a real birth date 19yymmdd and a 3-digit sequence.
 */
export function isValidResidentId15(id: string): boolean {
  if (!/^\d{15}$/.test(id)) return false;
  if (!isPlausibleRegionCode(id.slice(0, 6))) return false;
  return isCalendarDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

/** Luhn (mod 10) over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit to append to `payload`. */
export function luhnCheckDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(payload + d)) return String(d);
  /* c8 ignore next */
  throw new Error('unreachable');
}

/**
 * Issuer prefixes (and lengths) that bank cards in circulation in China use: UnionPay (62, and
 * older domestic 60/65/9x), Visa (4), Mastercard (51-55, 2221-2720), American Express (34/37) and
 * JCB (35). Anything else is not reported, which keeps Luhn's 1-in-10 false positives down.
 */
export function isPlausibleBankCard(digits: string): boolean {
  const n = digits.length;
  if (n < 13 || n > 19) return false;
  if (/^62/.test(digits)) return n >= 16;
  if (/^(?:60|65|9\d)/.test(digits)) return n >= 16;
  if (/^4/.test(digits)) return n === 13 || n === 16 || n === 19;
  if (/^5[1-5]/.test(digits)) return n === 16;
  if (/^2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)/.test(digits)) return n === 16;
  if (/^3[47]/.test(digits)) return n === 15;
  if (/^35/.test(digits)) return n >= 16;
  return false;
}

export function isValidBankCard(digits: string): boolean {
  return isPlausibleBankCard(digits) && luhnValid(digits);
}

/** GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100-2015 check character for the first 17 characters of a USCC. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the charset,
 * characters 3-8 a region code (digits), and a valid mod-31 check character.
 */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}
