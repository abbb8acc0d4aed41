/**
 * The pieces every case type's command schemas (functions/domain/<type>/commands.ts) are built
 * from, and the one parser of a step's raw input. A posted form and a JSON body mean the same:
 * blank text is absent, a textarea's lines are a JSON array, a checkbox's `yes` is `true`.
 */
import type { IsoDate } from '../calendar/iso-date';
import type { FieldErrors } from '../errors';
import { z } from '../zod';
import { CaseValidationError } from './errors';

/** Blank text is absent; other text is trimmed. */
export const absentIfBlank = (v: unknown): unknown => (typeof v === 'string' ? v.trim() || undefined : v);

/** `schema` after blank text became absent (a field the form may post empty). */
export const given = <T extends z.ZodType>(schema: T) => z.preprocess(absentIfBlank, schema);

/** A field the person may leave blank: absent, or what `schema` takes. */
export const ifGiven = <T extends z.ZodType>(schema: T) => given(schema.optional());

/** Required text with one message for missing and too long. */
export const text = (message: string, max = 4000) => given(z.string({ error: message }).max(max, message));

/** Optional text of at most `max` characters. */
export const optionalText = (max = 4000, message = `不能超过 ${max} 个字。`) => ifGiven(z.string().max(max, message));

/** Required text named by its label: “请填写{label}。”, “{label}不能超过 N 个字。”. */
export const requiredText = (label: string, max = 2000) => given(z.string({ error: `请填写${label}。` }).max(max, `${label}不能超过 ${max} 个字。`));

const isoDate = (message: string) => z.string({ error: message }).regex(/^\d{4}-\d{2}-\d{2}$/, message) as unknown as z.ZodType<IsoDate>;

/** A calendar date YYYY-MM-DD, with the caller's message or “请填写{label}（YYYY-MM-DD）。”. */
export const date = (label: string, message = `请填写${label}（YYYY-MM-DD）。`) => given(isoDate(message));
export const optionalDate = (label: string, message = `请填写${label}（YYYY-MM-DD）。`) => ifGiven(isoDate(message));

const integer = (label: string) => z.number({ error: `请填写${label}（整数）。` }).int(`请填写${label}（整数）。`);
const toNumber = (v: unknown) => {
  const b = absentIfBlank(v);
  return typeof b === 'string' ? Number(b) : b;
};
/** A whole number typed in a form or sent in JSON. */
export const int = (label: string) => z.preprocess(toNumber, integer(label));
export const optionalInt = (label: string) => z.preprocess(toNumber, integer(label).optional());

/** A textarea's lines or a JSON array: trimmed items, blank ones dropped. */
export const splitLines = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\r?\n/) : []).map((s) => (typeof s === 'string' ? s.trim() : '')).filter(Boolean);

/** A checkbox, a yes/no choice or a JSON boolean; absent is `absent`. */
export const flag = (absent: boolean) => z.preprocess((v) => (v === undefined || v === '' ? absent : v === true || v === 'true' || v === 'on' || v === 'yes' || v === '1'), z.boolean());

const ticked = (v: unknown) => (v === true || absentIfBlank(v) === 'yes' ? true : undefined);
/** A confirming checkbox that must be ticked (`yes` from a form, `true` in JSON). */
export const confirmed = (message: string) => z.preprocess(ticked, z.literal(true, { error: message }));
export const optionallyConfirmed = z.preprocess(ticked, z.literal(true).optional());

/** One of a table's values, with the Chinese message for anything else. */
export const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) => given(z.enum(values, { error: message }));

export type CommandSchemas<C extends string> = { readonly [K in C]: z.ZodObject };

/**
 * A step's raw input parsed by its command's schema, absent fields left out; or a validation error
 * with one Chinese message per field, and `summary` (else the first field's message) on top.
 */
export function parseStepInput<S extends z.ZodType>(schema: S, input: unknown, options: { summary?: string; error?: new (message: string, fields: FieldErrors) => Error } = {}): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) {
    const data = result.data as unknown;
    return (data && typeof data === 'object' ? Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) : data) as z.output<S>;
  }
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  throw new (options.error ?? CaseValidationError)(options.summary ?? Object.values(fields)[0] ?? '请检查填写的内容。', fields);
}

/** In an effect, a value the system supplies (an id, a record): trimmed non-blank text of at most `max` characters, or a field error. */
export function requireText(v: unknown, field: string, label: string, max = 2000): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!s) throw new CaseValidationError(`请填写${label}。`, { [field]: `请填写${label}。` });
  if (s.length > max) throw new CaseValidationError(`${label}过长。`, { [field]: `${label}不能超过 ${max} 个字。` });
  return s;
}

/** In an effect, a required non-blank string with the caller's own message. */
export function nonBlank(v: string | undefined, field: string, message: string): void {
  if (typeof v !== 'string' || v.trim() === '') throw new CaseValidationError(message, { [field]: message });
}
