import { isoDate } from '#domain/calendar';
import { agencyPolicy } from '#domain/policy';
import { remindLapsedSupplements, remindUnconfirmedReceipts } from '#application/requests/lapsed';
import { ReminderRepository, roleInbox } from '#repositories/reminders';
import { saveCatalogueSettings } from '#application/catalogue/settings';
import { proposeForCatalogue } from '#application/requests/convert';
import { getStaffItem } from '#application/catalogue';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewRepository } from '#repositories/reviews';
import {
  act,
  applicantView,
  confirmSecrecyReview,
  draftAnswer,
  editAnswerLetter,
  issueTrackingToken,
  reassign,
  registerByClerk,
  releaseAnswer,
  replyToSupplement,
  requestCase,
  requestQueue,
  revealIdentityNumber,
  submitAnswerForReview,
  submitOnline,
  suggestFee,
  trackApplication,
  verifyTrackingToken,
  withdrawByApplicant,
} from '#application/requests';
import { attachRedactedFile, getReview, resolveReviewFinding, signReviewStage } from '#application/secrecy';
import { DeadlineIndex } from '#repositories/deadline-index';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError, VersionConflictError } from '#domain/errors';
import { ItemRepository } from '#repositories/items';
import { losingTheRaceFor } from '#support/races';
import { CaseForbiddenError, GuardRefusedError, IllegalTransitionError } from '#domain/case';
import { Outbox } from '#repositories/outbox';
import { RequestRepository } from '#repositories/requests';
import { checklist, citizenForm, ID_NUMBER, people, privacyChecklist, requestDeps, saveAgencyProfile, serveReviewedNotice, validResidentId } from './support';

const nonce = (n = 1) => `nonce-test-${n}-abcdef`;

async function submitted(overrides: Record<string, unknown> = {}) {
  const f = requestDeps();
  await saveAgencyProfile(f.deps);
  const receipt = await submitOnline(f.deps, { form: citizenForm(overrides), nonce: nonce() });
  return { ...f, receipt, tn: receipt.trackingNumber };
}

async function registered() {
  const f = await submitted();
  await act(f.deps, people.clerk, f.tn, { command: 'register' });
  return f;
}

const load = async (f: { deps: { records: never } | ReturnType<typeof requestDeps>['deps'] }, tn: string) =>
  (await new RequestRepository((f.deps as ReturnType<typeof requestDeps>['deps']).records).get(tn))!;

describe('submitOnline', () => {
  it('stores one complete application with a tracking number, a hashed access code and a masked identity', async () => {
    const { receipt, deps, tn, records } = await submitted();
    expect(tn).toBe('YSQ-2026-000001');
    expect(receipt.accessCode).toMatch(/^[23456789A-HJKMNP-Z]{10}$/);
    expect(receipt.receivedOn).toBe('2026-03-02');
    expect(receipt.answerDue).toBe('2026-03-30');
    const record = (await new RequestRepository(records).get(tn))!;
    expect(record.data.case.status).toBe('submitted');
    expect(record.data.applicant.idMasked).toBe(`${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(-4)}`);
    const raw = JSON.stringify(record) + JSON.stringify(await records.history({ pk: `REQ#${tn}`, sk: 'REQUEST' }));
    expect(raw).not.toContain(ID_NUMBER);
    expect(raw).not.toContain(receipt.accessCode);
    // The open answer deadline is in the generic index.
    const open = await new DeadlineIndex(records).dueThrough('2026-12-31');
    expect(open.items.map((i) => [i.kind, i.caseId, i.due])).toEqual([['request', tn, '2026-03-30']]);
    // The receipt e-mail went through the outbox.
    const sent = (await new Outbox(records).newest(10)).items;
    expect(sent.map((m) => [m.message.kind, m.delivery.status])).toEqual([['request.receipt', 'sent']]);
    expect(sent[0]!.message.text).not.toContain(receipt.accessCode);
    void deps;
  });

  it('under the clerk-confirmation rule, an online application is received when a clerk confirms it', async () => {
    const f = requestDeps();
    const deps = { ...f.deps, policy: agencyPolicy({ receipt: { online: 'clerk-confirmation' } }) };
    const { trackingNumber: tn } = await submitOnline(deps, { form: citizenForm(), nonce: nonce() });
    expect((await load({ ...f, deps }, tn)).data.case.receivedOn).toBeUndefined();
    await expect(act(deps, people.clerk, tn, { command: 'register' })).rejects.toThrow('请填写确认收到申请的日期');
    await act(deps, people.clerk, tn, { command: 'register', fields: { receivedOn: '2026-03-02' } });
    expect((await load({ ...f, deps }, tn)).data.case.receivedOn).toBe('2026-03-02');
  });

  it('is idempotent: the same form and nonce give one application and the same receipt', async () => {
    const f = requestDeps();
    const [a, b] = await Promise.all([submitOnline(f.deps, { form: citizenForm(), nonce: nonce() }), submitOnline(f.deps, { form: citizenForm(), nonce: nonce() })]);
    const c = await submitOnline(f.deps, { form: citizenForm(), nonce: nonce() });
    expect(new Set([a.trackingNumber, b.trackingNumber, c.trackingNumber]).size).toBe(1);
    expect(c.accessCode).toBe(a.accessCode);
    expect(c.replayed).toBe(true);
    expect((await requestQueue(f.deps)).rows).toHaveLength(1);
    // A new form (new nonce) is a new application, flagged as a likely duplicate.
    const d = await submitOnline(f.deps, { form: citizenForm(), nonce: nonce(2) });
    expect(d.trackingNumber).not.toBe(a.trackingNumber);
    expect(d.duplicates.map((x) => x.earlierTrackingNumber)).toEqual([a.trackingNumber]);
  });

  it('rejects a bad form with field messages and stores nothing', async () => {
    const f = requestDeps();
    const error = await submitOnline(f.deps, { form: citizenForm({ idNumber: '110105194912310021', contact: {} }), nonce: nonce() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toMatchObject({ idNumber: expect.stringContaining('居民身份证号码有误'), contact: expect.stringContaining('至少填写一种联系方式') });
    expect((await requestQueue(f.deps)).rows).toHaveLength(0);
  });

  it('checks attachments by their bytes and size before storing anything', async () => {
    const f = requestDeps();
    const fake = { fileName: '身份证.pdf', bytes: new TextEncoder().encode('MZ not a pdf') };
    await expect(submitOnline(f.deps, { form: citizenForm(), nonce: nonce(), attachments: [fake] })).rejects.toThrow('附件类型不受支持');
    const big = { fileName: 'a.png', bytes: new Uint8Array(6 * 1024 * 1024) };
    await expect(submitOnline(f.deps, { form: citizenForm(), nonce: nonce(), attachments: [big] })).rejects.toThrow('附件过大');
    expect((await requestQueue(f.deps)).rows).toHaveLength(0);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    const r = await submitOnline(f.deps, { form: citizenForm(), nonce: nonce(3), attachments: [{ fileName: 'C:\\证件\\id.png', bytes: png }] });
    const record = await load(f, r.trackingNumber);
    expect(record.data.attachments.map((a) => [a.fileName, a.contentType])).toEqual([['id.png', 'image/png']]);
    expect(await f.files.get(record.data.attachments[0]!.fileKey)).toEqual(png);
  });

  it('a proxy application needs the power of attorney, stores the agent only masked, and counts against the applicant', async () => {
    const f = requestDeps();
    const agent = { name: '赵律师', idType: 'resident-id', idNumber: validResidentId('11010119800101001') };
    await expect(submitOnline(f.deps, { form: citizenForm({ agent }), nonce: nonce(1) })).rejects.toThrow('授权委托书');
    const letter = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const byAgent = await submitOnline(f.deps, { form: citizenForm({ agent }), nonce: nonce(2), attachments: [{ fileName: '授权委托书.pdf', bytes: letter }] });
    const stored = (await load(f, byAgent.trackingNumber)).data;
    expect(stored.applicant.agent).toMatchObject({ name: '赵律师', idType: 'resident-id', idMasked: expect.stringMatching(/^\d{6}\*+\d{3}[\dX]$/) });
    expect(JSON.stringify(stored)).not.toContain(agent.idNumber);
    const own = await submitOnline(f.deps, { form: citizenForm({ requested: { documentTitle: '另一份文件', description: '全文' } }), nonce: nonce(3) });
    expect((await load(f, own.trackingNumber)).data.identityHash).toBe(stored.identityHash);
  });
});

describe('registerByClerk (first-inquiry responsibility)', () => {
  it('makes the registering clerk the handler and takes the receipt date by channel', async () => {
    const f = requestDeps();
    const r = await registerByClerk(f.deps, people.clerk2, { form: citizenForm(), nonce: nonce(), channel: 'post-signed', receivedOn: '2026-02-27' });
    const record = await load(f, r.trackingNumber);
    expect(record.data.case.status).toBe('registered');
    expect(record.data.case.handlerId).toBe(people.clerk2.id);
    expect(record.data.handlerName).toBe(people.clerk2.displayName);
    expect(record.data.case.receivedOn).toBe('2026-02-27');
    expect(record.data.receiptRule).toContain('签收之日');
    await expect(registerByClerk(f.deps, people.clerk, { form: citizenForm(), nonce: nonce(2), channel: 'fax' })).rejects.toThrow('请填写收到申请的日期');
    await expect(registerByClerk(f.deps, people.reviewer, { form: citizenForm(), nonce: nonce(3), channel: 'in-person' })).rejects.toThrow('经办人');
  });

  it.each(['in-person', 'oral'] as const)('%s: the receipt date is the day it was handed in, as the clerk entered it (default today, never later)', async (channel) => {
    const f = requestDeps(); // today is 2026-03-02
    const handedIn = await registerByClerk(f.deps, people.clerk, { form: citizenForm(), nonce: nonce(1), channel, receivedOn: '2026-02-26' });
    expect((await load(f, handedIn.trackingNumber)).data.case.receivedOn).toBe('2026-02-26');
    const today = await registerByClerk(f.deps, people.clerk, { form: citizenForm({ requested: { documentTitle: '另一份文件', description: '全文' } }), nonce: nonce(2), channel });
    expect((await load(f, today.trackingNumber)).data.case.receivedOn).toBe('2026-03-02');
    await expect(registerByClerk(f.deps, people.clerk, { form: citizenForm(), nonce: nonce(3), channel, receivedOn: '2026-03-03' })).rejects.toThrow('不能晚于今天');
    await expect(registerByClerk(f.deps, people.clerk, { form: citizenForm(), nonce: nonce(4), channel, receivedOn: '2026-3-1' })).rejects.toThrow('收到申请的日期');
  });

  it('an ordinary letter records its arrival; confirmed later than the day it arrived, the arrival date is the receipt date (the agency gains no time)', async () => {
    const f = requestDeps();
    const sameDay = await registerByClerk(f.deps, people.clerk, { form: citizenForm(), nonce: nonce(1), channel: 'ordinary-letter', arrivedOn: '2026-02-26', receivedOn: '2026-02-26' });
    const onTime = (await load(f, sameDay.trackingNumber)).data;
    expect([onTime.case.receivedOn, onTime.arrivedOn]).toEqual(['2026-02-26', '2026-02-26']);
    const late = await registerByClerk(f.deps, people.clerk, {
      form: citizenForm({ requested: { documentTitle: '另一份文件', description: '全文' } }),
      nonce: nonce(2),
      channel: 'ordinary-letter',
      arrivedOn: '2026-02-24',
      receivedOn: '2026-02-27',
    });
    const stored = (await load(f, late.trackingNumber)).data;
    expect(stored.case.receivedOn).toBe('2026-02-24');
    expect(stored.receiptRule).toContain('未在收到信函当日确认');
    await expect(registerByClerk(f.deps, people.clerk, { form: citizenForm(), nonce: nonce(3), channel: 'ordinary-letter', receivedOn: '2026-02-27' })).rejects.toThrow('信函到达');
    await expect(registerByClerk(f.deps, people.clerk, { form: citizenForm(), nonce: nonce(4), channel: 'ordinary-letter', arrivedOn: '2026-02-28', receivedOn: '2026-02-27' })).rejects.toThrow(
      '早于',
    );
  });
});

describe('an ordinary letter entered on arrival, before it is confirmed (Art. 31(2))', () => {
  it('waits unreceived, reminds whoever entered it from the reminder hour of that day, and is received by 登记受理 with the confirmation date', async () => {
    const f = requestDeps(); // 2026-03-02, 10:00 in Beijing
    const { trackingNumber: tn, receivedOn } = await registerByClerk(f.deps, people.clerk2, { form: citizenForm(), nonce: nonce(1), channel: 'ordinary-letter', arrivedOn: '2026-03-02' });
    expect(receivedOn).toBeUndefined();
    const entered = (await load(f, tn)).data;
    expect(entered.case).toMatchObject({ status: 'submitted', letter: { arrivedOn: '2026-03-02' } });
    expect(entered.case.receivedOn).toBeUndefined();
    expect(entered.openDeadline).toBeNull();
    expect(entered.registeredBy?.id).toBe(people.clerk2.id);
    expect(entered.timeline[0]!.label).toBe('收到平常信函（待与申请人确认）');

    expect(await remindUnconfirmedReceipts(f.deps)).toEqual({ unconfirmed: 0, reminded: 0 });
    f.clock.advance(5 * 60); // 15:00
    expect(await remindUnconfirmedReceipts(f.deps)).toEqual({ unconfirmed: 1, reminded: 1 });
    expect(await remindUnconfirmedReceipts(f.deps)).toEqual({ unconfirmed: 1, reminded: 0 });
    f.clock.advance(12 * 60); // 03:00 the next day: overdue, reminded again
    expect(await remindUnconfirmedReceipts(f.deps)).toEqual({ unconfirmed: 1, reminded: 1 });
    const inbox = await new ReminderRepository(f.records).listFor(`STAFF#${people.clerk2.id}`);
    expect(inbox.items.map((r) => [r.kind, r.caseId, r.urgency])).toEqual([
      ['request-unconfirmed', tn, 'overdue'],
      ['request-unconfirmed', tn, 'due-today'],
    ]);
    expect(inbox.items[0]!.label).toContain('应于到达当日确认');

    // Confirmed a day late: received on the day it arrived (the agency gains no time), as typed it would not be.
    await act(f.deps, people.clerk2, tn, { command: 'register', fields: { receivedOn: '2026-03-03' } });
    const received = (await load(f, tn)).data;
    expect(received.case).toMatchObject({ status: 'registered', receivedOn: '2026-03-02', letter: { arrivedOn: '2026-03-02', confirmedOn: '2026-03-03' } });
    expect(await remindUnconfirmedReceipts(f.deps)).toEqual({ unconfirmed: 0, reminded: 0 });
  });

  it('refuses an arrival date in the future or missing', async () => {
    const f = requestDeps();
    await expect(registerByClerk(f.deps, people.clerk, { form: citizenForm(), nonce: nonce(1), channel: 'ordinary-letter', arrivedOn: '2026-03-03' })).rejects.toThrow('不能晚于今天');
    await expect(registerByClerk(f.deps, people.clerk, { form: citizenForm(), nonce: nonce(2), channel: 'ordinary-letter' })).rejects.toThrow('请填写信函到达之日');
  });
});

describe('trackApplication', () => {
  it('finds the application with the right code only, and limits guessing', async () => {
    const { deps, tn, receipt, clock } = await submitted();
    const found = await trackApplication(deps, { trackingNumber: tn.toLowerCase(), accessCode: receipt.accessCode.toLowerCase() }, { ip: '1.1.1.1' });
    expect(found.data.case.trackingNumber).toBe(tn);
    await expect(trackApplication(deps, { trackingNumber: tn, accessCode: 'AAAAAAAAAA' }, { ip: '1.1.1.1' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(trackApplication(deps, { trackingNumber: 'YSQ-2026-999999', accessCode: receipt.accessCode }, { ip: '1.1.1.1' })).rejects.toThrow('申请编号或查询码不正确');
    // Per tracking number, from anywhere: after ten wrong codes it is slowed down (one lookup per
    // 10 s for everyone), never locked, so the owner still gets in.
    for (let i = 0; i < 10; i++) await trackApplication(deps, { trackingNumber: tn, accessCode: 'WRONG' }, { ip: `2.2.2.${i}` }).catch(() => undefined);
    await expect(trackApplication(deps, { trackingNumber: tn, accessCode: receipt.accessCode }, { ip: '3.3.3.3' })).rejects.toBeInstanceOf(RateLimitedError);
    clock.advance(0.2);
    expect((await trackApplication(deps, { trackingNumber: tn, accessCode: receipt.accessCode }, { ip: '3.3.3.3' })).data.case.trackingNumber).toBe(tn);
    // Per address: 20 in ten minutes.
    for (let i = 0; i < 20; i++) await trackApplication(deps, { trackingNumber: `YSQ-2026-0000${10 + i}`, accessCode: 'X' }, { ip: '4.4.4.4' }).catch(() => undefined);
    await expect(trackApplication(deps, { trackingNumber: 'YSQ-2026-000050', accessCode: 'X' }, { ip: '4.4.4.4' })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('issues a signed, expiring tracking session for one case', async () => {
    const { deps, tn, clock } = await submitted();
    const token = issueTrackingToken(deps, tn);
    expect(verifyTrackingToken(deps, token, tn)).toBe(true);
    expect(verifyTrackingToken(deps, token, 'YSQ-2026-000002')).toBe(false);
    expect(
      verifyTrackingToken(
        deps,
        token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        tn,
      ),
    ).toBe(false);
    clock.advance(31);
    expect(verifyTrackingToken(deps, token, tn)).toBe(false);
  });
});

describe('lapsed supplement periods', () => {
  it('remind the handler once a day and abandon nothing by themselves', async () => {
    const f = await registered();
    const { deps, tn } = f;
    await act(deps, people.clerk, tn, { command: 'requestSupplement', fields: { deficiencies: '请写明报告的具体年份', periodWorkingDays: '5' } });
    // Posted: the period has not started, so nothing lapses, until the notice's receipt is recorded.
    await serveReviewedNotice(deps, tn, 'supplement-1', { method: 'post', postalTrackingNumber: 'XA123456789CN', deviationReason: '申请人要求邮寄' });
    expect((await load(f, tn)).data.supplementNotice!.applicantDue).toBeUndefined();
    f.clock.advance(60 * 24 * 14);
    expect(await remindLapsedSupplements(deps)).toEqual({ lapsed: 0, reminded: 0 });
    await act(deps, people.clerk, tn, { command: 'recordSupplementNoticeServed', fields: { servedOn: '2026-03-02' } });
    const due = (await load(f, tn)).data.supplementNotice!.applicantDue!;
    expect(due).toBe('2026-03-09');
    f.clock.advance(-60 * 24 * 14);
    expect(await remindLapsedSupplements(deps)).toEqual({ lapsed: 0, reminded: 0 });
    f.clock.advance(60 * 24 * 14); // two weeks later: the 5 working days have passed
    expect(await remindLapsedSupplements(deps)).toEqual({ lapsed: 1, reminded: 1 });
    expect(await remindLapsedSupplements(deps)).toEqual({ lapsed: 1, reminded: 0 });
    const inbox = await new ReminderRepository(f.records).listFor(`STAFF#${people.clerk.id}`);
    expect(inbox.items.map((r) => [r.kind, r.caseId, r.due])).toEqual([['request-supplement', tn, due]]);
    expect((await load(f, tn)).data.case.status).toBe('supplement-requested');
  });
});

describe('online applications awaiting confirmation (clerk-confirmation rule)', () => {
  it('are reminded to the clerks once a day from one working day on, and not under the default rule', async () => {
    const f = requestDeps();
    const deps = { ...f.deps, policy: agencyPolicy({ receipt: { online: 'clerk-confirmation' } }) };
    const { trackingNumber: tn } = await submitOnline(deps, { form: citizenForm(), nonce: nonce(1) });
    expect((await load(f, tn)).data.case.receivedOn).toBeUndefined();
    expect(await remindUnconfirmedReceipts(deps)).toEqual({ unconfirmed: 0, reminded: 0 });
    f.clock.advance(60 * 24); // 2026-03-03, one working day later
    expect(await remindUnconfirmedReceipts(deps)).toEqual({ unconfirmed: 1, reminded: 1 });
    expect(await remindUnconfirmedReceipts(deps)).toEqual({ unconfirmed: 1, reminded: 0 });
    const inbox = await new ReminderRepository(f.records).listFor(roleInbox('clerk'));
    expect(inbox.items.map((r) => [r.kind, r.caseId])).toEqual([['request-unconfirmed', tn]]);
    expect(await remindUnconfirmedReceipts(f.deps)).toEqual({ unconfirmed: 0, reminded: 0 });
  });
});

describe('staff actions', () => {
  it('register → supplement → applicant reply → record supplement restarts the clock', async () => {
    const f = await registered();
    const { deps, tn, records } = f;
    let record = await load(f, tn);
    expect(record.data.case.handlerId).toBe(people.clerk.id);
    await act(deps, people.clerk, tn, { command: 'requestSupplement', fields: { deficiencies: '请写明报告的具体年份\n请说明需要的附表名称' } });
    record = await load(f, tn);
    // The applicant is asked, and the clock stops, once the reviewed 补正告知书 is served (by e-mail here).
    expect(record.data.case.status).toBe('registered');
    expect((await applicantView(deps, record)).canReplyToSupplement).toBe(false);
    await expect(replyToSupplement(deps, tn, { text: '2025年度报告。' })).rejects.toThrow('无需补正');
    record = await serveReviewedNotice(deps, tn, 'supplement-1');
    expect(record.data.case.status).toBe('supplement-requested');
    expect(record.data.supplementNotice?.deficiencies).toHaveLength(2);
    expect(record.data.openDeadline).toBeNull();
    const view = await applicantView(deps, record);
    expect(view.canReplyToSupplement).toBe(true);
    expect(view.supplementNotice?.deficiencies[0]).toBe('请写明报告的具体年份');
    await replyToSupplement(deps, tn, { text: '2025年度报告，附表一至附表三。' });
    f.clock.advance(24 * 60);
    await act(deps, people.clerk, tn, { command: 'recordSupplement', fields: {} });
    record = await load(f, tn);
    expect(record.data.case.status).toBe('in-assessment');
    expect(record.data.openDeadline?.due).toBe('2026-03-31');
    const mails = (await new Outbox(records).newest(10)).items.map((m) => m.message.kind);
    expect(mails).toContain('request.notice.supplement');
  });

  it('refuses an illegal step with 409 and a clear message, and a stale version', async () => {
    const f = await registered();
    // The leader signs off, but not a case that is only registered (a clerk, who never may, hears 403).
    const e = await act(f.deps, people.leader, f.tn, { command: 'signOff' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IllegalTransitionError);
    expect((e as Error).message).toBe('当前状态为「已登记」，不能执行「领导签发」。');
    await expect(act(f.deps, people.clerk, f.tn, { command: 'startAssessment', expectedVersion: 1 })).rejects.toBeInstanceOf(VersionConflictError);
    await expect(act(f.deps, people.clerk2, f.tn, { command: 'startAssessment' })).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(act(f.deps, people.clerk, f.tn, { command: 'signOff' })).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(act(f.deps, people.clerk, f.tn, { command: 'requestExtension', fields: { workingDays: '30', reason: '量大' } })).rejects.toThrow('延长期限须为1至20个工作日');
    // Who may take the step, and whether now, is asked before the input is read.
    await expect(act(f.deps, people.reviewer, f.tn, { command: 'requestExtension', fields: {} })).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(act(f.deps, people.clerk, f.tn, { command: 'recordFeePaid', fields: { paidOn: 'yesterday' } })).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(act(f.deps, people.clerk, f.tn, { command: 'requestExtension', fields: {} })).rejects.toBeInstanceOf(ValidationError);
  });

  it('two clerks acting on the same case at once: exactly one succeeds', async () => {
    const f = await submitted();
    const version = (await load(f, f.tn)).version;
    const results = await Promise.allSettled([
      act(f.deps, people.clerk, f.tn, { command: 'register', expectedVersion: version }),
      act(f.deps, people.clerk2, f.tn, { command: 'register', expectedVersion: version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
    // Without a version the second one sees the new state and is refused as an illegal step.
    await expect(act(f.deps, people.clerk2, f.tn, { command: 'register' })).rejects.toBeInstanceOf(IllegalTransitionError);
  });

  it('reassignment is recorded with its reason; only the head may reassign', async () => {
    const f = await registered();
    await expect(reassign(f.deps, people.clerk, f.tn, { handlerId: people.clerk2.id, reason: '休假' })).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(reassign(f.deps, people.head, f.tn, { handlerId: people.clerk2.id, reason: '' })).rejects.toThrow('理由');
    await reassign(f.deps, people.head, f.tn, { handlerId: people.clerk2.id, handlerName: people.clerk2.displayName, reason: '原承办人休假' });
    const record = await load(f, f.tn);
    expect(record.data.case.handlerId).toBe(people.clerk2.id);
    expect(record.data.openDeadline?.responsible).toEqual({ id: people.clerk2.id, name: people.clerk2.displayName });
    expect(record.data.timeline.at(-1)).toMatchObject({ type: 'reassign', public: false, note: expect.stringContaining('原承办人休假') });
  });

  it('extension: the clerk asks, the head approves, the applicant is served the 延期答复告知书', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await act(f.deps, people.clerk, f.tn, { command: 'requestExtension', fields: { workingDays: '20', reason: '需调取多个年度档案' } });
    await expect(act(f.deps, people.clerk, f.tn, { command: 'approveExtension' })).rejects.toBeInstanceOf(CaseForbiddenError);
    await act(f.deps, people.head, f.tn, { command: 'approveExtension' });
    expect((await load(f, f.tn)).data.openDeadline?.due).toBe('2026-03-30');
    await serveReviewedNotice(f.deps, f.tn, 'extension-1');
    const record = await load(f, f.tn);
    expect(record.data.openDeadline?.due).toBe('2026-04-28');
    expect((await new Outbox(f.records).newest(10)).items.map((m) => m.message.kind)).toContain('request.notice.extension');
    await expect(act(f.deps, people.clerk, f.tn, { command: 'requestExtension', fields: { workingDays: '5', reason: '再延' } })).rejects.toBeInstanceOf(GuardRefusedError);
  });

  it('fee notice pauses the clock; the suggestion counts the applicant’s applications in the month', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    const fee = await suggestFee(f.deps, (await load(f, f.tn)).data);
    expect(fee).toMatchObject({ monthlyOrdinal: 1, amountYuan: 0 });
    await expect(act(f.deps, people.clerk, f.tn, { command: 'issueFeeNotice', fields: { method: 'per-application', amountYuan: '100' } })).rejects.toThrow('按标准本申请不收费');
    await act(f.deps, people.clerk, f.tn, { command: 'issueFeeNotice', fields: { method: 'per-volume', pages: '40' } });
    await serveReviewedNotice(f.deps, f.tn, 'fee-1');
    expect((await load(f, f.tn)).data.timeline.at(-1)?.note).toContain('收费金额：100元');
    expect((await load(f, f.tn)).data.case.status).toBe('fee-notice');
    await act(f.deps, people.head, f.tn, { command: 'waiveFee', fields: { reasonCode: 'financial-hardship' } });
    expect((await load(f, f.tn)).data.case.status).toBe('in-assessment');
  });

  it('the applicant withdraws; the deadline leaves the index', async () => {
    const f = await registered();
    await withdrawByApplicant(f.deps, f.tn, { reason: '已通过其他途径获取' });
    const record = await load(f, f.tn);
    expect(record.data.case.status).toBe('withdrawn');
    expect(record.data.case.outcomeRow).toBe('other-3');
    expect((await new DeadlineIndex(f.records).dueThrough('2026-12-31')).items).toHaveLength(0);
    await expect(withdrawByApplicant(f.deps, f.tn, {})).rejects.toBeInstanceOf(IllegalTransitionError);
  });

  it('every view of the unmasked identity number is audited', async () => {
    const f = await registered();
    await expect(revealIdentityNumber(f.deps, people.clerk, f.tn, { reason: '' })).rejects.toThrow('理由');
    await expect(revealIdentityNumber(f.deps, people.reviewer, f.tn, { reason: '核对' })).rejects.toThrow('只有本案承办人');
    expect(await revealIdentityNumber(f.deps, people.clerk, f.tn, { reason: '核对申请人身份' })).toBe(ID_NUMBER);
    const history = await f.records.history({ pk: `REQ#${f.tn}`, sk: 'REQUEST' });
    expect(history.at(-1)).toMatchObject({ type: 'request.identity-viewed', actor: { id: people.clerk.id }, data: { reason: '核对申请人身份' } });
    expect(JSON.stringify(history)).not.toContain(ID_NUMBER);
  });
});

describe('the answer: draft, review, sign-off, release', () => {
  const partial = {
    type: 'partial',
    provision: { form: 'electronic', method: 'download', timeAndPlace: '请登录本平台查询页面下载。' },
    withheldParts: [
      {
        part: '附表三中个人联系方式',
        withholding: { ground: 'third-party', interest: 'privacy', consultation: 'not-consulted', publicInterestAssessment: '不公开不会对公共利益造成重大影响', reason: '涉及个人隐私' },
      },
    ],
  };
  const doc = new TextEncoder().encode('示例市2025年财政预算执行情况报告\n联系人电话：13912345678\n预算执行总体平稳。\n');
  const redactedDoc = new TextEncoder().encode('示例市2025年财政预算执行情况报告\n联系人电话：■■■■■■■■■■■\n预算执行总体平稳。\n');

  it('walks from drafting to release; the applicant sees the redacted document only', async () => {
    const f = await registered();
    const { deps, tn } = f;
    await act(deps, people.clerk, tn, { command: 'startAssessment' });
    await draftAnswer(deps, people.clerk, tn, { decision: partial, documents: [{ fileName: '报告.txt', bytes: doc }] });
    let record = await load(f, tn);
    expect(record.data.case.status).toBe('drafting');
    expect(record.data.case.draft?.outcomeRow).toBe('partial');
    expect(record.data.draft?.letter.title).toBe('政府信息公开申请答复告知书（部分公开）');
    expect(record.data.draft?.letter.remedies).toContain('应当先申请行政复议');
    await editAnswerLetter(deps, people.clerk, tn, { edits: { contact: '联系地址：示例市政务服务中心；联系电话：12345。' } });
    await expect(releaseAnswer(deps, people.clerk, tn)).rejects.toBeInstanceOf(IllegalTransitionError);

    await submitAnswerForReview(deps, people.clerk, tn);
    record = await load(f, tn);
    expect(record.data.case.status).toBe('secrecy-review');
    const reviewId = record.data.review!.id;
    await expect(editAnswerLetter(deps, people.clerk, tn, { edits: { contact: 'x' } })).rejects.toThrow('拟定答复阶段');
    // Not approved yet: the case cannot go to the leader.
    await expect(confirmSecrecyReview(deps, people.reviewer, tn)).rejects.toThrow('保密审查尚未通过');

    await signReviewStage(deps, people.clerk, reviewId, { stage: 'self', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    await signReviewStage(deps, people.head, reviewId, { stage: 'head', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    const review = (await getReview(deps, people.reviewer, reviewId)).review;
    for (const finding of review.findings) {
      await resolveReviewFinding(deps, people.reviewer, reviewId, {
        findingId: finding.id,
        resolution: finding.source === 'att-1' ? { action: 'redact' } : { action: 'keep', reason: '机关公开联系方式' },
      });
    }
    const attached = await attachRedactedFile(deps, people.reviewer, reviewId, { attachmentId: 'att-1', fileName: '报告（删除处理）.txt', contentType: 'text/plain', bytes: redactedDoc });
    expect(attached.attached).toBe(true);
    await signReviewStage(deps, people.reviewer, reviewId, { stage: 'secrecy', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    await signReviewStage(deps, people.leader, reviewId, { stage: 'leader', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });

    await expect(confirmSecrecyReview(deps, people.clerk, tn)).rejects.toBeInstanceOf(CaseForbiddenError);
    await confirmSecrecyReview(deps, people.reviewer, tn);
    await expect(releaseAnswer(deps, people.clerk, tn)).rejects.toBeInstanceOf(IllegalTransitionError);
    await act(deps, people.leader, tn, { command: 'signOff' });
    // The applicant asked to download the information and left an e-mail address: served electronically, by default.
    await releaseAnswer(deps, people.clerk, tn);

    record = await load(f, tn);
    expect(record.data.case.status).toBe('released');
    expect(record.data.case.outcomeRow).toBe('partial');
    expect(record.data.case.service).toEqual({ method: 'electronic', sentOn: '2026-03-02' });
    const answered = (await new Outbox(f.records).newest(10)).items.find((m) => m.message.kind === 'request.answered');
    expect(answered?.message.text).toContain('政府信息公开申请答复告知书（部分公开）');
    // Art. 18: what the answer withholds is reviewed a year on; the index reminds the handler, not the leaders.
    expect(record.data.openDeadline).toMatchObject({ kind: 'request-re-review', due: '2027-03-02', leaderEscalation: false, responsible: { id: people.clerk.id } });
    expect((await requestQueue(deps, { status: 'released' })).rows[0]).not.toHaveProperty('due');
    const view = await applicantView(deps, record);
    expect(view.answer?.typeLabel).toBe('部分公开');
    expect(view.answer?.letterText).toContain('政府信息公开申请答复告知书（部分公开）');
    expect(view.answer?.files).toHaveLength(1);
    const released = record.data.released!.files[0]!;
    const bytes = new TextDecoder().decode(await f.files.get(released.key));
    expect(bytes).toContain('■■■');
    expect(bytes).not.toContain('13912345678');
    expect((await new Outbox(f.records).newest(10)).items.map((m) => m.message.kind)).toContain('request.answered');

    // Art. 44: the released answer is proposed for the catalogue as a draft that must pass review.
    const { itemId } = await proposeForCatalogue(deps, people.clerk, tn);
    const item = await getStaffItem(deps, itemId);
    expect(item.stored.record.versions.at(-1)!.content.categoryId).toBe('converted');
    expect(item.state).toBe('draft');
    expect((await load(f, tn)).data.proposedItemId).toBe(itemId);
    await expect(proposeForCatalogue(deps, people.clerk, tn)).rejects.toThrow('已提请转为主动公开');
    // Not archived while the withheld part is under review; once it may be disclosed, it is.
    await expect(act(deps, people.clerk, tn, { command: 'close' })).rejects.toThrow('第十八条');
    await act(deps, people.clerk, tn, { command: 'recordReReview', fields: { groundHolds: 'yes', note: '附表三仍含个人联系方式' } });
    expect((await load(f, tn)).data.case.reReviewDue).toBe('2027-03-02');
    await act(deps, people.clerk, tn, { command: 'recordReReview', fields: { groundHolds: 'no', note: '联系人已同意公开' } });
    expect((await load(f, tn)).data.openDeadline).toBeNull();
    await act(deps, people.clerk, tn, { command: 'close' });
    expect((await load(f, tn)).data.case.status).toBe('closed');
  });

  it('Art. 18: the daily sweep reminds the handler when a withheld answer’s review falls due', async () => {
    const f = await registered();
    const { deps, tn } = f;
    const s = (await load(f, tn)).data;
    const { sweepDeadlines } = await import('#application/deadlines');
    // Stored as served long ago: the review is due tomorrow.
    const served = { ...s, case: { ...s.case, status: 'released' as const, reReviewDue: isoDate('2026-03-03') }, openDeadline: null };
    const { RE_REVIEW_DEADLINE_KIND, deadlineSummary } = await import('#application/requests');
    const next = { ...served, openDeadline: deadlineSummary(served.case, null, s.handlerName) };
    await f.records.commit([RequestRepository.updateChange(next, (await load(f, tn)).version, { type: 'request.test', actor: { kind: 'system', id: 'test' } })]);
    const report = await sweepDeadlines(deps);
    expect(report).toMatchObject({ dueSoon: 1, escalationsSent: 0 });
    const inbox = await new ReminderRepository(f.records).listFor(`STAFF#${people.clerk.id}`);
    expect(inbox.items.map((r) => [r.kind, r.caseId, r.due])).toEqual([[RE_REVIEW_DEADLINE_KIND, tn, '2026-03-03']]);
  });

  it('Art. 44: the proposed item was formed on the Beijing date of the release, not its UTC date', async () => {
    const f = await registered();
    const { deps, tn } = f;
    await draftAnswer(deps, people.clerk, tn, { decision: { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '随本告知书一并提供。' } } });
    const s = (await load(f, tn)).data;
    // Released at 01:30 on 3 March in Beijing, which is still 2 March in UTC.
    const released = { ...s, case: { ...s.case, status: 'released' as const }, released: { releaseId: 'rel-1', releasedAt: '2026-03-02T17:30:00.000Z', text: '', files: [] }, openDeadline: null };
    await f.records.commit([RequestRepository.updateChange(released, (await load(f, tn)).version, { type: 'request.test', actor: { kind: 'system', id: 'test' } })]);
    // A proposal that loses a race with another change to the case leaves no draft behind.
    const racing = { ...deps, records: losingTheRaceFor(f.records, 'REQ#') };
    await expect(proposeForCatalogue(racing, people.clerk, tn)).rejects.toBeInstanceOf(VersionConflictError);
    expect((await new ItemRepository(f.records).byState('draft')).items).toEqual([]);
    const { itemId } = await proposeForCatalogue(deps, people.clerk, tn);
    expect((await getStaffItem(deps, itemId)).stored.record.versions.at(-1)!.content.formedOn).toBe('2026-03-03');
  });

  it('a changed letter after approval voids the release', async () => {
    const f = await registered();
    const { deps, tn } = f;
    await draftAnswer(deps, people.clerk, tn, { decision: { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '随本告知书一并提供。' } } });
    await submitAnswerForReview(deps, people.clerk, tn);
    const reviewId = (await load(f, tn)).data.review!.id;
    await signReviewStage(deps, people.clerk, reviewId, { stage: 'self', checklist: checklist(), conclusion: { type: 'disclose' } });
    await signReviewStage(deps, people.head, reviewId, { stage: 'head', checklist: checklist(), conclusion: { type: 'disclose' } });
    await signReviewStage(deps, people.reviewer, reviewId, { stage: 'secrecy', checklist: checklist(), conclusion: { type: 'disclose' } });
    await confirmSecrecyReview(deps, people.reviewer, tn);
    await act(deps, people.leader, tn, { command: 'returnToDrafting', fields: { reason: '请补充获取方式' } });
    await draftAnswer(deps, people.clerk, tn, { decision: { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '请于三日内下载。' } } });
    const record = await load(f, tn);
    expect(record.data.review).toBeUndefined();
    expect(record.data.case.status).toBe('drafting');
  });

  it('letters carry the agency profile the administrator saved (court and prefix included)', async () => {
    const f = await registered();
    const { deps, tn } = f;
    await saveCatalogueSettings(deps, people.admin, {
      profile: {
        name: '某市财政局',
        code: '000014349',
        address: '某市人民路1号',
        officeHours: '工作日 9:00-12:00，13:30-17:30',
        phone: '0571-12345678',
        email: 'xxgk@example.gov.cn',
        disclosureOffice: { name: '某市财政局办公室', phone: '0571-87654321' },
        reconsiderationBody: { name: '某市人民政府' },
        court: '某市某区人民法院',
        letterPrefix: '某财信',
      },
    });
    await draftAnswer(deps, people.clerk, tn, { decision: { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '随本告知书一并提供。' } } });
    const letter = (await load(f, tn)).data.draft!.letter;
    expect(letter.signature).toContain('某市财政局');
    expect(JSON.stringify(letter)).toContain('某市人民政府');
    expect(JSON.stringify(letter)).toContain('0571-87654321');
  });

  it('the case page lists only the commands the actor may run', async () => {
    const f = await registered();
    expect((await requestCase(f.deps, people.clerk, f.tn)).commands).toEqual(expect.arrayContaining(['startAssessment', 'requestSupplement', 'draftAnswer', 'withdraw']));
    expect((await requestCase(f.deps, people.clerk2, f.tn)).commands).toEqual([]);
    expect((await requestCase(f.deps, people.head, f.tn)).commands).toContain('reassign');
  });
});

describe('on the case kernel and the runner', () => {
  it('audits each step as request.<kebab-step> and puts it on the timeline as the table says', async () => {
    const f = await registered();
    await act(f.deps, people.clerk, f.tn, { command: 'startAssessment' });
    await act(f.deps, people.clerk, f.tn, { command: 'requestExtension', fields: { workingDays: '10', reason: '需调取档案' } });
    const types = (await f.records.history({ pk: `REQ#${f.tn}`, sk: 'REQUEST' })).map((e) => e.type);
    expect(types).toEqual(['request.submitted', 'request.register', 'request.start-assessment', 'request.request-extension']);
    const timeline = (await load(f, f.tn)).data.timeline;
    expect(timeline.map((t) => [t.type, t.public])).toEqual([
      ['submitted', true],
      ['register', true],
      ['startAssessment', true],
      ['requestExtension', false],
    ]);
    expect(timeline.at(-1)).toMatchObject({ label: '申请延长答复期限', actor: { kind: 'staff', id: people.clerk.id, name: people.clerk.displayName } });
  });

  it('decides with deps.policy: fees off, the supplement period and the approvers come from the agency policy', async () => {
    const f = await registered();
    const deps = { ...f.deps, policy: agencyPolicy({ workflow: { feesEnabled: false, defaultSupplementWorkingDays: 5, extensionApproverRoles: ['admin'] } }) };
    await act(deps, people.clerk, f.tn, { command: 'startAssessment' });
    expect((await requestCase(deps, people.clerk, f.tn)).commands).not.toContain('issueFeeNotice');
    await expect(act(deps, people.clerk, f.tn, { command: 'issueFeeNotice', fields: { amountYuan: '100' } })).rejects.toThrow('未启用');
    await act(deps, people.clerk, f.tn, { command: 'requestExtension', fields: { workingDays: '10', reason: '需调取档案' } });
    expect((await requestCase(deps, people.head, f.tn)).commands).not.toContain('approveExtension');
    expect((await requestCase(deps, people.admin, f.tn)).commands).toContain('approveExtension');
    await act(deps, people.clerk, f.tn, { command: 'requestSupplement', fields: { deficiencies: '请写明年份' } });
    expect((await load(f, f.tn)).data.notices![0]!.document.paragraphs.join('')).toContain('之日起5个工作日内补正');
  });

  it('lists only the steps whose rules can pass now (the workflow’s available)', async () => {
    const f = await registered();
    const before = (await requestCase(f.deps, people.head, f.tn)).commands;
    expect(before).not.toContain('approveExtension');
    expect((await requestCase(f.deps, people.clerk, f.tn)).commands).not.toContain('notifyExtension');
    await act(f.deps, people.clerk, f.tn, { command: 'requestExtension', fields: { workingDays: '10', reason: '需调取档案' } });
    expect((await requestCase(f.deps, people.head, f.tn)).commands).toEqual(expect.arrayContaining(['approveExtension', 'rejectExtension']));
    expect((await requestCase(f.deps, people.clerk, f.tn)).commands).not.toContain('requestExtension');
  });

  it('asks the workflow before anything goes to review: a clerk on another clerk’s case sends nothing', async () => {
    const f = await registered();
    await draftAnswer(f.deps, people.clerk, f.tn, { decision: { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '随本告知书一并提供。' } } });
    await expect(submitAnswerForReview(f.deps, people.clerk2, f.tn)).rejects.toBeInstanceOf(CaseForbiddenError);
    expect(await new ReviewRepository(f.records).bySubject('answer', f.tn)).toEqual([]);
    await submitAnswerForReview(f.deps, people.clerk, f.tn);
    expect(await new ReviewRepository(f.records).bySubject('answer', f.tn)).toHaveLength(1);
  });

  it('has no placeholder decisions left in the use cases', () => {
    const dir = join(import.meta.dirname, '../../../../functions/application/requests');
    const sources = readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8'));
    // Whether a step may be taken is asked with check(), never by deciding it with made-up input.
    for (const text of sources) expect(text).not.toMatch(/'pending'|secrecyReviewId: '/);
  });
});

describe('calendar changes', () => {
  it('recompute the open answer deadline (kind `request`) after a schedule change', async () => {
    const { saveScheduleOverride } = await import('#application/calendar');
    const f = await submitted();
    expect((await load(f, f.tn)).data.openDeadline?.due).toBe('2026-03-30');
    const local = {
      scope: 'local',
      year: 2026,
      region: '某某省',
      source: { title: '某某省关于调整的通知' },
      holidays: [{ name: '地方节日', from: '2026-03-10', to: '2026-03-10' }],
      makeupWorkdays: [],
    };
    await saveScheduleOverride(f.deps, people.admin, local);
    const record = await load(f, f.tn);
    expect(record.data.openDeadline?.due).toBe('2026-03-31');
    expect((await f.records.history({ pk: `REQ#${f.tn}`, sk: 'REQUEST' })).at(-1)?.type).toBe('request.deadline-recomputed');
  });
});

describe('annual report Table B', () => {
  it('counts recorded outcomes by applicant column', async () => {
    const { annualTableB } = await import('#application/requests');
    const f = await registered();
    await withdrawByApplicant(f.deps, f.tn, {});
    await submitOnline(f.deps, {
      form: citizenForm({
        applicantKind: 'organisation',
        organisationKind: 'commercial',
        name: '示例科技有限公司',
        creditCode: '91350100M000100Y43',
        legalRepresentative: '王五',
        contactPerson: '赵六',
        idType: undefined,
        idNumber: undefined,
      }),
      nonce: nonce(9),
    });
    const { table, cases } = await annualTableB(f.deps, people.head, 2026);
    await expect(annualTableB(f.deps, people.clerk, 2026)).rejects.toBeInstanceOf(ForbiddenError);
    expect(cases).toBe(2);
    expect(table.rows.new).toMatchObject({ citizen: 1, commercial: 1, total: 2 });
    expect(table.rows['other-3']).toMatchObject({ citizen: 1, total: 1 });
    expect(table.rows['carried-forward']).toMatchObject({ commercial: 1, total: 1 });
  });
});

describe('the applicant’s suggestion of proactive disclosure (Art. 44(2))', () => {
  it('is kept with the application, reviewed before the answer, and answered in the letter', async () => {
    const f = await submitted({ proactiveSuggestion: '该报告涉及全市财政资金使用' });
    const { deps, tn } = f;
    await act(deps, people.clerk, tn, { command: 'register' });
    expect((await load(f, tn)).data.proactiveSuggestion).toBe('该报告涉及全市财政资金使用');
    const decision = { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '随本告知书一并提供。' } };
    await expect(draftAnswer(deps, people.clerk, tn, { decision })).rejects.toThrow('请先审核该建议');
    await act(deps, people.clerk, tn, { command: 'answerProactiveSuggestion', fields: { accepted: 'yes', reason: '该信息涉及公众利益调整' } });
    await draftAnswer(deps, people.clerk, tn, { decision });
    const letter = (await load(f, tn)).data.draft!.letter;
    expect(letter.paragraphs.find((p) => p.key === 'proactive-suggestion')?.text).toContain('该信息属于主动公开的范围，将及时主动公开：该信息涉及公众利益调整。');
    expect(letter.legalBasis).toContain('《中华人民共和国政府信息公开条例》第四十四条第二款');
  });
});
