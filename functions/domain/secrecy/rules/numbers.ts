import { isPlausibleRegionCode, isValidBankCard, isValidResidentId, isValidResidentId15, isValidUscc } from '../checksums';
import type { Finding } from '../kinds';
import { maskEmail, maskMiddle } from '../mask';
import { finding, NA, NB, type Rule } from './types';

/*
 * Number rules. Boundaries: a candidate must not touch an ASCII letter or digit on either side
 * (`NB`/`NA`), so a number embedded in a longer digit run, a hash or a product code is not
 * reported. Separators inside a number are limited to the usual ones (one space or hyphen between
 * groups); Chinese text around a number is fine (`身份证号110101…`).
 */

/** 18-digit resident ID, optionally grouped 6-8-4 with one consistent space or hyphen. */
const RESIDENT_ID = new RegExp(`${NB}(\\d{6})([ -]?)(\\d{8})\\2(\\d{3}[\\dXx])${NA}`, 'g');

export const residentIdRule: Rule = (folded, original) => {
  const out: Finding[] = [];
  for (const m of folded.matchAll(RESIDENT_ID)) {
    const digits = m[1]! + m[3]! + m[4]!;
    if (!isValidResidentId(digits)) continue;
    const start = m.index;
    const value = original.slice(start, start + m[0].length);
    out.push(finding('resident-id', original, start, start + m[0].length, maskMiddle(value, 6, 4)));
  }
  return out;
};

const RESIDENT_ID_15 = new RegExp(`${NB}\\d{15}${NA}`, 'g');

export const residentId15Rule: Rule = (folded, original) => {
  const out: Finding[] = [];
  for (const m of folded.matchAll(RESIDENT_ID_15)) {
    if (!isValidResidentId15(m[0])) continue;
    const start = m.index;
    out.push(finding('resident-id-15', original, start, start + 15, maskMiddle(original.slice(start, start + 15), 6, 3)));
  }
  return out;
};

/** Mainland mobile numbers 13x–19x, optionally +86/0086, grouped 3-4-4 with one separator kind. */
const MOBILE = new RegExp(`${NB}(?<!\\+)((?:\\+|00)86[ -]?)?(1[3-9]\\d)([ -]?)(\\d{4})\\3(\\d{4})${NA}`, 'g');

export const mobileRule: Rule = (folded, original) => {
  const out: Finding[] = [];
  for (const m of folded.matchAll(MOBILE)) {
    const start = m.index;
    const end = start + m[0].length;
    const prefix = original.slice(start, start + (m[1]?.length ?? 0));
    const number = original.slice(start + prefix.length, end);
    out.push(finding('mobile', original, start, end, prefix + maskMiddle(number, 3, 4)));
  }
  return out;
};

/*
 * Landlines need an area code (010 and 02x take 8-digit subscriber numbers; 03xx–09xx take 7 or
 * 8), written `(010)12345678`, `010-12345678`, `010 12345678` or contiguous. A bare 7–8 digit
 * number is reported only right after a phone keyword (电话、座机、传真、Tel), because elsewhere it is
 * far more often an amount, a count or a document number. Subscriber numbers start with 2–9.
 */
const LANDLINE = new RegExp(`${NB}(?:\\(?0(?:10|2\\d)\\)?[ -]?[2-9]\\d{7}|\\(?0[3-9]\\d{2}\\)?[ -]?[2-9]\\d{6,7})${NA}`, 'g');
const LANDLINE_AFTER_KEYWORD = new RegExp(`(?<=(?:电话|座机|固话|传真|Tel|TEL|tel|Phone|phone|Fax|FAX)(?:号码)?[ \\t]*:?[ \\t]*)[2-9]\\d{6,7}${NA}`, 'g');

export const landlineRule: Rule = (folded, original) => {
  const out: Finding[] = [];
  for (const m of folded.matchAll(LANDLINE)) {
    const text = m[0];
    // Brackets must balance: `(010)…` or no bracket at all.
    if (text.includes('(') !== text.includes(')')) continue;
    const start = m.index;
    const value = original.slice(start, start + text.length);
    out.push(finding('landline', original, start, start + text.length, maskMiddle(value, text.startsWith('(') || /^0(?:10|2)/.test(text) ? 3 : 4, 2)));
  }
  for (const m of folded.matchAll(LANDLINE_AFTER_KEYWORD)) {
    const start = m.index;
    out.push(finding('landline', original, start, start + m[0].length, maskMiddle(original.slice(start, start + m[0].length), 2, 2)));
  }
  return out;
};

/**
 * Bank cards: 13–19 contiguous digits, or 4-4-4-4 groups with an optional last group of 1–3,
 * passing Luhn and with a plausible issuer prefix and length (checksums.ts). If the 19-digit
 * grouped reading fails, the 16-digit reading is tried.
 */
const BANK_CONTIGUOUS = new RegExp(`${NB}\\d{13,19}${NA}`, 'g');
const BANK_GROUPED = new RegExp(`${NB}(\\d{4}([ -])\\d{4}\\2\\d{4}\\2\\d{4})(?:\\2(\\d{1,3}))?${NA}`, 'g');

export const bankCardRule: Rule = (folded, original) => {
  const out: Finding[] = [];
  const push = (start: number, end: number) => out.push(finding('bank-card', original, start, end, maskMiddle(original.slice(start, end), 6, 4)));
  for (const m of folded.matchAll(BANK_CONTIGUOUS)) {
    if (isValidBankCard(m[0])) push(m.index, m.index + m[0].length);
  }
  for (const m of folded.matchAll(BANK_GROUPED)) {
    const main = m[1]!.replace(/[ -]/g, '');
    if (m[3] && isValidBankCard(main + m[3])) push(m.index, m.index + m[0].length);
    else if (isValidBankCard(main)) push(m.index, m.index + m[1]!.length);
  }
  return out;
};

/** Unified social credit code (GB 32100-2015), upper case as printed on licences. */
const USCC = new RegExp(`${NB}[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}${NA}`, 'g');

export const usccRule: Rule = (folded, original) => {
  const out: Finding[] = [];
  for (const m of folded.matchAll(USCC)) {
    if (!isValidUscc(m[0]) || !isPlausibleRegionCode(m[0].slice(2, 8))) continue;
    const start = m.index;
    out.push(finding('uscc', original, start, start + 18, maskMiddle(original.slice(start, start + 18), 6, 4)));
  }
  return out;
};

/*
 * E-mail addresses. The local part is anchored at its start (look-behind), so the engine scans
 * each token once; the domain needs at least one dot and a 2–24 letter top-level label.
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+/g;

export const emailRule: Rule = (folded, original) => {
  const out: Finding[] = [];
  for (const m of folded.matchAll(EMAIL)) {
    const text = m[0];
    const domain = text.slice(text.indexOf('@') + 1);
    const labels = domain.split('.');
    if (!/^[A-Za-z]{2,24}$/.test(labels[labels.length - 1]!)) continue;
    if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) continue;
    const local = text.slice(0, text.indexOf('@'));
    if (local.startsWith('.') || local.endsWith('.')) continue;
    const start = m.index;
    out.push(finding('email', original, start, start + text.length, maskEmail(original.slice(start, start + text.length))));
  }
  return out;
};

/*
 * PRC passports: ordinary E + 8 digits, E + letter (not I/O) + 7 digits, the older G + 8 digits,
 * and diplomatic/service/public-affairs DE/SE/PE + 7 digits. Upper case only; foreign passports
 * are out of scope (no reliable shape).
 */
const PASSPORT = new RegExp(`${NB}(?:[EG]\\d{8}|E[A-HJ-NP-Z]\\d{7}|[DSP]E\\d{7})${NA}`, 'g');

export const passportRule: Rule = (folded, original) => {
  const out: Finding[] = [];
  for (const m of folded.matchAll(PASSPORT)) {
    const start = m.index;
    out.push(finding('passport', original, start, start + 9, maskMiddle(original.slice(start, start + 9), 2, 2)));
  }
  return out;
};
