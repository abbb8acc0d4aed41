import { describe, expect, it } from 'vitest';
import { act, submitOnline } from '#application/requests';
import { createItem, publishItem, submitItem } from '#application/catalogue';
import { CookieJar, csrfFrom, memoryApp, staff } from '#support/memory-deps';
import { citizenForm, ID_NUMBER } from '../application/requests/support';
import { approveReview, itemInput, people } from '../application/catalogue/support';

/**
 * Least privilege (issue: hardening): only the case's handler, the head and the administrator
 * open a full ID number; reviewers and leaders see contact details masked unless they open them
 * with a recorded reason; only the head or the leader withdraws a published item, with a reason.
 */
const handler = staff(['clerk'], 'handler');
const otherClerk = staff(['clerk'], 'other-clerk');
const head = staff(['head'], 'head');
const reviewer = staff(['reviewer'], 'reviewer');
const leader = staff(['leader'], 'leader');

async function registeredCase() {
  const m = await memoryApp();
  const receipt = await submitOnline(m.deps, {
    form: citizenForm({ contact: { phone: '13812345678', email: 'zhangsan@example.com', address: '示例市示例区人民路100号' } }),
    nonce: 'least-privilege-1',
  });
  await act(m.deps, handler, receipt.trackingNumber, { command: 'register' });
  return { ...m, tn: receipt.trackingNumber };
}

async function staffPost(m: Awaited<ReturnType<typeof memoryApp>>, who: ReturnType<typeof staff>, page: string, path: string, fields: Record<string, string>) {
  const auth = { authorization: `Bearer ${await m.tokenFor(who)}` };
  const jar = new CookieJar();
  const get = await m.app.request(page, { headers: auth });
  jar.store(get);
  const html = await get.text();
  const csrf = html.includes('name="_csrf"') ? csrfFrom(html) : '';
  return m.app.request(path, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrf, ...fields }),
    headers: { ...auth, cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describe('the full identity number', () => {
  it('opens for the handler and the head, not for a clerk on another clerk’s case', async () => {
    const m = await registeredCase();
    const page = `/staff/requests/${m.tn}`;
    const refused = await staffPost(m, otherClerk, page, `${page}/identity`, { reason: '核对身份' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(ID_NUMBER);
    expect(await (await m.app.request(page, { headers: { authorization: `Bearer ${await m.tokenFor(otherClerk)}` } })).text()).not.toContain('查看完整证件号码');
    for (const who of [handler, head]) {
      const shown = await staffPost(m, who, page, `${page}/identity`, { reason: '核对身份' });
      expect(shown.status).toBe(200);
      expect(await shown.text()).toContain(ID_NUMBER);
    }
  });
});

describe('applicants’ contact details', () => {
  it('are masked for reviewers and leaders on the case page and in the API, and open with a recorded reason', async () => {
    const m = await registeredCase();
    const page = `/staff/requests/${m.tn}`;
    for (const who of [reviewer, leader]) {
      const auth = { authorization: `Bearer ${await m.tokenFor(who)}` };
      const html = await (await m.app.request(page, { headers: auth })).text();
      expect(html).not.toContain('13812345678');
      expect(html).not.toContain('zhangsan@example.com');
      expect(html).toContain('138****5678');
      const api = await (await m.app.request(`/api/requests/${m.tn}`, { headers: auth })).text();
      expect(api).not.toContain('13812345678');
      expect(api).not.toContain('人民路100号');
    }
    const noReason = await staffPost(m, reviewer, page, `${page}/contact`, { reason: '' });
    expect(noReason.status).toBe(400);
    const opened = await staffPost(m, reviewer, page, `${page}/contact`, { reason: '核实送达地址' });
    expect(opened.status).toBe(200);
    const html = await opened.text();
    expect(html).toContain('13812345678');
    expect(html).toContain('示例市示例区人民路100号');
    const history = await m.deps.records.history({ pk: `REQ#${m.tn}`, sk: 'REQUEST' });
    expect(history.at(-1)).toMatchObject({ type: 'request.contact-viewed', actor: { id: reviewer.id }, data: { reason: '核实送达地址' } });
    expect(JSON.stringify(history)).not.toContain('13812345678');
  });

  it('stay plain for the staff who handle the case', async () => {
    const m = await registeredCase();
    const html = await (await m.app.request(`/staff/requests/${m.tn}`, { headers: { authorization: `Bearer ${await m.tokenFor(handler)}` } })).text();
    expect(html).toContain('13812345678');
  });
});

describe('withdrawing a published item', () => {
  async function publishedItem() {
    const m = await memoryApp();
    const created = await createItem(m.deps, people.clerk, itemInput());
    const s = await submitItem(m.deps, people.clerk, created.record.id);
    await approveReview(m.deps, s.review!.id);
    await publishItem(m.deps, people.clerk, created.record.id);
    return { ...m, id: created.record.id };
  }

  it('needs the head or the leader, and a reason', async () => {
    const m = await publishedItem();
    const json = async (who: ReturnType<typeof staff>, reason: string) =>
      m.app.request(`/api/items/${m.id}/withdraw`, {
        method: 'POST',
        body: JSON.stringify({ reason }),
        headers: { authorization: `Bearer ${await m.tokenFor(who)}`, 'content-type': 'application/json' },
      });
    expect((await json(staff(['clerk'], 'clerk'), '内容有误，撤回')).status).toBe(403);
    expect((await json(staff(['admin'], 'admin'), '内容有误，撤回')).status).toBe(403);
    const short = await json(head, '撤');
    expect(short.status).toBe(400);
    expect(((await short.json()) as { message: string }).message).toContain('撤回理由');
    expect((await json(leader, '内容有误，依法撤回')).status).toBe(200);
    const history = await m.deps.records.history({ pk: `ITEM#${m.id}`, sk: 'ITEM' });
    expect(JSON.stringify(history.at(-1)?.data)).toContain('内容有误，依法撤回');
  });
});
