import { describe, expect, it } from 'vitest';
import { act, applicantView, discardNotice, editNotice, requestCase, serveNotice, submitNoticeForReview, submitOnline } from '#application/requests';
import { returnReview, signReviewStage } from '#application/secrecy';
import { isoDate, shippedWorkingCalendar } from '#domain/calendar';
import { ConflictError } from '#domain/errors';
import { Outbox } from '#repositories/outbox';
import { RequestRepository } from '#repositories/requests';
import { keys } from '#repositories/keys';
import { ReleaseRepository } from '#repositories/review-releases';
import { approveNotice, checklist, citizenForm, people, requestDeps, saveAgencyProfile, serveReviewedNotice } from './support';

/*
 * A procedural notice is a document the agency signs: the step drafts it, numbered in its kind's
 * own series; nothing reaches the applicant before its review is approved; its service starts the
 * period it governs (Art. 30 from receipt; Art. 33 an extension only once served in time).
 */
let n = 0;
async function registered(overrides: Record<string, unknown> = {}) {
  const f = requestDeps();
  await saveAgencyProfile(f.deps);
  const { trackingNumber: tn } = await submitOnline(f.deps, { form: citizenForm(overrides), nonce: `nonce-notices-${++n}-abcdef` });
  await act(f.deps, people.clerk, tn, { command: 'register' });
  const load = async () => (await new RequestRepository(f.records).get(tn))!;
  const mails = async () => (await new Outbox(f.records).newest(20)).items.map((m) => m.message);
  return { ...f, tn, load, mails };
}

describe('补正告知书', () => {
  it('is drafted by the step, numbered in its own series, and tells the applicant nothing before review', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'requestSupplement', fields: { deficiencies: '请写明报告的具体年份\n请说明需要的附表名称', periodWorkingDays: '10' } });
    const notice = (await f.load()).data.notices![0]!;
    expect(notice).toMatchObject({ id: 'supplement-1', kind: 'supplement', issuedOn: '2026-03-02' });
    expect(notice.document.number).toBe('示例政信补〔2026〕1号');
    expect(notice.document.paragraphs).toContain('1. 请写明报告的具体年份');
    expect(notice.document.paragraphs.join('')).toContain('请您自收到本告知书之日起10个工作日内补正');
    // No mail, no copy, and the step is not taken: the case waits for nothing until it is served.
    expect((await f.mails()).map((m) => m.kind)).not.toContain('request.notice.supplement');
    expect((await f.load()).data.case.status).toBe('registered');
    expect((await f.load()).data.openDeadline?.due).toBe('2026-03-30');
    // One notice of a kind at a time.
    await expect(act(f.deps, people.clerk, f.tn, { command: 'requestSupplement', fields: { deficiencies: '另一项' } })).rejects.toThrow('已有尚未送达的政府信息公开申请补正告知书');
    expect((await requestCase(f.deps, people.clerk, f.tn)).commands).not.toContain('requestSupplement');
    await expect(serveNotice(f.deps, people.clerk, f.tn, 'supplement-1')).rejects.toThrow('保密审查尚未通过');
    expect((await applicantView(f.deps, await f.load())).notices).toEqual([]);
  });

  it('served in person after review starts the applicant’s period on the day of signing', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'requestSupplement', fields: { deficiencies: '请写明报告的具体年份', periodWorkingDays: '5' } });
    await approveNotice(f.deps, f.tn, 'supplement-1');
    expect((await requestCase(f.deps, people.clerk, f.tn)).notices[0]).toMatchObject({ approved: true, reviewStatus: 'approved' });
    f.clock.advance(24 * 60); // 2026-03-03
    await serveNotice(f.deps, people.clerk, f.tn, 'supplement-1', { service: { method: 'handed-over', servedOn: '2026-03-03', deviationReason: '申请人到窗口领取' } });
    const s = (await f.load()).data;
    expect(s.case.status).toBe('supplement-requested');
    expect(s.notices![0]!.served?.service).toMatchObject({ method: 'handed-over', signedOn: '2026-03-03' });
    // Five working days from the day after receipt: 3-04 … 3-10.
    expect(s.supplementNotice!.applicantDue).toBe('2026-03-10');
    const release = await new ReleaseRepository(f.records).get(s.notices![0]!.served!.releaseId);
    expect(release).toMatchObject({ target: 'applicant', subject: { type: 'notice', id: `${f.tn}/supplement-1` } });
    const view = await applicantView(f.deps, await f.load());
    expect(view.notices.map((x) => [x.document.title, x.document.number, x.servedOn])).toEqual([['政府信息公开申请补正告知书', '示例政信补〔2026〕1号', '2026-03-03']]);
    expect(view.notices[0]!.document.paragraphs).toContain('1. 请写明报告的具体年份');
    await expect(serveNotice(f.deps, people.clerk, f.tn, 'supplement-1')).rejects.toBeInstanceOf(ConflictError);
  });

  it('posted: the period waits for the recorded receipt, which is asked only for a posted notice', async () => {
    const f = await registered({ deliveryMethod: 'post', contact: { phone: '13812345678', address: '示例市人民路2号', postCode: '100000' } });
    await act(f.deps, people.clerk, f.tn, { command: 'requestSupplement', fields: { deficiencies: '请写明报告的具体年份', periodWorkingDays: '5' } });
    await expect(act(f.deps, people.clerk, f.tn, { command: 'recordSupplementNoticeServed', fields: { servedOn: '2026-03-02' } })).rejects.toThrow('邮寄送达');
    expect((await requestCase(f.deps, people.clerk, f.tn)).commands).not.toContain('recordSupplementNoticeServed');
    await approveNotice(f.deps, f.tn, 'supplement-1');
    await serveNotice(f.deps, people.clerk, f.tn, 'supplement-1', { service: { method: 'post', servedOn: '2026-03-02', postalTrackingNumber: 'XA123456789CN' } });
    expect((await f.load()).data.supplementNotice!.applicantDue).toBeUndefined();
    expect((await requestCase(f.deps, people.clerk, f.tn)).commands).toContain('recordSupplementNoticeServed');
    f.clock.advance(2 * 24 * 60);
    await act(f.deps, people.clerk, f.tn, { command: 'recordSupplementNoticeServed', fields: { servedOn: '2026-03-04' } });
    expect((await f.load()).data.supplementNotice!.applicantDue).toBe('2026-03-11');
  });

  it('the clerk rewords its paragraphs before review or after a return, never emptying one; the reviewed words are what is served', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'requestSupplement', fields: { deficiencies: '请写明报告的具体年份', periodWorkingDays: '10' } });
    const drafted = (await f.load()).data.notices![0]!.document;
    const last = drafted.paragraphs.length;
    await editNotice(f.deps, people.clerk, f.tn, 'supplement-1', { edits: { '1': '  经审查，您的申请内容不够明确，\n请按以下事项补正：  ' } });
    const edited = (await f.load()).data.notices![0]!.document;
    expect(edited.paragraphs[0]).toBe('经审查，您的申请内容不够明确，请按以下事项补正：');
    expect(edited.paragraphs.slice(1)).toEqual(drafted.paragraphs.slice(1));
    await expect(editNotice(f.deps, people.clerk, f.tn, 'supplement-1', { edits: { [String(last)]: ' \n ' } })).rejects.toThrow('段落内容不能为空');
    await expect(editNotice(f.deps, people.clerk, f.tn, 'supplement-1', { edits: { [String(last + 1)]: '多出的一段' } })).rejects.toThrow('找不到要修改的段落');
    await expect(editNotice(f.deps, people.clerk, f.tn, 'supplement-1', { edits: JSON.parse('{"__proto__":"x"}') as Record<string, string> })).rejects.toThrow('找不到要修改的段落');
    await expect(editNotice(f.deps, people.reviewer, f.tn, 'supplement-1', { edits: { '1': '审查员改写' } })).rejects.toThrow('无权');

    await submitNoticeForReview(f.deps, people.clerk, f.tn, 'supplement-1');
    await expect(editNotice(f.deps, people.clerk, f.tn, 'supplement-1', { edits: { '1': '送审后改写' } })).rejects.toThrow('审查退回后方可修改');
    const reviewId = (await f.load()).data.notices![0]!.review!.id;
    await signReviewStage(f.deps, people.clerk, reviewId, { stage: 'self', checklist: checklist(), conclusion: { type: 'disclose' } });
    await returnReview(f.deps, people.head, reviewId, { comments: '请写明补正的方式' });
    await editNotice(f.deps, people.clerk, f.tn, 'supplement-1', { edits: { '1': '经审查，您的申请内容不够明确，请通过本平台或邮寄方式按以下事项补正：' } });
    await serveReviewedNotice(f.deps, f.tn, 'supplement-1');
    const view = await applicantView(f.deps, await f.load());
    expect(view.notices[0]!.document.paragraphs[0]).toBe('经审查，您的申请内容不够明确，请通过本平台或邮寄方式按以下事项补正：');
    await expect(editNotice(f.deps, people.clerk, f.tn, 'supplement-1', { edits: { '1': '送达后改写' } })).rejects.toThrow('已送达');
  });

  it('each kind has its own series: a second case’s notice is 2号, the extension notice of another 1号', async () => {
    const a = await registered();
    await act(a.deps, people.clerk, a.tn, { command: 'requestSupplement', fields: { deficiencies: '请写明年份' } });
    const { trackingNumber: tn2 } = await submitOnline(a.deps, { form: citizenForm({ name: '李四' }), nonce: 'nonce-notices-second-abcdef' });
    await act(a.deps, people.clerk, tn2, { command: 'register' });
    await act(a.deps, people.clerk, tn2, { command: 'requestSupplement', fields: { deficiencies: '请写明年份' } });
    const second = (await new RequestRepository(a.records).get(tn2))!.data.notices![0]!;
    expect(second.document.number).toBe('示例政信补〔2026〕2号');
    expect(second.document.addressee).toBe('李四：');
    await act(a.deps, people.clerk, a.tn, { command: 'startAssessment' });
    await act(a.deps, people.clerk, a.tn, { command: 'requestExtension', fields: { workingDays: '10', reason: '需调取档案' } });
    await act(a.deps, people.head, a.tn, { command: 'approveExtension' });
    expect((await a.load()).data.notices!.map((x) => x.document.number)).toEqual(['示例政信补〔2026〕1号', '示例政信延〔2026〕1号']);
  });

  it('is sent when it is served: a notice drafted in time but served after the 7 working days is refused', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'requestSupplement', fields: { deficiencies: '请写明年份' } });
    await approveNotice(f.deps, f.tn, 'supplement-1');
    f.clock.advance(10 * 24 * 60); // 2026-03-12: the notice was due by 2026-03-11
    await expect(serveNotice(f.deps, people.clerk, f.tn, 'supplement-1', { service: { method: 'electronic' } })).rejects.toThrow('2026-03-11');
    expect((await f.load()).data.case.status).toBe('registered');
    // The clerk sets it aside with the reason; it keeps its number, and a new step is possible.
    await discardNotice(f.deps, people.clerk, f.tn, 'supplement-1', { reason: '逾期未送达，改为直接答复' });
    expect((await f.load()).data.notices![0]).toMatchObject({ discarded: { reason: '逾期未送达，改为直接答复' }, document: { number: '示例政信补〔2026〕1号' } });
    await expect(serveNotice(f.deps, people.clerk, f.tn, 'supplement-1')).rejects.toThrow('已作废');
  });
});

describe('收费通知书 and 延迟答复告知书', () => {
  it('the fee notice states the tier and the payment; the clock stops on the day it is served, not when drafted', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await act(f.deps, people.clerk, f.tn, { command: 'issueFeeNotice', fields: { method: 'per-volume', pages: '40' } });
    const notice = (await f.load()).data.notices![0]!;
    expect(notice.document.number).toBe('示例政信费〔2026〕1号');
    expect(notice.document.paragraphs.join('')).toContain('第31至40页每页10元，计100元');
    expect(notice.document.paragraphs.join('')).toContain('非税收入');
    expect((await f.load()).data.case.status).toBe('in-assessment');
    await approveNotice(f.deps, f.tn, 'fee-1');
    f.clock.advance(2 * 24 * 60); // 2026-03-04
    await serveNotice(f.deps, people.clerk, f.tn, 'fee-1', { service: { method: 'electronic' } });
    const s = (await f.load()).data;
    expect(s.case.status).toBe('fee-notice');
    expect(s.case.clock.find((e) => e.type === 'feeNoticeIssued')).toMatchObject({ date: '2026-03-04', deliveredOn: '2026-03-04' });
  });

  it('posted: the 20 working days to pay run from the applicant’s recorded receipt, and nobody is deemed to abandon before it', async () => {
    const f = await registered({ deliveryMethod: 'post', contact: { phone: '13812345678', address: '示例市人民路2号', postCode: '100000' } });
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await act(f.deps, people.clerk, f.tn, { command: 'issueFeeNotice', fields: { method: 'per-volume', pages: '40' } });
    await approveNotice(f.deps, f.tn, 'fee-1');
    await serveNotice(f.deps, people.clerk, f.tn, 'fee-1', { service: { method: 'post', postalTrackingNumber: 'XA123456789CN' } }); // posted 2026-03-02
    const feeNotice = (await f.load()).data.case.activeFeeNotice!;
    expect(feeNotice.receiptPending).toBe(true);
    expect((await requestCase(f.deps, people.clerk, f.tn)).commands).toContain('recordFeeNoticeReceived');

    // 21 working days after the posting, but the receipt is not recorded: the period has not run.
    f.clock.advance(35 * 24 * 60); // 2026-04-06
    await expect(act(f.deps, people.clerk, f.tn, { command: 'abandonNoPayment' })).rejects.toThrow('请先登记收费通知送达');
    await act(f.deps, people.clerk, f.tn, { command: 'recordFeeNoticeReceived', fields: { receivedOn: '2026-03-09' } });
    const limit = shippedWorkingCalendar().addWorkingDays(isoDate('2026-03-09'), 20).due;
    const view = await requestCase(f.deps, people.clerk, f.tn);
    expect(view.deadlines!.pauses.find((p) => p.referenceId === feeNotice.id)!.limitOn).toBe(limit);
    expect(view.commands).not.toContain('recordFeeNoticeReceived');
    await expect(act(f.deps, people.clerk, f.tn, { command: 'abandonNoPayment' })).rejects.toThrow(`缴费期限（${limit}）尚未届满`);
    await expect(act(f.deps, people.clerk, f.tn, { command: 'recordFeeNoticeReceived', fields: { receivedOn: '2026-03-10' } })).rejects.toThrow('收费通知的送达已登记');
  });

  it('served electronically, the fee notice needs no receipt recorded: the day of service is the day of receipt', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await act(f.deps, people.clerk, f.tn, { command: 'issueFeeNotice', fields: { method: 'per-volume', pages: '40' } });
    await serveReviewedNotice(f.deps, f.tn, 'fee-1', { method: 'electronic' });
    expect((await f.load()).data.case.activeFeeNotice?.receiptPending).toBeUndefined();
    expect((await requestCase(f.deps, people.clerk, f.tn)).commands).not.toContain('recordFeeNoticeReceived');
  });

  it('refuses a fee notice until the profile says how to pay', async () => {
    const f = await registered();
    const { saveCatalogueSettings } = await import('#application/catalogue/settings');
    const { demoAgencyProfile } = await import('#application/demo-data');
    await saveCatalogueSettings(f.deps, people.admin, { profile: { ...demoAgencyProfile(f.deps.config), feePayment: '' } });
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await expect(act(f.deps, people.clerk, f.tn, { command: 'issueFeeNotice', fields: { method: 'per-volume', pages: '40' } })).rejects.toThrow('信息处理费缴纳方式');
    expect((await f.load()).data.notices ?? []).toEqual([]);
  });

  it('the delayed reply date applies from the service of its notice', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await act(f.deps, people.head, f.tn, { command: 'setDelayedReply', fields: { due: '2026-05-29', reason: '所申请的信息共涉及120个事项' } });
    expect((await f.load()).data.openDeadline?.due).toBe('2026-03-30');
    expect((await f.load()).data.notices![0]!.document.paragraphs[0]).toContain('将于2026年5月29日前作出答复');
    await approveNotice(f.deps, f.tn, 'delay-1');
    await serveNotice(f.deps, people.clerk, f.tn, 'delay-1', { service: { method: 'electronic' } });
    expect((await f.load()).data.openDeadline?.due).toBe('2026-05-29');
  });
});

describe('延期答复告知书', () => {
  async function approvedExtension() {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await act(f.deps, people.clerk, f.tn, { command: 'requestExtension', fields: { workingDays: '20', reason: '需调取多个年度档案' } });
    await act(f.deps, people.head, f.tn, { command: 'approveExtension' });
    return f;
  }

  it('states the reason, the approver and the new due date, and the extension waits for its service', async () => {
    const f = await approvedExtension();
    const s = (await f.load()).data;
    const text = s.notices![0]!.document.paragraphs[0]!;
    expect(text).toContain('因需调取多个年度档案');
    expect(text).toContain(`负责人${people.head.displayName}同意`);
    expect(text).toContain('将于2026年4月28日前作出答复');
    // Approved but not served: the original due date holds, and no mail says otherwise.
    expect(s.openDeadline?.due).toBe('2026-03-30');
    expect((await f.mails()).map((m) => m.kind)).not.toContain('request.extension');
    await approveNotice(f.deps, f.tn, 'extension-1');
    await serveNotice(f.deps, people.clerk, f.tn, 'extension-1', { service: { method: 'electronic', servedOn: '2026-03-02' } });
    expect((await f.load()).data.openDeadline?.due).toBe('2026-04-28');
    // The applicant's timeline says what was served and how, never by whom (staff names stay internal).
    const line = (await applicantView(f.deps, await f.load())).timeline.at(-1)!;
    expect(line).toMatchObject({ label: '送达政府信息公开申请延期答复告知书', note: '政府信息公开申请延期答复告知书（示例政信延〔2026〕1号）于2026年3月2日电子送达' });
    expect(JSON.stringify(line.note)).not.toContain(people.clerk.displayName);
    // Electronic service is the reviewed notice itself in the applicant's mailbox.
    const mail = (await f.mails()).find((m) => m.kind === 'request.notice.extension')!;
    expect(mail.text).toContain('示例政信延〔2026〕1号');
    expect(mail.text).toContain('将于2026年4月28日前作出答复');
  });

  it('served after the original period ended is refused, and the due date stays', async () => {
    const f = await approvedExtension();
    await approveNotice(f.deps, f.tn, 'extension-1');
    f.clock.advance(30 * 24 * 60); // 2026-04-01, after 2026-03-30
    await expect(serveNotice(f.deps, people.clerk, f.tn, 'extension-1', { service: { method: 'electronic' } })).rejects.toThrow('原答复期限');
    expect((await f.load()).data.openDeadline?.due).toBe('2026-03-30');
    expect((await f.load()).data.notices![0]!.served).toBeUndefined();
  });

  it('only the roles that send the answer to review may send a notice, and a notice goes to review once', async () => {
    const f = await approvedExtension();
    await expect(submitNoticeForReview(f.deps, people.reviewer, f.tn, 'extension-1')).rejects.toThrow('无权');
    await submitNoticeForReview(f.deps, people.clerk, f.tn, 'extension-1');
    await expect(submitNoticeForReview(f.deps, people.clerk, f.tn, 'extension-1')).rejects.toThrow('已提交保密审查');
    await expect(submitNoticeForReview(f.deps, people.clerk, f.tn, 'no-such')).rejects.toThrow('告知书不存在');
  });
});

describe('征求第三方意见书 and 征求意见函', () => {
  it('the third party is asked in writing, named, without the applicant; the clock stops when the letter is served', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await act(f.deps, people.clerk, f.tn, { command: 'startThirdPartyConsultation', fields: { consultee: '示例建设工程有限公司', concerning: '投标报价明细' } });
    const letter = (await f.load()).data.notices![0]!;
    expect(letter.document).toMatchObject({ number: '示例政信征〔2026〕1号', addressee: '示例建设工程有限公司：' });
    expect(JSON.stringify(letter.document)).not.toContain('张三');
    expect((await f.load()).data.case.status).toBe('in-assessment');
    await approveNotice(f.deps, f.tn, 'third-party-consultation-1');
    f.clock.advance(24 * 60); // 2026-03-03: posted to the company; no reason asked, the applicant's choice is not in play
    await serveNotice(f.deps, people.clerk, f.tn, 'third-party-consultation-1', { service: { method: 'post', postalTrackingNumber: 'XA123456789CN' } });
    const s = (await f.load()).data;
    expect(s.case.status).toBe('third-party-consultation');
    expect(s.case.clock.find((e) => e.type === 'consultationStarted')).toMatchObject({ date: '2026-03-03', kind: 'third-party', consultee: '示例建设工程有限公司' });
    // Not the applicant's: neither mailed to them nor on their tracking page.
    expect((await f.mails()).map((m) => m.kind)).not.toContain('request.notice.third-party-consultation');
    expect((await applicantView(f.deps, await f.load())).notices).toEqual([]);
    // The release says whom the letter went to: a consultee, not the applicant.
    const releases = await new ReleaseRepository(f.records).forReview(s.notices![0]!.review!.id);
    expect(releases.map((r) => r.target)).toEqual(['consultee']);
    expect((await f.records.history(keys.release(releases[0]!.id))).at(-1)?.data).toMatchObject({ recipient: 'consultee' });
  });

  it('another agency is asked by a 征求意见函 whose silence counts as consent', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await expect(act(f.deps, people.clerk, f.tn, { command: 'startAgencyConsultation', fields: {} })).rejects.toThrow('请填写征求意见的机关名称');
    await act(f.deps, people.clerk, f.tn, { command: 'startAgencyConsultation', fields: { consultee: '示例市财政局', concerning: '联合印发的预算执行情况报告' } });
    const letter = (await f.load()).data.notices![0]!;
    expect(letter.document.title).toBe('政府信息公开征求意见函');
    expect(letter.document.paragraphs.join('')).toContain('逾期未提出意见的，视为同意公开');
    await approveNotice(f.deps, f.tn, 'agency-consultation-1');
    await serveNotice(f.deps, people.clerk, f.tn, 'agency-consultation-1', { service: { method: 'electronic' } });
    expect((await f.load()).data.case.status).toBe('agency-consultation');
  });
});

describe('决定公开政府信息告知书 (Art. 32)', () => {
  it('disclosing over an objection: the head decides, the third party is served the content and the reason first', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await act(f.deps, people.clerk, f.tn, { command: 'startThirdPartyConsultation', fields: { consultee: '示例建设工程有限公司', concerning: '中标价' } });
    await serveReviewedNotice(f.deps, f.tn, 'third-party-consultation-1', { method: 'handed-over' });
    await act(f.deps, people.clerk, f.tn, { command: 'recordThirdPartyOpinion', fields: { opinion: 'objection' } });
    expect((await f.load()).data.case.thirdPartyObjectedOn).toBe('2026-03-02');
    await expect(act(f.deps, people.clerk, f.tn, { command: 'overruleObjection', fields: { content: '中标价', reason: '关系财政资金使用' } })).rejects.toThrow('无权');
    await expect(act(f.deps, people.head, f.tn, { command: 'overruleObjection', fields: { content: '中标价' } })).rejects.toThrow('公共利益');
    await act(f.deps, people.head, f.tn, { command: 'overruleObjection', fields: { content: '中标价及工程量清单', reason: '关系财政资金使用' } });
    const notice = (await f.load()).data.notices!.find((n) => n.kind === 'disclosure-over-objection')!;
    expect(notice.document).toMatchObject({ number: '示例政信告〔2026〕1号', addressee: '示例建设工程有限公司：' });
    expect(notice.document.paragraphs.join('')).toContain('决定公开的理由：关系财政资金使用。');
    expect((await f.load()).data.case.objectionOverruledOn).toBeUndefined();
    await serveReviewedNotice(f.deps, f.tn, notice.id, { method: 'handed-over' });
    expect((await f.load()).data.case.objectionOverruledOn).toBe('2026-03-02');
    expect((await applicantView(f.deps, await f.load())).notices).toEqual([]);
  });
});

describe('a service recorded after the day', () => {
  it('takes the step on the day of service: a notice handed over yesterday, recorded today', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'requestSupplement', fields: { deficiencies: '请写明年份', periodWorkingDays: '5' } });
    await approveNotice(f.deps, f.tn, 'supplement-1');
    f.clock.advance(24 * 60); // recorded 2026-03-03 for a signature of 2026-03-02
    await serveNotice(f.deps, people.clerk, f.tn, 'supplement-1', { service: { method: 'handed-over', servedOn: '2026-03-02', deviationReason: '申请人到窗口领取' } });
    const s = (await f.load()).data;
    expect(s.case.clock.find((e) => e.type === 'supplementRequested')).toMatchObject({ date: '2026-03-02', deliveredOn: '2026-03-02' });
    expect(s.supplementNotice).toMatchObject({ requestedOn: '2026-03-02', applicantDue: '2026-03-09' });
    expect(s.timeline.at(-1)).toMatchObject({ on: '2026-03-02', label: '送达政府信息公开申请补正告知书' });
  });
});
