import { afterEach, describe, expect, it } from 'vitest';
import { safeNext } from '#web/features/accounts/routes';
import { CookieJar, csrfFrom, memoryApp, staff } from '#support/memory-deps';

/**
 * What an anonymous attacker tried against the portal (issue: hardening). Each case broke the
 * app on the code before this test existed; each must now get a 4xx with a Chinese message and
 * leave the process able to serve the next visitor.
 */
const ALL_ROLES = staff(['clerk', 'head', 'reviewer', 'leader', 'admin'], 'everyone');
const CJK = /[\u4e00-\u9fff]/;

function prototypesClean(): boolean {
  return [Object.prototype, Array.prototype].every((p) => Object.keys(p).length === 0);
}

afterEach(() => {
  // A failing test must not poison the next one.
  for (const p of [Object.prototype, Array.prototype] as Record<string, unknown>[]) for (const k of Object.keys(p)) delete p[k];
});

async function formSession(app: Awaited<ReturnType<typeof memoryApp>>['app'], path: string, token?: string) {
  const jar = new CookieJar();
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const page = await app.request(path, { headers: auth });
  jar.store(page);
  const html = await page.text();
  const csrf = csrfFrom(html);
  const nonce = html.match(/name="nonce" value="([^"]+)"/)?.[1] ?? '';
  const post = (body: URLSearchParams | FormData | string, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      body,
      headers: { cookie: jar.header(), ...auth, ...(typeof body === 'string' || body instanceof URLSearchParams ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    });
  return { csrf, nonce, post };
}

describe('form and JSON bodies never reach a prototype', () => {
  it.each(['__proto__.polluted', 'constructor.prototype.polluted', 'contact.__proto__.polluted', 'requested.constructor.polluted'])(
    'refuses the field name %s on the public application form and keeps serving pages',
    async (name) => {
      const { app } = await memoryApp();
      const { csrf, post } = await formSession(app, '/apply');
      const response = await post(new URLSearchParams({ _csrf: csrf, name: '张三', [name]: 'yes' }));
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(CJK);
      expect(prototypesClean()).toBe(true);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect((await app.request('/')).status).toBe(200);
      expect((await app.request('/apply')).status).toBe(200);
    },
  );

  it('refuses prototype names on the staff registration and decision forms', async () => {
    const { app, tokenFor } = await memoryApp();
    const token = await tokenFor(ALL_ROLES);
    const { csrf, post } = await formSession(app, '/staff/requests/new', token);
    const response = await post(new URLSearchParams({ _csrf: csrf, channel: 'in-person', '__proto__.polluted': 'x' }));
    expect(response.status).toBe(400);
    expect(prototypesClean()).toBe(true);
  });

  it('refuses prototype keys and absurd nesting in JSON bodies', async () => {
    const { app } = await memoryApp();
    const post = (body: string) => app.request('/api/requests', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    for (const body of [
      '{"__proto__":{"polluted":1},"form":{},"nonce":"abcdefgh"}',
      '{"form":{"contact":{"constructor":{"prototype":{"polluted":1}}}},"nonce":"abcdefgh"}',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`,
    ]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      const json = (await response.json()) as { message: string };
      expect(json.message).toMatch(CJK);
      expect(prototypesClean()).toBe(true);
    }
  });

  it('refuses list indexes that would build a huge sparse array', async () => {
    const { app } = await memoryApp();
    const { csrf, post } = await formSession(app, '/apply');
    const response = await post(new URLSearchParams({ _csrf: csrf, 'requested.99999999.x': '1' }));
    expect(response.status).toBe(400);
  });
});

describe('malformed requests get a 400, never a 500', () => {
  const concrete = (path: string) =>
    path
      .replace(':tn', 'YSQ-2026-000001')
      .replace(':year', '2026')
      .replace(':index', '0')
      .replace(/:[a-zA-Z]+/g, 'x')
      .replace('*', 'x');

  it('answers a multipart body without a boundary on every form route with 400', async () => {
    const { app, tokenFor } = await memoryApp();
    const token = await tokenFor(ALL_ROLES);
    const page = await app.request('/apply');
    const jar = new CookieJar();
    jar.store(page);
    const statuses: string[] = [];
    for (const path of new Set(app.routes.filter((r) => r.method === 'POST' && !r.path.startsWith('/api/')).map((r) => r.path))) {
      const response = await app.request(concrete(path), {
        method: 'POST',
        body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
        headers: { cookie: jar.header(), authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data' },
      });
      if (response.status >= 500) statuses.push(`${path}: ${response.status}`);
    }
    expect(statuses).toEqual([]);
  });

  it('answers ids longer than any key the table can hold with 404', async () => {
    const { app, tokenFor } = await memoryApp();
    const token = await tokenFor(ALL_ROLES);
    const long = 'A'.repeat(3000);
    const wide = '长'.repeat(800);
    for (const path of [
      `/items/${long}`,
      `/items/${wide}`,
      `/clarifications/${long}`,
      `/api/catalogue/items/${long}`,
      `/staff/requests/${long}`,
      `/staff/items/${long}`,
      `/staff/reviews/${long}`,
      `/staff/corrections/${long}`,
      `/api/requests/${long}`,
    ]) {
      const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
      expect.soft(response.status, path).toBeGreaterThanOrEqual(400);
      expect.soft(response.status, path).toBeLessThan(500);
    }
  });

  it('looks client-chosen names up only among a table’s own entries (?done=, :action)', async () => {
    const { app, tokenFor } = await memoryApp();
    const auth = { authorization: `Bearer ${await tokenFor(ALL_ROLES)}` };
    for (const path of ['/staff/items?done=__proto__', '/staff/requests/YSQ-2026-000001?done=constructor', '/staff/reviews?done=toString', '/track?done=__proto__']) {
      expect((await app.request(path, { headers: auth })).status, path).toBeLessThan(500);
    }
    const page = await app.request('/staff/items', { headers: auth });
    const jar = new CookieJar();
    jar.store(page);
    for (const action of ['__proto__', 'constructor', 'toString']) {
      const response = await app.request(`/staff/items/x/${action}`, {
        method: 'POST',
        body: new URLSearchParams({ _csrf: csrfFrom(await page.clone().text()) }),
        headers: { ...auth, cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(response.status, action).toBeLessThan(500);
    }
  });

  it('refuses a forged pagination cursor with a Chinese message', async () => {
    const { app } = await memoryApp();
    const forged = Buffer.from(JSON.stringify({ PK: { S: 1 }, junk: 'x'.repeat(5000) })).toString('base64url');
    for (const path of [`/api/catalogue/items?cursor=${forged}`, `/proactive?cursor=${forged}`, '/proactive?cursor=%00%01']) {
      const response = await app.request(path);
      expect(response.status, path).toBeLessThan(500);
    }
  });
});

describe('sign-in redirects stay on this site', () => {
  it.each([
    ['/\t/evil.example/', '/staff'],
    ['/\n/evil.example/', '/staff'],
    ['/.//evil.example/', '/staff'],
    ['//evil.example/', '/staff'],
    ['/\\evil.example/', '/staff'],
    ['https://evil.example/', '/staff'],
    ['/staff\r\nSet-Cookie: x=1', '/staff'],
    ['/staff/\u000bx', '/staff'],
    ['javascript:alert(1)', '/staff'],
    ['/staff/items/abc?tab=1#top', '/staff/items/abc?tab=1#top'],
    ['/staff/requests', '/staff/requests'],
  ])('safeNext(%j) = %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it('signs in and stays on the site when next carries control characters', async () => {
    const { app } = await memoryApp();
    const { csrf, post } = await formSession(app, '/login');
    const response = await post(new URLSearchParams({ _csrf: csrf, username: 'clerk', password: 'demo-clerk', next: '/staff\r\n\u000b/evil' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/staff');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('__Host-session='))).toBe(true);
  });
});

describe('deep health check', () => {
  it('is green when the app can serve a page', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/health?deep=1');
    expect(response.status).toBe(200);
  });

  it('probes the page with the host’s own request context (the socket peer in local mode)', async () => {
    const fromSocket = (c: { env: unknown }) => (c.env as { incoming?: { socket: { remoteAddress?: string } } } | undefined)?.incoming?.socket.remoteAddress;
    const { app } = await memoryApp({ clientAddress: fromSocket });
    const response = await app.request('/health?deep=1', {}, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    expect(response.status, await response.clone().text()).toBe(200);
  });

  it('goes red when a prototype was polluted, though storage still answers', async () => {
    const { app } = await memoryApp();
    (Object.prototype as Record<string, unknown>)['polluted'] = 'x';
    const response = await app.request('/health?deep=1');
    delete (Object.prototype as Record<string, unknown>)['polluted'];
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'degraded', failed: expect.arrayContaining(['prototypes']) });
  });

  it('goes red when the home page cannot be rendered', async () => {
    const { app, records } = await memoryApp();
    const original = records.query.bind(records);
    records.query = async () => {
      throw new Error('index unavailable');
    };
    const response = await app.request('/health?deep=1');
    records.query = original;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ failed: ['page'] });
  });
});

describe('validation messages are Chinese and every summary link reaches its field', () => {
  it('explains an application with every section left empty', async () => {
    const { app } = await memoryApp();
    const { csrf, nonce, post } = await formSession(app, '/apply');
    const response = await post(new URLSearchParams({ _csrf: csrf, nonce, applicantKind: 'citizen' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    const summary = html.slice(html.indexOf('error-summary'), html.indexOf('</ul>', html.indexOf('error-summary')));
    const links = [...summary.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)];
    expect(links.length).toBeGreaterThan(2);
    for (const [, id, message] of links) {
      expect(message, id).toMatch(CJK);
      expect(message, id).not.toMatch(/Invalid|expected|received|undefined/i);
      expect(html, `#${id} has a target`).toContain(`id="${id}"`);
    }
  });

  it('shows a message about the whole form without a link to nowhere', async () => {
    const { app } = await memoryApp();
    const { csrf, post } = await formSession(app, '/apply');
    const html = await (await post(new URLSearchParams({ _csrf: csrf, applicantKind: 'citizen' }))).text();
    expect(html).toContain('表单标识无效');
    expect(html).not.toContain('href="#field-_"');
  });
});
