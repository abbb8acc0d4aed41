import { describe, expect, it } from 'vitest';
import { act, applicantView, submitOnline, trackApplication, type ApplicantView, type SubmitResult } from '#application/requests';
import { applicantCaseSummarySchema, applicantTrackingSchema, receiptSchema, toApplicantCaseSummaryDto, toApplicantTrackingDto, toReceiptDto } from '#application/requests/applicant-dto';
import { citizenForm, people, requestDeps, saveAgencyProfile, serveReviewedNotice } from './support';

/** An application whose 补正告知书 has been reviewed and served. */
async function awaitingSupplement() {
  const f = requestDeps();
  await saveAgencyProfile(f.deps);
  const receipt = await submitOnline(f.deps, { form: citizenForm(), nonce: 'nonce-applicant-dto-1' });
  await act(f.deps, people.clerk, receipt.trackingNumber, { command: 'register' });
  await act(f.deps, people.clerk, receipt.trackingNumber, { command: 'requestSupplement', fields: { deficiencies: '请写明报告的具体年份' } });
  const record = await serveReviewedNotice(f.deps, receipt.trackingNumber, 'supplement-1');
  return { ...f, receipt, record };
}

describe('what an applicant is told about their application', () => {
  it('lists what the tracking page shows: the public steps without who took them, the supplement notice', async () => {
    const f = await awaitingSupplement();
    const record = await trackApplication(f.deps, { trackingNumber: f.receipt.trackingNumber, accessCode: f.receipt.accessCode }, { ip: '10.0.0.1' });
    const view = await applicantView(f.deps, record);
    expect(JSON.stringify(view)).toContain(people.clerk.id); // the read model knows who took each step…
    const dto = toApplicantTrackingDto(view);
    const text = JSON.stringify(dto);
    expect(text).not.toContain(people.clerk.id); // …the applicant is not told
    expect(text).not.toContain(people.clerk.displayName);
    expect(dto).toMatchObject({
      trackingNumber: f.receipt.trackingNumber,
      status: 'supplement-requested',
      applicantName: '张三',
      canReplyToSupplement: true,
      supplementNotice: { deficiencies: ['请写明报告的具体年份'] },
    });
    // The applicant hears of the supplement when its notice is served, and reads the notice as signed.
    expect(dto.timeline.map((t) => t.label)).toEqual(['网上提交申请', '登记受理', '送达政府信息公开申请补正告知书']);
    expect(dto.notices.map((n) => n.document.number)).toEqual(['示例政信补〔2026〕1号']);
    expect(dto.notices[0]!.document.paragraphs).toContain('1. 请写明报告的具体年份');
    expect(applicantTrackingSchema.parse(dto)).toEqual(dto);
  });

  it('once the answer is overdue, tells the applicant their remedies, naming the bodies the agency entered', async () => {
    const f = requestDeps();
    await saveAgencyProfile(f.deps);
    const receipt = await submitOnline(f.deps, { form: citizenForm(), nonce: 'nonce-applicant-dto-2' });
    const record = await act(f.deps, people.clerk, receipt.trackingNumber, { command: 'register' });
    expect((await applicantView(f.deps, record)).overdueRemedies).toBeUndefined();
    const due = (await applicantView(f.deps, record)).answerDue!;
    f.clock.advance(60 * 24 * 40); // 40 days on: the 20 working days have run out
    const dto = toApplicantTrackingDto(await applicantView(f.deps, record));
    expect(dto.overdueRemedies).toContain(`${Number(due.slice(5, 7))}月`);
    expect(dto.overdueRemedies).toContain('行政复议机关：示例市人民政府');
    expect(dto.overdueRemedies).toContain('人民法院：示例市示例区人民法院');
    expect(dto.overdueRemedies).toContain('第五十一条');
  });

  it('does not pass on a field the read model gains until it is listed, nor a step not shown to the applicant', async () => {
    const f = await awaitingSupplement();
    const view = await applicantView(f.deps, f.record);
    const internal = {
      at: '2026-03-02T03:00:00.000Z',
      on: '2026-03-02',
      type: 'reassign',
      label: '变更承办人',
      actor: { kind: 'staff' as const, id: people.head.id, name: people.head.displayName },
      public: false,
      note: '内部理由',
    };
    const grown = {
      ...view,
      internalNote: '仅内部可见',
      requested: { ...view.requested, internalMemo: '内部批注' },
      timeline: [...view.timeline.map((t) => ({ ...t, remark: '内部意见' })), internal],
      supplementNotice: { ...view.supplementNotice!, handlerRemark: '内部意见' },
    } as ApplicantView;
    const text = JSON.stringify(toApplicantTrackingDto(grown));
    for (const secret of ['仅内部可见', '内部批注', '内部意见', '内部理由', '变更承办人', people.head.id]) expect(text).not.toContain(secret);
  });

  it('leaves out the note of a withdrawal, as the tracking page does', async () => {
    const f = await awaitingSupplement();
    const view = await applicantView(f.deps, f.record);
    const withdrawn = { ...view, timeline: [...view.timeline, { ...view.timeline[0]!, type: 'withdraw', label: '撤回申请', note: '撤回理由：私事' }] };
    const dto = toApplicantTrackingDto(withdrawn);
    expect(dto.timeline.at(-1)).toEqual({ at: view.timeline[0]!.at, on: view.timeline[0]!.on, label: '撤回申请' });
  });

  it('answers the applicant’s own step without the handler', async () => {
    const f = await awaitingSupplement();
    expect(f.record.data.case.handlerId).toBe(people.clerk.id);
    const dto = toApplicantCaseSummaryDto(f.record);
    expect(dto).toEqual({ trackingNumber: f.receipt.trackingNumber, version: f.record.version, status: 'supplement-requested', statusLabel: expect.any(String), provisional: false });
    expect(JSON.stringify(dto)).not.toContain(people.clerk.id);
    expect(applicantCaseSummarySchema.parse(dto)).toEqual(dto);
  });

  it('gives the receipt with the number of look-alike applications, not their numbers', () => {
    const result = {
      trackingNumber: 'YSQ-2026-000002',
      accessCode: 'ABCDE-FGHJK',
      receiptRule: '网上提交',
      provisional: false,
      duplicates: [{ earlierTrackingNumber: 'YSQ-2026-000001', similarity: 0.9, sameDocumentNumber: true }],
      replayed: false,
      internalNote: '仅内部可见',
    } as unknown as SubmitResult;
    const dto = toReceiptDto(result);
    expect(dto).toMatchObject({ trackingNumber: 'YSQ-2026-000002', accessCode: 'ABCDE-FGHJK', duplicates: 1, replayed: false });
    const text = JSON.stringify(dto);
    expect(text).not.toContain('YSQ-2026-000001');
    expect(text).not.toContain('仅内部可见');
    expect(receiptSchema.parse(dto)).toEqual(dto);
  });
});
