/**
 * Response types of an answer (《条例》第三十条、第三十五条至第三十九条), the facts each must
 * record, and the annual-report Table B row each counts in (domain.md §6.3).
 */
import { z } from '../zod';
import type { FieldErrors } from '../errors';
import { CaseValidationError } from '../case/errors';

export const REGULATION = '《中华人民共和国政府信息公开条例》';

// ---------------------------------------------------------------------------------------------
// Table B outcome rows (三、本年度办理结果; 30号). 21 result rows + 总计 = 22.

export const OUTCOME_ROWS = [
  'disclosed',
  'partial',
  'withheld-1',
  'withheld-2',
  'withheld-3',
  'withheld-4',
  'withheld-5',
  'withheld-6',
  'withheld-7',
  'withheld-8',
  'unavailable-1',
  'unavailable-2',
  'unavailable-3',
  'not-processed-1',
  'not-processed-2',
  'not-processed-3',
  'not-processed-4',
  'not-processed-5',
  'other-1',
  'other-2',
  'other-3',
] as const;
export type OutcomeRow = (typeof OUTCOME_ROWS)[number];

export const OUTCOME_ROW_LABELS: Record<OutcomeRow, string> = {
  disclosed: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'withheld-1': '1.属于国家秘密',
  'withheld-2': '2.其他法律行政法规禁止公开',
  'withheld-3': '3.危及“三安全一稳定”',
  'withheld-4': '4.保护第三方合法权益',
  'withheld-5': '5.属于三类内部事务信息',
  'withheld-6': '6.属于四类过程性信息',
  'withheld-7': '7.属于行政执法案卷',
  'withheld-8': '8.属于行政查询事项',
  'unavailable-1': '1.本机关不掌握相关政府信息',
  'unavailable-2': '2.没有现成信息需要另行制作',
  'unavailable-3': '3.补正后申请内容仍不明确',
  'not-processed-1': '1.信访举报投诉类申请',
  'not-processed-2': '2.重复申请',
  'not-processed-3': '3.要求提供公开出版物',
  'not-processed-4': '4.无正当理由大量反复申请',
  'not-processed-5': '5.要求行政机关确认或重新出具已获取信息',
  'other-1': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'other-2': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'other-3': '3.其他',
};

export type OutcomeBlock = 'disclosed' | 'partial' | 'withheld' | 'unavailable' | 'not-processed' | 'other';
export function outcomeBlock(row: OutcomeRow): OutcomeBlock {
  return row === 'disclosed' || row === 'partial' ? row : (row.replace(/-\d$/, '') as OutcomeBlock);
}

// ---------------------------------------------------------------------------------------------
// Withholding grounds (Art. 14–16; Art. 37 for parts that are not government information; domain.md §3.1).
// Art. 36(7) special regimes are an answer of their own ('special-regime'), never a ground: a
// letter that withholds under 36(3) must not also send the applicant to another procedure.

export const WITHHOLDING_GROUNDS = [
  'state-secret',
  'prohibited-by-law',
  'security-stability',
  'third-party',
  'internal-affairs',
  'process-information',
  'enforcement-files',
  'not-government-information',
] as const;
export type WithholdingGround = (typeof WITHHOLDING_GROUNDS)[number];

export const WITHHOLDING_GROUND_INFO: Record<WithholdingGround, { readonly label: string; readonly row: OutcomeRow; readonly legalBasis: readonly string[] }> = {
  'state-secret': {
    label: '属于国家秘密',
    row: 'withheld-1',
    legalBasis: [`${REGULATION}第十四条`, '《中华人民共和国保守国家秘密法》'],
  },
  'prohibited-by-law': { label: '法律、行政法规禁止公开', row: 'withheld-2', legalBasis: [`${REGULATION}第十四条`] },
  'security-stability': {
    label: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
    row: 'withheld-3',
    legalBasis: [`${REGULATION}第十四条`],
  },
  'third-party': {
    label: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害',
    row: 'withheld-4',
    // Art. 32 is cited only when a consultation took place (legalBasisOf).
    legalBasis: [`${REGULATION}第十五条`],
  },
  'internal-affairs': { label: '属于内部事务信息', row: 'withheld-5', legalBasis: [`${REGULATION}第十六条第一款`] },
  'process-information': { label: '属于过程性信息', row: 'withheld-6', legalBasis: [`${REGULATION}第十六条第二款`] },
  'enforcement-files': { label: '属于行政执法案卷信息', row: 'withheld-7', legalBasis: [`${REGULATION}第十六条第二款`] },
  // Only for a part of the requested material (Art. 37 "不属于政府信息的内容"); a whole request for
  // such content is the 'not-government-information' answer. Its row is never used: a partial
  // disclosure counts as 部分公开 only.
  'not-government-information': { label: '不属于政府信息的内容（仅用于部分公开）', row: 'partial', legalBasis: [`${REGULATION}第二条`] },
};

export const SECURITY_INTERESTS = ['national-security', 'public-security', 'economic-security', 'social-stability'] as const;
export const SECURITY_INTEREST_LABELS: Record<(typeof SECURITY_INTERESTS)[number], string> = {
  'national-security': '国家安全',
  'public-security': '公共安全',
  'economic-security': '经济安全',
  'social-stability': '社会稳定',
};
export const INTERNAL_AFFAIRS_KINDS = ['personnel', 'logistics', 'internal-workflow'] as const;
export const INTERNAL_AFFAIRS_LABELS: Record<(typeof INTERNAL_AFFAIRS_KINDS)[number], string> = {
  personnel: '人事管理',
  logistics: '后勤管理',
  'internal-workflow': '内部工作流程',
};
export const PROCESS_INFORMATION_KINDS = ['discussion-record', 'draft', 'consultation-letter', 'request-report'] as const;
export const PROCESS_INFORMATION_LABELS: Record<(typeof PROCESS_INFORMATION_KINDS)[number], string> = {
  'discussion-record': '讨论记录',
  draft: '过程稿',
  'consultation-letter': '磋商信函',
  'request-report': '请示报告',
};
export const THIRD_PARTY_INTERESTS = ['trade-secret', 'privacy', 'other'] as const;
export const THIRD_PARTY_INTEREST_LABELS: Record<(typeof THIRD_PARTY_INTERESTS)[number], string> = {
  'trade-secret': '商业秘密',
  privacy: '个人隐私',
  other: '其他合法权益',
};
/** Art. 32: objection with reasonable grounds, no reply in 15 working days, or not consulted. */
export const CONSULTATION_RESULTS = ['objected', 'no-reply', 'not-consulted'] as const;
export const CONSULTATION_RESULT_LABELS: Record<(typeof CONSULTATION_RESULTS)[number], string> = {
  objected: '第三方提出异议且理由合理',
  'no-reply': '第三方逾期未提出意见',
  'not-consulted': '未征求第三方意见',
};

const req = (label: string, max = 2000) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, { error: `请填写${label}。` })
    .max(max, { error: `${label}不能超过${max}个字。` });
const opt = (label: string, max = 2000) => req(label, max).optional();

/** One withholding ground with the facts the letter must state (domain.md §3.2 "per ground"). */
export const withholdingSchema = z.discriminatedUnion(
  'ground',
  [
    z.object({ ground: z.literal('state-secret'), reason: req('不予公开的理由') }),
    z.object({
      ground: z.literal('prohibited-by-law'),
      /** The law or administrative regulation and its article must be named. */
      lawName: req('禁止公开的法律、行政法规名称', 100).refine((v) => /^《.+》$/.test(v), { error: '法律、行政法规名称请加书名号，如《中华人民共和国统计法》。' }),
      article: req('具体条款', 50).refine((v) => /第.+条/.test(v), { error: '请写明具体条款，如“第九条第一款”。' }),
      reason: req('不予公开的理由'),
    }),
    z.object({
      ground: z.literal('security-stability'),
      interests: z.array(z.enum(SECURITY_INTERESTS), { error: '请选择可能危及的利益。' }).min(1, { error: '请选择可能危及的利益。' }),
      /** A bare assertion is a litigation risk: the concrete risk must be stated. */
      reason: req('具体理由').min(15, { error: '请具体说明公开后可能造成的危害（不少于15个字）。' }),
    }),
    z.object({
      ground: z.literal('third-party'),
      interest: z.enum(THIRD_PARTY_INTERESTS, { error: '请选择涉及的第三方权益类型。' }),
      consultation: z.enum(CONSULTATION_RESULTS, { error: '请选择征求第三方意见的结果。' }),
      publicInterestAssessment: req('公共利益衡量情况'),
      reason: req('不予公开的理由'),
    }),
    z.object({
      ground: z.literal('internal-affairs'),
      kind: z.enum(INTERNAL_AFFAIRS_KINDS, { error: '请选择内部事务信息的类别。' }),
      /** Art. 16 is discretionary: the letter must show that discretion was exercised. */
      discretionReason: req('裁量不予公开的理由'),
    }),
    z.object({
      ground: z.literal('process-information'),
      kind: z.enum(PROCESS_INFORMATION_KINDS, { error: '请选择过程性信息的类别。' }),
      discretionReason: req('裁量不予公开的理由'),
    }),
    z.object({ ground: z.literal('enforcement-files'), discretionReason: req('裁量不予公开的理由') }),
    z.object({ ground: z.literal('not-government-information'), reason: req('该部分不属于政府信息的理由') }),
  ],
  { error: '请选择不予公开的理由类别。' },
);
export type Withholding = z.output<typeof withholdingSchema>;

/** Art. 40: how, where and when the information is provided (Art. 36(2) "how, where and when"). */
export const provisionSchema = z.object({
  form: z.enum(['paper', 'electronic'], { error: '请选择提供信息的载体形式。' }),
  method: z.enum(['post', 'email', 'download', 'pickup', 'on-site-reading'], { error: '请选择提供方式。' }),
  /** Where and when, in words: “随本告知书一并提供”, “请于2026年3月20日前到……领取”. */
  timeAndPlace: req('提供信息的时间和地点'),
});
export type Provision = z.output<typeof provisionSchema>;

// ---------------------------------------------------------------------------------------------
// Response types

export const RESPONSE_TYPES = [
  'already-public',
  'disclosed',
  'withheld',
  'partial',
  'does-not-exist',
  'not-this-agency',
  'repeat-request',
  'special-regime',
  'not-government-information',
  'no-duty-to-create',
  'petition-complaint',
  'publication',
  'unreasonable-volume',
  'confirm-or-reissue',
  'still-unclear',
] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

export interface ResponseTypeInfo {
  readonly label: string;
  readonly article: string;
  readonly legalBasis: readonly string[];
  /** Row for types whose row does not depend on the grounds (withheld: from its first ground). */
  readonly row: OutcomeRow | null;
}

export const RESPONSE_TYPE_INFO: Record<ResponseType, ResponseTypeInfo> = {
  'already-public': { label: '已主动公开', article: '第三十六条第（一）项', legalBasis: [`${REGULATION}第三十六条第（一）项`], row: 'disclosed' },
  disclosed: { label: '予以公开', article: '第三十六条第（二）项', legalBasis: [`${REGULATION}第三十六条第（二）项`], row: 'disclosed' },
  withheld: { label: '不予公开', article: '第三十六条第（三）项', legalBasis: [`${REGULATION}第三十六条第（三）项`], row: null },
  partial: { label: '部分公开', article: '第三十七条', legalBasis: [`${REGULATION}第三十七条`], row: 'partial' },
  'does-not-exist': { label: '信息不存在', article: '第三十六条第（四）项', legalBasis: [`${REGULATION}第三十六条第（四）项`], row: 'unavailable-1' },
  'not-this-agency': { label: '非本机关负责公开', article: '第三十六条第（五）项', legalBasis: [`${REGULATION}第三十六条第（五）项`], row: 'unavailable-1' },
  'repeat-request': { label: '重复申请不予重复处理', article: '第三十六条第（六）项', legalBasis: [`${REGULATION}第三十六条第（六）项`], row: 'not-processed-2' },
  'special-regime': {
    label: '依照有关法律、行政法规的规定办理',
    article: '第三十六条第（七）项',
    legalBasis: [`${REGULATION}第三十六条第（七）项`],
    // [M?] domain.md §6.3: "most likely" 不予公开-8 行政查询事项; configurable in tableBRow().
    row: 'withheld-8',
  },
  'not-government-information': {
    label: '不属于政府信息',
    article: '第二条',
    legalBasis: [`${REGULATION}第二条`],
    // [M?] 30号 has no row for it; 其他处理-3 "其他" is the closest. Configurable in tableBRow().
    row: 'other-3',
  },
  'no-duty-to-create': { label: '没有现成信息需要另行制作', article: '第三十八条', legalBasis: [`${REGULATION}第三十八条`], row: 'unavailable-2' },
  'petition-complaint': { label: '信访、投诉、举报类申请不作为政府信息公开申请处理', article: '第三十九条第一款', legalBasis: [`${REGULATION}第三十九条第一款`], row: 'not-processed-1' },
  publication: { label: '要求提供公开出版物', article: '第三十九条第二款', legalBasis: [`${REGULATION}第三十九条第二款`], row: 'not-processed-3' },
  'unreasonable-volume': { label: '无正当理由大量反复申请不予处理', article: '第三十五条', legalBasis: [`${REGULATION}第三十五条`], row: 'not-processed-4' },
  'confirm-or-reissue': {
    label: '要求确认或重新出具已获取信息',
    // No article of the Regulation covers it (Art. 39 is petitions and publications); the basis
    // the letter cites is the agency's LetterPolicy.confirmOrReissueBasis (docs/legal-notes.md).
    article: '',
    legalBasis: [],
    row: 'not-processed-5',
  },
  'still-unclear': { label: '补正后申请内容仍不明确', article: '第三十条', legalBasis: [`${REGULATION}第三十条`], row: 'unavailable-3' },
};

/** What a decision on an application records, per response type (the letter is built from it). */
export const decisionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('already-public'),
      /** Art. 36(1): how and where to obtain it. */
      whereToFind: req('获取该信息的方式和途径'),
      publishedOn: opt('主动公开日期', 20),
      url: opt('网址', 500),
    }),
    z.object({ type: z.literal('disclosed'), provision: provisionSchema, note: opt('其他说明') }),
    z.object({
      type: z.literal('withheld'),
      facts: req('查明的事实'),
      grounds: z
        .array(withholdingSchema)
        .min(1, { error: '请至少填写一项不予公开的理由。' })
        .refine((gs) => gs.every((g) => g.ground !== 'not-government-information'), { error: '申请内容整体不属于政府信息的，请选择“不属于政府信息”答复类型。' }),
    }),
    z.object({
      type: z.literal('partial'),
      provision: provisionSchema,
      /** Art. 37: each withheld part with its own reason. */
      withheldParts: z.array(z.object({ part: req('不予公开的部分', 500), withholding: withholdingSchema })).min(1, { error: '部分公开的，请逐项列明不予公开的部分及理由。' }),
    }),
    z.object({
      type: z.literal('does-not-exist'),
      /** A reasonable search (合理检索) is what courts examine; scope and methods stay on file. */
      searchScope: req('检索范围'),
      searchMethods: req('检索方式'),
      searchedOn: opt('检索日期', 20),
    }),
    z.object({
      type: z.literal('not-this-agency'),
      reason: req('不属于本机关负责公开的理由'),
      /** Art. 36(5): when the responsible agency can be determined, its name and contact are told; absent, the letter says it cannot be. */
      competentAgency: z.object({ name: req('负责公开的机关名称', 200), contact: req('该机关的联系方式', 200) }).optional(),
    }),
    z.object({
      type: z.literal('repeat-request'),
      earlierTrackingNumber: req('此前申请的编号', 30),
      earlierAnswerDate: req('此前答复日期', 20),
    }),
    z.object({
      type: z.literal('special-regime'),
      regime: req('适用的查询制度（如不动产登记资料查询）', 200),
      lawReference: req('规定该查询制度的法律、行政法规及条款', 200),
      whereToApply: opt('办理机构和途径', 500),
    }),
    z.object({ type: z.literal('not-government-information'), reason: req('不属于政府信息的理由') }),
    z.object({ type: z.literal('no-duty-to-create'), reason: req('需要另行制作或加工、分析的理由') }),
    z.object({ type: z.literal('petition-complaint'), properChannel: opt('可通过的渠道', 500) }),
    // Art. 39(2): the agency tells the applicant where to obtain the publication; that is the whole answer.
    z.object({ type: z.literal('publication'), whereToObtain: req('获取公开出版物的途径', 500) }),
    z.object({
      type: z.literal('unreasonable-volume'),
      /** Art. 35: the agency asked for reasons and found them unreasonable. */
      explanationRequestedOn: req('要求申请人说明理由的日期', 20),
      reason: req('认定理由不合理的依据'),
    }),
    z.object({ type: z.literal('confirm-or-reissue'), reason: req('理由') }),
    z.object({
      type: z.literal('still-unclear'),
      supplementRequestedOn: req('补正通知日期', 20),
      supplementReceivedOn: req('收到补正材料日期', 20),
      reason: req('补正后仍不明确的具体情况'),
    }),
  ],
  { error: '请选择答复类型。' },
);
export type Decision = z.output<typeof decisionSchema>;
export type DecisionInput = z.input<typeof decisionSchema>;

/** Validates a decision; throws CaseValidationError with field messages. */
export function parseDecision(input: unknown): Decision {
  const r = decisionSchema.safeParse(input);
  if (r.success) return r.data;
  const fields: FieldErrors = {};
  for (const i of r.error.issues) {
    const key = i.path.map(String).join('.') || 'type';
    if (!(key in fields)) fields[key] = i.message;
  }
  throw new CaseValidationError('答复内容不完整，请按提示补充。', fields);
}

export interface OutcomeMappingOptions {
  /** [M?] Art. 36(7) special regimes; domain.md §6.3 suggests 不予公开-8. */
  readonly specialRegimeRow?: OutcomeRow;
  /** [M?] Art. 2 answers; 30号 has no row, 其他处理-3 by default. */
  readonly notGovernmentInformationRow?: OutcomeRow;
}

/**
 * The single Table B row of a decision. Partial disclosure counts only as 部分公开 (30号 note);
 * a withholding on several grounds counts once, under its first (principal) ground.
 */
export function tableBRow(decision: Decision, options: OutcomeMappingOptions = {}): OutcomeRow {
  switch (decision.type) {
    case 'withheld':
      return WITHHOLDING_GROUND_INFO[decision.grounds[0]!.ground].row;
    case 'special-regime':
      return options.specialRegimeRow ?? 'withheld-8';
    case 'not-government-information':
      return options.notGovernmentInformationRow ?? 'other-3';
    default:
      return RESPONSE_TYPE_INFO[decision.type].row!;
  }
}

/** The legal basis citations of a decision: the response article plus those of every ground. */
export function legalBasisOf(decision: Decision): string[] {
  const out = [...RESPONSE_TYPE_INFO[decision.type].legalBasis];
  const grounds = decision.type === 'withheld' ? decision.grounds : decision.type === 'partial' ? decision.withheldParts.map((p) => p.withholding) : [];
  for (const g of grounds) {
    for (const b of WITHHOLDING_GROUND_INFO[g.ground].legalBasis) out.push(b);
    if (g.ground === 'prohibited-by-law') out.push(`${g.lawName}${g.article}`);
    if (g.ground === 'third-party' && g.consultation !== 'not-consulted') out.push(`${REGULATION}第三十二条`);
  }
  if (decision.type === 'special-regime') out.push(decision.lawReference);
  return [...new Set(out)];
}

/** Outcomes that end a case without a response letter, with their Table B rows. */
export const NON_LETTER_OUTCOME_ROWS = {
  'abandoned-no-supplement': 'other-1',
  'abandoned-no-payment': 'other-2',
  // [M?] 30号 has no withdrawal row; 其他处理-3 "其他" is the closest. Confirm with the GI office.
  withdrawn: 'other-3',
} as const satisfies Record<string, OutcomeRow>;
