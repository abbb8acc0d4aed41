import { describe, expect, it } from 'vitest';
import { localMailbox } from '#adapters/mail/local-mailbox';
import { MemoryRecordStore } from '#adapters/memory/record-store';
import { platformCaseTypes } from '#application/case-types';
import { runStep, type CaseRunnerType, type StoredCase } from '#application/case/runner';
import { sha256 } from '#config/dependencies';
import { actorOf, defineWorkflow } from '#domain/case';
import { VersionConflictError } from '#domain/errors';
import { DEFAULT_AGENCY_POLICY } from '#domain/policy';
import { createLogger } from '#observability/logger';
import { fixedClock } from '#ports/clock';
import type { RecordKey } from '#ports/record-store';
import { Outbox } from '#repositories/outbox';

/** A two-step case type, small enough to show everything the runner owns. */
interface Probe {
  readonly id: string;
  readonly status: 'new' | 'taken' | 'done';
  readonly handlerId?: string;
}
type ProbeCommand = { type: 'take' } | { type: 'finish' };
type StoredProbe = StoredCase<Probe>;

const workflow = defineWorkflow<Probe, Probe['status'], ProbeCommand>({
  name: 'probe',
  noun: '测试案件',
  states: ['new', 'taken', 'done'],
  labels: { new: '新建', taken: '办理中', done: '已办结' },
  terminal: ['done'],
  transitions: [
    { command: 'take', label: '接办', from: ['new'], to: 'taken', roles: ['clerk'] },
    { command: 'finish', label: '办结', from: ['taken'], to: 'done', roles: ['clerk'], handlerOnly: true, visibleToApplicant: true },
  ],
  stateOf: (c) => c.status,
  withState: (c, status) => ({ ...c, status }),
  idOf: (c) => c.id,
  handlerOf: (c) => c.handlerId,
  effects: { take: (_c, _cmd, ctx) => ({ patch: { handlerId: ctx.actor.id }, data: { taken: true } }), finish: () => ({}) },
});

const key: RecordKey = { pk: 'PROBE#1', sk: 'CASE' };
const probes: CaseRunnerType<StoredProbe, Probe, Probe['status'], ProbeCommand, unknown> = {
  workflow,
  updateChange: (data, expectedVersion, event) => ({ op: 'update', write: { key, entity: 'probe', data }, expectedVersion, event }),
  context: () => ({}),
  deadline: (next, calendar) =>
    next.case.status === 'done'
      ? null
      : {
          kind: 'probe',
          caseId: next.case.id,
          title: '测试',
          due: '2026-03-30',
          provisional: false,
          calendarVersion: calendar.version,
          responsible: { id: next.case.handlerId ?? 'unassigned', name: next.handlerName ?? '待登记' },
        },
};
const clerk = { id: 'id-clerk', username: 'clerk', displayName: '经办人甲', roles: ['clerk' as const] };

async function setup() {
  const clock = fixedClock('2026-03-02T02:00:00.000Z');
  const records = new MemoryRecordStore(clock, sha256);
  const deps = { records, clock, logger: createLogger('silent'), policy: DEFAULT_AGENCY_POLICY, mailer: localMailbox, caseTypes: platformCaseTypes() };
  const data: StoredProbe = { case: { id: '1', status: 'new' }, timeline: [] };
  await records.commit([{ op: 'create', write: { key, entity: 'probe', data }, event: { type: 'probe.opened', actor: { kind: 'system', id: 'test' } } }]);
  return { deps, records, record: { data, version: 1 } };
}

describe('the case runner', () => {
  it('records a step once: the case, a timeline line, the handler, the deadline, the audit event named after the step', async () => {
    const { deps, records, record } = await setup();
    const { record: taken, event } = await runStep(deps, probes, record, { type: 'take' }, actorOf(clerk));
    expect(taken.version).toBe(2);
    expect(taken.data.case).toEqual({ id: '1', status: 'taken', handlerId: 'id-clerk' });
    expect(taken.data.handlerName).toBe('经办人甲');
    expect(taken.data.timeline).toEqual([{ at: '2026-03-02T02:00:00.000Z', on: '2026-03-02', type: 'take', label: '接办', actor: { kind: 'staff', id: 'id-clerk', name: '经办人甲' }, public: false }]);
    expect(taken.data.openDeadline).toMatchObject({ responsible: { id: 'id-clerk', name: '经办人甲' } });
    expect(event).toMatchObject({ type: 'probe.take', from: 'new', to: 'taken', data: { taken: true } });
    const audit = (await records.history(key)).at(-1)!;
    expect(audit).toMatchObject({ type: 'probe.take', actor: { kind: 'staff', id: 'id-clerk', name: '经办人甲' }, data: { from: 'new', to: 'taken', taken: true } });
    expect((await records.get<StoredProbe>(key))!.data).toEqual(taken.data);
  });

  it('shows applicant-visible steps publicly, closes the deadline and queues messages in the same commit', async () => {
    const { deps, records, record } = await setup();
    const { record: taken } = await runStep(deps, probes, record, { type: 'take' }, actorOf(clerk));
    const message = { id: 'm1', kind: 'probe.done', to: 'a@example.com', subject: '办结', text: '已办结', reference: '1', createdAt: '2026-03-02T02:00:00.000Z' };
    const { record: done } = await runStep(deps, probes, taken, { type: 'finish' }, actorOf(clerk), { messages: [message], note: '按期办结' });
    expect(done.data.timeline.at(-1)).toMatchObject({ type: 'finish', public: true, note: '按期办结' });
    expect(done.data.openDeadline).toBeNull();
    expect((await new Outbox(records).newest(10)).items.map((m) => [m.message.id, m.delivery.status])).toEqual([['m1', 'sent']]);
  });

  it('decides once and hands the decision to what the step owes after it (a notice quoting the state it led to)', async () => {
    const { deps, records, record } = await setup();
    const seen: string[] = [];
    const { record: taken } = await runStep(deps, probes, record, { type: 'take' }, actorOf(clerk), {
      note: '登记',
      then: ({ next, event }) => {
        seen.push(`${next.status}:${event.type}`);
        return {
          note: `已由${next.handlerId}接办`,
          messages: [{ id: 'm2', kind: 'probe.taken', to: 'a@example.com', subject: '接办', text: next.status, reference: '1', createdAt: '2026-03-02T02:00:00.000Z' }],
        };
      },
    });
    expect(seen).toEqual(['taken:probe.take']);
    expect(taken.data.timeline.at(-1)).toMatchObject({ type: 'take', note: '已由id-clerk接办' });
    expect((await new Outbox(records).newest(10)).items.map((m) => [m.message.id, m.message.text])).toEqual([['m2', 'taken']]);
  });

  it('refuses a stale version and an illegal step without writing anything', async () => {
    const { deps, records, record } = await setup();
    await expect(runStep(deps, probes, record, { type: 'take' }, actorOf(clerk), { expectedVersion: 7 })).rejects.toBeInstanceOf(VersionConflictError);
    await expect(runStep(deps, probes, record, { type: 'finish' }, actorOf(clerk))).rejects.toThrow('当前状态为「新建」，不能执行「办结」。');
    expect(await records.history(key)).toHaveLength(1);
  });
});
