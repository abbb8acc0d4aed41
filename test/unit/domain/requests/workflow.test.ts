import { describe, expect, it } from 'vitest';
import { isoDate, shippedWorkingCalendar, type IsoDate } from '#domain/calendar';
import { CaseForbiddenError, CaseValidationError, GuardRefusedError, IllegalTransitionError, type Actor } from '#domain/case';
import { agencyPolicy, DEFAULT_AGENCY_POLICY, type AgencyPolicy } from '#domain/policy';
import {
  COMMAND_LABELS,
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  openCase,
  requestDeadlines,
  requestWorkflow,
  type CommandType,
  type RequestCase,
  type RequestCommand,
  type RequestContext,
  type FeeChoice,
} from '#domain/requests';
import type { StaffRole } from '#domain/staff';

const cal = shippedWorkingCalendar();
const d = (s: string) => isoDate(s);
const staff = (id: string, ...roles: StaffRole[]): Actor => ({ kind: 'staff', id, roles });
const clerk = staff('c1', 'clerk');
const clerk2 = staff('c2', 'clerk');
const head = staff('h1', 'head');
const reviewer = staff('r1', 'reviewer');
const leader = staff('l1', 'leader');
const applicant: Actor = { kind: 'applicant', id: 'a1' };
const everyone = staff('x', 'clerk', 'head', 'reviewer', 'leader', 'admin');

const sample: Record<CommandType, RequestCommand> = {
  register: { type: 'register' },
  reassign: { type: 'reassign', handlerId: 'c9', reason: '工作调整' },
  startAssessment: { type: 'startAssessment' },
  requestSupplement: { type: 'requestSupplement', deficiencies: ['请明确所需信息的时间范围'] },
  recordSupplementNoticeServed: { type: 'recordSupplementNoticeServed', servedOn: d('2026-02-11') },
  recordSupplement: { type: 'recordSupplement', receivedOn: d('2026-02-11') },
  abandonNoSupplement: { type: 'abandonNoSupplement', noJustifiableReason: true },
  startThirdPartyConsultation: { type: 'startThirdPartyConsultation', consultationId: 'tp1' },
  recordThirdPartyOpinion: { type: 'recordThirdPartyOpinion', opinion: 'objection' },
  startAgencyConsultation: { type: 'startAgencyConsultation', consultationId: 'ag1' },
  recordAgencyOpinion: { type: 'recordAgencyOpinion', opinion: 'consent' },
  answerProactiveSuggestion: { type: 'answerProactiveSuggestion', accepted: true, reason: '该信息涉及公众切身利益' },
  recordReReview: { type: 'recordReReview', groundHolds: true, note: '仍涉及商业秘密' },
  overruleObjection: { type: 'overruleObjection', content: '投标报价明细', reason: '涉及重大公共资金的使用' },
  issueFeeNotice: { type: 'issueFeeNotice', feeNoticeId: 'f1', choice: { method: 'per-volume', pages: 40 } },
  recordFeeNoticeReceived: { type: 'recordFeeNoticeReceived', receivedOn: d('2026-02-11') },
  recordFeePaid: { type: 'recordFeePaid', paidOn: d('2026-02-11') },
  waiveFee: { type: 'waiveFee', reasonCode: 'public-interest' },
  abandonNoPayment: { type: 'abandonNoPayment' },
  requestExtension: { type: 'requestExtension', workingDays: 20, reason: '需检索大量档案' },
  approveExtension: { type: 'approveExtension' },
  rejectExtension: { type: 'rejectExtension', reason: '无必要' },
  notifyExtension: { type: 'notifyExtension', notifiedOn: d('2026-02-11') },
  setDelayedReply: { type: 'setDelayedReply', due: d('2026-06-30'), reason: '申请数量大' },
  draftAnswer: { type: 'draftAnswer', decision: { type: 'publication', whereToObtain: '新华书店' } },
  submitForSecrecyReview: { type: 'submitForSecrecyReview', secrecyReviewId: 'sr1' },
  passSecrecyReview: { type: 'passSecrecyReview', secrecyReviewApproved: true },
  returnToDrafting: { type: 'returnToDrafting', reason: '理由不充分' },
  signOff: { type: 'signOff' },
  release: { type: 'release', service: { method: 'electronic', sentOn: d('2026-02-11') }, applicantChose: 'email', secrecyReviewApproved: true },
  close: { type: 'close' },
  withdraw: { type: 'withdraw' },
};

const base = (): RequestCase => ({ ...openCase({ id: 'k1', trackingNumber: 'YSQ-2026-000001', receivedOn: d('2026-02-10') }) });
const ctx = (actor: Actor, today = '2026-02-11', policy: AgencyPolicy = DEFAULT_AGENCY_POLICY): RequestContext => ({ actor, today: d(today), at: `${today}T02:00:00.000Z`, calendar: cal, policy });

/** One step with what the tests look at: the next case, its event, the clock events it added and the derived deadlines. */
function decide(c: RequestCase, command: RequestCommand, context: RequestContext) {
  const { next, event } = requestWorkflow.decide(c, command, context);
  return { next, event, clockEvents: next.clock.slice(c.clock.length), deadlines: requestDeadlines(next, context.calendar, context.policy.deadlines) };
}

/** Runs steps, returning the final case. */
function run(c: RequestCase, steps: [RequestCommand, Actor, string][]): RequestCase {
  for (const [cmd, actor, today] of steps) c = decide(c, cmd, ctx(actor, today)).next;
  return c;
}

describe('transition table', () => {
  const pairs = REQUEST_STATUSES.flatMap((s) => REQUEST_TRANSITIONS.map((t) => [s, t] as const));
  it.each(pairs.filter(([s, t]) => !t.from.includes(s)).map(([s, t]) => [s, t.command]))('%s × %s → IllegalTransitionError', (s, cmd) => {
    const c = { ...base(), status: s };
    expect(() => decide(c, sample[cmd as CommandType], ctx(everyone))).toThrow(IllegalTransitionError);
  });

  it.each(pairs.filter(([s, t]) => t.from.includes(s)).map(([s, t]) => [s, t.command]))('%s × %s is not an illegal transition', (s, cmd) => {
    const c = { ...base(), status: s, activeConsultation: { id: 'tp1', kind: 'third-party' as const }, activeFeeNotice: { id: 'f1', amountYuan: 100 } };
    try {
      decide(c, sample[cmd as CommandType], ctx(everyone));
    } catch (e) {
      expect(e).not.toBeInstanceOf(IllegalTransitionError);
    }
  });

  it('gives a clear Chinese message and status 409', () => {
    const c = { ...base(), status: 'closed' as const };
    try {
      decide(c, sample.release, ctx(clerk));
      expect.fail();
    } catch (e) {
      expect((e as IllegalTransitionError).status).toBe(409);
      expect((e as Error).message).toBe('当前状态为「已归档」，不能执行「送达答复」。');
    }
  });

  it('every command has a label', () => {
    for (const t of REQUEST_TRANSITIONS) expect(COMMAND_LABELS[t.command]).toBeTruthy();
  });
});

describe('an ordinary letter entered on arrival, confirmed later (Art. 31(2))', () => {
  const letter = () => openCase({ id: 'k2', trackingNumber: 'YSQ-2026-000002', letterArrivedOn: d('2026-02-10') });

  it('takes the day of confirmation at registration, and by default receives a late confirmation on the arrival day', () => {
    const r = decide(letter(), { type: 'register', receivedOn: d('2026-02-11') }, ctx(clerk, '2026-02-11'));
    expect(r.next).toMatchObject({ receivedOn: '2026-02-10', letter: { arrivedOn: '2026-02-10', confirmedOn: '2026-02-11' } });
    expect(r.event.data).toMatchObject({ receivedOn: '2026-02-10', arrivedOn: '2026-02-10', confirmedOn: '2026-02-11' });
    expect(r.clockEvents).toEqual([{ type: 'received', date: '2026-02-10' }]);
  });

  it("follows the letter of Art. 31(2) under the agency's 'confirmation-date' reading", () => {
    const policy = agencyPolicy({ receipt: { lateLetterConfirmation: 'confirmation-date' } });
    expect(decide(letter(), { type: 'register', receivedOn: d('2026-02-11') }, ctx(clerk, '2026-02-11', policy)).next.receivedOn).toBe('2026-02-11');
  });

  it('refuses a confirmation before the letter arrived, and requires the date', () => {
    expect(() => decide(letter(), { type: 'register', receivedOn: d('2026-02-09') }, ctx(clerk, '2026-02-11'))).toThrow('不能早于信函到达之日（2026-02-10）');
    expect(() => decide(letter(), { type: 'register' }, ctx(clerk, '2026-02-11'))).toThrow(CaseValidationError);
  });
});

describe('roles', () => {
  const roles: StaffRole[] = ['clerk', 'head', 'reviewer', 'leader', 'admin'];
  const allowed = (t: (typeof REQUEST_TRANSITIONS)[number]) => (typeof t.roles === 'function' ? t.roles(ctx(everyone)) : t.roles);
  const cases = REQUEST_TRANSITIONS.flatMap((t) => roles.filter((r) => !allowed(t).includes(r)).map((r) => [t.command, r, t.from[0]!] as const));
  it.each(cases)('%s by %s → CaseForbiddenError', (cmd, role, from) => {
    const c = { ...base(), status: from };
    expect(() => decide(c, sample[cmd], ctx(staff('someone', role)))).toThrow(CaseForbiddenError);
  });

  it('the registering clerk becomes the handler; another clerk may not act, head may reassign', () => {
    let c = run(base(), [[sample.register, clerk, '2026-02-10']]);
    expect(c.handlerId).toBe('c1');
    expect(() => decide(c, sample.startAssessment, ctx(clerk2))).toThrow(CaseForbiddenError);
    expect(() => decide(c, { type: 'reassign', handlerId: 'c2', reason: ' ' }, ctx(head))).toThrow('理由');
    c = run(c, [[{ type: 'reassign', handlerId: 'c2', reason: '原承办人休假' }, head, '2026-02-10']]);
    expect(decide(c, sample.startAssessment, ctx(clerk2)).next.status).toBe('in-assessment');
  });

  it('available lists only what the table, the role and the guards allow now', () => {
    const c = run(base(), [[sample.register, clerk, '2026-02-10']]);
    const available = (k: RequestCase, actor: Actor, policy?: AgencyPolicy) => requestWorkflow.available(k, ctx(actor, '2026-02-11', policy));
    // notifyExtension is the clerk's step by the table, but there is no approved extension yet.
    expect(available(c, clerk).sort()).toEqual(['draftAnswer', 'requestExtension', 'requestSupplement', 'startAssessment', 'withdraw'].sort());
    expect(requestWorkflow.check(c, 'notifyExtension', ctx(clerk))).toMatchObject({ ok: false, error: { code: 'NO_EXTENSION' } });
    expect(available(c, clerk2)).toEqual([]);
    expect(available(c, applicant)).toEqual(['withdraw']);
    // Who approves an extension is the agency's policy (one place: policy.workflow).
    const asked = run(c, [[sample.requestExtension, clerk, '2026-02-11']]);
    expect(available(asked, head)).toContain('approveExtension');
    expect(available(asked, head, agencyPolicy({ workflow: { extensionApproverRoles: ['admin'] } }))).not.toContain('approveExtension');
    expect(available(asked, staff('a1', 'admin'), agencyPolicy({ workflow: { extensionApproverRoles: ['admin'] } }))).toContain('approveExtension');
  });
});

describe('guards and clock effects (via deriveCaseDeadlines)', () => {
  const registered = () =>
    run(base(), [
      [sample.register, clerk, '2026-02-10'],
      [sample.startAssessment, clerk, '2026-02-10'],
    ]);

  it('registration of an unconfirmed letter requires the confirmation date and starts the clock', () => {
    const c = openCase({ id: 'k2', trackingNumber: 'YSQ-2026-000002' });
    expect(() => decide(c, sample.register, ctx(clerk))).toThrow('确认收到申请的日期');
    const r = decide(c, { type: 'register', receivedOn: d('2026-02-10') }, ctx(clerk));
    expect(r.clockEvents).toEqual([{ type: 'received', date: '2026-02-10' }]);
    expect(r.deadlines?.answer?.due).toBe('2026-03-16');
  });

  it('supplement: paused while waiting, restarts a fresh 20 working days', () => {
    const c = registered();
    const r = decide(c, sample.requestSupplement, ctx(clerk, '2026-02-12'));
    expect(r.next.status).toBe('supplement-requested');
    expect(r.deadlines?.status).toBe('awaiting-supplement');
    expect(r.deadlines?.answer).toBeNull();
    const s = decide(r.next, { type: 'recordSupplement', receivedOn: d('2026-03-02') }, ctx(clerk, '2026-03-02'));
    expect(s.deadlines?.clockStart).toEqual({ date: '2026-03-02', cause: 'supplementReceived' });
    expect(s.deadlines?.answer?.due).toBe(cal.addWorkingDays(d('2026-03-02'), 20).due);
  });

  it('supplement notice only once, unless the supplemented content is still unclear', () => {
    let c = run(registered(), [[sample.requestSupplement, clerk, '2026-02-12']]);
    c = run(c, [[{ type: 'recordSupplement', receivedOn: d('2026-03-02') }, clerk, '2026-03-02']]);
    expect(() => decide(c, sample.requestSupplement, ctx(clerk, '2026-03-03'))).toThrow(GuardRefusedError);
    const again = decide(c, { ...sample.requestSupplement, supplementStillUnclear: true } as RequestCommand, ctx(clerk, '2026-03-03'));
    expect(again.next.supplementNotices).toBe(2);
  });

  it('supplement notice after the 7 working days is refused by default', () => {
    expect(() => decide(registered(), sample.requestSupplement, ctx(clerk, '2026-02-27'))).toThrow(/7个工作日/);
    expect(() => decide(registered(), { type: 'requestSupplement', deficiencies: [' '] }, ctx(clerk))).toThrow('逐项列明');
  });

  it('no supplement: abandonment only after the period, counted as 其他处理-1', () => {
    const posted = run(registered(), [[{ ...sample.requestSupplement, periodWorkingDays: 15 } as RequestCommand, clerk, '2026-02-12']]);
    // Posted: no period runs, and nothing can lapse, until the notice is recorded as served.
    expect(() => decide(posted, sample.abandonNoSupplement, ctx(clerk, '2026-03-20'))).toThrow(GuardRefusedError);
    const c = decide(posted, { type: 'recordSupplementNoticeServed', servedOn: d('2026-02-12') }, ctx(clerk, '2026-02-13')).next;
    expect(() => decide(c, { type: 'recordSupplementNoticeServed', servedOn: d('2026-02-13') }, ctx(clerk, '2026-02-13'))).toThrow(GuardRefusedError);
    const due = cal.addWorkingDays(d('2026-02-12'), 15).due;
    expect(() => decide(c, sample.abandonNoSupplement, ctx(clerk, due))).toThrow(GuardRefusedError);
    const r = decide(c, sample.abandonNoSupplement, ctx({ kind: 'system', id: 'sweep' }, '2026-03-20'));
    expect(r.next.status).toBe('abandoned-no-supplement');
    expect(r.next.outcomeRow).toBe('other-1');
    expect(r.deadlines?.closed?.outcome).toBe('abandoned-no-supplement');
  });

  it('third-party consultation pauses the clock', () => {
    const c = registered();
    const r = decide(c, sample.startThirdPartyConsultation, ctx(clerk, '2026-03-02'));
    expect(r.deadlines?.status).toBe('paused');
    const back = decide(r.next, { type: 'recordThirdPartyOpinion', opinion: 'objection', answeredOn: d('2026-03-06') }, ctx(clerk, '2026-03-06'));
    expect(back.next.status).toBe('in-assessment');
    expect(back.deadlines?.answer?.pausedWorkingDays).toBe(4);
    expect(back.deadlines?.answer?.due).toBe(cal.addWorkingDays(d('2026-03-16'), 4).due);
    expect(() => decide(r.next, { type: 'recordThirdPartyOpinion', opinion: 'no-reply' }, ctx(clerk, '2026-03-06'))).toThrow(GuardRefusedError);
  });

  it('other-agency silence counts as consent after 15 working days', () => {
    const r = decide(registered(), sample.startAgencyConsultation, ctx(clerk, '2026-02-12'));
    const after = cal.addWorkingDays(d('2026-02-12'), 16).due;
    const e = decide(r.next, { type: 'recordAgencyOpinion', opinion: 'no-reply' }, ctx(clerk, after));
    expect(e.event.data.deemedConsent).toBe(true);
    expect(e.deadlines?.answer?.pausedWorkingDays).toBe(15);
  });

  it('fee notice pauses the clock; non-payment after 20 working days → 其他处理-2', () => {
    const r = decide(registered(), { type: 'issueFeeNotice', feeNoticeId: 'f1', choice: { method: 'per-application', monthlyOrdinal: 31 }, deliveredOn: d('2026-02-11') }, ctx(clerk, '2026-02-11'));
    expect(r.event.data).toMatchObject({ amountYuan: 200, assessedYuan: 200, method: 'per-application' });
    expect(r.deadlines?.status).toBe('paused');
    const limit = cal.addWorkingDays(d('2026-02-11'), 20).due;
    expect(() => decide(r.next, sample.abandonNoPayment, ctx(clerk, limit))).toThrow(GuardRefusedError);
    const a = decide(r.next, sample.abandonNoPayment, ctx(clerk, cal.addWorkingDays(limit, 1).due));
    expect(a.next).toMatchObject({ status: 'abandoned-no-payment', outcomeRow: 'other-2' });
    expect(() => decide(r.next, sample.waiveFee, ctx(clerk))).toThrow(CaseForbiddenError);
    expect(decide(r.next, sample.waiveFee, ctx(head)).clockEvents[0]!.type).toBe('feeNoticeWithdrawn');
    // A waiver names one of the agency's reasons, and “other” says which.
    expect(() => decide(r.next, { type: 'waiveFee', reasonCode: 'low-income' }, ctx(head))).toThrow('请选择有效的减免理由');
    expect(() => decide(r.next, { type: 'waiveFee', reasonCode: 'other' }, ctx(head))).toThrow(CaseValidationError);
    expect(decide(r.next, { type: 'waiveFee', reasonCode: 'other', note: '申请人为在校学生' }, ctx(head)).event.data).toMatchObject({ reasonCode: 'other', approvedBy: head.id });
    expect(() => decide(registered(), sample.issueFeeNotice, ctx(clerk, '2026-02-11', agencyPolicy({ workflow: { feesEnabled: false, feeWaiverReasonCodes: [] } })))).toThrow('未启用');
  });

  it('the fee is computed from the recorded tier: lowered with a reason, never raised or invented, never after the answer period', () => {
    const fee = (choice: FeeChoice, more: { amountYuan?: number; reductionReason?: string } = {}) => ({ type: 'issueFeeNotice', feeNoticeId: 'f1', choice, ...more }) as const;
    const pages = { method: 'per-volume', pages: 120 } as const; // 30 free, 70 × ¥10, 20 × ¥20 = ¥1,100
    expect(decide(registered(), fee(pages), ctx(clerk, '2026-02-11')).next.activeFeeNotice).toEqual({ id: 'f1', amountYuan: 1100, receiptPending: true });
    expect(() => decide(registered(), fee(pages, { amountYuan: 1200 }), ctx(clerk, '2026-02-11'))).toThrow('不能高于按标准计算的1100元');
    expect(() => decide(registered(), fee(pages, { amountYuan: 500 }), ctx(clerk, '2026-02-11'))).toThrow('请填写理由');
    const lowered = decide(registered(), fee(pages, { amountYuan: 500, reductionReason: '部分页面系重复材料' }), ctx(clerk, '2026-02-11'));
    expect(lowered.event.data).toMatchObject({ amountYuan: 500, assessedYuan: 1100, reductionReason: '部分页面系重复材料' });
    // The applicant's first ten applications this month are free: there is nothing to charge.
    expect(() => decide(registered(), fee({ method: 'per-application', monthlyOrdinal: 3 }, { amountYuan: 100 }), ctx(clerk, '2026-02-11'))).toThrow('按标准本申请不收费');
    const due = requestDeadlines(registered(), cal, DEFAULT_AGENCY_POLICY.deadlines)!.answer!.due;
    expect(() => decide(registered(), fee(pages), ctx(clerk, cal.addWorkingDays(due, 1).due))).toThrow(GuardRefusedError);
  });

  it('extension: once, ≤ 20 working days, before the deadline, approved by head only', () => {
    const c = registered();
    expect(() => decide(c, { type: 'requestExtension', workingDays: 21, reason: 'x' }, ctx(clerk))).toThrow('1至20');
    expect(() => decide(c, sample.requestExtension, ctx(clerk, '2026-03-17'))).toThrow(GuardRefusedError);
    const req = decide(c, sample.requestExtension, ctx(clerk, '2026-03-10')).next;
    expect(() => decide(req, sample.approveExtension, ctx(clerk, '2026-03-10'))).toThrow(CaseForbiddenError);
    const ok = decide(req, { type: 'approveExtension', applicantNotifiedOn: d('2026-03-10') }, ctx(head, '2026-03-10'));
    expect(ok.deadlines?.answer?.due).toBe('2026-04-14');
    expect(ok.deadlines?.warnings.map((w) => w.code)).not.toContain('EXTENSION_NOT_NOTIFIED');
    expect(() => decide(ok.next, sample.requestExtension, ctx(clerk, '2026-03-11'))).toThrow('只能延长一次');
    const rejected = decide(req, sample.rejectExtension, ctx(head, '2026-03-10')).next;
    expect(rejected.extension.status).toBe('rejected');
  });

  it('notice of an extension must come before the original deadline', () => {
    const c = run(registered(), [
      [sample.requestExtension, clerk, '2026-03-10'],
      [sample.approveExtension, head, '2026-03-10'],
    ]);
    expect(() => decide(c, { type: 'notifyExtension', notifiedOn: d('2026-03-17') }, ctx(clerk, '2026-03-17'))).toThrow(/届满前/);
    expect(decide(c, { type: 'notifyExtension', notifiedOn: d('2026-03-16') }, ctx(clerk, '2026-03-16')).next.extension).toMatchObject({ applicantNotifiedOn: '2026-03-16' });
  });

  it('Art. 35 delayed reply sets a later due date', () => {
    const r = decide(registered(), sample.setDelayedReply, ctx(head, '2026-03-02'));
    expect(r.deadlines?.answer?.due).toBe('2026-06-30');
  });

  it('full path to release: secrecy review, sign-off, posting date judges timeliness', () => {
    let c = run(registered(), [
      [sample.draftAnswer, clerk, '2026-03-02'],
      [sample.submitForSecrecyReview, clerk, '2026-03-02'],
    ]);
    expect(() => decide(c, { type: 'passSecrecyReview', secrecyReviewApproved: false }, ctx(reviewer))).toThrow(GuardRefusedError);
    c = run(c, [[sample.returnToDrafting, reviewer, '2026-03-03']]);
    expect(c.status).toBe('drafting');
    c = run(c, [
      [sample.submitForSecrecyReview, clerk, '2026-03-03'],
      [sample.passSecrecyReview, reviewer, '2026-03-04'],
      [sample.signOff, leader, '2026-03-05'],
    ]);
    expect(() => decide(c, { ...sample.release, secrecyReviewApproved: false } as RequestCommand, ctx(clerk, '2026-03-06'))).toThrow(GuardRefusedError);
    const post = (postalTrackingNumber: string, deviationReason?: string): RequestCommand => ({
      type: 'release',
      service: { method: 'post', postedOn: d('2026-03-06'), postalTrackingNumber, ...(deviationReason ? { deviationReason } : {}) },
      applicantChose: 'post',
      secrecyReviewApproved: true,
    });
    expect(() => decide(c, post('SF123'), ctx(clerk, '2026-03-06'))).toThrow('中国邮政');
    // The applicant asked for e-mail: posting it instead needs a reason (Art. 40).
    expect(() => decide(c, { ...(post('XA123456789CN') as object), applicantChose: 'email' } as RequestCommand, ctx(clerk, '2026-03-06'))).toThrow('第四十条');
    expect(decide(c, { ...(post('XA123456789CN', '申请人电子邮箱退信') as object), applicantChose: 'email' } as RequestCommand, ctx(clerk, '2026-03-06')).next.status).toBe('released');
    const r = decide(c, post('XA123456789CN'), ctx(clerk, '2026-03-09'));
    expect(r.next).toMatchObject({ status: 'released', outcomeRow: 'not-processed-3', concludedOn: '2026-03-06' });
    expect(r.deadlines?.closed).toMatchObject({ on: '2026-03-06', outcome: 'decided', onTime: true });
    expect(decide(r.next, sample.close, ctx(clerk, '2026-03-10')).next.status).toBe('closed');
    expect(() => decide(r.next, sample.withdraw, ctx(applicant))).toThrow(IllegalTransitionError);
  });

  it('still-unclear answer only after a supplement', () => {
    const dec = { type: 'still-unclear', supplementRequestedOn: '2026-02-12', supplementReceivedOn: '2026-03-02', reason: '仍未明确' } as const;
    expect(() => decide(registered(), { type: 'draftAnswer', decision: dec }, ctx(clerk))).toThrow(GuardRefusedError);
  });

  it('withdrawal by the applicant closes the clock; events carry no personal data', () => {
    const r = decide(registered(), sample.withdraw, ctx(applicant, '2026-02-20'));
    expect(r.next).toMatchObject({ status: 'withdrawn', outcomeRow: 'other-3' });
    expect(r.deadlines?.closed?.outcome).toBe('withdrawn');
    expect(r.event).toMatchObject({ type: 'request.withdraw', caseId: 'k1', from: 'in-assessment', to: 'withdrawn', actor: { kind: 'applicant', id: 'a1' } });
    const unconfirmed = openCase({ id: 'k3', trackingNumber: 'YSQ-2026-000003' });
    expect(decide(unconfirmed, sample.withdraw, ctx(applicant)).clockEvents).toEqual([]);
  });
});

void ({} as IsoDate);

describe('the table on the case kernel', () => {
  const registered = () =>
    run(base(), [
      [sample.register, clerk, '2026-02-10'],
      [sample.startAssessment, clerk, '2026-02-10'],
    ]);

  it('labels every state and step, and names events request.<kebab-step>', () => {
    for (const s of REQUEST_STATUSES) expect(requestWorkflow.stateLabel(s)).not.toBe(s);
    for (const t of REQUEST_TRANSITIONS) expect(requestWorkflow.commandLabel(t.command)).toMatch(/\p{Script=Han}/u);
    expect(requestWorkflow.eventType('recordThirdPartyOpinion')).toBe('request.record-third-party-opinion');
    expect(decide(base(), sample.register, ctx(clerk)).event.type).toBe('request.register');
  });

  it('shows the applicant the steps it always saw, and none of the internal ones', () => {
    const shown = REQUEST_TRANSITIONS.filter((t) => t.visibleToApplicant).map((t) => t.command);
    expect(shown.sort()).toEqual(
      [
        'register',
        'startAssessment',
        'requestSupplement',
        'recordSupplementNoticeServed',
        'recordSupplement',
        'abandonNoSupplement',
        'startThirdPartyConsultation',
        'recordThirdPartyOpinion',
        'startAgencyConsultation',
        'recordAgencyOpinion',
        'issueFeeNotice',
        'recordFeeNoticeReceived',
        'recordFeePaid',
        'waiveFee',
        'abandonNoPayment',
        'approveExtension',
        'notifyExtension',
        'setDelayedReply',
        'release',
        'close',
        'withdraw',
      ].sort(),
    );
  });

  it('check() answers without input, with the Chinese reason of each kind of refusal', () => {
    const closed = requestWorkflow.check({ ...base(), status: 'closed' }, 'release', ctx(clerk));
    expect(!closed.ok && closed.error).toBeInstanceOf(IllegalTransitionError);
    expect(!closed.ok && closed.error.message).toBe('当前状态为「已归档」，不能执行「送达答复」。');
    const forbidden = requestWorkflow.check(registered(), 'draftAnswer', ctx(clerk2));
    expect(!forbidden.ok && forbidden.error).toBeInstanceOf(CaseForbiddenError);
    expect(!forbidden.ok && forbidden.error.message).toBe('您无权对本申请执行「拟定答复」。');
    const guarded = requestWorkflow.check(registered(), 'approveExtension', ctx(head));
    expect(!guarded.ok && guarded.error).toBeInstanceOf(GuardRefusedError);
    expect(!guarded.ok && guarded.error).toMatchObject({ code: 'NO_EXTENSION_REQUEST', message: '没有待审批的延期申请。' });
    // Submitting for review needs no review id to be asked about (no placeholder values).
    expect(requestWorkflow.check({ ...registered(), status: 'drafting' }, 'submitForSecrecyReview', ctx(clerk))).toMatchObject({ ok: false, error: { code: 'NO_DRAFT' } });
    const drafted = run(registered(), [[sample.draftAnswer, clerk, '2026-02-11']]);
    expect(requestWorkflow.check(drafted, 'submitForSecrecyReview', ctx(clerk)).ok).toBe(true);
  });

  it('decides with the agency policy in the context, not with constants', () => {
    const policy = agencyPolicy({ workflow: { defaultSupplementWorkingDays: 10 }, deadlines: { answerWorkingDays: 15, maxExtensionWorkingDays: 10 } });
    const c = run(base(), [[sample.register, clerk, '2026-02-10']]);
    const supplement = decide(c, { ...sample.requestSupplement, deliveredOn: d('2026-02-11') } as RequestCommand, ctx(clerk, '2026-02-11', policy));
    expect(supplement.event.data.periodWorkingDays).toBe(10);
    expect(supplement.deadlines?.supplement?.applicantDue).toBe(cal.addWorkingDays(d('2026-02-11'), 10).due);
    const ours = requestDeadlines(c, cal, policy.deadlines)!.answer!.due;
    expect(ours < requestDeadlines(c, cal, DEFAULT_AGENCY_POLICY.deadlines)!.answer!.due).toBe(true);
    expect(() => decide(c, sample.requestExtension, ctx(clerk, '2026-02-11', policy))).toThrow('延长期限须为1至10个工作日');
  });
});

describe('disclosure over a third party’s objection (Art. 32)', () => {
  const objected = (): RequestCase => {
    const c = decide({ ...base(), status: 'in-assessment', handlerId: clerk.id }, sample.startThirdPartyConsultation, ctx(clerk)).next;
    return decide(c, { type: 'recordThirdPartyOpinion', opinion: 'objection', answeredOn: d('2026-02-11') }, ctx(clerk)).next;
  };
  const signedOff = (c: RequestCase, decision: RequestCommand): RequestCase => ({ ...decide(c, decision, ctx(clerk)).next, secrecyReviewPassed: true, signedOffBy: leader.id, status: 'signed-off' });
  const disclosed: RequestCommand = { type: 'draftAnswer', decision: { type: 'disclosed', provision: { form: 'electronic', method: 'email', timeAndPlace: '随告知书发送。' } } };

  it('records the objection, and an answer disclosing over it cannot be served before the third party is told', () => {
    const c = objected();
    expect(c.thirdPartyObjectedOn).toBe('2026-02-11');
    const ready = signedOff(c, disclosed);
    expect(ready.draft?.overridesObjection).toBe(true);
    expect(requestWorkflow.check(ready, 'release', ctx(clerk))).toMatchObject({ ok: false, error: { code: 'OBJECTION_NOT_OVERRULED' } });
    const told = decide(ready, sample.overruleObjection, ctx(head)).next;
    expect(told.objectionOverruledOn).toBe('2026-02-11');
    expect(requestWorkflow.check(told, 'release', ctx(clerk)).ok).toBe(true);
  });

  it('a partial answer that withholds on the objection needs no such notice; the override is the head’s, once, and only after an objection', () => {
    const c = objected();
    const partial: RequestCommand = {
      type: 'draftAnswer',
      decision: {
        type: 'partial',
        provision: { form: 'electronic', method: 'email', timeAndPlace: '随告知书发送。' },
        withheldParts: [
          {
            part: '报价明细',
            withholding: {
              ground: 'third-party',
              interest: 'trade-secret',
              consultation: 'objected',
              publicInterestAssessment: '不公开不会对公共利益造成重大影响',
              reason: '第三方以商业秘密为由提出异议',
            },
          },
        ],
      },
    } as RequestCommand;
    expect(signedOff(c, partial).draft?.overridesObjection).toBeUndefined();
    expect(requestWorkflow.check(c, 'overruleObjection', ctx(clerk)).ok).toBe(false);
    expect(requestWorkflow.check({ ...base(), status: 'in-assessment' }, 'overruleObjection', ctx(head))).toMatchObject({ ok: false, error: { code: 'NO_OBJECTION' } });
    const told = decide(c, sample.overruleObjection, ctx(head)).next;
    expect(requestWorkflow.check(told, 'overruleObjection', ctx(head))).toMatchObject({ ok: false, error: { code: 'ALREADY_OVERRULED' } });
  });
});

describe('periodic review of withheld information (Art. 18)', () => {
  const served = (responseType: 'withheld' | 'partial' | 'disclosed', policy: AgencyPolicy = DEFAULT_AGENCY_POLICY): RequestCase =>
    decide(
      {
        ...base(),
        status: 'signed-off',
        handlerId: clerk.id,
        secrecyReviewPassed: true,
        signedOffBy: leader.id,
        draft: { responseType, outcomeRow: 'withheld-1', draftedBy: clerk.id },
      } as RequestCase,
      sample.release,
      ctx(clerk, '2026-02-11', policy),
    ).next;

  it('a refusal or a partial answer is reviewed a year after service, and a year after each review that upholds it', () => {
    expect(served('withheld').reReviewDue).toBe('2027-02-11');
    expect(served('partial').reReviewDue).toBe('2027-02-11');
    expect(served('disclosed').reReviewDue).toBeUndefined();
    // The case is not archived while what it withholds is under review.
    expect(requestWorkflow.check(served('withheld'), 'close', ctx(clerk))).toMatchObject({ ok: false, error: { code: 'RE_REVIEW_PENDING' } });
    expect(requestWorkflow.check(served('disclosed'), 'close', ctx(clerk)).ok).toBe(true);
    const again = decide(served('withheld'), sample.recordReReview, ctx(clerk, '2027-02-10')).next;
    expect(again.reReviewDue).toBe('2028-02-10');
    expect(again.reReviews).toEqual([{ on: '2027-02-10', groundHolds: true, note: '仍涉及商业秘密', by: clerk.id }]);
  });

  it('once the ground no longer holds, no more reviews; an agency sets the period or turns it off', () => {
    const released = decide(served('withheld'), { type: 'recordReReview', groundHolds: false, note: '项目已竣工验收，可以公开' }, ctx(head, '2026-08-01')).next;
    expect(released.reReviewDue).toBeUndefined();
    expect(requestWorkflow.check(released, 'recordReReview', ctx(head))).toMatchObject({ ok: false, error: { code: 'NO_RE_REVIEW' } });
    const half = { ...DEFAULT_AGENCY_POLICY, workflow: { ...DEFAULT_AGENCY_POLICY.workflow, reReviewMonths: 6 } };
    expect(served('withheld', half).reReviewDue).toBe('2026-08-11');
    expect(served('withheld', { ...half, workflow: { ...half.workflow, reReviewMonths: 0 } }).reReviewDue).toBeUndefined();
  });
});

describe('the applicant’s suggestion of proactive disclosure (Art. 44(2))', () => {
  it('must be reviewed before the answer is drafted, and only when there is one', () => {
    const suggested = { ...openCase({ id: 'k2', trackingNumber: 'YSQ-2026-000002', receivedOn: d('2026-02-10'), proactiveSuggested: true }), status: 'in-assessment' as const, handlerId: clerk.id };
    expect(requestWorkflow.check(suggested, 'draftAnswer', ctx(clerk))).toMatchObject({ ok: false, error: { code: 'SUGGESTION_OPEN' } });
    const reviewed = decide(suggested, sample.answerProactiveSuggestion, ctx(clerk)).next;
    expect(reviewed.proactiveSuggestion).toEqual({ status: 'answered', accepted: true, reason: '该信息涉及公众切身利益' });
    expect(requestWorkflow.check(reviewed, 'draftAnswer', ctx(clerk)).ok).toBe(true);
    expect(requestWorkflow.check({ ...base(), status: 'in-assessment', handlerId: clerk.id }, 'answerProactiveSuggestion', ctx(clerk))).toMatchObject({ ok: false, error: { code: 'NO_SUGGESTION' } });
  });
});
