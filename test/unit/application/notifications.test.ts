import { describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '#adapters/memory/record-store';
import { deliverPendingMessages } from '#application/notifications';
import { sha256 } from '#config/dependencies';
import { systemActor } from '#domain/staff';
import { createLogger } from '#observability/logger';
import type { Clock } from '#ports/clock';
import type { Mailer } from '#ports/mailer';
import { Outbox } from '#repositories/outbox';

const message = (id: string) => ({ id, kind: 'receipt', to: 'a@example.com', subject: '受理回执', text: '您的申请已收到。', reference: 'YSQ-2026-000001', createdAt: '2026-03-02T02:00:00.000Z' });

function setup(send: Mailer['send']) {
  let now = Date.parse('2026-03-02T02:00:00.000Z');
  const clock: Clock = { now: () => new Date(now) };
  const records = new MemoryRecordStore(clock, sha256);
  const sent: string[] = [];
  const mailer: Mailer = {
    async send(m) {
      const result = await send(m);
      sent.push(m.subject);
      return result;
    },
  };
  return { records, sent, deps: { records, clock, logger: createLogger('silent'), mailer }, advance: (ms: number) => (now += ms) };
}

describe('outbox delivery', () => {
  it('sends each queued message once and drops it from the pending index', async () => {
    const { records, sent, deps } = setup(async () => ({ providerId: 'ses-1' }));
    await records.commit([Outbox.enqueue(message('m1'), { type: 'outbox.queued', actor: systemActor('test') })]);
    expect(await deliverPendingMessages(deps)).toEqual({ sent: 1, failed: 0 });
    expect(await deliverPendingMessages(deps)).toEqual({ sent: 0, failed: 0 });
    expect(sent).toEqual(['受理回执']);
    expect((await new Outbox(records).get('m1'))!.entry.delivery).toMatchObject({ status: 'sent', providerId: 'ses-1', attempts: 1 });
    expect(await new Outbox(records).pending(10)).toEqual([]);
  });

  it('never lets two dispatchers running at once send the same message', async () => {
    const { records, sent, deps } = setup(async () => {
      await new Promise((r) => setTimeout(r, 5));
      return { providerId: 'x' };
    });
    await records.commit([Outbox.enqueue(message('m1'), { type: 'outbox.queued', actor: systemActor('test') })]);
    await Promise.all([deliverPendingMessages(deps), deliverPendingMessages(deps)]);
    expect(sent).toHaveLength(1);
  });

  it('retries a failed delivery later and gives up after the last attempt', async () => {
    const { records, deps, advance } = setup(async () => {
      throw Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' });
    });
    await records.commit([Outbox.enqueue(message('m1'), { type: 'outbox.queued', actor: systemActor('test') })]);
    for (let i = 0; i < 5; i++) {
      expect(await deliverPendingMessages(deps)).toEqual({ sent: 0, failed: 1 });
      advance(60_000);
    }
    expect((await new Outbox(records).get('m1'))!.entry.delivery).toMatchObject({ status: 'failed', attempts: 5, lastError: 'TooManyRequestsException' });
    expect(await deliverPendingMessages(deps)).toEqual({ sent: 0, failed: 0 });
  });
});
