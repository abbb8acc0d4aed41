import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CookieJar, csrfFrom, memoryApp, staff } from '#support/memory-deps';
import { act, submitOnline } from '#application/requests';
import { createItem, submitItem } from '#application/catalogue';
import { citizenForm } from '../application/requests/support';
import { itemInput } from '../application/catalogue/support';

/**
 * The bounded fuzz tier (issue: hardening). Every route the app registers gets hostile
 * input: prototype keys, deep nesting, control characters, oversize and non-ASCII ids, invalid
 * JSON, invalid multipart. Whatever comes in, the answer is never a 5xx or a stack trace, every
 * refusal of a JSON call explains itself in Chinese, and afterwards the process still serves the
 * home page with its prototypes untouched. Fixed seed and a time cap, so it is repeatable and
 * bounded in CI.
 */
const SEED = 20261202;
const RUNS = 3000;
const TIME_LIMIT_MS = 90_000;
const CJK = /[\u4e00-\u9fff]/;

const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '__proto__.x',
    'constructor.prototype.x',
    'a.__proto__.b',
    'toString',
    'valueOf',
    'then',
    'length',
    '0',
    '99999999',
    'a.99999999.b',
    '_csrf',
    'version',
    'nonce',
    'done',
    'type',
    'state',
    'cursor',
    'tab',
    'q',
    'page',
    'year',
    'order',
    'validity',
    'category',
    'next',
    'command',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.stringMatching(/^[a-z]{1,8}(\.[a-z0-9]{1,8}){0,6}$/),
);
const hostileText = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom('\u0000', '\r\n', '\u000b', '../../etc/passwd', '<script>alert(1)</script>', '%00', 'A'.repeat(5000), '长'.repeat(1500), 'YSQ-2026-000001', '2026-02-30', '-1', '1e309', 'NaN'),
);
const ids = (real: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...real),
    fc.constantFrom('YSQ-2026-000001', 'GZ-2026-000001', 'CQ-2026-000001', 'x', 'A'.repeat(3000), '长'.repeat(800), '%00', '..', '__proto__', 'constructor', '%E2%80%AE'),
    fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent),
  );

/** Real cases to aim at, so hostile input gets past "not found" into the handlers. */
async function realSubjects(deps: Awaited<ReturnType<typeof memoryApp>>['deps']) {
  const clerk = staff(['clerk', 'head'], 'fuzz-clerk');
  const receipt = await submitOnline(deps, { form: citizenForm(), nonce: 'fuzz-seed-1' });
  await act(deps, clerk, receipt.trackingNumber, { command: 'register' });
  const item = await createItem(deps, clerk, itemInput());
  const submitted = await submitItem(deps, clerk, item.record.id);
  return [receipt.trackingNumber, item.record.id, submitted.review!.id, 'clerk', 'admin'];
}

function deepNest(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }).map((v) => JSON.stringify(v)),
  fc
    .record({ form: fc.dictionary(hostileKey, fc.oneof(hostileText, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 8 }), nonce: hostileText, version: fc.oneof(fc.integer(), hostileText) })
    .map((v) => JSON.stringify(v)),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '[', 'null', '"x"', deepNest(3000), `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"a":1,"a":2}', ''),
);

type Body = { readonly kind: 'json' | 'form' | 'multipart' | 'broken-multipart' | 'text'; readonly fields: [string, string][]; readonly raw?: string };

const formBody = fc.record({
  kind: fc.constantFrom('form', 'multipart', 'broken-multipart', 'text') as fc.Arbitrary<Body['kind']>,
  fields: fc.array(fc.tuple(hostileKey, hostileText), { maxLength: 10 }),
});

function concrete(path: string, ids: readonly string[]): string {
  let i = 0;
  return path.replace(/:[a-zA-Z]+/g, () => ids[i++ % ids.length]!).replace('*', ids[0]!);
}

describe('fuzzing every route', () => {
  it('never answers 5xx, never leaks a stack trace, explains refusals in Chinese, and keeps serving', async () => {
    const { app, deps, tokenFor } = await memoryApp();
    const id = ids(await realSubjects(deps));
    const token = await tokenFor(staff(['clerk', 'head', 'reviewer', 'leader', 'admin'], 'fuzzer'));
    const jar = new CookieJar();
    const page = await app.request('/apply');
    jar.store(page);
    const csrf = csrfFrom(await page.text());
    // Every route the app registers, and the item actions behind /staff/items/:id/:action.
    const registered = app.routes.filter((r) => r.method !== 'ALL').map(({ method, path }) => `${method} ${path}`);
    const actions = ['publish', 'schedule', 'withdraw'].map((a) => `POST /staff/items/:id/${a}`);
    const routes = [...new Set([...registered, ...actions])].map((r) => ({ method: r.split(' ')[0]!, path: r.split(' ')[1]! }));
    const failures: string[] = [];

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.array(id, { minLength: 1, maxLength: 3 }), jsonBody, formBody, fc.boolean(), fc.boolean(), async (route, ids, json, form, asStaff, withCsrf) => {
        const path = concrete(route.path, ids);
        const headers: Record<string, string> = { cookie: jar.header() };
        if (asStaff) headers['authorization'] = `Bearer ${token}`;
        let body: BodyInit | undefined;
        if (route.method !== 'GET') {
          if (route.path.startsWith('/api/')) {
            headers['content-type'] = 'application/json';
            body = json;
          } else if (form.kind === 'form') {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            body = new URLSearchParams([...(withCsrf ? [['_csrf', csrf] as [string, string]] : []), ...form.fields]);
          } else if (form.kind === 'multipart') {
            const data = new FormData();
            if (withCsrf) data.set('_csrf', csrf);
            for (const [k, v] of form.fields) data.append(k, v);
            body = data;
          } else if (form.kind === 'broken-multipart') {
            headers['content-type'] = 'multipart/form-data; boundary=zz';
            body = `--zz\r\nContent-Disposition: form-data; name="${form.fields[0]?.[0] ?? 'a'}"\r\n\r\n${form.fields[0]?.[1] ?? ''}`;
          } else {
            headers['content-type'] = 'text/plain';
            body = form.fields.map(([k, v]) => `${k}=${v}`).join('&');
          }
        }
        const query = form.fields.length ? `?${new URLSearchParams(form.fields.slice(0, 3))}` : '';
        const response = await app.request(`${path}${route.method === 'GET' ? query : ''}`, { method: route.method, headers, ...(body !== undefined ? { body } : {}) });
        const text = await response.text();
        const where = `${route.method} ${path.slice(0, 80)} → ${response.status}`;
        if (response.status >= 500) failures.push(`${where}: ${text.slice(0, 200)}`);
        if (/\n\s+at .+\(.+:\d+:\d+\)/.test(text) || /TypeError|ReferenceError|RangeError/.test(text)) failures.push(`${where}: stack trace or error name in the body`);
        if (response.status >= 400 && (response.headers.get('content-type') ?? '').startsWith('application/json')) {
          const parsed = JSON.parse(text) as { message?: string; fields?: Record<string, string> };
          for (const message of [parsed.message ?? '', ...Object.values(parsed.fields ?? {})]) {
            if (!CJK.test(message) || /Invalid input|expected (?:string|number|object|array|boolean)|received (?:undefined|null|string|number)/.test(message))
              failures.push(`${where}: message not in Chinese: ${message}`);
          }
        }
        return true;
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect([...new Set(failures)].slice(0, 40)).toEqual([]);
    expect([Object.prototype, Array.prototype].every((p) => Object.keys(p).length === 0)).toBe(true);
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/health?deep=1')).status).toBe(200);
  }, 150_000);
});
