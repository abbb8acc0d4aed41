/**
 * The JSON an applicant gets with a tracking number and access code (/api/requests/track,
 * /api/corrections/track, and the answers to their own steps) is an explicit allow-list: no staff
 * ids or names, no internal notes or steps, nothing of the secrecy review, nothing of another
 * application. Sentinels put on the stored records prove a field added there stays inside.
 */
import { describe, expect, it } from 'vitest';
import { applicantCaseSummarySchema, applicantTrackingSchema } from '#application/requests/applicant-dto';
import { correctionTrackingSchema } from '#application/corrections/track-dto';
import { actOnCorrection, submitCorrection } from '#application/corrections';
import { withEffects } from '#application/effects';
import { STATIC_DIR } from '#local/server';
import { CorrectionRepository } from '#repositories/corrections';
import { RequestRepository } from '#repositories/requests';
import { createApp } from '#web/app';
import { memoryApp } from '#support/memory-deps';
import { people, RecordingPublicWriter, saveAgencyProfile, validResidentId } from '../application/secrecy/support';
import { approveNotice, citizenForm, ID_NUMBER } from '../application/requests/support';
import { PDF_BYTES } from '../application/clarifications/support';

async function portal() {
  const m = await memoryApp();
  const deps = withEffects(m.deps, new RecordingPublicWriter());
  return { ...m, deps, app: createApp(deps, { staticDir: STATIC_DIR }) };
}

const json = (body: unknown, token?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

/** Strings that must never reach an applicant; each is planted somewhere in the stored record. */
const SENTINELS = ['SENTINEL-internal-note', 'SENTINEL-requested', 'SENTINEL-timeline', 'SENTINEL-private-step', 'SENTINEL-notice', 'SENTINEL-review', 'SENTINEL-draft', 'YSQ-2026-999999'];

function expectNothingInternal(text: string) {
  for (const s of SENTINELS) expect(text, s).not.toContain(s);
  for (const who of [people.clerk, people.clerk2, people.head]) {
    expect(text, who.id).not.toContain(who.id);
    expect(text, who.displayName).not.toContain(who.displayName);
  }
}

describe('/api/requests/track', () => {
  async function caseAwaitingSupplement() {
    const p = await portal();
    await saveAgencyProfile(p.deps);
    const form = citizenForm({ name: '李四', contact: { phone: '13812345678' }, requested: { documentTitle: '某某文件' } });
    const receipt = (await (await p.app.request('/api/requests', json({ nonce: 'track-dto-0001', form }))).json()) as { trackingNumber: string; accessCode: string };
    const tn = receipt.trackingNumber;
    const clerk = await p.tokenFor(people.clerk);
    const head = await p.tokenFor(people.head);
    const clerk2 = await p.tokenFor(people.clerk2);
    for (const [token, path, body] of [
      [clerk, 'act', { command: 'register' }],
      [head, 'reassign', { handlerId: people.clerk2.id, handlerName: people.clerk2.displayName, reason: '内部理由：业务量调整' }],
      [clerk2, 'act', { command: 'requestSupplement', fields: { deficiencies: '请写明报告的具体年份' } }],
      ['review', 'notice-review', { noticeId: 'supplement-1' }],
      [clerk2, 'notice-serve', { noticeId: 'supplement-1', service: { method: 'handed-over', deviationReason: '申请人到窗口领取' } }],
    ] as const) {
      // The 补正告知书's review stages are signed on the review's own pages (the secrecy API).
      if (token === 'review') {
        await approveNotice(p.deps, tn, 'supplement-1');
        continue;
      }
      const res = await p.app.request(`/api/requests/${tn}/${path}`, json(body, token));
      expect(res.status, path).toBe(200);
    }
    // Fields the stored record might gain, at every level the applicant's read model touches.
    const repo = new RequestRepository(p.records);
    const stored = (await repo.get(tn))!;
    const s = stored.data;
    const grown = {
      ...s,
      internalNote: 'SENTINEL-internal-note',
      requested: { ...s.requested, internalMemo: 'SENTINEL-requested' },
      timeline: [
        ...s.timeline.map((t) => ({ ...t, internal: 'SENTINEL-timeline' })),
        {
          at: '2026-03-02T03:00:00.000Z',
          on: '2026-03-02',
          type: 'internalStep',
          label: '内部步骤',
          actor: { kind: 'staff', id: people.head.id, name: people.head.displayName },
          public: false,
          note: 'SENTINEL-private-step',
        },
      ],
      supplementNotice: { ...s.supplementNotice!, handlerRemark: 'SENTINEL-notice' },
      review: { id: 'SENTINEL-review', version: 1 },
      draft: { internal: 'SENTINEL-draft' },
      duplicates: [{ earlierTrackingNumber: 'YSQ-2026-999999', similarity: 0.9, sameDocumentNumber: false }],
    } as unknown as typeof s;
    await p.records.commit([RequestRepository.updateChange(grown, stored.version, { type: 'request.test', actor: { kind: 'system', id: 'test' } })]);
    return { ...p, tn, receipt };
  }

  it('shows what the tracking page shows and nothing the stored record gains', async () => {
    const { app, receipt } = await caseAwaitingSupplement();
    const res = await app.request('/api/requests/track', json({ trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode }));
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNothingInternal(text);
    expect(text).not.toContain('内部理由'); // the reassignment is not a step shown to the applicant
    expect(text).not.toContain(ID_NUMBER);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(applicantTrackingSchema.parse(body)).toEqual(body); // nothing beyond the schema
    expect(body).toMatchObject({
      trackingNumber: receipt.trackingNumber,
      status: 'supplement-requested',
      applicantName: '李四',
      requested: { documentTitle: '某某文件' },
      awaitingSupplement: true,
      supplementNotice: { deficiencies: ['请写明报告的具体年份'] },
      canReplyToSupplement: true,
    });
    const timeline = body['timeline'] as Record<string, unknown>[];
    expect(timeline.map((t) => t['label'])).toEqual(['网上提交申请', '登记受理', '送达政府信息公开申请补正告知书']);
    for (const step of timeline) expect(Object.keys(step).sort()).toEqual(expect.arrayContaining(['at', 'label', 'on']));
    for (const step of timeline) expect(step).not.toHaveProperty('actor');
  });

  it('answers the applicant’s own step without the handler', async () => {
    const { app, receipt } = await caseAwaitingSupplement();
    const res = await app.request(`/api/requests/${receipt.trackingNumber}/supplement`, json({ accessCode: receipt.accessCode, text: '报告年份为2025年' }));
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNothingInternal(text);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(applicantCaseSummarySchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ trackingNumber: receipt.trackingNumber, status: 'supplement-requested' });
    expect(body).not.toHaveProperty('handlerId');
  });

  it('is described by its schema in the OpenAPI document', async () => {
    const { app } = await portal();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: { 'application/json': { schema: { properties?: Record<string, unknown> } } } }> }>>;
    };
    const tracked = doc.paths['/api/requests/track']!['post']!.responses['200']!.content!['application/json'].schema;
    expect(Object.keys(tracked.properties ?? {})).toEqual(expect.arrayContaining(['trackingNumber', 'statusLabel', 'timeline', 'answer', 'canWithdraw']));
    const withdrawn = doc.paths['/api/requests/{tn}/withdraw']!['post']!.responses['200']!.content!['application/json'].schema;
    expect(Object.keys(withdrawn.properties ?? {})).not.toContain('handlerId');
  });
});

describe('/api/corrections/track', () => {
  it('shows what the tracking page shows and nothing the stored case gains', async () => {
    const { app, deps, records } = await portal();
    const form = {
      name: '张三',
      idNumber: validResidentId(),
      email: 'zhang@example.com',
      recordDescription: '2026年第一批低保审核结果公示',
      itemId: 'item-7',
      inaccuracy: '公示中我的家庭人口数写为2人。',
      requestedCorrection: '应为3人。',
    };
    const { trackingNumber: tn, accessCode } = await submitCorrection(deps, { form, nonce: 'nonce-track-dto', evidence: [{ fileName: '户口簿.pdf', bytes: PDF_BYTES }] }, { ip: '10.1.1.1' });
    await actOnCorrection(deps, people.clerk, tn, 'register', {});
    const repo = new CorrectionRepository(records);
    const stored = (await repo.get(tn))!;
    const d = stored.data;
    const grown = {
      ...d,
      internalNote: 'SENTINEL-internal-note',
      case: { ...d.case, secrecyReviewId: 'SENTINEL-review', handlerRemark: 'SENTINEL-internal-note' },
      record: { ...d.record, internalMemo: 'SENTINEL-requested' },
      timeline: [
        ...d.timeline.map((t) => ({ ...t, internal: 'SENTINEL-timeline' })),
        { ...d.timeline[0]!, label: '内部步骤', public: false, note: 'SENTINEL-private-step', actor: { kind: 'staff', id: people.head.id, name: people.head.displayName } },
      ],
    } as unknown as typeof d;
    await records.commit([CorrectionRepository.updateChange(grown, stored.version, { type: 'correction.test', actor: { kind: 'system', id: 'test' } })]);

    const res = await app.request('/api/corrections/track', json({ trackingNumber: tn, accessCode }));
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNothingInternal(text);
    expect(text).not.toContain(form.idNumber);
    expect(text).not.toContain('zhang@example.com');
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(correctionTrackingSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ kind: 'correction', trackingNumber: tn, status: 'registered', record: form.recordDescription });
    expect((body['timeline'] as { label: string }[]).map((t) => t.label)).not.toContain('内部步骤');

    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: { 'application/json': { schema: { properties?: Record<string, unknown> } } } }> }>>;
    };
    const schema = doc.paths['/api/corrections/track']!['post']!.responses['200']!.content!['application/json'].schema;
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['trackingNumber', 'statusLabel', 'timeline', 'canWithdraw']));
  });
});
