import { agencyPolicy } from '#domain/policy';
import { describe, expect, it } from 'vitest';
import { actOnCorrection, findCorrectionByTracking, getCorrection, listCorrections, submitCorrection, withdrawCorrection } from '#application/corrections';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '#domain/errors';
import { Outbox } from '#repositories/outbox';
import { editItem, getPublicItem, publishItem, reviseItem, submitItem } from '#application/catalogue';
import { approveReview as approveCatalogueReview, itemInput, publishedItem } from '../catalogue/support';
import { validResidentId } from '../secrecy/support';
import { approveReview, caseDeps, PDF_BYTES, people, saveAgencyProfile } from './support';

const form = (over: Record<string, string> = {}) => ({
  name: '张三',
  idNumber: validResidentId(),
  email: 'zhang@example.com',
  recordDescription: '2026年第一批低保审核结果公示',
  itemId: 'item-7',
  inaccuracy: '公示中我的家庭人口数写为2人。',
  requestedCorrection: '应为3人。',
  ...over,
});

async function submitted(deps: ReturnType<typeof caseDeps>['deps'], nonce = 'nonce-0001') {
  await saveAgencyProfile(deps);
  return submitCorrection(deps, { form: form(), nonce, evidence: [{ fileName: '户口簿.pdf', bytes: PDF_BYTES }] }, { ip: '10.1.1.1' });
}

describe('correction requests', () => {
  it('gives a GZ tracking number and an access code; stores the ID only masked and encrypted; mails a receipt', async () => {
    const { deps, records } = caseDeps();
    const receipt = await submitted(deps);
    expect(receipt.trackingNumber).toBe('GZ-2026-000001');
    expect(receipt.accessCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const view = await getCorrection(deps, people.clerk, receipt.trackingNumber);
    expect(view.record.data.applicant.idMasked).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    expect(JSON.stringify(view.record.data)).not.toContain(validResidentId());
    expect(JSON.stringify(view.record.data)).not.toContain(receipt.accessCode);
    expect(view.record.data.evidence).toEqual([expect.objectContaining({ contentType: 'application/pdf' })]);
    expect((await new Outbox(records).newest(10)).items.map((m) => m.message.kind)).toEqual(['correction.received']);
    expect(await listCorrections(deps)).toEqual([expect.objectContaining({ trackingNumber: 'GZ-2026-000001', status: 'submitted' })]);
  });

  it('takes a request from an organisation (Art. 41: 法人或者其他组织), with its code and a contact person', async () => {
    const { deps } = caseDeps();
    const organisation = form({ applicantKind: 'organisation', name: '示例科技有限公司', idNumber: '91110108MA01ABCD2X', contactPerson: '' });
    const refused = (await submitCorrection(deps, { form: organisation, nonce: 'nonce-org-1', evidence: [{ fileName: '营业执照.pdf', bytes: PDF_BYTES }] }, { ip: '10.1.1.2' }).catch(
      (x: unknown) => x,
    )) as ValidationError;
    expect(refused.fields).toEqual({ contactPerson: '请填写联系人。' });
    const receipt = await submitCorrection(
      deps,
      { form: { ...organisation, contactPerson: '王经理' }, nonce: 'nonce-org-2', evidence: [{ fileName: '营业执照.pdf', bytes: PDF_BYTES }] },
      { ip: '10.1.1.2' },
    );
    const view = await getCorrection(deps, people.clerk, receipt.trackingNumber);
    expect(view.record.data.applicant).toMatchObject({ kind: 'organisation', name: '示例科技有限公司', contactPerson: '王经理' });
  });

  it('validates the form: identity, a contact, the record, evidence by its bytes; refuses a double submit', async () => {
    const { deps } = caseDeps();
    const e = (await submitCorrection(deps, { form: { name: '' }, nonce: 'nonce-0002', evidence: [{ fileName: 'a.pdf', bytes: new TextEncoder().encode('not a pdf') }] }, { ip: 'x' }).catch(
      (x: unknown) => x,
    )) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(Object.keys(e.fields).sort()).toEqual(['evidence', 'idNumber', 'inaccuracy', 'name', 'phone', 'recordDescription', 'requestedCorrection']);
    await submitted(deps, 'nonce-0003');
    await expect(submitted(deps, 'nonce-0003')).rejects.toBeInstanceOf(ConflictError);
  });

  it('the applicant looks it up with the access code; a wrong code says the same as a wrong number; lookups are limited', async () => {
    const { deps } = caseDeps();
    const r = await submitted(deps);
    const view = await findCorrectionByTracking(deps, r.trackingNumber.toLowerCase(), r.accessCode.toLowerCase(), { ip: '1.2.3.4' });
    expect(view).toMatchObject({ kind: 'correction', statusLabel: '待登记', timeline: [{ label: '网上提交更正申请' }] });
    await expect(findCorrectionByTracking(deps, r.trackingNumber, 'AAAAAAAAAA', { ip: '1.2.3.4' })).rejects.toThrow('申请编号或查询码不正确');
    await expect(findCorrectionByTracking(deps, 'GZ-2026-000099', r.accessCode, { ip: '1.2.3.4' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(findCorrectionByTracking(deps, 'YSQ-2026-000001', r.accessCode, { ip: '1.2.3.4' })).rejects.toBeInstanceOf(ValidationError);
    // Ten wrong codes from anywhere slow the number down for everyone (one lookup per 10 s).
    for (let i = 0; i < 10; i++) await findCorrectionByTracking(deps, r.trackingNumber, 'AAAAAAAAAA', { ip: `5.5.5.${i}` }).catch(() => undefined);
    await expect(findCorrectionByTracking(deps, r.trackingNumber, r.accessCode, { ip: '6.6.6.6' })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('uses the period the agency configured', async () => {
    const { deps } = caseDeps();
    const configured = { ...deps, policy: agencyPolicy({ correction: { workingDays: 10 } }) };
    const { trackingNumber: tn } = await submitted(configured, 'nonce-period');
    const r = await actOnCorrection(configured, people.clerk, tn, 'register', {});
    expect(r.data.case).toMatchObject({ receivedOn: '2026-03-02', due: '2026-03-16' });
  });

  it('is registered (20 working days), corrected as a new version, answered through review and release, with remedies', async () => {
    const { deps, records } = caseDeps();
    await saveAgencyProfile(deps);
    const itemId = await publishedItem(deps, { title: '2026年第一批低保审核结果公示', documentNumber: '', body: '张三家庭，家庭人口2人。' });
    const { trackingNumber: tn, accessCode } = await submitCorrection(
      deps,
      { form: form({ itemId }), nonce: 'nonce-item', evidence: [{ fileName: '户口簿.pdf', bytes: PDF_BYTES }] },
      { ip: '10.1.1.1' },
    );
    let r = await actOnCorrection(deps, people.clerk, tn, 'register', {});
    expect(r.data.case).toMatchObject({ status: 'registered', receivedOn: '2026-03-02', due: '2026-03-30', handlerId: people.clerk.id });
    expect(r.data.openDeadline).toMatchObject({ kind: 'correction', due: '2026-03-30' });
    r = await actOnCorrection(deps, people.clerk, tn, 'startAssessment', {});
    r = await actOnCorrection(deps, people.clerk, tn, 'decideCorrect', { plannedCorrection: '家庭人口数更正为3人' });
    // The correction is made in the catalogue: a new version, reviewed and published; v1 stays in the history.
    await expect(actOnCorrection(deps, people.clerk, tn, 'recordCorrection', { recordType: 'item', recordId: itemId, summary: 'x' })).rejects.toThrow('更正后的版本尚未发布');
    await reviseItem(deps, people.clerk, itemId, '2026-03-02');
    await editItem(deps, people.clerk, itemId, itemInput({ title: '2026年第一批低保审核结果公示', documentNumber: '', body: '张三家庭，家庭人口3人。' }));
    const submitted = await submitItem(deps, people.clerk, itemId);
    await approveCatalogueReview(deps, submitted.review!.id);
    await publishItem(deps, people.clerk, itemId);
    r = await actOnCorrection(deps, people.clerk, tn, 'recordCorrection', { recordType: 'item', recordId: itemId, summary: '家庭人口数由2人更正为3人' });
    expect(r.data.case.corrected).toMatchObject({ recordId: itemId, previousVersion: 1, newVersion: 2 });
    const { item } = await getPublicItem(deps, itemId);
    expect(item.version).toBe(2);
    expect(item.revisions.map((v) => v.version)).toEqual([1, 2]);
    expect(item.revisions[0]).toMatchObject({ version: 1, corrected: '家庭人口数由2人更正为3人' });
    expect(item.revisions[1]!.corrected).toBeUndefined();
    await expect(actOnCorrection(deps, people.clerk, tn, 'release', {})).rejects.toBeInstanceOf(ConflictError);
    r = await actOnCorrection(deps, people.clerk, tn, 'draftAnswer', {});
    expect(r.data.letterText).toContain('家庭人口数由2人更正为3人');
    expect(r.data.letterText).toContain('六个月内');
    // Numbered in the correction series; a redraft keeps the number.
    expect(r.data.letterText).toContain('示例政信更〔2026〕1号');
    r = await actOnCorrection(deps, people.clerk, tn, 'draftAnswer', {});
    expect(r.data.letterNumber).toBe('示例政信更〔2026〕1号');
    r = await actOnCorrection(deps, people.clerk, tn, 'submitForSecrecyReview', {});
    await expect(actOnCorrection(deps, people.clerk, tn, 'recordReviewApproved', {})).rejects.toThrow('保密审查尚未通过');
    await approveReview(deps, r.data.case.secrecyReviewId!);
    r = await actOnCorrection(deps, people.clerk, tn, 'recordReviewApproved', {});
    r = await actOnCorrection(deps, people.clerk, tn, 'release', { expectedVersion: r.version });
    expect(r.data.case.status).toBe('answered');
    expect(r.data.openDeadline).toBeNull();
    const view = await findCorrectionByTracking(deps, tn, accessCode, { ip: '7.7.7.7' });
    expect(view).toMatchObject({ statusLabel: '已答复', outcomeLabel: '予以更正', answeredOn: '2026-03-02' });
    expect(view.answerText).toContain('更正申请答复告知书');
    expect(JSON.stringify(view)).not.toContain('审查单');
    expect((await new Outbox(records).newest(10)).items.map((m) => m.message.kind).sort()).toEqual(['correction.answered', 'correction.received']);
    r = await actOnCorrection(deps, people.clerk, tn, 'close', {});
    expect(r.data.case.status).toBe('closed');
  });

  it('the applicant can withdraw before the answer, with the access code', async () => {
    const { deps } = caseDeps();
    const { trackingNumber: tn, accessCode } = await submitted(deps);
    await actOnCorrection(deps, people.clerk, tn, 'register', {});
    expect((await findCorrectionByTracking(deps, tn, accessCode, { ip: 'w' })).canWithdraw).toBe(true);
    await expect(withdrawCorrection(deps, tn, 'AAAAAAAAAA', { ip: 'w' })).rejects.toBeInstanceOf(NotFoundError);
    const view = await withdrawCorrection(deps, tn, accessCode, { ip: 'w' });
    expect(view).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(view.timeline.map((t) => t.label)).toContain('申请人撤回申请');
    expect((await getCorrection(deps, people.clerk, tn)).record.data.openDeadline).toBeNull();
    await expect(withdrawCorrection(deps, tn, accessCode, { ip: 'w' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('refusals and referrals carry reasons into the letter', async () => {
    const { deps } = caseDeps();
    const { trackingNumber: tn } = await submitted(deps);
    await actOnCorrection(deps, people.clerk, tn, 'register', {});
    await actOnCorrection(deps, people.clerk, tn, 'startAssessment', {});
    await expect(actOnCorrection(deps, people.clerk2, tn, 'decideRefer', { competentAgency: '市公安局', reasons: 'x' })).rejects.toThrow('无权');
    await actOnCorrection(deps, people.clerk, tn, 'decideRefer', { competentAgency: '市公安局', reasons: '户籍信息由公安机关登记' });
    const r = await actOnCorrection(deps, people.clerk, tn, 'draftAnswer', {});
    expect(r.data.letterText).toContain('转送有权更正的行政机关（市公安局）');
  });
});
