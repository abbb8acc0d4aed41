import { describe, expect, it } from 'vitest';
import { withEffects } from '#application/effects';
import { createApp } from '#web/app';
import { STATIC_DIR } from '#local/server';
import { accessFor } from '#web/access-policy';
import { FINDING_KINDS } from '#domain/secrecy';
import { CookieJar, csrfFrom, memoryApp } from '#support/memory-deps';
import { people, RecordingPublicWriter, validResidentId } from '../application/secrecy/support';

async function appWithRelease() {
  const m = await memoryApp();
  const writer = new RecordingPublicWriter();
  const deps = withEffects(m.deps, writer);
  const app = createApp(deps, { staticDir: STATIC_DIR });
  return { ...m, app, deps, writer };
}

const json = (token: string, body: unknown) => ({ method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const allNo = {
  'state-secret': { involved: false },
  'work-secret': { involved: false },
  'trade-secret': { involved: false },
  'personal-privacy': { involved: true, note: '含身份证号码，已删除' },
  'process-or-internal': { involved: false },
  'security-stability': { involved: false },
};

describe('POST /api/secrecy/scan', () => {
  it('returns findings with masked previews and stores nothing', async () => {
    const { app, tokenFor, records } = await appWithRelease();
    const id = validResidentId();
    const res = await app.request('/api/secrecy/scan', json(await tokenFor(people.clerk), { text: `身份证 ${id}` }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { findings: { kind: string; start: number; end: number; preview: string }[] };
    expect(body.findings).toEqual([expect.objectContaining({ kind: 'resident-id', start: 4, end: 22 })]);
    expect(body.findings[0]!.preview).not.toBe(id);
    expect(JSON.stringify(await records.query({ index: 'GSI1', pk: 'REVIEWQ#self#id-clerk' }))).not.toContain(id);
  });

  it('finds nothing in plain text, and refuses the public', async () => {
    const { app, tokenFor } = await appWithRelease();
    const res = await app.request('/api/secrecy/scan', json(await tokenFor(people.head), { text: '本机关 2026 年工作要点' }));
    expect(await res.json()).toEqual({ findings: [] });
    const anon = await app.request('/api/secrecy/scan', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    expect(anon.status).toBe(401);
  });

  it('is described in the OpenAPI document with every finding kind', async () => {
    const { app } = await appWithRelease();
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/secrecy/scan', '/api/reviews', '/api/reviews/{id}/sign', '/api/reviews/{id}/release']));
    expect(JSON.stringify(doc.paths['/api/secrecy/scan'])).toContain(FINDING_KINDS[0]);
  });
});

describe('review API', () => {
  it('walks a review through the stages; refuses separation-of-duties violations; releases only after approval', async () => {
    const { app, tokenFor, writer } = await appWithRelease();
    const idNumber = validResidentId();
    const clerk = await tokenFor(people.clerk);
    const created = await app.request('/api/reviews', json(clerk, { subject: { type: 'publication', title: '公示' }, text: `身份证 ${idNumber}` }));
    expect(created.status).toBe(201);
    let review = (await created.json()) as { id: string; version: number; findings: { id: string }[] };
    const id = review.id;
    const early = await app.request(`/api/reviews/${id}/release`, json(clerk, { expectedVersion: review.version }));
    expect(early.status).toBe(409);
    expect(writer.objects.size).toBe(0);

    const sign = async (token: string, stage: string, conclusion = { type: 'disclose-redacted' }) => {
      const res = await app.request(`/api/reviews/${id}/sign`, json(token, { expectedVersion: review.version, stage, checklist: allNo, conclusion }));
      if (res.ok) review = (await res.json()) as typeof review;
      return res;
    };
    expect((await sign(clerk, 'self')).status).toBe(200);
    const selfApproval = await app.request(`/api/reviews/${id}/sign`, json(clerk, { expectedVersion: review.version, stage: 'head', checklist: allNo, conclusion: { type: 'disclose' } }));
    expect(selfApproval.status).toBe(403); // the access policy: clerks cannot sign as head…
    const both = await tokenFor(people.headAndReviewer);
    expect((await sign(both, 'head')).status).toBe(200);
    const twice = await sign(both, 'secrecy');
    expect(twice.status).toBe(403);
    expect(((await twice.json()) as { message: string }).message).toContain('同一人只能签署一个审查环节');

    const reviewer = await tokenFor(people.reviewer);
    const unresolved = await sign(reviewer, 'secrecy');
    expect(unresolved.status).toBe(409);
    const resolved = await app.request(`/api/reviews/${id}/findings/resolve`, json(reviewer, { expectedVersion: review.version, findingId: review.findings[0]!.id, resolution: { action: 'redact' } }));
    review = (await resolved.json()) as typeof review;
    const redacted = await app.request(`/api/reviews/${id}/redact-text`, json(reviewer, { expectedVersion: review.version }));
    const outcome = (await redacted.json()) as { attached: boolean; review: typeof review };
    expect(outcome.attached).toBe(true);
    review = outcome.review;
    expect((await sign(reviewer, 'secrecy')).status).toBe(200);
    expect((await sign(await tokenFor(people.leader), 'leader')).status).toBe(200);

    const released = await app.request(`/api/reviews/${id}/release`, json(clerk, { expectedVersion: review.version }));
    expect(released.status).toBe(200);
    const [key] = [...writer.objects.keys()];
    expect(key).toMatch(/^files\//);
    expect(writer.text(key!)).toBe(`身份证 ${'■'.repeat(18)}`);
  });
  it('checks a signed checklist and conclusion with the sign command’s schema, under the nested field names', async () => {
    const { app, tokenFor } = await appWithRelease();
    const clerk = await tokenFor(people.clerk);
    const review = (await (await app.request('/api/reviews', json(clerk, { subject: { type: 'publication', title: '审查单' }, text: '本机关工作要点' }))).json()) as { id: string; version: number };
    const { 'state-secret': _unanswered, ...partial } = allNo;
    const res = await app.request(`/api/reviews/${review.id}/sign`, json(clerk, { expectedVersion: review.version, stage: 'self', checklist: partial, conclusion: { type: 'maybe' } }));
    expect(res.status).toBe(400);
    const { fields } = (await res.json()) as { fields: Record<string, string> };
    expect(fields['checklist.state-secret']).toContain('请回答');
    expect(fields['conclusion']).toBe('请选择审查结论。');
  });

  it('answers a refused return under the body’s field (comments), not the domain form’s (returnComments)', async () => {
    const { app, tokenFor } = await appWithRelease();
    const clerk = await tokenFor(people.clerk);
    let review = (await (await app.request('/api/reviews', json(clerk, { subject: { type: 'publication', title: '退回' }, text: '本机关工作要点' }))).json()) as { id: string; version: number };
    review = (await (
      await app.request(`/api/reviews/${review.id}/sign`, json(clerk, { expectedVersion: review.version, stage: 'self', checklist: allNo, conclusion: { type: 'disclose' } }))
    ).json()) as typeof review;
    const head = await tokenFor(people.head);

    const blank = await app.request(`/api/reviews/${review.id}/return`, json(head, { expectedVersion: review.version, comments: '  ' }));
    expect(blank.status).toBe(400);
    const refusal = (await blank.json()) as { fields?: Record<string, string> };
    expect(refusal.fields).toEqual({ comments: '退回时请写明修改意见。' });

    const returned = await app.request(`/api/reviews/${review.id}/return`, json(head, { expectedVersion: review.version, comments: '请补充依据。' }));
    expect(returned.status).toBe(200);
  });
});

describe('review pages', () => {
  it('every review route has an access rule, none of them public', () => {
    for (const p of ['GET /staff/reviews', 'GET /staff/reviews/new', 'POST /staff/reviews/:id/sign', 'POST /api/secrecy/scan']) {
      const [method, path] = p.split(' ') as [string, string];
      expect(accessFor(method, path), p).toBeDefined();
      expect(accessFor(method, path), p).not.toBe('public');
    }
  });

  it('submits through the form, shows the content beside the findings, and explains refusals in Chinese', async () => {
    const { app } = await appWithRelease();
    const jar = new CookieJar();
    const login = async (username: string, password: string) => {
      const page = await app.request('/login', { headers: { cookie: jar.header() } });
      jar.store(page);
      const res = await app.request('/login', {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrfFrom(await page.text()), username, password }),
      });
      jar.store(res);
      return res;
    };
    await login('clerk', 'demo-clerk');
    const form = await app.request('/staff/reviews/new', { headers: { cookie: jar.header() } });
    expect(form.status).toBe(200);
    const csrf = csrfFrom(await form.text());
    const data = new FormData();
    data.set('_csrf', csrf);
    data.set('subjectType', 'publication');
    data.set('title', '页面送审');
    data.set('text', `申请人身份证号码：${validResidentId()}`);
    const posted = await app.request('/staff/reviews/new', { method: 'POST', headers: { cookie: jar.header() }, body: data });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location')!;
    const page = await app.request(location, { headers: { cookie: jar.header() } });
    const html = await page.text();
    expect(html).toContain('居民身份证号码');
    expect(html).toContain('class="review-mark"');
    expect(html).toContain('承办人自审');
    expect(html).not.toMatch(/style=|<script/);

    // Signing without the checklist re-shows the form with messages.
    const reviewPath = location.split('?')[0]!;
    const version = html.match(/name="version" value="(\d+)"/)![1]!;
    const digest = html.match(/name="digest" value="([0-9a-f]+)"/)![1]!;
    const bad = await app.request(`${reviewPath}/sign`, {
      method: 'POST',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfFrom(html), version, digest, stage: 'self', conclusion: 'disclose' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('请回答：是否涉及国家秘密');
  });

  it('offers the forms the table allows this person, and says why when it allows none', async () => {
    const { app, tokenFor } = await appWithRelease();
    const clerk = await tokenFor(people.clerk);
    const created = (await (await app.request('/api/reviews', json(clerk, { subject: { type: 'publication', title: '分工' }, text: '内容' }))).json()) as { id: string; version: number };
    const page = async (token: string) => (await app.request(`/staff/reviews/${created.id}`, { headers: { authorization: `Bearer ${token}` } })).text();
    const form = (html: string, step: string) => html.includes(`action="/staff/reviews/${created.id}/${step}"`);

    const draftForHead = await page(await tokenFor(people.head));
    expect(form(draftForHead, 'sign')).toBe(false);
    expect(draftForHead).toContain('承办人自审需要“经办人”角色。');
    const draftForAuthor = await page(clerk);
    expect(form(draftForAuthor, 'sign') && form(draftForAuthor, 'revise')).toBe(true);
    expect(form(draftForAuthor, 'return')).toBe(false);

    const signed = await app.request(`/api/reviews/${created.id}/sign`, json(clerk, { expectedVersion: created.version, stage: 'self', checklist: allNo, conclusion: { type: 'disclose' } }));
    expect(signed.status).toBe(200);
    const atHeadForAuthor = await page(clerk);
    expect(form(atHeadForAuthor, 'sign') || form(atHeadForAuthor, 'revise')).toBe(false);
    expect(atHeadForAuthor).toContain('等待“科室负责人审核”。');
    const atHeadForReviewer = await page(await tokenFor(people.reviewer));
    expect(atHeadForReviewer).toContain('科室负责人审核需要“科室负责人”角色。');
    const atHeadForHead = await page(await tokenFor(people.head));
    expect(form(atHeadForHead, 'sign') && form(atHeadForHead, 'return')).toBe(true);
    expect(form(atHeadForHead, 'redact-text') || form(atHeadForHead, 'release')).toBe(false);
    expect(atHeadForHead).not.toContain('等待“');
  });

  it('resolves a finding through its form on the page (the table’s fields), refusing 保留 without a reason under that finding', async () => {
    const { app, tokenFor } = await appWithRelease();
    const clerk = await tokenFor(people.clerk);
    const created = (await (await app.request('/api/reviews', json(clerk, { subject: { type: 'publication', title: '检测结果' }, text: `身份证 ${validResidentId()}` }))).json()) as {
      id: string;
      version: number;
    };
    const signed = (await (
      await app.request(`/api/reviews/${created.id}/sign`, json(clerk, { expectedVersion: created.version, stage: 'self', checklist: allNo, conclusion: { type: 'disclose-redacted' } }))
    ).json()) as { version: number };
    const head = await tokenFor(people.head);
    expect(
      (await app.request(`/api/reviews/${created.id}/sign`, json(head, { expectedVersion: signed.version, stage: 'head', checklist: allNo, conclusion: { type: 'disclose-redacted' } }))).status,
    ).toBe(200);
    const reviewer = { authorization: `Bearer ${await tokenFor(people.reviewer)}` };
    const jar = new CookieJar();
    const page = await app.request(`/staff/reviews/${created.id}`, { headers: reviewer });
    jar.store(page);
    const html = await page.text();
    expect(html).toContain(`action="/staff/reviews/${created.id}/findings"`);
    const findingId = html.match(/name="findingId" value="([^"]+)"/)![1]!;
    const version = html.match(/name="version" value="(\d+)"/)![1]!;
    const post = (fields: Record<string, string>) =>
      app.request(`/staff/reviews/${created.id}/findings`, {
        method: 'POST',
        headers: { ...reviewer, cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrfFrom(html), version, findingId, ...fields }),
      });
    const bad = await post({ action: 'keep', reason: '' });
    expect(bad.status).toBe(400);
    const shown = await bad.text();
    expect(shown.slice(shown.indexOf('id="finding-1"'))).toContain('保留检测内容的，请写明理由');
    const kept = await post({ action: 'keep', reason: '属于公开的办公电话' });
    expect(kept.status).toBe(303);
    expect(kept.headers.get('location')).toContain('done=resolved');
  });

  it('shows the queue with waiting time', async () => {
    const { app, tokenFor } = await appWithRelease();
    await app.request('/api/reviews', json(await tokenFor(people.clerk), { subject: { type: 'publication', title: '排队事项' }, text: '内容' }));
    const res = await app.request('/staff/reviews', { headers: { authorization: `Bearer ${await tokenFor(people.clerk)}` } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('排队事项');
    expect(html).toContain('待我处理（1）');
  });
});
