import { CSRF_FIELD_NAME } from './views/components/CsrfField';

/** What Hono's parseBody() gives for a form post (multipart or urlencoded). */
export type FormBody = Record<string, string | File | (string | File)[]>;

/** Text fields as strings (repeated names joined with commas), without the CSRF token. */
export function flatValues(body: FormBody, except: readonly string[] = [CSRF_FIELD_NAME]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (except.includes(k)) continue;
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (values.length > 0) out[k] = values.join(',');
  }
  return out;
}

/** The files posted under one field name; an empty file input posts nothing. */
export async function filesOf(body: FormBody, name: string): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const raw = body[name];
  const files = (Array.isArray(raw) ? raw : [raw]).filter((x): x is File => x instanceof File && (x.size > 0 || x.name !== ''));
  return Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
