import { describe, expect, it } from 'vitest';
import { endAllSessions } from '#application/sessions';
import { systemActor } from '#domain/staff';
import { CookieJar, csrfFrom, memoryApp, staff } from '#support/memory-deps';

/**
 * Sessions end on the server (issue: hardening). On the code before, the session cookie was the
 * ID token itself, so logging out only deleted the browser's copy: a kept copy went on working
 * for eight hours, through password and role changes.
 */
type App = Awaited<ReturnType<typeof memoryApp>>['app'];

async function signIn(app: App, username: string, password = `demo-${username}`) {
  const jar = new CookieJar();
  const page = await app.request('/login');
  jar.store(page);
  const response = await app.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrfFrom(await page.text()), username, password }),
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(response.status).toBe(303);
  jar.store(response);
  return jar;
}

const signedIn = async (app: App, jar: CookieJar) => (await app.request('/staff', { headers: { cookie: jar.header() } })).status === 200;

/** Posts a form the way a browser does: the page first (for its CSRF token), then the form. */
async function post(app: App, jar: CookieJar, page_: string, path: string, fields: Record<string, string | string[]>) {
  const page = await app.request(page_, { headers: { cookie: jar.header() } });
  jar.store(page);
  const csrf = csrfFrom(await page.text());
  const body = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  const response = await app.request(path, { method: 'POST', body, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
  jar.store(response);
  return response;
}

describe('server-side sessions', () => {
  it('stores no token in the cookie, only a random session id', async () => {
    const { app } = await memoryApp();
    const jar = await signIn(app, 'clerk');
    const cookie = jar.header().match(/__Host-session=([^;]+)/)![1]!;
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.split('.')).toHaveLength(1);
  });

  it('logout ends the session: a copy of the cookie kept from before no longer signs anyone in', async () => {
    const { app } = await memoryApp();
    const jar = await signIn(app, 'clerk');
    const stolen = jar.header();
    expect(await signedIn(app, jar)).toBe(true);
    const page = await app.request('/staff', { headers: { cookie: jar.header() } });
    const logout = await app.request('/logout', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrfFrom(await page.text()) }),
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(logout.status).toBe(303);
    const replay = await app.request('/staff', { headers: { cookie: stolen } });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toMatch(/^\/login/);
  });

  it('a password change ends every session of that person, and only the new password works', async () => {
    const { app } = await memoryApp();
    const laptop = await signIn(app, 'clerk');
    const phone = await signIn(app, 'clerk');
    const other = await signIn(app, 'head');
    const changed = await post(app, laptop, '/staff/account/password', '/staff/account/password', { current: 'demo-clerk', next: 'a-much-longer-password', confirm: 'a-much-longer-password' });
    expect(changed.status).toBe(303);
    expect(await signedIn(app, laptop)).toBe(false);
    expect(await signedIn(app, phone)).toBe(false);
    expect(await signedIn(app, other)).toBe(true);
    const page = await app.request('/login');
    const jar = new CookieJar();
    jar.store(page);
    const old = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrfFrom(await page.text()), username: 'clerk', password: 'demo-clerk' }),
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(old.status).toBe(401);
    expect(await signedIn(app, await signIn(app, 'clerk', 'a-much-longer-password'))).toBe(true);
  });

  it('explains a refused password change in Chinese, field by field', async () => {
    const { app } = await memoryApp();
    const jar = await signIn(app, 'clerk');
    const response = await post(app, jar, '/staff/account/password', '/staff/account/password', { current: 'wrong', next: 'short', confirm: 'other' });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const text of ['当前密码不正确', '新密码至少 12 个字符', '两次输入的新密码不一致']) expect(html).toContain(text);
    expect(await signedIn(app, jar)).toBe(true);
  });

  it('a role change by an administrator ends the sessions of that person', async () => {
    const { app } = await memoryApp();
    const clerk = await signIn(app, 'clerk');
    const admin = await signIn(app, 'admin');
    const changed = await post(app, admin, '/staff/accounts', '/staff/accounts/clerk/roles', { roles: ['head'] });
    expect(changed.status).toBe(303);
    expect(await signedIn(app, clerk)).toBe(false);
    expect(await signedIn(app, admin)).toBe(true);
  });

  it('revocation refuses bearer tokens issued before it', async () => {
    const { app, deps, tokenFor } = await memoryApp();
    const member = staff(['clerk'], 'api-client');
    const token = await tokenFor(member);
    expect((await app.request('/api/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await endAllSessions({ ...deps, clock: { now: () => new Date(Date.now() + 2000) } }, member.id, 'revoked', systemActor('test'));
    expect((await app.request('/api/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('an unknown or malformed session cookie is no session', async () => {
    const { app } = await memoryApp();
    for (const value of ['x'.repeat(43), 'not-a-session', 'eyJhbGciOiJFUzI1NiJ9.e30.sig']) {
      const response = await app.request('/staff', { headers: { cookie: `__Host-session=${value}` } });
      expect(response.status).toBe(303);
    }
  });
});
