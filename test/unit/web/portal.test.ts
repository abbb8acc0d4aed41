import { describe, expect, it } from 'vitest';
import { createItem, publishItem, submitItem, withdrawItem, type CatalogueDeps } from '#application/catalogue';
import { withEffects } from '#application/effects';
import type { AppDependencies } from '#application/context';
import { STATIC_DIR } from '#local/server';
import type { RecordStore } from '#ports/record-store';
import { createApp } from '#web/app';
import { CookieJar, csrfFrom, memoryApp } from '#support/memory-deps';
import { approveReview, itemInput, people, uploadedAttachment } from '../application/catalogue/support';
import { RecordingPublicWriter } from '../application/secrecy/support';

/** Counts every read of the table (get, query, plain get): a 304 must not need any. */
function countingStore(inner: RecordStore) {
  const counts = { reads: 0 };
  const store: RecordStore = {
    get: (key) => (counts.reads++, inner.get(key)),
    query: (spec) => (counts.reads++, inner.query(spec)),
    getPlain: (key) => (counts.reads++, inner.getPlain(key)),
    queryPlain: (spec) => (counts.reads++, inner.queryPlain(spec)),
    commit: (changes) => inner.commit(changes),
    history: (key) => inner.history(key),
    chainsStartedIn: (m) => inner.chainsStartedIn(m),
    increment: (key, by, o) => inner.increment(key, by, o),
    putPlainIf: (key, data, rev) => inner.putPlainIf(key, data, rev),
  };
  return { store, counts };
}

async function portal() {
  const m = await memoryApp();
  const writer = new RecordingPublicWriter();
  const { store, counts } = countingStore(m.deps.records);
  const base: AppDependencies = { ...m.deps, records: store };
  const deps: AppDependencies = withEffects(base, writer);
  const app = createApp(deps, { staticDir: STATIC_DIR });
  return { ...m, app, deps: deps as CatalogueDeps & AppDependencies, writer, counts };
}

type App = Awaited<ReturnType<typeof portal>>['app'];

async function published(deps: CatalogueDeps, overrides: Record<string, unknown>) {
  const item = await createItem(deps, people.clerk, itemInput(overrides));
  const s = await submitItem(deps, people.clerk, item.record.id);
  await approveReview(deps, s.review!.id);
  await publishItem(deps, people.clerk, item.record.id);
  return item.record.id;
}

describe('every public surface shows only published items', () => {
  it('pages, search, API, feeds and sitemap agree', async () => {
    const { app, deps } = await portal();
    const pub = await published(deps, { title: '公开甲关于城市绿化的通知', body: '公开甲正文 城市绿化', categoryId: 'regulations-normative' });
    const draft = (await createItem(deps, people.clerk, itemInput({ title: '草稿乙关于城市绿化的通知', body: '草稿乙正文 城市绿化' }))).record.id;
    const review = (await createItem(deps, people.clerk, itemInput({ title: '审查丙关于城市绿化的通知', body: '审查丙正文 城市绿化' }))).record.id;
    await submitItem(deps, people.clerk, review);
    const withdrawn = await published(deps, { title: '撤回丁关于城市绿化的通知', body: '撤回丁正文 城市绿化' });
    await withdrawItem(deps, people.head, withdrawn, '内容有误，撤回');
    const scheduled = (await createItem(deps, people.clerk, itemInput({ title: '定时戊关于城市绿化的通知', body: '定时戊正文 城市绿化' }))).record.id;
    const s = await submitItem(deps, people.clerk, scheduled);
    await approveReview(deps, s.review!.id);
    await publishItem(deps, people.clerk, scheduled, { publishAt: '2026-12-01T00:00:00.000Z' });

    const hidden = [
      ['草稿乙', draft],
      ['审查丙', review],
      ['撤回丁', withdrawn],
      ['定时戊', scheduled],
    ] as const;
    const surfaces = [
      '/',
      '/proactive',
      '/proactive/regulations',
      '/proactive/regulations-normative',
      `/items/${pub}`,
      '/search?q=城市绿化',
      '/search?q=通知',
      '/api/catalogue/items',
      '/api/catalogue/items?category=regulations',
      `/api/catalogue/items/${pub}`,
      '/api/catalogue/search?q=城市绿化',
      '/feeds/all.atom',
      '/feeds/all.rss',
      '/feeds/regulations-normative.atom',
      '/sitemap.xml',
    ];
    for (const path of surfaces) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text, path).toContain(path === '/sitemap.xml' ? pub : '公开甲');
      if (res.headers.get('content-type')?.includes('text/html')) {
        expect(text, `${path} inline style`).not.toMatch(/\sstyle=/);
        expect(text, `${path} script`).not.toContain('<script');
      }
      for (const [marker, id] of hidden) {
        expect(text, `${path} leaks ${marker}`).not.toContain(marker);
        expect(text, `${path} leaks ${id}`).not.toContain(id);
      }
    }
    for (const [, id] of hidden) {
      expect((await app.request(`/items/${id}`)).status).toBe(404);
      expect((await app.request(`/api/catalogue/items/${id}`)).status).toBe(404);
    }
  });
});

describe('item page', () => {
  it('shows the gov.cn metadata block, the body, attachments from the public files URL and versions', async () => {
    const { app, deps } = await portal();
    const id = await published(deps, {
      title: '关于垃圾分类投放时间的公告',
      body: '# 一、投放时间\n\n每日**早七点**至晚九点。<script>alert(1)</script>',
      attachments: [await uploadedAttachment(deps, people.clerk, '投放时间表.txt', '附件正文：分类投放时间表')],
    });
    const html = await (await app.request(`/items/${id}`)).text();
    for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '标题', '文号', '发布日期', '有效性']) expect(html).toContain(`>${label}</th>`);
    expect(html).toContain('000014349/2026-00001');
    expect(html).toContain('示政办发〔2026〕3号');
    expect(html).toContain('<h2>一、投放时间</h2>');
    expect(html).toContain('<strong>早七点</strong>');
    expect(html).not.toContain('<script>alert');
    expect(html).toMatch(/href="http:\/\/localhost\/files\/[^"]+\/1\.txt"[^>]*>投放时间表\.txt/);
    expect(html).not.toContain('documents/guide');
    // Attachment text is searchable.
    const search = await (await app.request('/search?q=投放时间表')).text();
    expect(search).toContain(`/items/${id}`);
    expect(search).toContain('<mark>');
  });

  it('search without results helps', async () => {
    const { app, deps } = await portal();
    await published(deps, { title: '关于城市绿化的通知' });
    const html = await (await app.request('/search?q=火星探测')).text();
    expect(html).toContain('没有找到相关信息');
    expect(html).toContain('/apply');
  });
});

describe('HTTP caching', () => {
  it('answers a matching If-None-Match with 304 without reading the table (an item: its view only), and changes the ETag on publication', async () => {
    const { app, deps, counts } = await portal();
    const id = await published(deps, { title: '关于城市绿化的通知' });
    for (const path of ['/', '/proactive', `/items/${id}`, '/search?q=绿化', '/api/catalogue/items', '/feeds/all.atom', '/sitemap.xml']) {
      const first = await app.request(path, { headers: { cookie: '__Host-csrf=abcdefghijklmnopqrstuvwxyz' } });
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag, path).toMatch(/^W\/"c\d+-/);
      expect(first.headers.get('cache-control'), path).toMatch(/^public, max-age=60/);
      counts.reads = 0;
      const again = await app.request(path, { headers: { 'if-none-match': etag, cookie: '__Host-csrf=abcdefghijklmnopqrstuvwxyz' } });
      expect(again.status, path).toBe(304);
      // An item's page reads its view first (one GetItem), so a withdrawn item is never a 304.
      expect(counts.reads, path).toBe(path.startsWith('/items/') ? 1 : 0);
    }
    // Withdrawal changes the stamp: a cached copy revalidates to 404, not to the old page.
    const itemTag = (await app.request(`/items/${id}`)).headers.get('etag')!;
    const homeTag = (await app.request('/')).headers.get('etag')!;
    // Tags name one representation: another page's tag or '*' does not revalidate this one.
    expect((await app.request(`/items/${id}`, { headers: { 'if-none-match': homeTag } })).status).toBe(200);
    expect((await app.request(`/items/${id}`, { headers: { 'if-none-match': '*' } })).status).toBe(200);
    await withdrawItem(deps, people.head, id, '内容有误，撤回');
    for (const tag of [itemTag, homeTag, '*']) {
      expect((await app.request(`/items/${id}`, { headers: { 'if-none-match': tag } })).status).toBe(404);
      expect((await app.request(`/api/catalogue/items/${id}`, { headers: { 'if-none-match': tag } })).status).toBe(404);
    }
    expect((await app.request('/items/no-such-item', { headers: { 'if-none-match': '*' } })).status).toBe(404);
    const before = (await app.request('/proactive')).headers.get('etag');
    await published(deps, { title: '关于公园开放时间的通知' });
    const after = await app.request('/proactive', { headers: { 'if-none-match': before! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });
});

function session(app: App, token: string) {
  const jar = new CookieJar();
  let csrf = '';
  const headers = () => ({ ...(jar.header() ? { cookie: jar.header() } : {}), authorization: `Bearer ${token}` });
  return {
    async get(path: string) {
      const res = await app.request(path, { headers: headers() });
      jar.store(res);
      const html = await res.text();
      if (html.includes('name="_csrf"')) csrf = csrfFrom(html);
      return { res, html };
    },
    async post(path: string, fields: Record<string, string | File | File[]>) {
      const form = new FormData();
      form.set('_csrf', csrf);
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
      const res = await app.request(path, { method: 'POST', headers: headers(), body: form });
      jar.store(res);
      const html = res.headers.get('content-type')?.includes('text/html') ? await res.text() : '';
      if (html.includes('name="_csrf"')) csrf = csrfFrom(html);
      return { res, html };
    },
  };
}

describe('staff pages', () => {
  it('create with an attachment, submit, publish after review; overdue items are flagged', async () => {
    const { app, deps, tokenFor, writer } = await portal();
    const clerk = session(app, await tokenFor(people.clerk));
    const form = await clerk.get('/staff/items/new');
    expect(form.res.status).toBe(200);
    // The hint says several files may be chosen: the input lets the browser choose several.
    expect(form.html).toMatch(/<input[^>]*name="files"[^>]*multiple|<input[^>]*multiple[^>]*name="files"/);
    const bad = await clerk.post('/staff/items/new', { title: '', issuer: '示例市人民政府办公室', formedOn: '2026-01-05', categoryId: 'regulations-normative', body: '正文' });
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain('请填写标题');
    const created = await clerk.post('/staff/items/new', {
      title: '关于开展春季植树活动的通知',
      issuer: '示例市人民政府办公室',
      formedOn: '2026-01-05',
      categoryId: 'regulations-normative',
      body: '各单位：请组织开展春季植树活动。',
      files: [new File([new TextEncoder().encode('植树活动安排表')], '安排表.txt', { type: 'text/plain' }), new File([new TextEncoder().encode('责任分工')], '分工.txt', { type: 'text/plain' })],
    });
    expect(created.res.status).toBe(303);
    const location = created.res.headers.get('location')!;
    const id = location.split('/')[3]!.split('?')[0]!;
    const page = await clerk.get(location);
    expect(page.html).toContain('已保存为草稿');
    expect(page.html).toContain('安排表.txt');
    expect(page.html).toContain('分工.txt');
    const list = await clerk.get('/staff/items');
    expect(list.html).toContain('关于开展春季植树活动的通知');
    expect(list.html).toContain('已超过公开期限');
    expect((await clerk.post(`/staff/items/${id}/submit`, {})).res.status).toBe(303);
    const early = await clerk.post(`/staff/items/${id}/publish`, {});
    expect(early.res.status).toBe(409);
    expect(early.html).toContain('保密审查尚未通过');
    const item = await app.request(`/api/items/${id}`, { headers: { authorization: `Bearer ${await tokenFor(people.clerk)}` } });
    const reviewId = ((await item.json()) as { stored: { review: { id: string } } }).stored.review.id;
    await approveReview(deps, reviewId);
    // A version of 0 (or below) is no version: refused, never taken as "publish whatever stands now".
    const auth = { authorization: `Bearer ${await tokenFor(people.clerk)}`, 'content-type': 'application/json' };
    for (const [step, body] of [
      ['publish', { version: 0 }],
      ['submit', { version: -1 }],
      ['withdraw', { reason: '测试', version: 0 }],
    ] as const) {
      const res = await app.request(`/api/items/${id}/${step}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      expect(res.status, step).toBe(400);
    }
    await clerk.get(`/staff/items/${id}`);
    const done = await clerk.post(`/staff/items/${id}/publish`, {});
    expect(done.res.status).toBe(303);
    const publicPage = await (await app.request(`/items/${id}`)).text();
    expect(publicPage).toContain('安排表.txt');
    expect([...writer.objects.keys()].some((k) => k.startsWith('files/'))).toBe(true);
    const anon = await app.request('/staff/items');
    expect([302, 303, 401]).toContain(anon.status);
  });

  it('the catalogue API is described in /api/openapi.json', async () => {
    const { app } = await portal();
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/catalogue/items', '/api/catalogue/items/{id}', '/api/catalogue/search', '/api/items', '/api/items/{id}/publish']));
  });

  it('admin edits the guide', async () => {
    const { app, tokenFor } = await portal();
    const admin = session(app, await tokenFor(people.admin));
    const page = await admin.get('/staff/catalogue');
    expect(page.res.status).toBe(200);
    const categories = page.html
      .match(/<textarea[^>]*name="categories"[^>]*>([\s\S]*?)<\/textarea>/)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const saved = await admin.post('/staff/catalogue', { guide: '## 一、总则\n\n本指南测试文本。', indexSchemeId: 'national', profile: '', categories });
    expect(saved.res.status).toBe(303);
    const guide = await (await app.request('/guide')).text();
    expect(guide).toContain('本指南测试文本');
  });
});
