import { describe, expect, it } from 'vitest';
import { saveScheduleOverride } from '#application/calendar';
import { getClarificationCase, reportClarification } from '#application/clarifications';
import { actOnCorrection, getCorrection, submitCorrection } from '#application/corrections';
import { validResidentId } from '../secrecy/support';
import { caseDeps, PDF_BYTES, people } from './support';

describe('clarification and correction deadlines', () => {
  it('register their kinds; a correction moves when the calendar changes, a clarification (counted in hours) does not', async () => {
    const { deps } = caseDeps();
    expect(deps.caseTypes.deadlineKinds()).toEqual(expect.arrayContaining(['clarification', 'correction']));
    expect(deps.caseTypes.deadlineLabel('correction')).toBe('更正申请答复期限');
    const { reference } = await reportClarification(deps, { outlet: 'o', description: 'd' }, [], { ip: 'a' });
    const form = { name: '张三', idNumber: validResidentId(), phone: '13800138000', recordDescription: 'r', inaccuracy: 'i', requestedCorrection: 'c' };
    const { trackingNumber } = await submitCorrection(deps, { form, nonce: 'nonce-deadline', evidence: [{ fileName: 'e.pdf', bytes: PDF_BYTES }] }, { ip: 'a' });
    await actOnCorrection(deps, people.clerk, trackingNumber, 'register', {});
    // Reported Monday 2026-03-02 10:00 in Beijing: due 48 hours later.
    expect((await getClarificationCase(deps, people.clerk, reference)).record.data.case).toMatchObject({ dueAt: '2026-03-04T02:00:00.000Z', due: '2026-03-04' });
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

    // A rest day on 03-03 would have moved 2 working days to 03-05; 48 hours stay 48 hours.
    const clar = (await getClarificationCase(deps, people.clerk, reference)).record.data;
    expect(clar.case).toMatchObject({ dueAt: '2026-03-04T02:00:00.000Z', due: '2026-03-04' });
    expect(clar.openDeadline).toMatchObject({ dueAt: '2026-03-04T02:00:00.000Z', due: '2026-03-04' });
    const corr = (await getCorrection(deps, people.clerk, trackingNumber)).record.data;
    expect(corr.case.due).toBe('2026-03-31');
    expect(corr.openDeadline?.due).toBe('2026-03-31');
  });
});
