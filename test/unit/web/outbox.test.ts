import { describe, expect, it } from 'vitest';
import { systemActor } from '#domain/staff';
import { Outbox } from '#repositories/outbox';
import { memoryApp, staff } from '#support/memory-deps';

describe('/local/outbox', () => {
  it('shows local mode messages to staff, times in Asia/Shanghai', async () => {
    const { app, records, tokenFor } = await memoryApp();
    const message = {
      id: 'm1',
      kind: 'receipt',
      to: 'zhang@example.com',
      subject: '政府信息公开申请受理回执',
      text: '您的申请已收到。\n查询码：ABCD',
      reference: 'YSQ-2026-000001',
      createdAt: '2026-03-02T17:30:00.000Z',
    };
    await records.commit([Outbox.enqueue(message, { type: 'outbox.queued', actor: systemActor('test') })]);
    const response = await app.request('/local/outbox', { headers: { authorization: `Bearer ${await tokenFor(staff(['clerk']))}` } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('政府信息公开申请受理回执');
    expect(html).toContain('2026-03-03 01:30');
  });

  it('does not exist outside local mode', async () => {
    const { app, deps, tokenFor } = await memoryApp();
    (deps.config as { deployment: string }).deployment = 'aws';
    const response = await app.request('/local/outbox', { headers: { authorization: `Bearer ${await tokenFor(staff(['clerk']))}` } });
    expect(response.status).toBe(404);
  });
});
