import { describe, expect, it } from 'vitest';
import { saveScheduleOverride } from '#application/calendar';
import { getClarificationCase, reportClarification } from '#application/clarifications';
import { actOnCorrection, getCorrection, submitCorrection } from '#application/corrections';
import { validResidentId } from '../secrecy/support';
import { caseDeps, PDF_BYTES, people } from './support';

describe('clarification and correction deadlines', () => {
  it('register their kinds, and move when the calendar changes', async () => {
    const { deps } = caseDeps();
    expect(deps.caseTypes.deadlineKinds()).toEqual(expect.arrayContaining(['clarification', 'correction']));
    expect(deps.caseTypes.deadlineLabel('correction')).toBe('更正申请答复期限');
    const { reference } = await reportClarification(deps, { outlet: 'o', description: 'd' }, [], { ip: 'a' });
    const form = { name: '张三', idNumber: validResidentId(), phone: '13800138000', recordDescription: 'r', inaccuracy: 'i', requestedCorrection: 'c' };
    const { trackingNumber } = await submitCorrection(deps, { form, nonce: 'nonce-deadline', evidence: [{ fileName: 'e.pdf', bytes: PDF_BYTES }] }, { ip: 'a' });
    await actOnCorrection(deps, people.clerk, trackingNumber, 'register', {});
    expect((await getClarificationCase(deps, people.clerk, reference)).record.data.case.due).toBe('2026-03-04');
    expect((await getCorrection(deps, people.clerk, trackingNumber)).record.data.case.due).toBe('2026-03-30');

    const local = {
      scope: 'local',
      year: 2026,
      region: '示例省',
      source: { title: '示例省关于临时调整的通知（测试）' },
      holidays: [{ name: '临时休息日', from: '2026-03-03', to: '2026-03-03' }],
      makeupWorkdays: [],
    };
    await saveScheduleOverride(deps, people.admin, local);

    const clar = (await getClarificationCase(deps, people.clerk, reference)).record.data;
    expect(clar.case.due).toBe('2026-03-05');
    expect(clar.openDeadline?.due).toBe('2026-03-05');
    const corr = (await getCorrection(deps, people.clerk, trackingNumber)).record.data;
    expect(corr.case.due).toBe('2026-03-31');
    expect(corr.openDeadline?.due).toBe('2026-03-31');
  });
});
