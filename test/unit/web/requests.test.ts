import { describe, expect, it } from 'vitest';
import { withEffects } from '#application/effects';
import { STATIC_DIR } from '#local/server';
import { RequestRepository } from '#repositories/requests';
import { createApp } from '#web/app';
import { CookieJar, csrfFrom, memoryApp } from '#support/memory-deps';
import { people, RecordingPublicWriter, saveAgencyProfile } from '../application/secrecy/support';
import { ID_NUMBER, signNoticeReview, validResidentId } from '../application/requests/support';

async function portal() {
  const m = await memoryApp();
  const deps = withEffects(m.deps, new RecordingPublicWriter());
  const app = createApp(deps, { staticDir: STATIC_DIR });
  return { ...m, app, deps };
}

type App = Awaited<ReturnType<typeof portal>>['app'];

/** A browser-like session: cookies, CSRF from the last page, optional staff token. */
function session(app: App, token?: string) {
  const jar = new CookieJar();
  let csrf = '';
  const headers = (extra: Record<string, string> = {}) => ({ ...(jar.header() ? { cookie: jar.header() } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra });
  return {
    jar,
    async get(path: string) {
      const res = await app.request(path, { headers: headers() });
      jar.store(res);
      const html = await res.text();
      if (html.includes('name="_csrf"')) csrf = csrfFrom(html);
      return { res, html };
    },
    async post(path: string, fields: Record<string, string | string[] | File>) {
      const form = new FormData();
      form.set('_csrf', csrf);
      for (const [k, v] of Object.entries(fields)) {
        if (Array.isArray(v)) for (const x of v) form.append(k, x);
        else form.set(k, v);
      }
      const res = await app.request(path, { method: 'POST', headers: headers(), body: form });
      jar.store(res);
      const html = res.headers.get('content-type')?.includes('text/html') ? await res.text() : '';
      if (html.includes('name="_csrf"')) csrf = csrfFrom(html);
      return { res, html };
    },
  };
}

const applyFields = (nonce: string, extra: Record<string, string> = {}) => ({
  nonce,
  applicantKind: 'citizen',
  name: '张三',
  idType: 'resident-id',
  idNumber: ID_NUMBER,
  'contact.phone': '13812345678',
  'contact.email': 'zhangsan@example.com',
  'requested.documentTitle': '示例市2025年财政预算执行情况报告',
  'requested.description': '请提供报告全文',
  provisionForm: 'electronic',
  deliveryMethod: 'download',
  ...extra,
});

const nonceOf = (html: string) => /name="nonce" value="([^"]+)"/.exec(html)![1]!;
const trackingOf = (html: string) => /id="tracking-number">([^<]+)</.exec(html)![1]!;
const codeOf = (html: string) => /id="access-code">([^<]+)</.exec(html)![1]!;

describe('/apply', () => {
  it('shows the form without inline script or style, with CSRF and a form nonce', async () => {
    const { app } = await portal();
    const { res, html } = await session(app).get('/apply');
    expect(res.status).toBe(200);
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('name="nonce"');
    expect(html).not.toMatch(/<script|style="/);
  });

  it('keeps what was typed and shows field-level messages on an error', async () => {
    const { app } = await portal();
    const s = session(app);
    const nonce = nonceOf((await s.get('/apply')).html);
    const { res, html } = await s.post('/apply', applyFields(nonce, { idNumber: '110105194912310021', 'contact.email': 'bad' }));
    expect(res.status).toBe(400);
    expect(html).toContain('居民身份证号码有误');
    expect(html).toContain('电子邮箱格式有误');
    expect(html).toContain('value="示例市2025年财政预算执行情况报告"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('href="#field-contact-email"');
  });

  it('shows the receipt once; a double submit of the same form gives the same application', async () => {
    const { app, records } = await portal();
    const s = session(app);
    const nonce = nonceOf((await s.get('/apply')).html);
    const first = await s.post('/apply', applyFields(nonce));
    expect(first.res.status).toBe(200);
    const tn = trackingOf(first.html);
    expect(tn).toMatch(/^YSQ-2026-\d{6}$/);
    expect(codeOf(first.html)).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const again = await s.post('/apply', applyFields(nonce));
    expect(trackingOf(again.html)).toBe(tn);
    const page = await new RequestRepository(records).queue('submitted');
    expect(page.items).toHaveLength(1);
  });
});

describe('/track', () => {
  async function applied() {
    const p = await portal();
    const s = session(p.app);
    const nonce = nonceOf((await s.get('/apply')).html);
    const { html } = await s.post('/apply', applyFields(nonce));
    return { ...p, tn: trackingOf(html), code: codeOf(html) };
  }

  it('looks up with the code, then shows status, due date and the why; a wrong code gets the same answer as no case', async () => {
    const { app, tn, code } = await applied();
    const s = session(app);
    await s.get('/track');
    const wrong = await s.post('/track', { trackingNumber: tn, accessCode: 'AAAAA-AAAAA' });
    expect(wrong.res.status).toBe(404);
    expect(wrong.html).toContain('申请编号或查询码不正确');
    expect(wrong.html).toContain(`value="${tn}"`);
    const none = await s.post('/track', { trackingNumber: 'YSQ-2026-999999', accessCode: code });
    expect(none.html).toContain('申请编号或查询码不正确');
    const ok = await s.post('/track', { trackingNumber: tn, accessCode: code });
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get('location')).toBe(`/track/${tn}`);
    const { html } = await s.get(`/track/${tn}`);
    expect(html).toContain('待登记');
    expect(html).toContain('2026-03-30');
    expect(html).toContain('为什么是这个日期');
    expect(html).toContain('撤回本申请');
    // Without the session the page is not shown.
    const stranger = await session(app).get(`/track/${tn}`);
    expect(stranger.res.status).toBe(303);
  });

  it('limits guessing per tracking number', async () => {
    const { app, tn } = await applied();
    const s = session(app);
    await s.get('/track');
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await s.post('/track', { trackingNumber: tn, accessCode: 'WRONG-CODE' })).res.status;
    expect(last).toBe(429);
  });

  it('the applicant withdraws from the tracking page', async () => {
    const { app, tn, code } = await applied();
    const s = session(app);
    await s.get('/track');
    await s.post('/track', { trackingNumber: tn, accessCode: code });
    await s.get(`/track/${tn}`);
    const res = await s.post(`/track/${tn}/withdraw`, { version: '1', reason: '不再需要' });
    expect(res.res.status).toBe(303);
    const { html } = await s.get(`/track/${tn}?done=withdrawn`);
    expect(html).toContain('申请人已撤回');
    expect(html).not.toContain('撤回本申请');
  });
});

describe('/staff/requests', () => {
  async function withCase() {
    const p = await portal();
    const s = session(p.app);
    const nonce = nonceOf((await s.get('/apply')).html);
    const { html } = await s.post('/apply', applyFields(nonce));
    return { ...p, tn: trackingOf(html) };
  }

  it('lists the queue by due date with working days left, and masks the ID number', async () => {
    const { app, tn, tokenFor } = await withCase();
    const s = session(app, await tokenFor(people.clerk));
    const { res, html } = await s.get('/staff/requests');
    expect(res.status).toBe(200);
    expect(html).toContain(tn);
    expect(html).toContain('剩余 20 个工作日');
    const casePage = await s.get(`/staff/requests/${tn}`);
    expect(casePage.html).toContain(`${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(-4)}`);
    expect(casePage.html).not.toContain(ID_NUMBER);
    expect(casePage.html).toContain('登记受理');
  });

  it('shows the other applicants who asked for the same information, linked, as an Art. 44(1) hint', async () => {
    const { app, tn, tokenFor } = await withCase();
    const other = session(app);
    const { html } = await other.post('/apply', { ...applyFields(nonceOf((await other.get('/apply')).html)), idNumber: validResidentId('11010519800101001') });
    const second = trackingOf(html);
    const s = session(app, await tokenFor(people.clerk));
    const page = (await s.get(`/staff/requests/${tn}`)).html;
    expect(page).toContain('其他申请人申请相同政府信息（条例第四十四条第一款）');
    expect(page).toContain(`<a href="/staff/requests/${second}">${second}</a>`);
    expect(page).toContain('共 2 位申请人');
  });

  it('register, then a stale form gets 409 with a clear message', async () => {
    const { app, tn, tokenFor } = await withCase();
    const clerk = session(app, await tokenFor(people.clerk));
    await clerk.get(`/staff/requests/${tn}`);
    const ok = await clerk.post(`/staff/requests/${tn}/act`, { command: 'register', version: '1' });
    expect(ok.res.status).toBe(303);
    const clerk2 = session(app, await tokenFor(people.clerk2));
    await clerk2.get(`/staff/requests/${tn}`);
    const stale = await clerk2.post(`/staff/requests/${tn}/act`, { command: 'register', version: '1' });
    expect(stale.res.status).toBe(409);
    expect(stale.html).toContain('该记录已被他人修改');
    // A step the clerk may take, but not in this state: 409 with the state and the step.
    const illegal = await clerk.post(`/staff/requests/${tn}/act`, { command: 'close', version: '2' });
    expect(illegal.res.status).toBe(409);
    expect(illegal.html).toContain('当前状态为「已登记」，不能执行「归档」。');
    // A step the clerk may never take (the leader's sign-off) is refused as such in every state.
    const forbidden = await clerk.post(`/staff/requests/${tn}/act`, { command: 'signOff', version: '2' });
    expect(forbidden.res.status).toBe(403);
  });

  it('a 补正告知书 is drafted by the step, sent to review, served, printed, downloaded and shown on /track', async () => {
    const p = await portal();
    await saveAgencyProfile(p.deps);
    const s = session(p.app);
    const { html: receipt } = await s.post('/apply', applyFields(nonceOf((await s.get('/apply')).html)));
    const [tn, code] = [trackingOf(receipt), codeOf(receipt)];
    const clerk = session(p.app, await p.tokenFor(people.clerk));
    await clerk.get(`/staff/requests/${tn}`);
    await clerk.post(`/staff/requests/${tn}/act`, { command: 'register', version: '1' });
    await clerk.get(`/staff/requests/${tn}`);
    await clerk.post(`/staff/requests/${tn}/act`, { command: 'requestSupplement', version: '2', deficiencies: '请写明报告的具体年份' });
    let page = (await clerk.get(`/staff/requests/${tn}`)).html;
    expect(page).toContain('政府信息公开申请补正告知书（示例政信补〔2026〕1号）');
    expect(page).toContain('待提交保密审查');
    expect(page).toContain(`action="/staff/requests/${tn}/notices/supplement-1/review"`);
    // Not served: the applicant is not asked yet.
    const applicant = session(p.app);
    await applicant.get('/track');
    await applicant.post('/track', { trackingNumber: tn, accessCode: code });
    expect((await applicant.get(`/track/${tn}`)).html).not.toContain('请写明报告的具体年份');

    // Reworded before review: the form holds each paragraph; an emptied one comes back with its message.
    expect(page).toContain(`action="/staff/requests/${tn}/notices/supplement-1/edit"`);
    expect(page).toContain('name="p.1"');
    const emptied = await clerk.post(`/staff/requests/${tn}/notices/supplement-1/edit`, { notice: 'supplement-1', version: '3', 'p.1': '  ' });
    expect(emptied.res.status).toBe(400);
    expect(emptied.html).toContain('不能删除整段');
    const edited = await clerk.post(`/staff/requests/${tn}/notices/supplement-1/edit`, { notice: 'supplement-1', version: '3', 'p.1': '经审查，您的申请需要补正。' });
    expect(edited.res.status).toBe(303);
    expect((await clerk.get(`/staff/requests/${tn}/notices/supplement-1`)).html).toContain('经审查，您的申请需要补正。');
    await clerk.get(`/staff/requests/${tn}`);

    const sent = await clerk.post(`/staff/requests/${tn}/notices/supplement-1/review`, { notice: 'supplement-1', version: '4' });
    expect(sent.res.status).toBe(303);
    page = (await clerk.get(sent.res.headers.get('location')!)).html;
    expect(page).toContain('告知书已提交保密审查。');
    expect(page).not.toContain('notices/supplement-1/serve');
    await signNoticeReview(p.deps, tn, 'supplement-1');
    const reviewId = (await new RequestRepository(p.records).get(tn))!.data.notices![0]!.review!.id;
    expect(page).toContain(`/staff/reviews/${reviewId}`);
    page = (await clerk.get(`/staff/requests/${tn}`)).html;
    expect(page).toContain('保密审查通过，待送达');
    const served = await clerk.post(`/staff/requests/${tn}/notices/supplement-1/serve`, { notice: 'supplement-1', version: '5', method: 'electronic', servedOn: '2026-03-02' });
    expect(served.res.status).toBe(303);
    expect((await clerk.get(`/staff/requests/${tn}`)).html).toContain('已于 2026-03-02 电子送达');

    const printed = (await clerk.get(`/staff/requests/${tn}/notices/supplement-1`)).html;
    expect(printed).toContain('class="letter"');
    expect(printed).toContain('示例政信补〔2026〕1号');
    expect(printed).not.toContain('尚未送达（草稿）');
    const docx = await p.app.request(`/staff/requests/${tn}/documents/supplement-1.docx`, { headers: { authorization: `Bearer ${await p.tokenFor(people.clerk)}` } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain(encodeURIComponent('补正告知书'));

    const tracked = (await applicant.get(`/track/${tn}`)).html;
    expect(tracked).toContain('示例政信补〔2026〕1号');
    expect(tracked).toContain('请写明报告的具体年份');
    expect(tracked).toContain('补正内容');
  });

  it('keeps typed values and shows field errors on a failed step', async () => {
    const { app, tn, tokenFor } = await withCase();
    const clerk = session(app, await tokenFor(people.clerk));
    await clerk.get(`/staff/requests/${tn}`);
    await clerk.post(`/staff/requests/${tn}/act`, { command: 'register', version: '1' });
    await clerk.get(`/staff/requests/${tn}`);
    const res = await clerk.post(`/staff/requests/${tn}/act`, { command: 'requestExtension', version: '2', workingDays: '30', reason: '档案量大' });
    expect(res.res.status).toBe(400);
    expect(res.html).toContain('延长期限须为1至20个工作日');
    expect(res.html).toContain('档案量大');
    const blank = await clerk.post(`/staff/requests/${tn}/act`, { command: 'requestExtension', version: '2', workingDays: '十', reason: ' ' });
    expect(blank.res.status).toBe(400);
    expect(blank.html).toContain('请填写延长的工作日数（整数）。');
    expect(blank.html).toContain('请填写延长答复期限的理由。');
    expect(blank.html).toContain('href="#field-requestExtension-reason"');
    expect(blank.html).toContain('id="field-requestExtension-reason"');
  });

  it('a refused identity or contact form shows again with what was typed and its error', async () => {
    const { app, tn, tokenFor } = await withCase();
    const typed = (html: string, value: string) => new RegExp(`name="reason"[^>]*value="${value}"|value="${value}"[^>]*name="reason"`).test(html);
    const clerk = session(app, await tokenFor(people.clerk));
    await clerk.get(`/staff/requests/${tn}`);
    const identity = await clerk.post(`/staff/requests/${tn}/identity`, { reason: '查' });
    expect(identity.res.status).toBe(400);
    expect(identity.html).toContain('请填写查看完整证件号码的理由');
    expect(typed(identity.html, '查')).toBe(true);
    const reviewer = session(app, await tokenFor(people.reviewer));
    await reviewer.get(`/staff/requests/${tn}`);
    const contact = await reviewer.post(`/staff/requests/${tn}/contact`, { reason: '看' });
    expect(contact.res.status).toBe(400);
    expect(contact.html).toContain('请填写查看联系方式的理由');
    expect(typed(contact.html, '看')).toBe(true);
  });

  it('a clerk registers a paper application and becomes its handler; the queue filters by handler and due date', async () => {
    const { app, tokenFor } = await portal();
    const clerk2 = session(app, await tokenFor(people.clerk2));
    const form = await clerk2.get('/staff/requests/new');
    expect(form.html).toContain('平常信函');
    const missing = await clerk2.post('/staff/requests/new', { ...applyFields(nonceOf(form.html)), channel: 'post-signed' });
    expect(missing.res.status).toBe(400);
    expect(missing.html).toContain('请填写签收之日');
    const done = await clerk2.post('/staff/requests/new', { ...applyFields(nonceOf(form.html)), channel: 'post-signed', receivedOn: '2026-02-27' });
    expect(done.res.status).toBe(200);
    const tn = trackingOf(done.html);
    const casePage = await clerk2.get(`/staff/requests/${tn}`);
    expect(casePage.html).toContain(people.clerk2.displayName);
    expect(casePage.html).toContain('2026-02-27');
    expect((await clerk2.get(`/staff/requests?handler=${people.clerk2.id}`)).html).toContain(tn);
    expect((await clerk2.get('/staff/requests?handler=unassigned')).html).not.toContain(tn);
    expect((await clerk2.get('/staff/requests?dueBy=2026-03-01')).html).not.toContain(tn);
    expect((await clerk2.get('/staff/requests?dueBy=2026-03-31')).html).toContain(tn);
  });

  it('an ordinary letter is entered on arrival, shown as awaiting confirmation, and received by 登记受理 with the confirmation date', async () => {
    const { app, tokenFor } = await portal();
    const clerk = session(app, await tokenFor(people.clerk));
    const form = await clerk.get('/staff/requests/new');
    const entered = await clerk.post('/staff/requests/new', { ...applyFields(nonceOf(form.html)), channel: 'ordinary-letter', arrivedOn: '2026-03-02' });
    expect(entered.res.status).toBe(200);
    const tn = trackingOf(entered.html);
    const waiting = await clerk.get(`/staff/requests/${tn}`);
    expect(waiting.html).toContain('2026-03-02 到达，尚未与申请人确认（应于到达当日确认）');
    expect(waiting.html).toContain('平常信函填写与申请人确认之日');
    const registered = await clerk.post(`/staff/requests/${tn}/act`, { command: 'register', version: '1', receivedOn: '2026-03-02' });
    expect(registered.res.status).toBe(303);
    expect((await clerk.get(`/staff/requests/${tn}`)).html).toContain('2026-03-02 到达，2026-03-02 与申请人确认');
  });

  it('drafts an answer from the type-specific form and shows the printable letter', async () => {
    const { app, tn, tokenFor } = await withCase();
    const clerk = session(app, await tokenFor(people.clerk));
    await clerk.get(`/staff/requests/${tn}`);
    await clerk.post(`/staff/requests/${tn}/act`, { command: 'register', version: '1' });
    const chooser = await clerk.get(`/staff/requests/${tn}?type=does-not-exist`);
    expect(chooser.html).toContain('name="searchScope"');
    const bad = await clerk.post(`/staff/requests/${tn}/draft`, { version: '2', type: 'does-not-exist', searchScope: '本机关档案室' });
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain('请填写检索方式');
    expect(bad.html).toContain('本机关档案室');
    const ok = await clerk.post(`/staff/requests/${tn}/draft`, { version: '2', type: 'does-not-exist', searchScope: '本机关档案室及业务系统', searchMethods: '按标题、文号检索' });
    expect(ok.res.status).toBe(303);
    const letter = await clerk.get(`/staff/requests/${tn}/letter`);
    expect(letter.html).toContain('政府信息公开申请答复告知书（信息不存在）');
    expect(letter.html).toContain('张三：');
    expect(letter.html).toContain('六个月内');
    const edited = await clerk.post(`/staff/requests/${tn}/letter`, { version: '3', 'p.contact': '联系电话：12345。' });
    expect(edited.res.status).toBe(303);
    expect((await clerk.get(`/staff/requests/${tn}/letter`)).html).toContain('联系电话：12345。');
  });

  it('refuses the public and the wrong roles', async () => {
    const { app, tn, tokenFor } = await withCase();
    const anon = await app.request('/staff/requests');
    expect([302, 303, 401]).toContain(anon.status);
    const reviewer = session(app, await tokenFor(people.reviewer));
    await reviewer.get(`/staff/requests/${tn}`);
    const res = await reviewer.post(`/staff/requests/${tn}/draft`, { version: '1', type: 'disclosed' });
    expect(res.res.status).toBe(403);
  });
});

describe('/api/requests', () => {
  const json = (body: unknown, token?: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

  /** An application as a JSON client sends it: a person, a phone, one document, download. */
  const form = {
    applicantKind: 'citizen',
    name: '李四',
    idType: 'resident-id',
    idNumber: ID_NUMBER,
    contact: { phone: '13812345678' },
    requested: { documentTitle: '某某文件' },
    provisionForm: 'electronic',
    deliveryMethod: 'download',
  };

  it('submits, tracks and acts with the same validation, and is described in OpenAPI', async () => {
    const { app, tokenFor } = await portal();
    const bad = await app.request('/api/requests', json({ nonce: 'api-nonce-0001', form: { ...form, idNumber: '123' } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: Record<string, string> }).fields).toHaveProperty('idNumber');
    const created = await app.request('/api/requests', json({ nonce: 'api-nonce-0001', form }));
    expect(created.status).toBe(201);
    const receipt = (await created.json()) as { trackingNumber: string; accessCode: string };
    const replay = await app.request('/api/requests', json({ nonce: 'api-nonce-0001', form }));
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { trackingNumber: string }).trackingNumber).toBe(receipt.trackingNumber);
    const tracked = await app.request('/api/requests/track', json({ trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode }));
    expect(tracked.status).toBe(200);
    expect(await tracked.json()).toMatchObject({ status: 'submitted', answerDue: '2026-03-30' });
    const clerk = await tokenFor(people.clerk);
    const acted = await app.request(`/api/requests/${receipt.trackingNumber}/act`, json({ command: 'register', expectedVersion: 1 }, clerk));
    expect(await acted.json()).toMatchObject({ status: 'registered', version: 2, handlerId: people.clerk.id });
    const conflict = await app.request(`/api/requests/${receipt.trackingNumber}/act`, json({ command: 'register', expectedVersion: 1 }, clerk));
    expect(conflict.status).toBe(409);
    // The step's input goes through the same schema as the case page's form: the same field messages.
    const extension = { command: 'requestExtension', expectedVersion: 2, fields: { workingDays: '十', reason: ' ' } };
    const refused = await app.request(`/api/requests/${receipt.trackingNumber}/act`, json(extension, clerk));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: Record<string, string> }).fields).toEqual({ workingDays: '请填写延长的工作日数（整数）。', reason: '请填写延长答复期限的理由。' });
    const detail = await app.request(`/api/requests/${receipt.trackingNumber}`, { headers: { authorization: `Bearer ${clerk}` } });
    const text = await detail.text();
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain('idEncrypted');
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/requests', '/api/requests/track', '/api/requests/{tn}/act', '/api/requests/{tn}/release']));
  });

  it('checks the release’s service with the release command’s schema, answering under the body’s service fields', async () => {
    const { app, tokenFor } = await portal();
    const receipt = (await (await app.request('/api/requests', json({ nonce: 'api-nonce-0002', form }))).json()) as { trackingNumber: string };
    const clerk = await tokenFor(people.clerk);
    const refused = await app.request(`/api/requests/${receipt.trackingNumber}/release`, json({ service: { method: 'pigeon' } }, clerk));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: Record<string, string> }).fields).toEqual({ 'service.method': '请选择送达方式。' });
  });
});
