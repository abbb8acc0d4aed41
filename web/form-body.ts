import type { Context } from 'hono';
import { ValidationError } from '#domain/errors';
import { checkClientKey, isForbiddenKey } from '#domain/untrusted-input';
import { CSRF_FIELD_NAME } from './views/components/CsrfField';

/** What a form post (multipart or urlencoded) gives: one value, or every value with `all`. */
export type FormBody = Record<string, string | File | (string | File)[]>;

/** Our forms use dotted ASCII names (`contact.phone`, `grounds.0.interests`); anything else is refused. */
const FIELD_NAME = /^[A-Za-z0-9_-]{1,60}(?:\.[A-Za-z0-9_-]{1,60}){0,5}$/;
const MAX_FIELDS = 400;
/** Highest list index a dotted name may use (`withheldParts.99.part`): a huge one would make a huge sparse array. */
const MAX_LIST_INDEX = 99;

/**
 * The one way routes read a form post. A body the platform cannot parse (multipart without a
 * boundary, truncated parts) is a 400 with a Chinese message, never a 500; field names are checked
 * before anything uses them as keys; the result has no prototype. Hono caches the parsed form, so
 * the CSRF check and the route share one parse.
 */
export async function readForm(c: Context, options: { all?: boolean } = {}): Promise<FormBody> {
  let parsed: FormBody;
  try {
    parsed = (await c.req.parseBody({ all: options.all ?? false })) as FormBody;
  } catch {
    throw new ValidationError('提交的表单格式不正确，请通过页面重新提交。');
  }
  const names = Object.keys(parsed);
  if (names.length > MAX_FIELDS) throw new ValidationError('提交的表单字段过多。');
  const body: FormBody = Object.create(null);
  for (const name of names) {
    checkFieldName(name);
    body[name] = parsed[name]!;
  }
  return body;
}

export function checkFieldName(name: string): void {
  checkClientKey(name, '表单');
  if (!FIELD_NAME.test(name) || name.split('.').some(isForbiddenKey)) throw new ValidationError('表单中含有无效的字段名。');
}

/** Text fields as strings (repeated names joined with commas), without the CSRF token. */
export function flatValues(body: FormBody, except: readonly string[] = [CSRF_FIELD_NAME]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(body)) {
    if (except.includes(k)) continue;
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (values.length > 0) out[k] = values.join(',');
  }
  return out;
}

/** The first text value of a field ('' when absent or a file). */
export function textOf(body: FormBody, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

/** The files posted under one field name; an empty file input posts nothing. */
export async function filesOf(body: FormBody, name: string): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const raw = body[name];
  const files = (Array.isArray(raw) ? raw : [raw]).filter((x): x is File => x instanceof File && (x.size > 0 || x.name !== ''));
  return Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/**
 * Nested input from dotted field names (`contact.phone`, `withheldParts.0.part`); empty values are
 * dropped so optional fields stay absent. Names listed in `arrays` keep every posted value. Nodes
 * are built without prototypes (and names were checked by readForm), so no name reaches
 * Object.prototype.
 */
export function nestedFrom(body: FormBody, arrays: readonly string[] = [], except: readonly string[] = [CSRF_FIELD_NAME, 'nonce', 'version']): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null);
  for (const [name, raw] of Object.entries(body)) {
    if (except.includes(name)) continue;
    checkFieldName(name);
    const all = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string').map((s) => s.trim());
    const value: unknown = arrays.includes(name) ? all.filter(Boolean) : all[0];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const path = name.split('.');
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < path.length; i++) {
      const slot = slotOf(path[i]!);
      const here = node as Record<string | number, unknown>;
      if (i === path.length - 1) {
        here[slot] = value;
        break;
      }
      const existing = Object.hasOwn(here, slot) ? here[slot] : undefined;
      const child = existing && typeof existing === 'object' ? existing : /^\d+$/.test(path[i + 1]!) ? [] : Object.create(null);
      here[slot] = child;
      node = child as Record<string, unknown>;
    }
  }
  return root;
}

function slotOf(segment: string): string | number {
  if (!/^\d+$/.test(segment)) return segment;
  const index = Number(segment);
  if (index > MAX_LIST_INDEX) throw new ValidationError('表单中的列表过长。');
  return index;
}
