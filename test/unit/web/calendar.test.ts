import { describe, expect, it } from 'vitest';
import { CookieJar, csrfFrom, memoryApp, staff } from '#support/memory-deps';
import { SCHEDULE_2027 } from '../application/calendar/support';

type App = Awaited<ReturnType<typeof memoryApp>>['app'];

async function signIn(app: App, username: string, password: string, next = '/staff') {
  const jar = new CookieJar();
  const page = await app.request('/login');
  jar.store(page);
  const form = new URLSearchParams({ username, password, _csrf: csrfFrom(await page.text()), next });
  jar.store(await app.request('/login', { method: 'POST', body: form, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } }));
  return jar;
}

describe('GET /api/calendar/due', () => {
  it('answers exactly the documented shape', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/api/calendar/due?from=2026-02-10&workingDays=20');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ from: '2026-02-10', workingDays: 20, due: '2026-03-16', provisional: false });
  });

  it('explains the date with explain=1 and flags unpublished years', async () => {
    const { app } = await memoryApp();
    const body = await (await app.request('/api/calendar/due?from=2026-12-15&workingDays=20&explain=1')).json();
    expect(body).toMatchObject({ due: '2027-01-12', provisional: true, explanation: { text: expect.stringContaining('暂定'), pendingNoticeYears: [2027] } });
  });

  it('refuses bad input with 400 and a message per field', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/api/calendar/due?from=2026-13-01&workingDays=-3');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe('validation_failed');
    expect(Object.keys(body.fields).sort()).toEqual(['from', 'workingDays']);
  });
});

describe('GET /api/calendar/{year}', () => {
  it('lists holidays, make-up days and coverage', async () => {
    const { app } = await memoryApp();
    const body = await (await app.request('/api/calendar/2026')).json();
    expect(body).toMatchObject({ year: 2026, covered: true });
    expect(body.holidays[0]).toMatchObject({ name: '元旦', from: expect.any(String), to: expect.any(String), days: expect.any(Number) });
    expect(body.makeupWorkdays.map((m: { date: string }) => m.date)).toContain('2026-02-14');
    expect((await (await app.request('/api/calendar/2027')).json()).covered).toBe(false);
    expect((await app.request('/api/calendar/1999')).status).toBe(400);
  });
});

describe('schedule overrides over the API', () => {
  it('lets an administrator add next year’s schedule, and nobody else', async () => {
    const { app, tokenFor } = await memoryApp();
    const json = { 'content-type': 'application/json' };
    const clerk = await app.request('/api/calendar/overrides', {
      method: 'POST',
      body: JSON.stringify(SCHEDULE_2027),
      headers: { ...json, authorization: `Bearer ${await tokenFor(staff(['clerk']))}` },
    });
    expect(clerk.status).toBe(403);
    const auth = { ...json, authorization: `Bearer ${await tokenFor(staff(['admin']))}` };
    const created = await app.request('/api/calendar/overrides', { method: 'POST', body: JSON.stringify(SCHEDULE_2027), headers: auth });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ override: { id: 'national-2027', status: 'active' }, yearsChanged: expect.arrayContaining([2027]) });
    expect((await (await app.request('/api/calendar/2027')).json()).covered).toBe(true);
    expect(await (await app.request('/api/calendar/due?from=2026-12-15&workingDays=20')).json()).toEqual({ from: '2026-12-15', workingDays: 20, due: '2027-01-13', provisional: false });
    const list = await (await app.request('/api/calendar/overrides', { headers: auth })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual(['national-2027']);
    const removed = await app.request('/api/calendar/overrides/national-2027', { method: 'DELETE', headers: auth });
    expect(removed.status).toBe(200);
    expect((await (await app.request('/api/calendar/2027')).json()).covered).toBe(false);
  });

  it('answers 400 with field messages for an invalid schedule', async () => {
    const { app, tokenFor } = await memoryApp();
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(staff(['admin']))}` };
    const bad = { ...SCHEDULE_2027, makeupWorkdays: [{ name: '春节', date: '2027-02-16' }] }; // a Tuesday
    const response = await app.request('/api/calendar/overrides', { method: 'POST', body: JSON.stringify(bad), headers: auth });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fields['makeupWorkdays.0.date']).toContain('不是星期六或星期日');
    const noScope = await app.request('/api/calendar/overrides', { method: 'POST', body: JSON.stringify({ year: 2027 }), headers: auth });
    expect(noScope.status).toBe(400);
    expect((await noScope.json()).fields.scope).toContain('national');
  });
});

describe('public calendar page', () => {
  it('shows the year, the counting rules and the calculator, with prev/next years', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/calendar');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('2026年工作日日历');
    expect(html).toContain('期限如何计算');
    expect(html).toContain('期限计算器');
    expect(html).toContain('href="/calendar/2025"');
    expect(html).toContain('href="/calendar/2027"');
    expect(html).not.toMatch(/<script|style=/);
  });

  it('warns that an unpublished year is provisional', async () => {
    const { app } = await memoryApp();
    const html = await (await app.request('/calendar/2027')).text();
    expect(html).toContain('2027年节假日安排尚未发布');
  });

  it('computes a due date without JavaScript and says why', async () => {
    const { app } = await memoryApp();
    const html = await (await app.request('/calendar/2026?from=2026-02-10&workingDays=20')).text();
    expect(html).toContain('2026年3月16日');
    expect(html).toContain('为什么是这一天');
    expect(html).toContain('春节');
  });

  it('keeps what was typed and shows field errors', async () => {
    const { app } = await memoryApp();
    const response = await app.request('/calendar?from=2026-02-31&workingDays=xx');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="2026-02-31"');
    expect(html).toContain('value="xx"');
    expect(html).toContain('aria-invalid="true"');
  });
});

describe('administrator schedule page', () => {
  it('is for administrators only', async () => {
    const { app } = await memoryApp();
    const jar = await signIn(app, 'clerk', 'demo-clerk');
    expect((await app.request('/staff/calendar', { headers: { cookie: jar.header() } })).status).toBe(403);
  });

  it('adds a local adjustment from the form', async () => {
    const { app } = await memoryApp();
    const jar = await signIn(app, 'admin', 'demo-admin');
    const page = await app.request('/staff/calendar', { headers: { cookie: jar.header() } });
    expect(page.status).toBe(200);
    const form = new URLSearchParams({
      _csrf: csrfFrom(await page.text()),
      year: '2026',
      scope: 'local',
      region: '广西壮族自治区',
      title: '关于2026年“三月三”放假的通知',
      documentNumber: '',
      issuedOn: '',
      holidays: '壮族三月三 2026-04-20 至 2026-04-21',
      makeupWorkdays: '',
    });
    const saved = await app.request('/staff/calendar', { method: 'POST', body: form, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(saved.status).toBe(303);
    const list = await (await app.request('/staff/calendar?saved=1', { headers: { cookie: jar.header() } })).text();
    expect(list).toContain('广西壮族自治区');
    expect(list).toContain('节假日安排已保存');
    expect((await (await app.request('/api/calendar/due?from=2026-04-17&workingDays=1')).json()).due).toBe('2026-04-22');
  });

  it('shows field-level Chinese errors and keeps everything typed', async () => {
    const { app } = await memoryApp();
    const jar = await signIn(app, 'admin', 'demo-admin');
    const page = await app.request('/staff/calendar', { headers: { cookie: jar.header() } });
    const form = new URLSearchParams({
      _csrf: csrfFrom(await page.text()),
      year: '2027',
      scope: 'national',
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      holidays: '元旦 2027-01-01 2027-01-03\n春节 2027-02-13 2027-02-05\n乱写的一行',
      makeupWorkdays: '春节 2027-02-16',
    });
    const response = await app.request('/staff/calendar', { method: 'POST', body: form, headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('第3行');
    expect(html).toContain('国务院办公厅关于2027年部分节假日安排的通知');
    expect(html).toContain('乱写的一行');
    expect(html).toContain('春节 2027-02-16');
  });
});

describe('staff reminders page', () => {
  it('is open to every member of staff', async () => {
    const { app } = await memoryApp();
    const jar = await signIn(app, 'leader', 'demo-leader');
    const response = await app.request('/staff/reminders', { headers: { cookie: jar.header() } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('期限提醒');
    expect(html).toContain('逾期报送');
  });
});
