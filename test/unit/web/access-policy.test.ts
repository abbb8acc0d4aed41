import { describe, expect, it } from 'vitest';
import { act, submitOnline } from '#application/requests';
import { createItem, submitItem } from '#application/catalogue';
import { signReviewStage, submitForReview } from '#application/secrecy';
import type { StaffMember } from '#domain/staff';
import { ReviewRepository } from '#repositories/reviews';
import { accessFor, ACCESS_RULES, allows } from '#web/access-policy';
import { CookieJar, csrfFrom, memoryApp, staff } from '#support/memory-deps';
import { citizenForm } from '../application/requests/support';
import { checklist, itemInput, publishedItem } from '../application/catalogue/support';

/**
 * The access policy decides who may reach a route by area (public, staff, admin); who may take a
 * step of a case is the transition tables' and the use cases' decision, refused with 403 there.
 */
describe('the access policy', () => {
  it('keeps the public site, the applicants’ pages and the public API public', () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/health'],
      ['GET', '/static/site.css'],
      ['GET', '/files/2026/x.pdf'],
      ['GET', '/proactive'],
      ['GET', '/proactive/regulations'],
      ['GET', '/items/ITEM-1'],
      ['GET', '/feeds/latest.xml'],
      ['GET', '/calendar'],
      ['GET', '/calendar/2026'],
      ['GET', '/login'],
      ['POST', '/login'],
      ['GET', '/apply'],
      ['POST', '/apply'],
      ['GET', '/track'],
      ['POST', '/track/YSQ-2026-000001/withdraw'],
      ['GET', '/clarifications'],
      ['POST', '/clarifications/report'],
      ['POST', '/corrections/request'],
      ['GET', '/api/openapi.json'],
      ['GET', '/api/catalogue/items/ITEM-1'],
      ['GET', '/api/clarifications'],
      ['GET', '/api/calendar/2026'],
      ['POST', '/api/requests'],
      ['POST', '/api/requests/track'],
      ['POST', '/api/requests/YSQ-2026-000001/supplement'],
      ['POST', '/api/corrections/track'],
    ] as const)
      expect(accessFor(method, path), `${method} ${path}`).toBe('public');
  });

  it('lets every member of staff reach the staff pages and the staff API; the use cases decide each step', () => {
    for (const [method, path] of [
      ['GET', '/staff'],
      ['POST', '/logout'],
      ['GET', '/staff/requests/YSQ-2026-000001'],
      ['POST', '/staff/requests/YSQ-2026-000001/draft'],
      ['POST', '/staff/reviews/R1/sign'],
      ['POST', '/staff/items/ITEM-1/withdraw'],
      ['POST', '/staff/clarifications'],
      ['POST', '/staff/accounts/clerk/roles'],
      ['GET', '/api/me'],
      ['GET', '/api/requests'],
      ['POST', '/api/requests/register'],
      ['POST', '/api/requests/YSQ-2026-000001/act'],
      ['POST', '/api/reviews/R1/release'],
      ['POST', '/api/items'],
      ['POST', '/api/documents/uploads'],
    ] as const)
      expect(accessFor(method, path), `${method} ${path}`).toBe('staff');
  });

  it('keeps administration that no case table decides for administrators', () => {
    for (const [method, path] of [
      ['GET', '/staff/accounts'],
      ['GET', '/staff/calendar'],
      ['POST', '/staff/calendar/OVR-1/remove'],
      ['GET', '/staff/catalogue'],
      ['POST', '/staff/catalogue'],
      ['GET', '/api/calendar/overrides'],
      ['DELETE', '/api/calendar/overrides/OVR-1'],
    ] as const)
      expect(accessFor(method, path), `${method} ${path}`).toBe('admin');
  });

  it('refuses by default: no rule for anything outside the listed areas', () => {
    for (const [method, path] of [
      ['GET', '/no-such-page'],
      ['POST', '/'],
      ['GET', '/api/no-such-thing'],
      ['POST', '/api/catalogue/items'],
      ['GET', '/stafff'],
      ['GET', '/trackx'],
    ] as const)
      expect(accessFor(method, path), `${method} ${path}`).toBeUndefined();
    expect(accessFor('HEAD', '/')).toBe('public');
  });

  it('names no role: only public, staff and admin (who may take a step, or open a form that starts one, is the application’s to say)', () => {
    for (const [, , access] of ACCESS_RULES) expect(['public', 'staff', 'admin']).toContain(access);
  });

  it('lets staff in only with a role, administrators only with the admin role', () => {
    expect(allows('public', undefined)).toBe(true);
    expect(allows('staff', undefined)).toBe(false);
    expect(allows('staff', staff([]))).toBe(false);
    expect(allows('staff', staff(['reviewer']))).toBe(true);
    expect(allows('admin', staff(['head', 'leader']))).toBe(false);
    expect(allows('admin', staff(['admin']))).toBe(true);
  });
});

/**
 * Every role rule web/access-policy.ts used to hold per route, and a person it kept out: the
 * refusal now comes from the use case (or, for a page whose handler calls none, from the
 * application's rule the policy names), and it is still 403.
 */
describe('the refusals the per-route role rules made now come from the use cases', () => {
  async function world() {
    const m = await memoryApp();
    const { deps } = m;
    const people = {
      clerk: staff(['clerk'], 'ap-clerk'),
      clerk2: staff(['clerk'], 'ap-clerk2'),
      head: staff(['head'], 'ap-head'),
      reviewer: staff(['reviewer'], 'ap-reviewer'),
      leader: staff(['leader'], 'ap-leader'),
      admin: staff(['admin'], 'ap-admin'),
    };
    const receipt = await submitOnline(deps, { form: citizenForm(), nonce: 'access-policy-0001' });
    const tn = receipt.trackingNumber;
    await act(deps, people.clerk, tn, { command: 'register' });
    const review = (title: string) => submitForReview(deps, people.clerk, { subject: { type: 'publication', title }, text: `${title}的正文。` });
    const sign = (who: StaffMember, id: string, stage: 'self' | 'head' | 'secrecy', conclusion: Parameters<typeof signReviewStage>[3]['conclusion'] = { type: 'disclose' }) =>
      signReviewStage(deps, who, id, { stage, checklist: checklist(), conclusion });
    const atSelf = (await review('待自审的信息')).data.review.id;
    const atSecrecy = (await review('待保密审查的信息')).data.review.id;
    await sign(people.clerk, atSecrecy, 'self');
    await sign(people.head, atSecrecy, 'head');
    const onHold = (await review('报请确定的信息')).data.review.id;
    await sign(people.clerk, onHold, 'self');
    await sign(people.head, onHold, 'head');
    await sign(people.reviewer, onHold, 'secrecy', { type: 'refer', referTo: 'secrecy-administration', body: '示例市国家保密局' });
    const draft = (await createItem(deps, people.clerk, itemInput({ title: '草稿信息' }))).record.id;
    const submitted = (await createItem(deps, people.clerk, itemInput({ title: '待审核信息' }))).record.id;
    await submitItem(deps, people.clerk, submitted);
    const published = await publishedItem(deps, { title: '已发布信息' });
    const version = async (id: string) => (await new ReviewRepository(deps.records).get(id))?.version;

    const auth = async (who: StaffMember) => ({ authorization: `Bearer ${await m.tokenFor(who)}` });
    const get = async (who: StaffMember, path: string) => m.app.request(path, { headers: await auth(who) });
    const json = async (who: StaffMember, path: string, body: unknown) =>
      m.app.request(path, { method: 'POST', headers: { ...(await auth(who)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const form = async (who: StaffMember, path: string, fields: Record<string, string | File> = {}) => {
      const headers = await auth(who);
      const jar = new CookieJar();
      const home = await m.app.request('/staff', { headers });
      jar.store(home);
      const body = new FormData();
      body.set('_csrf', csrfFrom(await home.text()));
      for (const [name, value] of Object.entries(fields)) body.set(name, value);
      return m.app.request(path, { method: 'POST', headers: { ...headers, cookie: jar.header() }, body });
    };
    return { ...m, people, tn, atSelf, atSecrecy, onHold, draft, submitted, published, version, get, json, form };
  }

  it('answers 403 to each of them', async () => {
    const w = await world();
    const { people: p, tn } = w;
    const signBody = async (id: string, stage: string) => ({ expectedVersion: await w.version(id), stage, checklist: checklist(), conclusion: { type: 'disclose' } });
    const item = itemInput({ title: '关于城市绿化的通知' }) as Record<string, string>;
    const refusals: [string, () => Promise<Response>][] = [
      // Secrecy review: the review table (stage roles, separation of duties); release: the publishing table's 发布 roles
      ['head opens the submission form', () => w.get(p.head, '/staff/reviews/new')],
      ['head sends content to review', () => w.json(p.head, '/api/reviews', { subject: { type: 'publication', title: '标题' }, text: '正文' })],
      ['clerk signs the secrecy stage', async () => w.json(p.clerk, `/api/reviews/${w.atSecrecy}/sign`, await signBody(w.atSecrecy, 'secrecy'))],
      ['admin signs the secrecy stage', async () => w.json(p.admin, `/api/reviews/${w.atSecrecy}/sign`, await signBody(w.atSecrecy, 'secrecy'))],
      ['clerk returns a review', async () => w.json(p.clerk2, `/api/reviews/${w.atSecrecy}/return`, { expectedVersion: await w.version(w.atSecrecy), comments: '请修改' })],
      [
        'head resolves a finding',
        async () => w.json(p.head, `/api/reviews/${w.atSecrecy}/findings/resolve`, { expectedVersion: await w.version(w.atSecrecy), findingId: 'f-1', resolution: { action: 'redact' } }),
      ],
      ['head redacts the text', async () => w.json(p.head, `/api/reviews/${w.atSecrecy}/redact-text`, { expectedVersion: await w.version(w.atSecrecy), terms: ['正文'] })],
      [
        'head uploads a redacted file',
        () => w.form(p.head, `/staff/reviews/${w.atSecrecy}/redacted-file`, { attachmentId: 'att-1', 'file-att-1': new File(['删除处理后'], 'a.txt', { type: 'text/plain' }) }),
      ],
      ['head revises the content', () => w.form(p.head, `/staff/reviews/${w.atSelf}/revise`, { text: '新的正文' })],
      ['clerk records the referral reply', async () => w.json(p.clerk, `/api/reviews/${w.onHold}/referral-reply`, { expectedVersion: await w.version(w.onHold), reply: '可以公开' })],
      ['head releases a reviewed document', async () => w.json(p.head, `/api/reviews/${w.atSecrecy}/release`, { expectedVersion: await w.version(w.atSecrecy) })],
      ['reviewer releases a reviewed document', () => w.form(p.reviewer, `/staff/reviews/${w.atSecrecy}/release`)],
      // Applications: the request table's roles, the answer's steps asking before they read anything
      ['reviewer opens the registration form', () => w.get(p.reviewer, '/staff/requests/new')],
      [
        'reviewer registers a paper application',
        () => w.json(p.reviewer, '/api/requests/register', { form: citizenForm(), nonce: 'access-policy-0002', channel: 'in-person', receivedOn: '2026-03-02' }),
      ],
      ['clerk reassigns', () => w.json(p.clerk, `/api/requests/${tn}/reassign`, { handlerId: p.clerk2.id, reason: '工作调整' })],
      ['reviewer drafts the answer', () => w.json(p.reviewer, `/api/requests/${tn}/draft`, { decision: { type: 'disclosed' } })],
      ['leader edits the letter', () => w.json(p.leader, `/api/requests/${tn}/letter`, { edits: {} })],
      ['reviewer sends the answer to review', () => w.json(p.reviewer, `/api/requests/${tn}/review`, {})],
      ['clerk confirms the secrecy review', () => w.json(p.clerk, `/api/requests/${tn}/review-passed`, {})],
      ['admin releases the answer', () => w.json(p.admin, `/api/requests/${tn}/release`, { service: { method: 'electronic' } })],
      ['reviewer opens the full identity number', () => w.form(p.reviewer, `/staff/requests/${tn}/identity`, { reason: '核对身份' })],
      ['clerk opens contact details with a reason', () => w.form(p.clerk, `/staff/requests/${tn}/contact`, { reason: '核实地址' })],
      ['leader proposes the case for the catalogue', () => w.form(p.leader, `/staff/requests/${tn}/propose`)],
      ['reviewer opens an applicant’s attachment', () => w.get(p.reviewer, `/staff/requests/${tn}/attachments/att-1`)],
      ['clerk reads the annual report', () => w.get(p.clerk, '/api/requests/report/2026')],
      // Proactive disclosure: the publishing table's roles
      ['reviewer opens the new item form', () => w.get(p.reviewer, '/staff/items/new')],
      ['reviewer creates an item', () => w.json(p.reviewer, '/api/items', item)],
      ['head creates an item through the form', () => w.form(p.head, '/staff/items/new', item)],
      ['head edits a draft', () => w.form(p.head, `/staff/items/${w.draft}/edit`, item)],
      ['admin submits a draft', () => w.json(p.admin, `/api/items/${w.draft}/submit`, {})],
      ['head publishes', () => w.json(p.head, `/api/items/${w.submitted}/publish`, {})],
      ['reviewer publishes through the form', () => w.form(p.reviewer, `/staff/items/${w.submitted}/publish`)],
      ['head discards a draft', () => w.form(p.head, `/staff/items/${w.draft}/discard`)],
      ['clerk withdraws', () => w.json(p.clerk, `/api/items/${w.published}/withdraw`, { reason: '内容有误，撤回' })],
      ['admin withdraws through the form', () => w.form(p.admin, `/staff/items/${w.published}/withdraw`, { reason: '内容有误，撤回' })],
      // Clarifications: mayOpenClarificationCase
      ['reviewer opens a clarification case', () => w.form(p.reviewer, '/staff/clarifications', { title: '网传示例路收费', description: '不实' })],
      // Administration: the policy's admin areas, and the role change's own check
      ['head lists accounts', () => w.get(p.head, '/staff/accounts')],
      ['head changes roles', () => w.form(p.head, '/staff/accounts/clerk/roles', { roles: 'admin' })],
      ['leader opens the calendar administration', () => w.get(p.leader, '/staff/calendar')],
      ['clerk opens the catalogue settings', () => w.get(p.clerk, '/staff/catalogue')],
    ];
    // Administration is the policy's; everything else, form pages included, the application's rules refuse.
    const byPolicy = new Set(['head lists accounts', 'leader opens the calendar administration', 'clerk opens the catalogue settings']);
    const outcomes: string[] = [];
    for (const [who, request] of refusals) {
      const response = await request();
      const text = await response.text();
      expect(text, who).not.toMatch(/页面已过期|请求来源无效|请求格式无效/);
      outcomes.push(`${who}: ${response.status} from the ${text.includes('您没有执行该操作的权限') ? 'access policy' : 'use case'}`);
    }
    expect(outcomes).toEqual(refusals.map(([who]) => `${who}: 403 from the ${byPolicy.has(who) ? 'access policy' : 'use case'}`));
  }, 60_000);

  it('lets through those the rules name (the same requests, the right people)', async () => {
    const w = await world();
    const { people: p, tn } = w;
    const allowed: [string, () => Promise<Response>, number][] = [
      ['clerk opens the submission form', () => w.get(p.clerk, '/staff/reviews/new'), 200],
      ['clerk revises the content', () => w.form(p.clerk, `/staff/reviews/${w.atSelf}/revise`, { text: '新的正文' }), 303],
      ['leader releases a review not yet approved', () => w.form(p.leader, `/staff/reviews/${w.atSecrecy}/release`), 409],
      ['head opens the registration form', () => w.get(p.head, '/staff/requests/new'), 200],
      ['head reassigns', () => w.json(p.head, `/api/requests/${tn}/reassign`, { handlerId: p.clerk2.id, reason: '工作调整' }), 200],
      ['reviewer opens contact details with a reason', () => w.form(p.reviewer, `/staff/requests/${tn}/contact`, { reason: '核实地址' }), 200],
      ['head proposes a case not yet answered', () => w.form(p.head, `/staff/requests/${tn}/propose`), 409],
      ['clerk opens an attachment that does not exist', () => w.get(p.clerk, `/staff/requests/${tn}/attachments/att-1`), 404],
      ['leader reads the annual report', () => w.get(p.leader, '/api/requests/report/2026'), 200],
      ['admin opens the new item form', () => w.get(p.admin, '/staff/items/new'), 200],
      ['clerk creates an item through the form', () => w.form(p.clerk, '/staff/items/new', itemInput({ title: '关于城市绿化的通知' }) as Record<string, string>), 303],
      ['head opens a clarification case', () => w.form(p.head, '/staff/clarifications', { title: '网传示例路收费', description: '不实' }), 303],
    ];
    const outcomes: string[] = [];
    for (const [who, request] of allowed) outcomes.push(`${who}: ${(await request()).status}`);
    expect(outcomes).toEqual(allowed.map(([who, , status]) => `${who}: ${status}`));
  }, 60_000);
});
