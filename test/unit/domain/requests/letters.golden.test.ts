import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoDate } from '#domain/calendar';
import { CORRECTION_OUTCOMES, correctionLetter, correctionLetterText } from '#domain/corrections';
import {
  answerLetterText,
  assessFee,
  documentText,
  generateAnswerLetter,
  generateNotice,
  NOTICE_KINDS,
  overdueRemediesText,
  parseDecision,
  RESPONSE_TYPES,
  type DecisionInput,
  type NoticeFacts,
  type NoticeKind,
  type ResponseType,
} from '#domain/requests';

/*
 * Golden texts: every answer type and every correction outcome, generated from one realistic case
 * and compared with the reviewed text under test/fixtures/letters/. A change of wording is then a
 * visible diff that a reviewer signs off. After a deliberate change: UPDATE_GOLDEN=1 npx vitest run
 * test/unit/domain/requests/letters.golden.test.ts, and read the diff before committing it.
 */
const FIXTURES = new URL('../../../fixtures/letters/', import.meta.url);

function golden(name: string, text: string): void {
  const file = new URL(`${name}.txt`, FIXTURES);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, `${text}\n`);
  expect(existsSync(file), `missing test/fixtures/letters/${name}.txt (UPDATE_GOLDEN=1 writes it)`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8').replace(/\n$/, ''));
}

const agency = {
  name: '示例市人民政府办公室',
  letterPrefix: '示例政信',
  address: '示例市人民路1号政务服务中心一楼政府信息公开窗口',
  phone: '010-12345678',
  reconsiderationBody: '示例市人民政府',
  court: '示例市示例区人民法院',
};
const application = { trackingNumber: 'YSQ-2026-000123', applicantName: '张三', receivedOn: isoDate('2026-02-10'), requestSummary: '示例市2025年财政预算执行情况报告的政府信息' };
const provision = { form: 'electronic', method: 'email', timeAndPlace: '随本告知书一并通过电子邮件发送。' } as const;

const CASES: Record<ResponseType, DecisionInput> = {
  'already-public': {
    type: 'already-public',
    whereToFind: '登录示例市人民政府门户网站“政府信息公开”专栏“财政预决算”栏目查阅',
    publishedOn: '2026年1月20日',
    url: 'https://www.example.gov.cn/xxgk/czyjs/',
  },
  disclosed: { type: 'disclosed', provision },
  withheld: {
    type: 'withheld',
    facts: '您申请的是本机关2026年第3次主任办公会议的讨论记录',
    grounds: [{ ground: 'process-information', kind: 'discussion-record', discretionReason: '该事项仍在研究论证中，公开讨论记录可能影响决策的正常进行' }],
  },
  partial: {
    type: 'partial',
    provision,
    withheldParts: [
      {
        part: '附表2中供应商的银行账号',
        withholding: {
          ground: 'third-party',
          interest: 'trade-secret',
          consultation: 'objected',
          publicInterestAssessment: '不公开该账号不会对公共利益造成重大影响',
          reason: '该供应商以属于商业秘密为由书面提出异议',
        },
      },
    ],
  },
  'does-not-exist': { type: 'does-not-exist', searchScope: '本机关文书档案管理系统及2024年至2026年纸质档案', searchMethods: '按文件名称、文号及关键词“财政预算执行”检索', searchedOn: '2026年2月24日' },
  'not-this-agency': { type: 'not-this-agency', reason: '该报告由示例市财政局编制并向市人民代表大会常务委员会报告', competentAgency: { name: '示例市财政局', contact: '010-87654321' } },
  'repeat-request': { type: 'repeat-request', earlierTrackingNumber: 'YSQ-2026-000045', earlierAnswerDate: '2026年1月15日' },
  'special-regime': { type: 'special-regime', regime: '不动产登记资料查询', lawReference: '《不动产登记暂行条例》第二十七条', whereToApply: '请向示例市不动产登记中心申请查询' },
  'not-government-information': { type: 'not-government-information', reason: '您要求本机关对有关政策的适用作出解释，这不是行政机关已经制作或者获取的信息' },
  'no-duty-to-create': { type: 'no-duty-to-create', reason: '您要求的分区县、分月份统计数据需要本机关对现有信息进行汇总、分析后重新制作' },
  'petition-complaint': { type: 'petition-complaint', properChannel: '示例市信访局（示例市人民路2号）或12345政务服务便民热线' },
  publication: { type: 'publication', whereToObtain: '《示例市人民政府公报》2026年第2期，可在各新华书店购买或在示例市人民政府门户网站“政府公报”栏目免费查阅' },
  'unreasonable-volume': { type: 'unreasonable-volume', explanationRequestedOn: '2026年2月12日', reason: '您在一个月内提交申请120件，所说明的理由与所申请信息之间没有关联' },
  'confirm-or-reissue': { type: 'confirm-or-reissue', reason: '您已于2026年1月15日获取该文件，现要求本机关对其内容的真实性出具书面确认' },
  'still-unclear': { type: 'still-unclear', supplementRequestedOn: '2026年2月12日', supplementReceivedOn: '2026年2月26日', reason: '补正材料仍未说明所需信息的时间范围和具体事项' },
};

describe('golden texts of the letters (test/fixtures/letters/)', () => {
  it('has a case for every answer type', () => expect(Object.keys(CASES).sort()).toEqual([...RESPONSE_TYPES].sort()));

  it.each(RESPONSE_TYPES)('answer letter: %s', (type) => {
    const letter = generateAnswerLetter({ agency, application, decision: parseDecision(CASES[type]), letterSequence: 12, letterDate: isoDate('2026-03-10') });
    golden(`answer-${type}`, answerLetterText(letter));
  });

  it('an answer tells the applicant what became of their suggestion of proactive disclosure (Art. 44(2))', () => {
    const proactiveSuggestion = { accepted: false, reason: '该信息仅涉及您个人的特定事项，不属于涉及公众利益调整、需要公众广泛知晓的信息。' };
    const letter = generateAnswerLetter({ agency, application, decision: parseDecision(CASES.disclosed), letterSequence: 12, letterDate: isoDate('2026-03-10'), proactiveSuggestion });
    golden('answer-disclosed-proactive-suggestion', answerLetterText(letter));
  });

  it.each(CORRECTION_OUTCOMES)('correction answer: %s', (outcome) => {
    const letter = correctionLetter({
      agency,
      applicantName: '李四',
      trackingNumber: 'GZ-2026-000007',
      receivedOn: isoDate('2026-02-10'),
      recordConcerned: '2026年第一批城乡低保审核结果公示',
      case: {
        outcome,
        corrected: { recordType: 'item', recordId: 'item-7', previousVersion: 1, newVersion: 2, summary: '家庭人口数由2人更正为3人' },
        plannedCorrection: '家庭人口数更正为3人',
        referredTo: '示例市公安局（联系电话：010-110）',
        reasons: outcome === 'refused' ? '您提供的户口簿显示的家庭人口与公示内容一致' : '户籍登记信息由公安机关负责登记和更正',
      },
      date: isoDate('2026-03-10'),
      sequence: 7,
    });
    golden(`correction-${outcome}`, correctionLetterText(letter));
  });

  it('the overdue-remedies text on the tracking page', () => golden('overdue-remedies', overdueRemediesText(isoDate('2026-03-10'), agency)));

  // Every procedural notice, from the same case (a reduced per-volume fee shows every tier).
  const NOTICES: Record<NoticeKind, NoticeFacts> = {
    supplement: { kind: 'supplement', deficiencies: ['所需政府信息的名称、文号或者便于查询的其他特征性描述', '申请人身份证明的复印件'], periodWorkingDays: 15 },
    extension: { kind: 'extension', reason: '所申请的信息涉及多个年度的档案，需要逐卷查找', workingDays: 20, newDue: isoDate('2026-04-08'), approver: '王五' },
    fee: {
      kind: 'fee',
      assessment: assessFee({ method: 'per-volume', pages: 250 }),
      amountYuan: 4000,
      reductionReason: '申请人所需信息中部分页面为表格封面，复制成本较低',
      payment: '通过示例市非税收入统一缴款平台缴纳（执收单位：示例市人民政府办公室，缴款码随本通知书送达）',
      periodWorkingDays: 20,
      pausesClock: true,
    },
    delay: { kind: 'delay', reason: '所申请的信息共涉及120个事项，需要逐一检索、审查', due: isoDate('2026-05-29') },
    'third-party-consultation': { kind: 'third-party-consultation', consultee: '示例建设工程有限公司', concerning: '贵公司在“示例路改造工程”招标中提交的投标报价明细', periodWorkingDays: 15 },
    'agency-consultation': { kind: 'agency-consultation', consultee: '示例市财政局', concerning: '本机关与贵局联合印发的《示例市2025年财政预算执行情况报告》', periodWorkingDays: 15 },
    'disclosure-over-objection': {
      kind: 'disclosure-over-objection',
      consultee: '示例建设工程有限公司',
      consultedOn: isoDate('2026-02-12'),
      content: '“示例路改造工程”中标价及工程量清单',
      reason: '该工程使用财政资金，中标价关系公共资金的使用，不公开将影响公众对财政资金使用的监督',
    },
  };
  it('has a case for every notice', () => expect(Object.keys(NOTICES).sort()).toEqual([...NOTICE_KINDS].sort()));
  it.each(NOTICE_KINDS)('notice: %s', (kind) => golden(`notice-${kind}`, documentText(generateNotice({ agency, application, facts: NOTICES[kind], issuedOn: isoDate('2026-02-13'), sequence: 4 }))));
  it('a second supplement notice says the supplemented content is still unclear', () =>
    golden(
      'notice-supplement-repeat',
      documentText(generateNotice({ agency, application, facts: { ...NOTICES.supplement, repeat: true } as NoticeFacts, issuedOn: isoDate('2026-03-02'), sequence: 9 })),
    ));
  it('a per-application fee notice states the monthly ordinal and the tier', () =>
    golden(
      'notice-fee-per-application',
      documentText(
        generateNotice({
          agency,
          application,
          facts: {
            kind: 'fee',
            assessment: assessFee({ method: 'per-application', monthlyOrdinal: 35 }),
            amountYuan: 200,
            payment: '到本机关政府信息公开窗口扫码缴纳',
            periodWorkingDays: 20,
            pausesClock: false,
          },
          issuedOn: isoDate('2026-02-13'),
          sequence: 5,
        }),
      ),
    ));
});
