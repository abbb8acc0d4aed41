import { describe, expect, it } from 'vitest';
import { actOnClarification, getClarificationCase, reportClarification } from '#application/clarifications';
import { actOnCorrection, findCorrectionByTracking, getCorrection, submitCorrection } from '#application/corrections';
import { ClarificationRepository } from '#repositories/clarifications';
import { CorrectionRepository } from '#repositories/corrections';
import { validResidentId } from '../secrecy/support';
import { caseDeps, PDF_BYTES, people } from './support';

const system = { type: 'test.legacy', actor: { kind: 'system' as const, id: 'test' }, data: {} };

describe('records stored before the case kernel', () => {
  it('a clarification with an old timeline reads, takes a step, and is written back in the kernel shape', async () => {
    const { deps } = caseDeps();
    const { reference } = await reportClarification(deps, { outlet: '某网站', description: '不实传言' }, [], { ip: '10.0.0.1' });
    const repo = new ClarificationRepository(deps.records);
    const stored = (await repo.get(reference))!;
    const old = [{ at: '2026-03-02T02:00:00.000Z', command: 'report', label: '收到公众反映', by: { id: 'public' } }];
    await deps.records.commit([ClarificationRepository.updateChange({ ...stored.data, timeline: old } as never, stored.version, system)]);

    const view = await getClarificationCase(deps, people.clerk, reference);
    expect(view.record.data.timeline).toEqual([{ at: '2026-03-02T02:00:00.000Z', on: '2026-03-02', type: 'report', label: '收到公众反映', actor: { kind: 'applicant', id: 'public' }, public: false }]);
    const next = await actOnClarification(deps, people.clerk, reference, 'startAssessment', { expectedVersion: view.record.version });
    expect(next.data.timeline.map((t) => [t.type, t.actor.kind, t.actor.name])).toEqual([
      ['report', 'applicant', undefined],
      ['startAssessment', 'staff', people.clerk.displayName],
    ]);
    expect(next.data.openDeadline?.responsible).toEqual({ id: people.clerk.id, name: people.clerk.displayName });
  });

  it('a correction with an old timeline still shows its public lines on the tracking page', async () => {
    const { deps } = caseDeps();
    const form = { name: '张三', idNumber: validResidentId(), phone: '13800138000', recordDescription: 'r', inaccuracy: 'i', requestedCorrection: 'c' };
    const { trackingNumber: tn, accessCode } = await submitCorrection(deps, { form, nonce: 'nonce-legacy', evidence: [{ fileName: 'e.pdf', bytes: PDF_BYTES }] }, { ip: 'l' });
    const repo = new CorrectionRepository(deps.records);
    const stored = (await repo.get(tn))!;
    const old = [
      { at: '2026-03-02T02:00:00.000Z', command: 'submit', label: '网上提交更正申请', by: { id: tn }, public: true },
      { at: '2026-03-02T03:00:00.000Z', command: 'note', label: '内部备注', by: { id: people.clerk.id, name: people.clerk.displayName }, public: false },
    ];
    await deps.records.commit([CorrectionRepository.updateChange({ ...stored.data, timeline: old } as never, stored.version, system)]);

    await actOnCorrection(deps, people.clerk, tn, 'register', {});
    const view = await findCorrectionByTracking(deps, tn, accessCode, { ip: 'l' });
    expect(view.timeline.map((t) => t.label)).toEqual(['网上提交更正申请', '登记受理']);
    const staffView = await getCorrection(deps, people.clerk, tn);
    expect(staffView.record.data.timeline.map((t) => t.type)).toEqual(['submit', 'note', 'register']);
  });
});
