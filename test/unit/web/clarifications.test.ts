import { describe, expect, it } from 'vitest';
import { createClarificationCase } from '#application/clarifications';
import { withEffects } from '#application/effects';
import { signReviewStage } from '#application/secrecy';
import type { StaffMember } from '#domain/staff';
import { STATIC_DIR } from '#local/server';
import { accessFor } from '#web/access-policy';
import { createApp } from '#web/app';
import { CookieJar, csrfFrom, memoryApp } from '#support/memory-deps';
import { PDF_BYTES, PNG_BYTES } from '../application/clarifications/support';
import { publishedItem } from '../application/catalogue/support';
import { checklist, RecordingPublicWriter, validResidentId } from '../application/secrecy/support';

async function appWithRelease() {
  const m = await memoryApp();
  const writer = new RecordingPublicWriter();
  const deps = withEffects(m.deps, writer);
  return { ...m, app: createApp(deps, { staticDir: STATIC_DIR }), deps, writer };
}
type App = Awaited<ReturnType<typeof appWithRelease>>['app'];

const demo = (username: string, roles: StaffMember['roles'], displayName: string): StaffMember => ({ id: `local-${username}`, username, displayName, roles });
const clerk = demo('clerk', ['clerk'], '王晓明');
const head = demo('head', ['head'], '张建国');
const reviewer = demo('reviewer', ['reviewer'], '陈静');

async function login(app: App, username: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const page = await app.request('/login', { headers: { cookie: jar.header() } });
  jar.store(page);
  const res = await app.request('/login', {
    method: 'POST',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(await page.text()), username, password: `demo-${username}` }),
  });
  jar.store(res);
  expect(res.status).toBe(303);
  return jar;
}

/** Opens a case page and posts one step form with the page's CSRF token and version. */
async function step(app: App, jar: CookieJar, casePath: string, command: string, fields: Record<string, string> = {}) {
  const page = await app.request(casePath, { headers: { cookie: jar.header() } });
  const html = await page.text();
  const version = html.match(/name="version" value="(\d+)"/)?.[1] ?? '';
  const res = await app.request(`${casePath}/${command}`, {
    method: 'POST',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(html), version, ...fields }),
  });
  return res;
}

async function publicForm(app: App, path: string, fill: (form: FormData) => void) {
  const jar = new CookieJar();
  const page = await app.request(path, { headers: { cookie: jar.header() } });
  jar.store(page);
  const html = await page.text();
  const form = new FormData();
  form.set('_csrf', csrfFrom(html));
  const nonce = html.match(/name="nonce" value="([^"]+)"/)?.[1];
  if (nonce) form.set('nonce', nonce);
  fill(form);
  return { res: await app.request(path, { method: 'POST', headers: { cookie: jar.header() }, body: form }), jar };
}

describe('clarification and correction routes', () => {
  it('every route has an access rule, and the API is in the OpenAPI document', async () => {
    for (const [p, access] of [
      ['GET /clarifications', 'public'],
      ['POST /clarifications/report', 'public'],
      ['GET /clarifications/:id', 'public'],
      ['GET /staff/clarifications/:id', 'staff'],
      ['POST /staff/clarifications/:id/:command', 'staff'],
      ['POST /corrections/request', 'public'],
      ['POST /corrections/track', 'public'],
      ['POST /corrections/withdraw', 'public'],
      ['POST /staff/corrections/:tn/:command', 'staff'],
    ] as const) {
      const [method, path] = p.split(' ') as [string, string];
      expect(accessFor(method, path), p).toBe(access);
    }
    const { app } = await appWithRelease();
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/clarifications', '/api/clarifications/{id}', '/api/corrections/track']));
  });

  it('staff pages need a sign-in; the public never sees a case', async () => {
    const { app } = await appWithRelease();
    expect((await app.request('/staff/clarifications')).status).toBeGreaterThanOrEqual(300);
    expect((await app.request('/clarifications/CQ-2026-000001')).status).toBe(404);
  });

  it('the report form works without JavaScript, explains errors, and never shows the report publicly', async () => {
    const { app } = await appWithRelease();
    const page = await app.request('/clarifications/report');
    const html = await page.text();
    expect(html).toContain('name="_csrf"');
    expect(html).not.toMatch(/style=|<script/);
    const bad = await publicForm(app, '/clarifications/report', (f) => f.set('description', ''));
    expect(bad.res.status).toBe(400);
    expect(await bad.res.text()).toContain('请说明哪些内容不实或不完整');
    const ok = await publicForm(app, '/clarifications/report', (f) => {
      f.set('outlet', '某公众号“秘密爆料”');
      f.set('description', '称示例路将收费。');
      f.set('screenshot', new File([PNG_BYTES], 'shot.png', { type: 'image/png' }));
    });
    expect(ok.res.status).toBe(200);
    expect(await ok.res.text()).toMatch(/CQ-2026-\d{6}/);
    expect(await (await app.request('/clarifications')).text()).not.toContain('秘密爆料');
  });

  it('a report becomes a published clarification through the staff pages, the review and the leader', async () => {
    const { app, deps, writer } = await appWithRelease();
    const concerned = await publishedItem(deps);
    const posted = await publicForm(app, '/clarifications/report', (f) => {
      f.set('url', 'https://weibo.example/p/1');
      f.set('description', '称示例路4月起收费。');
    });
    const id = (await posted.res.text()).match(/CQ-2026-\d{6}/)![0];
    const casePath = `/staff/clarifications/${id}`;
    const clerkJar = await login(app, 'clerk');
    expect((await step(app, clerkJar, casePath, 'startAssessment')).status).toBe(303);
    const invalid = await step(app, clerkJar, casePath, 'recordAssessment', { falsity: 'false', impact: 'high', responsibleDepartment: '', note: '' });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('请填写');
    expect((await step(app, clerkJar, casePath, 'recordAssessment', { falsity: 'false', impact: 'high', responsibleDepartment: '市交通运输局', note: '传播较广' })).status).toBe(303);
    expect((await step(app, clerkJar, casePath, 'recordVerification', { department: '市交通运输局', facts: '该路不收费' })).status).toBe(303);
    expect(
      (
        await step(app, clerkJar, casePath, 'saveDraft', {
          title: '关于示例路收费传言的澄清',
          falseClaim: '网传示例路4月起收费。',
          facts: '示例路不收费。',
          sources: '市交通运输局',
          relatedItemIds: concerned,
        })
      ).status,
    ).toBe(303);
    const early = await step(app, clerkJar, casePath, 'publish');
    expect(early.status).toBe(409);
    expect((await step(app, clerkJar, casePath, 'submitForSecrecyReview')).status).toBe(303);
    const html = await (await app.request(casePath, { headers: { cookie: clerkJar.header() } })).text();
    const reviewId = html.match(/\/staff\/reviews\/([\w]+)/)![1]!;
    await signReviewStage(deps, clerk, reviewId, { stage: 'self', checklist: checklist(), conclusion: { type: 'disclose' } });
    await signReviewStage(deps, head, reviewId, { stage: 'head', checklist: checklist(), conclusion: { type: 'disclose' } });
    await signReviewStage(deps, reviewer, reviewId, { stage: 'secrecy', checklist: checklist(), conclusion: { type: 'disclose' } });
    expect((await step(app, clerkJar, casePath, 'recordReviewApproved')).status).toBe(303);
    expect((await step(app, clerkJar, casePath, 'approve')).status).toBe(403);
    const leaderJar = await login(app, 'leader');
    expect((await step(app, leaderJar, casePath, 'approve')).status).toBe(303);
    expect((await step(app, clerkJar, casePath, 'publish')).status).toBe(303);
    expect(writer.objects.size).toBe(2);

    const list = await (await app.request('/clarifications')).text();
    expect(list).toContain('关于示例路收费传言的澄清');
    // The public page is the catalogue item (category 澄清说明), reached from the old address too.
    const moved = await app.request(`/clarifications/${id}`);
    expect(moved.status).toBe(302);
    const itemPath = moved.headers.get('location')!;
    expect(itemPath).toMatch(/^\/items\//);
    expect(list).toContain(`href="${itemPath}"`);
    const pub = await (await app.request(itemPath)).text();
    expect(pub).toContain('示例路不收费。');
    expect(pub).toContain('澄清说明');
    expect(pub).not.toContain('weibo.example');
    // Every public surface, through the same published projection.
    expect(await (await app.request('/search?q=%E7%A4%BA%E4%BE%8B%E8%B7%AF')).text()).toContain(itemPath);
    expect(await (await app.request('/')).text()).toContain(itemPath);
    expect(await (await app.request('/proactive/clarification')).text()).toContain(itemPath);
    expect(await (await app.request('/feeds/clarification.atom')).text()).toContain(itemPath);
    expect(await (await app.request('/feeds/all.rss')).text()).toContain(itemPath);
    expect(await (await app.request('/sitemap.xml')).text()).toContain(itemPath);
    // The clarification links to the item it concerns, and that item links back.
    expect(pub).toContain(`/items/${concerned}`);
    expect(await (await app.request(`/items/${concerned}`)).text()).toContain(`/clarifications/${id}`);
    const notices = (await (await app.request(`/api/clarifications?item=${concerned}`)).json()) as { items: { id: string; url: string }[] };
    expect(notices.items).toEqual([expect.objectContaining({ id, url: `/clarifications/${id}` })]);
  });

  it('staff see a clarification due instant as the Beijing date and time, in the list, on the case and in the reminders', async () => {
    const { app, deps } = await appWithRelease();
    // Monday 2026-03-02 10:00 in Beijing: an urgent case is due 24 hours later, a normal one 48.
    const urgent = await createClarificationCase(deps, clerk, { title: '网传化工厂爆炸', description: '网传某化工厂爆炸', source: 'media', urgent: 'on' });
    const normal = await createClarificationCase(deps, clerk, { title: '网传停水', description: '网传全市停水三天', source: 'monitoring' });
    const clerkJar = await login(app, 'clerk');
    const list = await (await app.request('/staff/clarifications', { headers: { cookie: clerkJar.header() } })).text();
    expect(list).toContain('2026年3月3日 10:00前');
    expect(list).toContain('2026年3月4日 10:00前');
    const page = await (await app.request(`/staff/clarifications/${normal.data.case.id}`, { headers: { cookie: clerkJar.header() } })).text();
    expect(page).toContain('2026年3月4日 10:00前');
    expect(page).toContain('2026-03-02 10:00');
    const leaderJar = await login(app, 'leader');
    const reminders = await (await app.request('/staff/reminders', { headers: { cookie: leaderJar.header() } })).text();
    expect(reminders).toContain(`${urgent.data.case.id}（紧急）`);
    expect(reminders).toContain('<time datetime="2026-03-03T02:00:00.000Z">2026年3月3日 10:00前</time>（剩余 24 小时）');
  });

  it('a correction request gets a GZ receipt, is listed for staff, and can be looked up with the code', async () => {
    const { app } = await appWithRelease();
    const { res } = await publicForm(app, '/corrections/request', (f) => {
      f.set('name', '张三');
      f.set('idNumber', validResidentId());
      f.set('phone', '13800138000');
      f.set('recordDescription', '低保审核结果公示');
      f.set('inaccuracy', '家庭人口数为2人');
      f.set('requestedCorrection', '应为3人');
      f.set('evidence', new File([PDF_BYTES], '户口簿.pdf', { type: 'application/pdf' }));
    });
    expect(res.status).toBe(200);
    const receipt = await res.text();
    const tn = receipt.match(/GZ-2026-\d{6}/)![0];
    const code = receipt.match(/id="access-code">([^<]+)</)![1]!;
    expect(receipt).not.toContain(validResidentId());
    const jar = await login(app, 'clerk');
    const list = await (await app.request('/staff/corrections', { headers: { cookie: jar.header() } })).text();
    expect(list).toContain(tn);
    expect((await step(app, jar, `/staff/corrections/${tn}`, 'register', { receivedOn: '2026-03-02' })).status).toBe(303);
    const track = await publicForm(app, '/corrections/track', (f) => {
      f.set('trackingNumber', tn);
      f.set('accessCode', code);
    });
    const tracked = await track.res.text();
    expect(tracked).toContain('已登记');
    expect(tracked).toContain('2026-03-30');
    expect(tracked).toContain('action="/corrections/withdraw"');
    const withdrawn = await publicForm(app, '/corrections/track', (f) => {
      f.set('trackingNumber', tn);
      f.set('accessCode', code);
    });
    const form = await withdrawn.res.text();
    const res2 = await app.request('/corrections/withdraw', {
      method: 'POST',
      headers: { cookie: withdrawn.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfFrom(form), trackingNumber: tn, accessCode: code }),
    });
    expect(res2.status).toBe(200);
    const after = await res2.text();
    expect(after).toContain('您的更正申请已撤回');
    expect(after).toContain('申请人已撤回');
    expect(after).not.toContain('action="/corrections/withdraw"');
  });
});
