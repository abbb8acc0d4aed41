/** Checks of a step's input shared by every case type; each failure names its field in Chinese. */
import { CaseValidationError } from './errors';

/** Trimmed, non-blank text of at most `max` characters, or a field error. */
export function text(v: unknown, field: string, label: string, max = 2000): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!s) throw new CaseValidationError(`请填写${label}。`, { [field]: `请填写${label}。` });
  if (s.length > max) throw new CaseValidationError(`${label}过长。`, { [field]: `${label}不能超过 ${max} 个字。` });
  return s;
}

export function optionalText(v: unknown, field: string, label: string, max = 2000): string | undefined {
  if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
  return text(v, field, label, max);
}

/** A required non-blank string with the caller's own message. */
export function nonBlank(v: string | undefined, field: string, message: string): void {
  if (typeof v !== 'string' || v.trim() === '') throw new CaseValidationError(message, { [field]: message });
}
