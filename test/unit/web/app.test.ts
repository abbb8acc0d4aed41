import { describe, expect, it } from 'vitest';
import { accessFor, ACCESS_RULES } from '#web/access-policy';
import { StorageUnavailableError } from '#domain/errors';
import { CookieJar, csrfFrom, memoryApp, staff } from '#support/memory-deps';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

async function signIn(app: Awaited<ReturnType<typeof memoryApp>>['app'], username: string, password: string) {
  const jar = new CookieJar();
  const page = await app.request('/login');
  jar.store(page);
  const form = new URLSearchParams({ username, password, _csrf: csrfFrom(await page.text()), next: '/staff/documents' });
  const response = await app.request('/login', { method: 'POST', body: form, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
  jar.store(response);
  return { jar, response };
}

describe('public pages and health', () => {
  it('serves the home page in Chinese with a strict security baseline', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('示例市人民政府办公室');
    for (const section of ['主动公开', '依申请公开', '政府信息公开指南']) expect(html).toContain(section);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('reports the app and table schema versions on /health', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', app: 'test', tableSchema: 1 });
  });

  it('answers unknown pages with a friendly 404 page and unknown API paths with JSON', async () => {
    const { app } = await memoryApp();
    const page = await app.request('/no-such-page');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('页面不存在');
    const api = await app.request('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
  });

  it('serves static assets with an ETag and answers 304 to a matching If-None-Match', async () => {
    const { app } = await memoryApp();
    const first = await app.request('/static/site.css');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    const second = await app.request('/static/site.css', { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
  });
});

describe('staff sign-in, sessions and CSRF', () => {
  it('sends anonymous visitors of staff pages to the login page', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/staff');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fstaff');
  });

  it('refuses a wrong password with a message and keeps the username', async () => {
    const { app } = await memoryApp();
    const { response } = await signIn(app, 'clerk', 'wrong');
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain('用户名或密码错误');
    expect(html).toContain('value="clerk"');
  });

  it('signs in a demo account with a secure, HttpOnly session cookie and follows next', async () => {
    const { app } = await memoryApp();
    const { response, jar } = await signIn(app, 'clerk', 'demo-clerk');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/staff/documents');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const workbench = await app.request('/staff', { headers: { cookie: jar.header() } });
    expect(workbench.status).toBe(200);
    expect(await workbench.text()).toContain('王晓明');
  });

  it('refuses a form post without the CSRF token', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ username: 'clerk', password: 'demo-clerk' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('页面已过期');
  });

  it('refuses a post from another origin', async () => {
    const { app } = await memoryApp();
    const response = await app.request('http://localhost/login', {
      method: 'POST',
      body: new URLSearchParams({ username: 'clerk', password: 'demo-clerk' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
  });

  it('does not follow a next parameter off the site', async () => {
    const { app } = await memoryApp();
    const jar = new CookieJar();
    const page = await app.request('/login');
    jar.store(page);
    const form = new URLSearchParams({ username: 'clerk', password: 'demo-clerk', _csrf: csrfFrom(await page.text()), next: '//evil.example/' });
    const response = await app.request('/login', { method: 'POST', body: form, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.headers.get('location')).toBe('/staff');
  });

  it('answers API calls without a valid token with 401 JSON', async () => {
    const { app } = await memoryApp();
    const none = await app.request('/api/me');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: 'unauthenticated' });
    const forged = await app.request('/api/me', { headers: { authorization: 'Bearer not.a.token' } });
    expect(forged.status).toBe(401);
  });

  it('answers 403 to staff without the role a route needs', async () => {
    const { app, tokenFor } = await memoryApp();
    const token = await tokenFor(staff([]));
    const response = await app.request('/api/documents', { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'forbidden' });
  });
});

describe('documents: a round trip through the private store', () => {
  it('uploads through the form, checks the content, and lists the document', async () => {
    const { app, files } = await memoryApp();
    const { jar } = await signIn(app, 'clerk', 'demo-clerk');
    const page = await app.request('/staff/documents', { headers: { cookie: jar.header() } });
    const form = new FormData();
    form.set('_csrf', csrfFrom(await page.text()));
    form.set('title', '2026年工作要点');
    form.set('file', new File([PDF], '工作要点.pdf', { type: 'application/octet-stream' }));
    const response = await app.request('/staff/documents', { method: 'POST', body: form, headers: { cookie: jar.header() } });
    expect(response.status).toBe(303);
    const list = await (await app.request('/staff/documents', { headers: { cookie: jar.header() } })).text();
    expect(list).toContain('2026年工作要点');
    expect(list).toContain('工作要点.pdf');
    expect([...files.objects.values()].map((o) => o.contentType)).toEqual(['application/pdf']);
  });

  it('refuses a file by its content, keeps what was typed, and stores nothing', async () => {
    const { app, files } = await memoryApp();
    const { jar } = await signIn(app, 'clerk', 'demo-clerk');
    const page = await app.request('/staff/documents', { headers: { cookie: jar.header() } });
    const form = new FormData();
    form.set('_csrf', csrfFrom(await page.text()));
    form.set('title', '看似PDF的程序');
    form.set('file', new File([EXE], 'report.pdf', { type: 'application/pdf' }));
    const response = await app.request('/staff/documents', { method: 'POST', body: form, headers: { cookie: jar.header() } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('文件类型不受支持');
    expect(html).toContain('value="看似PDF的程序"');
    expect(files.objects.size).toBe(0);
  });

  it('issues a presigned upload bound to type and size, then verifies the stored bytes', async () => {
    const { app, files, tokenFor } = await memoryApp();
    const auth = { authorization: `Bearer ${await tokenFor(staff(['clerk'], 'api-clerk'))}`, 'content-type': 'application/json' };
    const bad = await app.request('/api/documents/uploads', { method: 'POST', headers: auth, body: JSON.stringify({ fileName: 'x.exe', contentType: 'application/x-msdownload', sizeBytes: 10 }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields).toHaveProperty('contentType');

    const slot = await app.request('/api/documents/uploads', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ fileName: '通知.pdf', contentType: 'application/pdf', sizeBytes: PDF.byteLength }),
    });
    expect(slot.status).toBe(201);
    const { uploadId, headers, url } = await slot.json();
    expect(headers).toEqual({ 'Content-Type': 'application/pdf', 'Content-Length': String(PDF.byteLength) });
    const slotKey = String(url).replace('memory://upload/', '');
    await files.put(slotKey, PDF, 'application/pdf'); // what the browser's PUT does
    const done = await app.request(`/api/documents/uploads/${uploadId}/complete`, { method: 'POST', headers: auth, body: JSON.stringify({ title: '通知' }) });
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({ id: uploadId, title: '通知', contentType: 'application/pdf' });
    // The PUT URL is spent: the document lives under a key no client was given, the slot is gone,
    // and a PUT through the old URL (an executable, say) changes nothing the portal reads.
    const stored = [...files.objects.keys()].filter((k) => k.startsWith('documents/'));
    expect(stored).toEqual([`documents/${uploadId}`]);
    expect(files.objects.has(slotKey)).toBe(false);
    await files.put(slotKey, EXE, 'application/pdf');
    expect(files.objects.get(`documents/${uploadId}`)!.body).toEqual(PDF);
    const again = await app.request(`/api/documents/uploads/${uploadId}/complete`, { method: 'POST', headers: auth, body: JSON.stringify({ title: '通知' }) });
    expect(again.status).toBe(409);
    expect(files.objects.get(`documents/${uploadId}`)!.body).toEqual(PDF);
    const list = await (await app.request('/api/documents', { headers: auth })).json();
    expect(list.items.map((d: { title: string }) => d.title)).toEqual(['通知']);
    expect(list.items[0]).not.toHaveProperty('fileKey');
  });

  it('deletes a presigned upload whose bytes are not what was declared', async () => {
    const { app, files, tokenFor } = await memoryApp();
    const auth = { authorization: `Bearer ${await tokenFor(staff(['clerk'], 'api-clerk'))}`, 'content-type': 'application/json' };
    const slot = await (
      await app.request('/api/documents/uploads', { method: 'POST', headers: auth, body: JSON.stringify({ fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: EXE.byteLength }) })
    ).json();
    await files.put(String(slot.url).replace('memory://upload/', ''), EXE, 'application/pdf');
    const done = await app.request(`/api/documents/uploads/${slot.uploadId}/complete`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'x' }) });
    expect(done.status).toBe(400);
    expect(files.objects.size).toBe(0);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const { app, tokenFor } = await memoryApp();
    const auth = { authorization: `Bearer ${await tokenFor(staff(['clerk']))}`, 'content-type': 'application/json' };
    const response = await app.request('/api/documents/uploads', { method: 'POST', headers: auth, body: 'x'.repeat(7 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it('answers a storage outage with a calm 503, never a stack trace', async () => {
    const { app, records, tokenFor } = await memoryApp();
    records.query = async () => {
      throw new StorageUnavailableError('DynamoDB: ThrottlingException');
    };
    const auth = { authorization: `Bearer ${await tokenFor(staff(['clerk']))}` };
    const response = await app.request('/api/documents', { headers: auth });
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error).toBe('temporarily_unavailable');
    expect(JSON.stringify(body)).not.toMatch(/Throttling|at .*\.ts/);
  });
});

describe('authorisation and API description cover every route', () => {
  it('has an access rule for every route the app registers (deny by default)', async () => {
    const { app } = await memoryApp();
    const missing = app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .filter((r) => accessFor(r.method, r.path.replace(/:(\w+)/g, 'sample')) === undefined)
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    expect(ACCESS_RULES.length).toBeGreaterThan(5);
  });

  it('describes every /api route in /api/openapi.json', async () => {
    const { app } = await memoryApp();
    const doc = await (await app.request('/api/openapi.json')).json();
    const described = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.path !== '/api/openapi.json' && r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(3);
    for (const route of routes) expect(described).toContain(route);
  });
});

describe('shared caches', () => {
  it('never lets a response that sets a cookie be cached, and caches nothing by default', async () => {
    const { app } = await memoryApp();
    const first = await app.request('/');
    expect(first.headers.getSetCookie().some((c) => c.startsWith('__Host-csrf='))).toBe(true);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const cookie = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const again = await app.request('/', { headers: { cookie } });
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(again.headers.get('cache-control')).toMatch(/^public/);
    const login = await app.request('/login', { headers: { cookie } });
    expect(login.headers.get('cache-control')).toBe('no-store');
  });
});

describe('annual reports entry point', () => {
  it('leads to the catalogue category of annual reports', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/reports');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/proactive/annual-reports');
    const listing = await app.request('/proactive/annual-reports');
    expect(listing.status).toBe(200);
    expect(await listing.text()).toContain('政府信息公开工作年度报告');
  });
});
