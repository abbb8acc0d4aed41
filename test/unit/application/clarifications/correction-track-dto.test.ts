import { describe, expect, it } from 'vitest';
import { actOnCorrection, findCorrectionByTracking, submitCorrection, type CorrectionTrackingView } from '#application/corrections';
import { correctionTrackingSchema, toCorrectionTrackingDto } from '#application/corrections/track-dto';
import { validResidentId } from '../secrecy/support';
import { caseDeps, PDF_BYTES, people } from './support';

const form = {
  name: '张三',
  idNumber: validResidentId(),
  email: 'zhang@example.com',
  recordDescription: '2026年第一批低保审核结果公示',
  itemId: 'item-7',
  inaccuracy: '公示中我的家庭人口数写为2人。',
  requestedCorrection: '应为3人。',
};

async function registered() {
  const { deps } = caseDeps();
  const receipt = await submitCorrection(deps, { form, nonce: 'nonce-track-dto', evidence: [{ fileName: '户口簿.pdf', bytes: PDF_BYTES }] }, { ip: '10.1.1.1' });
  await actOnCorrection(deps, people.clerk, receipt.trackingNumber, 'register', {});
  return { deps, receipt, view: await findCorrectionByTracking(deps, receipt.trackingNumber, receipt.accessCode, { ip: '10.1.1.1' }) };
}

describe('what the applicant of a correction request is told', () => {
  it('lists what the tracking page shows, without who took each step', async () => {
    const { receipt, view } = await registered();
    const dto = toCorrectionTrackingDto(view);
    expect(dto).toMatchObject({ kind: 'correction', trackingNumber: receipt.trackingNumber, status: 'registered', record: form.recordDescription, canWithdraw: true });
    expect(dto.timeline.length).toBeGreaterThan(0);
    const text = JSON.stringify(dto);
    for (const secret of [people.clerk.id, people.clerk.displayName, form.idNumber, form.email, form.inaccuracy]) expect(text).not.toContain(secret);
    expect(correctionTrackingSchema.parse(dto)).toEqual(dto);
  });

  it('does not pass on a field the read model gains until it is listed', async () => {
    const { view } = await registered();
    const grown = {
      ...view,
      handlerName: people.clerk.displayName,
      secrecyReviewId: 'rev-internal',
      timeline: view.timeline.map((t) => ({ ...t, actor: { kind: 'staff', id: people.clerk.id }, note: '内部意见' })),
    } as CorrectionTrackingView;
    const text = JSON.stringify(toCorrectionTrackingDto(grown));
    for (const secret of [people.clerk.displayName, people.clerk.id, 'rev-internal', '内部意见']) expect(text).not.toContain(secret);
  });
});
