/**
 * The procedural notices of an application (程序性告知书), each a numbered document the agency signs
 * and serves like the answer: 补正告知书 (Art. 30), 延期答复告知书 (Art. 33(2)), the 收费通知书 of
 * 国办函〔2020〕109号, the 延迟答复告知书 of Art. 35, and the consultation letters to a third party
 * (征求第三方意见书, Art. 32) and to another agency (征求意见函, Art. 34). Pure: the default wording from the facts
 * the step recorded; the application layer numbers, stores, reviews and serves them.
 */
import { formatDateZh, type IsoDate } from '../calendar/iso-date';
import { CaseValidationError } from '../case/errors';
import { FEE_METHOD_LABELS, type FeeAssessment } from './fees';
import { clause, type AgencyProfile, type ApplicationFacts } from './letters';
import type { OfficialDocument } from './official-document';
import { REGULATION } from './responses';

export const NOTICE_KINDS = ['supplement', 'extension', 'fee', 'delay', 'third-party-consultation', 'agency-consultation', 'disclosure-over-objection'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_TITLES: Readonly<Record<NoticeKind, string>> = {
  supplement: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  fee: '政府信息公开信息处理费缴费通知书',
  delay: '政府信息公开申请延迟答复告知书',
  'third-party-consultation': '政府信息公开征求第三方意见书',
  'agency-consultation': '政府信息公开征求意见函',
  'disclosure-over-objection': '决定公开政府信息告知书',
};

/** The notices addressed to the applicant (the others go to a third party or an agency and never appear on /track). */
export const TO_APPLICANT: ReadonlySet<NoticeKind> = new Set(['supplement', 'extension', 'fee', 'delay']);

/** The mark after the letter prefix that gives each kind its own number series (示例公开补〔2026〕3号). */
export const NOTICE_SERIES_MARKS: Readonly<Record<NoticeKind, string>> = {
  supplement: '补',
  extension: '延',
  fee: '费',
  delay: '迟',
  'third-party-consultation': '征',
  'agency-consultation': '函',
  'disclosure-over-objection': '告',
};

const FEE_MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/** What each notice states, as the step recorded it. */
export type NoticeFacts =
  | {
      readonly kind: 'supplement';
      /** Every item to supplement, listed once (一次性告知). */
      readonly deficiencies: readonly string[];
      readonly periodWorkingDays: number;
      /** A second notice, allowed only because the supplemented content is still unclear. */
      readonly repeat?: boolean;
    }
  | {
      readonly kind: 'extension';
      readonly reason: string;
      readonly workingDays: number;
      /** The due date once extended (the original due plus the working days). */
      readonly newDue: IsoDate;
      /** Who approved it: the head of the GI work unit (政府信息公开工作机构负责人). */
      readonly approver: string;
    }
  | {
      readonly kind: 'fee';
      readonly assessment: FeeAssessment;
      /** The amount charged: the assessed one, or lower with the reason. */
      readonly amountYuan: number;
      readonly reductionReason?: string;
      /** How and where to pay (non-tax revenue: the agency's payment code or account), from the profile. */
      readonly payment: string;
      readonly periodWorkingDays: number;
      /** Whether the agency's policy stops the answer clock while the fee is unpaid [M?]. */
      readonly pausesClock: boolean;
    }
  | {
      readonly kind: 'delay';
      readonly reason: string;
      readonly due: IsoDate;
    }
  | {
      readonly kind: 'disclosure-over-objection';
      /** The third party that objected. */
      readonly consultee: string;
      /** The day it was consulted. */
      readonly consultedOn: IsoDate;
      /** What will be disclosed. */
      readonly content: string;
      /** Why not disclosing could significantly affect the public interest. */
      readonly reason: string;
    }
  | {
      readonly kind: 'third-party-consultation' | 'agency-consultation';
      /** The third party or agency addressed. */
      readonly consultee: string;
      /** The information concerned and why they are asked; never the applicant's identity. */
      readonly concerning: string;
      readonly periodWorkingDays: number;
    };

export interface NoticeInput {
  readonly agency: AgencyProfile;
  readonly application: ApplicationFacts;
  readonly facts: NoticeFacts;
  readonly issuedOn: IsoDate;
  /** Sequence number within the kind's series for the year of issue. */
  readonly sequence: number;
}

/** The notice's number in its own series: the letter prefix, the kind's mark, the year, the sequence. */
export function noticeNumber(agency: Pick<AgencyProfile, 'letterPrefix'>, kind: NoticeKind, issuedOn: IsoDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new CaseValidationError('告知书文号序号须为正整数。', { sequence: '须为正整数。' });
  return `${agency.letterPrefix}${NOTICE_SERIES_MARKS[kind]}〔${(issuedOn as string).slice(0, 4)}〕${sequence}号`;
}

/** The fee's standard and quantity (109号 Arts. 4–5), tier by tier. */
function standardText(a: FeeAssessment): string {
  if (a.method === 'per-application') {
    const l = a.lines[0]!;
    return `本申请为您本自然月内提出的第${l.from}件政府信息公开申请，收费标准为${l.rateYuan}元/件，计1件。`;
  }
  const pages = a.lines.reduce((n, l) => n + l.count, 0);
  const tiers = a.lines.map((l) => `第${l.from}至${l.to}页${l.rateYuan === 0 ? '免费' : `每页${l.rateYuan}元，计${l.subtotalYuan}元`}`);
  return `本申请需要提供的政府信息共${pages}页：${tiers.join('；')}。`;
}

const received = (app: ApplicationFacts) => `本机关于${formatDateZh(app.receivedOn)}收到您提出的政府信息公开申请（申请编号：${app.trackingNumber}）`;

function body(facts: NoticeFacts, app: ApplicationFacts, agency: AgencyProfile): { paragraphs: string[]; legalBasis: string[] } {
  switch (facts.kind) {
    case 'supplement': {
      const items = facts.deficiencies.map((d) => d.trim()).filter(Boolean);
      if (items.length === 0) throw new CaseValidationError('请逐项列明需要补正的内容。', { deficiencies: '请逐项列明需要补正的内容。' });
      const why = facts.repeat ? '您补正后的申请内容仍不明确' : '您的申请内容不明确或者不完整';
      return {
        paragraphs: [
          `${received(app)}，您申请获取${app.requestSummary}。经审查，${why}。根据${REGULATION}第三十条的规定，现一次性告知您需要补正以下事项：`,
          ...items.map((d, i) => `${i + 1}. ${d}`),
          `请您自收到本告知书之日起${facts.periodWorkingDays}个工作日内补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ],
        legalBasis: [`${REGULATION}第三十条`],
      };
    }
    case 'extension':
      return {
        paragraphs: [
          `${received(app)}。因${clause(facts.reason)}，本机关不能在规定的期限内作出答复。经本机关政府信息公开工作机构负责人${facts.approver}同意，根据${REGULATION}第三十三条第二款的规定，答复期限延长${facts.workingDays}个工作日，本机关将于${formatDateZh(facts.newDue)}前作出答复。`,
        ],
        legalBasis: [`${REGULATION}第三十三条第二款`],
      };
    case 'fee': {
      const a = facts.assessment;
      const article = a.method === 'per-application' ? '第四条' : '第五条';
      const reduced = facts.amountYuan < a.amountYuan;
      if (reduced && !facts.reductionReason?.trim()) throw new CaseValidationError('降低收费金额的，请填写理由。', { reductionReason: '降低收费金额的，请填写理由。' });
      return {
        paragraphs: [
          `${received(app)}。根据${REGULATION}第四十二条和${FEE_MEASURES}第三条、${article}的规定，本机关对您的申请${FEE_METHOD_LABELS[a.method]}信息处理费。`,
          `计收标准和数量：${standardText(a)}${reduced ? `按标准计算为${a.amountYuan}元，本机关决定降低为${facts.amountYuan}元，理由：${clause(facts.reductionReason!)}。` : ''}您应缴纳信息处理费${facts.amountYuan}元。`,
          `请您自收到本通知书之日起${facts.periodWorkingDays}个工作日内缴纳：${clause(facts.payment)}。`,
          `逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。${facts.pausesClock ? '自本通知书发出之日至您缴纳费用之日，不计算在答复期限内。' : ''}`,
        ],
        legalBasis: [`${REGULATION}第四十二条`, `${FEE_MEASURES}第三条、${article}`],
      };
    }
    case 'third-party-consultation':
      return {
        paragraphs: [
          `本机关于${formatDateZh(app.receivedOn)}收到一份政府信息公开申请，申请公开的信息涉及：${clause(facts.concerning)}。本机关认为，公开该信息可能损害您（单位）的合法权益。根据${REGULATION}第三十二条的规定，现书面征求您（单位）的意见。`,
          `请您（单位）自收到本意见书之日起${facts.periodWorkingDays}个工作日内提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照${REGULATION}的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您（单位）。`,
        ],
        legalBasis: [`${REGULATION}第三十二条`],
      };
    case 'disclosure-over-objection':
      return {
        paragraphs: [
          `本机关于${formatDateZh(facts.consultedOn)}就一份政府信息公开申请书面征求您（单位）的意见，您（单位）不同意公开。经审查，本机关认为不公开可能对公共利益造成重大影响，根据${REGULATION}第三十二条的规定，决定予以公开。`,
          `决定公开的政府信息内容：${clause(facts.content)}。`,
          `决定公开的理由：${clause(facts.reason)}。`,
          // The third party's remedy against the decision to disclose (a 反信息公开 case); not a refusal, so no 复议前置.
          `如对本决定不服，您（单位）可以自收到本告知书之日起六十日内向${agency.reconsiderationBody}申请行政复议，也可以自收到本告知书之日起六个月内向${agency.court}提起行政诉讼。`,
        ],
        legalBasis: [`${REGULATION}第三十二条`],
      };
    case 'agency-consultation':
      return {
        paragraphs: [
          `本机关于${formatDateZh(app.receivedOn)}收到一份政府信息公开申请，申请公开的信息涉及：${clause(facts.concerning)}。该信息由本机关与贵机关共同制作。根据${REGULATION}第三十四条的规定，现征求贵机关意见。`,
          `请贵机关自收到本函之日起${facts.periodWorkingDays}个工作日内提出意见；逾期未提出意见的，视为同意公开。`,
        ],
        legalBasis: [`${REGULATION}第三十四条`],
      };
    case 'delay':
      return {
        paragraphs: [
          `${received(app)}。您申请公开政府信息的数量、频次明显超过合理范围；本机关认为您说明的理由合理，但因${clause(facts.reason)}，无法在${REGULATION}第三十三条规定的期限内答复。根据${REGULATION}第三十五条的规定，本机关确定延迟答复的期限，将于${formatDateZh(facts.due)}前作出答复。`,
        ],
        legalBasis: [`${REGULATION}第三十五条`],
      };
  }
}

/** The notice as the agency signs it: numbered in its kind's series, addressed to the applicant or the consultee, with the contact line. */
export function generateNotice(input: NoticeInput): OfficialDocument {
  const { agency, application: app, facts } = input;
  const { paragraphs, legalBasis } = body(facts, app, agency);
  return {
    title: NOTICE_TITLES[facts.kind],
    number: noticeNumber(agency, facts.kind, input.issuedOn, input.sequence),
    // A consultation letter goes to the consultee and names no applicant (their identity is theirs to give).
    addressee: `${'consultee' in facts ? facts.consultee.trim() : app.applicantName}：`,
    paragraphs: [...paragraphs, `联系地址：${agency.address}；联系电话：${agency.phone}。`],
    legalBasis,
    signature: agency.name,
    date: formatDateZh(input.issuedOn),
  };
}
