import { describe, expect, it } from 'vitest';
import { cloudFrontClientAddress, socketClientAddress, viewerIp } from '#adapters/http/client-address';
import { CookieJar, csrfFrom, memoryApp, testClient } from '#support/memory-deps';
import { mutableClock } from '../application/secrecy/support';
import { ID_NUMBER } from '../application/requests/support';

/**
 * Per-client limits are only as good as the client address. It is what the host vouches for (the
 * socket, CloudFront's own header on requests carrying the origin secret), never X-Forwarded-For.
 */
type App = Awaited<ReturnType<typeof memoryApp>>['app'];

async function lookupForm(app: App, client?: string) {
  const jar = new CookieJar();
  const extra: Record<string, string> = client ? { 'x-test-client': client } : {};
  const page = await app.request('/track', { headers: extra });
  jar.store(page);
  const csrf = csrfFrom(await page.text());
  return (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request('/track', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf, ...fields }),
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', ...extra, ...headers },
    });
}

async function apply(app: App, client = 'applicant') {
  const jar = new CookieJar();
  const page = await app.request('/apply', { headers: { 'x-test-client': client } });
  jar.store(page);
  const html = await page.text();
  const form = new URLSearchParams({
    _csrf: csrfFrom(html),
    nonce: html.match(/name="nonce" value="([^"]+)"/)![1]!,
    applicantKind: 'citizen',
    name: '张三',
    idType: 'resident-id',
    idNumber: ID_NUMBER,
    'contact.phone': '13812345678',
    'requested.documentTitle': '示例市2025年财政预算执行情况报告',
    provisionForm: 'electronic',
    deliveryMethod: 'download',
  });
  const response = await app.request('/apply', { method: 'POST', body: form, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', 'x-test-client': client } });
  const receipt = await response.text();
  return { response, tn: receipt.match(/YSQ-\d{4}-\d{6}/)?.[0] ?? '', code: receipt.match(/[A-Z0-9]{5}-[A-Z0-9]{5}/)?.[0] ?? '' };
}

describe('the client address', () => {
  it('ignores X-Forwarded-For: rotating it does not buy more lookups', async () => {
    const { app } = await memoryApp();
    const post = await lookupForm(app);
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const tn = `YSQ-2026-${String(100 + i).padStart(6, '0')}`;
      statuses.push((await post({ trackingNumber: tn, accessCode: 'AAAAA-AAAAA' }, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('behind CloudFront trusts only its viewer header, and only with the origin secret', () => {
    const secret = 's'.repeat(40);
    const resolve = cloudFrontClientAddress(secret);
    const headers = (h: Record<string, string>) => (name: string) => h[name];
    expect(resolve(headers({ 'x-viewer-address': '198.51.100.7:44321', 'x-origin-verify': secret }))).toBe('198.51.100.7');
    expect(resolve(headers({ 'x-viewer-address': '198.51.100.7:44321' }))).toBeUndefined();
    expect(resolve(headers({ 'x-viewer-address': '198.51.100.7:44321', 'x-origin-verify': 'wrong' }))).toBeUndefined();
    expect(resolve(headers({ 'x-origin-verify': secret, 'x-forwarded-for': '10.0.0.1' }))).toBeUndefined();
    expect(viewerIp('2001:DB8::1')).toBe('2001:db8::1');
    expect(viewerIp('198.51.100.7')).toBe('198.51.100.7');
    expect(viewerIp('<script>:1')).toBeUndefined();
    expect(socketClientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
  });

  it('refuses requests that did not come through the trusted edge', async () => {
    const secret = 's'.repeat(40);
    const resolve = cloudFrontClientAddress(secret);
    const { app } = await memoryApp({ clientAddress: (c) => resolve((n) => c.req.header(n)) });
    const direct = await app.request('/', { headers: { 'x-forwarded-for': '1.2.3.4' } });
    expect(direct.status).toBe(403);
    expect(await direct.text()).toContain('请通过本平台的网址访问');
    const viaEdge = await app.request('/', { headers: { 'x-origin-verify': secret, 'x-viewer-address': '198.51.100.7:1234' } });
    expect(viaEdge.status).toBe(200);
  });
});

describe('lock-outs that do not lock out the owner', () => {
  it('slows a guessed-at tracking number down for everyone instead of locking it', async () => {
    const clock = mutableClock();
    const { app } = await memoryApp({ clock, clientAddress: testClient });
    const { tn, code } = await apply(app);
    expect(tn).toMatch(/^YSQ-/);
    // Twelve wrong guesses from twelve addresses.
    for (let i = 0; i < 12; i++) {
      const post = await lookupForm(app, `198.51.100.${i}`);
      const status = (await post({ trackingNumber: tn, accessCode: 'AAAAA-AAAAA' })).status;
      expect([404, 429]).toContain(status);
    }
    const owner = await lookupForm(app, 'owner-home');
    const slowed = await owner({ trackingNumber: tn, accessCode: code });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    clock.advance(0.2);
    const response = await owner({ trackingNumber: tn, accessCode: code });
    expect(response.status).toBe(303);
  });

  it('locks one client out of one number after five wrong codes, not other clients', async () => {
    const { app } = await memoryApp({ clientAddress: testClient });
    const { tn, code } = await apply(app);
    const guesser = await lookupForm(app, 'guesser');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await guesser({ trackingNumber: tn, accessCode: 'AAAAA-AAAAA' })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    const owner = await lookupForm(app, 'owner');
    expect((await owner({ trackingNumber: tn, accessCode: code })).status).toBe(303);
  });

  it('does not count successful sign-ins against an office behind one address', async () => {
    const { app } = await memoryApp();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const jar = new CookieJar();
      const page = await app.request('/login');
      jar.store(page);
      const form = new URLSearchParams({ _csrf: csrfFrom(await page.text()), username: 'clerk', password: 'demo-clerk' });
      statuses.push((await app.request('/login', { method: 'POST', body: form, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } })).status);
    }
    expect(statuses.every((s) => s === 303)).toBe(true);
  });

  it('still limits wrong passwords', async () => {
    const { app } = await memoryApp();
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const jar = new CookieJar();
      const page = await app.request('/login');
      jar.store(page);
      const form = new URLSearchParams({ _csrf: csrfFrom(await page.text()), username: 'clerk', password: 'wrong' });
      last = (await app.request('/login', { method: 'POST', body: form, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } })).status;
    }
    expect(last).toBe(429);
  });
});

describe('submission limits', () => {
  it('limits online applications per client, on the form and the JSON API alike', async () => {
    const { app } = await memoryApp({ clientAddress: testClient });
    for (let i = 0; i < 20; i++) expect((await apply(app, 'script')).response.status).toBe(200);
    expect((await apply(app, 'script')).response.status).toBe(429);
    const api = await app.request('/api/requests', {
      method: 'POST',
      body: JSON.stringify({ form: {}, nonce: 'abcdefghijkl' }),
      headers: { 'content-type': 'application/json', 'x-test-client': 'script' },
    });
    expect(api.status).toBe(429);
    expect((await apply(app, 'someone-else')).response.status).toBe(200);
  });
});
