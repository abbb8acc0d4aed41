/** Tracking numbers of correction requests: `GZ-2026-000001` (更正), distinct from `YSQ-` applications. */
import { CaseValidationError } from '../case';

const TRACKING_RE = /^GZ-(\d{4})-(\d{6})$/;

export function formatCorrectionTrackingNumber(year: number, counter: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new CaseValidationError(`年份${year}无效。`);
  if (!Number.isInteger(counter) || counter < 1 || counter > 999_999) throw new CaseValidationError(`编号序号${counter}超出范围（1至999999）。`);
  return `GZ-${year}-${String(counter).padStart(6, '0')}`;
}

export function isCorrectionTrackingNumber(value: string): boolean {
  const m = TRACKING_RE.exec(value.trim().toUpperCase());
  return Boolean(m && Number(m[2]) >= 1);
}
