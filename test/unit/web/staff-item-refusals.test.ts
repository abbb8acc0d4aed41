import { describe, expect, it, vi } from 'vitest';
import { createItem } from '#application/catalogue';
import { CaseForbiddenError } from '#domain/case/errors';
import { CookieJar, csrfFrom, memoryApp } from '#support/memory-deps';
import { itemInput, people, publishedItem } from '../application/catalogue/support';

/** The edit use case can refuse for reasons the access policy does not see; this switch stands in for one. */
const refuseEdit = vi.hoisted(() => ({ with: undefined as Error | undefined }));
vi.mock('#application/catalogue', async (original) => {
  const actual = await original<typeof import('#application/catalogue')>();
  return {
    ...actual,
    editItem: (...args: Parameters<typeof actual.editItem>) => (refuseEdit.with ? Promise.reject(refuseEdit.with) : actual.editItem(...args)),
  };
});

type App = Awaited<ReturnType<typeof memoryApp>>['app'];

/** A member of staff driving the HTML pages with a bearer token and the page's CSRF token. */
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
    async post(path: string, fields: Record<string, string>) {
      const form = new FormData();
      form.set('_csrf', csrf);
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      const res = await app.request(path, { method: 'POST', headers: headers(), body: form });
      jar.store(res);
      return { res, html: res.headers.get('content-type')?.includes('text/html') ? await res.text() : '' };
    },
  };
}

describe('staff item forms keep the status of a refusal', () => {
  it('a refusal that is not a conflict stays 403 on the item page (an administrator may reach 提交审核, but only a clerk may send to review)', async () => {
    const { app, deps, tokenFor } = await memoryApp();
    const id = (await createItem(deps, people.clerk, itemInput({ title: '关于调整办公时间的通知' }))).record.id;
    const admin = session(app, await tokenFor(people.admin));
    const clerkPage = await session(app, await tokenFor(people.clerk)).get(`/staff/items/${id}`);
    expect(clerkPage.html).toContain(`action="/staff/items/${id}/submit"`);
    const page = await admin.get(`/staff/items/${id}`);
    expect(page.res.status).toBe(200);
    expect(page.html).not.toContain(`action="/staff/items/${id}/submit"`);
    const refused = await admin.post(`/staff/items/${id}/submit`, {});
    expect(refused.res.status).toBe(403);
    expect(refused.html).toContain('您无权对本信息执行「提交审核」');
    // The item page is shown again, with the refusal, not a generic error page.
    expect(refused.html).toContain('关于调整办公时间的通知');
  });

  it('the edit form keeps a 403 refusal as 403 (not a conflict)', async () => {
    const { app, deps, tokenFor } = await memoryApp();
    const id = (await createItem(deps, people.clerk, itemInput({ title: '关于城市绿化的通知' }))).record.id;
    const clerk = session(app, await tokenFor(people.clerk));
    await clerk.get(`/staff/items/${id}`);
    refuseEdit.with = new CaseForbiddenError('您无权对本信息执行「修改」。');
    try {
      const refused = await clerk.post(`/staff/items/${id}/edit`, { ...itemInput({ title: '关于城市绿化的通知（修改）' }), categoryId: 'regulations-normative' } as Record<string, string>);
      expect(refused.res.status).toBe(403);
      expect(refused.html).toContain('您无权对本信息执行「修改」');
    } finally {
      refuseEdit.with = undefined;
    }
  });

  it('an unknown item stays 404 on every item form', async () => {
    const { app, tokenFor } = await memoryApp();
    const clerk = session(app, await tokenFor(people.clerk));
    await clerk.get('/staff/items/new');
    for (const path of ['/staff/items/no-such-item/edit', '/staff/items/no-such-item/submit', '/staff/items/no-such-item/discard']) {
      expect((await clerk.post(path, { title: '标题' })).res.status).toBe(404);
    }
  });

  it('a stale version is a conflict (409) with the message on the item page', async () => {
    const { app, deps, tokenFor } = await memoryApp();
    const id = (await createItem(deps, people.clerk, itemInput({ title: '关于春季防火的通知' }))).record.id;
    const clerk = session(app, await tokenFor(people.clerk));
    await clerk.get(`/staff/items/${id}`);
    const stale = await clerk.post(`/staff/items/${id}/submit`, { version: '99' });
    expect(stale.res.status).toBe(409);
    expect(stale.html).toContain('该记录已被他人修改');
    expect(stale.html).toContain('关于春季防火的通知');
  });

  it('a step form that fails its schema comes back with the message under its field and what was typed (400)', async () => {
    const { app, deps, tokenFor } = await memoryApp();
    const id = await publishedItem(deps);
    const clerk = session(app, await tokenFor(people.clerk));
    const page = await clerk.get(`/staff/items/${id}`);
    expect(page.html).toContain(`action="/staff/items/${id}/revise"`);
    const bad = await clerk.post(`/staff/items/${id}/revise`, { changedOn: '三月一日' });
    expect(bad.res.status).toBe(400);
    const form = bad.html.slice(bad.html.indexOf('id="action-revise"'));
    expect(form).toContain('变更日期格式应为YYYY-MM-DD');
    expect(form).toContain('value="三月一日"');
  });
});
