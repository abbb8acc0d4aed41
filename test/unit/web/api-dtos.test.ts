/**
 * The staff and catalogue JSON routes answer with their DTOs and document them in the OpenAPI
 * document: the queue rows, the annual report, the public item and the review detail.
 */
import { describe, expect, it } from 'vitest';
import { createItem, submitItem, type CatalogueDeps } from '#application/catalogue';
import { publicItemSchema } from '#application/catalogue/item-dto';
import { withEffects } from '#application/effects';
import { requestQueueSchema } from '#application/requests';
import { annualReportSchema } from '#application/requests/report-dto';
import { staffReviewDetailSchema } from '#application/secrecy/review-dto';
import { STATIC_DIR } from '#local/server';
import { createApp } from '#web/app';
import { memoryApp } from '#support/memory-deps';
import { approveReview, itemInput, publishedItem } from '../application/catalogue/support';
import { people, RecordingPublicWriter } from '../application/secrecy/support';
import { citizenForm, ID_NUMBER } from '../application/requests/support';

async function portal() {
  const m = await memoryApp();
  const deps = withEffects(m.deps, new RecordingPublicWriter());
  return { ...m, deps: deps as typeof deps & CatalogueDeps, app: createApp(deps, { staticDir: STATIC_DIR }) };
}

type App = Awaited<ReturnType<typeof portal>>['app'];
type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; required?: string[]; anyOf?: JsonSchema[] };
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: { 'application/json': { schema: JsonSchema } } }> }>> };

async function responseSchema(app: App, path: string, method = 'get'): Promise<JsonSchema> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
  return doc.paths[path]![method]!.responses['200']!.content!['application/json'].schema;
}

const get = (app: App, path: string, token?: string) => app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const post = (app: App, path: string, body: unknown, token?: string) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

async function withApplication() {
  const p = await portal();
  const form = citizenForm({ name: '李四', contact: { phone: '13812345678' }, requested: { documentTitle: '某某文件' } });
  const { trackingNumber } = (await (await post(p.app, '/api/requests', { nonce: 'api-dtos-0001', form })).json()) as { trackingNumber: string };
  const clerk = await p.tokenFor(people.clerk);
  expect((await post(p.app, `/api/requests/${trackingNumber}/act`, { command: 'register' }, clerk)).status).toBe(200);
  return { ...p, tn: trackingNumber, clerk };
}

describe('GET /api/requests', () => {
  it('answers with the queue rows of its schema, and documents each field', async () => {
    const { app, tn, clerk } = await withApplication();
    const res = await get(app, '/api/requests', clerk);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(requestQueueSchema.parse(body)).toEqual(body);
    expect(body['items']).toEqual([expect.objectContaining({ trackingNumber: tn, status: 'registered', applicantName: '李四', handlerId: people.clerk.id, subject: '某某文件' })]);
    expect(JSON.stringify(body)).not.toContain(ID_NUMBER);
    const row = (await responseSchema(app, '/api/requests')).properties!['items']!.items!;
    expect(Object.keys(row.properties!)).toEqual(
      expect.arrayContaining(['trackingNumber', 'version', 'status', 'applicantName', 'subject', 'handlerId', 'due', 'urgency', 'duplicates', 'submittedAt']),
    );
  });
});

describe('GET /api/requests/report/{year}', () => {
  it('answers with Table B as its schema documents it, row by row and column by column', async () => {
    const { app, tokenFor } = await withApplication();
    const res = await get(app, '/api/requests/report/2026', await tokenFor(people.head));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(annualReportSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ table: { year: 2026, rows: { new: { citizen: 1, total: 1 } } }, issues: [], cases: 1 });
    const schema = await responseSchema(app, '/api/requests/report/{year}');
    const rows = schema.properties!['table']!.properties!['rows']!;
    expect(Object.keys(rows.properties!)).toEqual(expect.arrayContaining(['new', 'carried-over', 'disclosed', 'results-total', 'carried-forward']));
    expect(Object.keys(rows.properties!['new']!.properties!)).toEqual(['citizen', 'commercial', 'research', 'public-welfare', 'legal-service', 'other', 'total']);
    expect(Object.keys(schema.properties!['issues']!.items!.properties!)).toEqual(['check', 'row', 'column', 'message']);
  });
});

describe('GET /api/catalogue/items/{id}', () => {
  it('answers with the genre, effective date and validity date of the item, as documented', async () => {
    const { app, deps } = await portal();
    const id = await publishedItem(deps, { genre: '办法', effectiveOn: '2026-04-01', validUntil: '2031-03-31' });
    const body = (await (await get(app, `/api/catalogue/items/${id}`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id, genre: '办法', effectiveOn: '2026-04-01', validUntil: '2031-03-31' });
    expect(publicItemSchema.parse(body)).toEqual(body);
    const listed = (await (await get(app, '/api/catalogue/items')).json()) as { items: Record<string, unknown>[] };
    expect(listed.items[0]).toMatchObject({ id, genre: '办法', effectiveOn: '2026-04-01', validUntil: '2031-03-31' });
    expect(listed.items[0]).not.toHaveProperty('body');
    for (const path of ['/api/catalogue/items/{id}', '/api/catalogue/items']) {
      const schema = await responseSchema(app, path);
      const item = path.endsWith('{id}') ? schema : schema.properties!['items']!.items!;
      expect(Object.keys(item.properties!)).toEqual(expect.arrayContaining(['genre', 'effectiveOn', 'validUntil']));
    }
  });
});

describe('GET /api/reviews/{id}', () => {
  it('says why the person asking may not act, and whether the release step may run', async () => {
    const { app, deps, tokenFor } = await portal();
    const item = await createItem(deps, people.clerk, itemInput());
    const reviewId = (await submitItem(deps, people.clerk, item.record.id)).review!.id;
    const waiting = (await (await get(app, `/api/reviews/${reviewId}`, await tokenFor(people.head))).json()) as Record<string, unknown>;
    expect(staffReviewDetailSchema.parse(waiting)).toEqual(waiting);
    expect(waiting).toMatchObject({ stage: 'self', canAct: false, mayRelease: false, refusal: expect.any(String) });
    await approveReview(deps, reviewId);
    const approved = (await (await get(app, `/api/reviews/${reviewId}`, await tokenFor(people.clerk))).json()) as Record<string, unknown>;
    expect(approved).toMatchObject({ status: 'approved', mayRelease: true });
    const schema = await responseSchema(app, '/api/reviews/{id}');
    expect(Object.keys(schema.properties!)).toEqual(expect.arrayContaining(['refusal', 'mayRelease', 'canAct', 'available']));
    expect(schema.required).toContain('mayRelease');
  });
});
