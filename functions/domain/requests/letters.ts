/**
 * The answer letter (政府信息公开申请答复告知书): a pure generator of the default wording for
 * every response type (domain.md §3.2). Staff may edit paragraphs before review; the generator
 * only gives the default. The remedy paragraph is always filled in: a missing remedy notice
 * lets the applicant's time limits run up to one year (复议法第二十条第二款).
 */
import { formatDateZh, type IsoDate } from '../calendar/iso-date';
import { CaseValidationError } from '../case/errors';
import { documentText, type OfficialDocument } from './official-document';
import {
  CONSULTATION_RESULT_LABELS,
  INTERNAL_AFFAIRS_LABELS,
  PROCESS_INFORMATION_LABELS,
  REGULATION,
  RESPONSE_TYPE_INFO,
  RESPONSE_TYPES,
  SECURITY_INTEREST_LABELS,
  THIRD_PARTY_INTEREST_LABELS,
  legalBasisOf,
  type Decision,
  type Provision,
  type ResponseType,
  type Withholding,
} from './responses';

export interface AgencyProfile {
  /** 示例市示例局 */
  readonly name: string;
  /** Letter number prefix, e.g. 示例公开 → 示例公开〔2026〕12号. */
  readonly letterPrefix: string;
  readonly address: string;
  readonly phone: string;
  /**
   * Reconsideration body (复议法2023 第二十四条): for a local government department, the people's
   * government at the same level, e.g. 示例市人民政府. Configurable (vertical bodies: Art. 27).
   */
  readonly reconsiderationBody: string;
  /** Court for litigation, e.g. 示例市示例区人民法院. */
  readonly court: string;
}

export interface ApplicationFacts {
  readonly trackingNumber: string;
  /** Name as written on the application (organisation name for organisations). */
  readonly applicantName: string;
  readonly receivedOn: IsoDate;
  /** One sentence: “……的相关信息”. */
  readonly requestSummary: string;
}

export type RemedyWording = 'reconsideration-first' | 'either';

/**
 * Which remedy paragraph each answer carries, chosen by the decision, not by the Table B row it is
 * counted in (a special regime counts under 不予公开-8 but refuses nothing).
 */
export type RemedyPolicy = Readonly<Record<ResponseType, RemedyWording>>;

/**
 * 复议法 (2023) Art. 23(1)(4): where an agency refuses disclosure (不予公开), reconsideration comes
 * first; the default gives that wording to 不予公开 and 部分公开 (domain.md §3.2 "Implement"). How
 * far 复议前置 reaches beyond them is debated [M?]: an agency whose counsel reads it more broadly
 * sets reconsideration-first for more types (telling an applicant to reconsider first costs them
 * nothing; telling them they may sue directly when they may not can cost them the suit).
 */
export const DEFAULT_REMEDY_POLICY: RemedyPolicy = {
  ...(Object.fromEntries(RESPONSE_TYPES.map((t) => [t, 'either'])) as Record<ResponseType, RemedyWording>),
  withheld: 'reconsideration-first',
  partial: 'reconsideration-first',
};

/** The agency's readings in its letters (AgencyPolicy.letters). */
export interface LetterPolicy {
  readonly remedies: RemedyPolicy;
  /**
   * [M?] What a 要求确认或重新出具已获取信息 answer cites. No article of the Regulation covers it
   * (Art. 39 is petitions and publications, which the old letters cited); the default is Art. 2's
   * definition of government information, which such a request does not ask for. For counsel:
   * docs/legal-notes.md.
   */
  readonly confirmOrReissueBasis: string;
}

export const DEFAULT_LETTER_POLICY: LetterPolicy = {
  remedies: DEFAULT_REMEDY_POLICY,
  confirmOrReissueBasis: `${REGULATION}第二条`,
};

export interface LetterParagraph {
  /** Stable key so edits survive regeneration and reviewers see what changed. */
  readonly key: string;
  readonly text: string;
}

export interface AnswerLetter {
  readonly title: string;
  readonly number: string;
  readonly salutation: string;
  readonly paragraphs: readonly LetterParagraph[];
  readonly legalBasis: readonly string[];
  readonly remedies: string;
  readonly remedyWording: RemedyWording;
  readonly signature: string;
  readonly date: string;
  readonly responseType: ResponseType;
}

export interface LetterInput {
  readonly agency: AgencyProfile;
  readonly application: ApplicationFacts;
  readonly decision: Decision;
  /** Sequence number within the year of the letter date. */
  readonly letterSequence: number;
  readonly letterDate: IsoDate;
  readonly policy?: LetterPolicy;
  /** Art. 44(2): the agency's view of the applicant's suggestion of proactive disclosure, told in the answer. */
  readonly proactiveSuggestion?: { readonly accepted: boolean; readonly reason: string };
}

const PROVISION_METHOD: Record<Provision['method'], string> = {
  post: '邮寄',
  email: '电子邮件',
  download: '在线下载',
  pickup: '当面领取',
  'on-site-reading': '现场查阅、抄录',
};

function provisionText(p: Provision): string {
  return `本机关以${p.form === 'paper' ? '纸质' : '电子'}形式、通过${PROVISION_METHOD[p.method]}方式向您提供，${p.timeAndPlace}`;
}

/** The reasons for one withholding ground, in the terms domain.md §3.2 asks for. */
export function withholdingReason(g: Withholding): string {
  switch (g.ground) {
    case 'state-secret':
      return `该信息属于依法确定的国家秘密，${g.reason}。根据${REGULATION}第十四条和《中华人民共和国保守国家秘密法》的规定，不予公开`;
    case 'prohibited-by-law':
      return `${g.lawName}${g.article}规定该信息不得公开，${g.reason}。根据${REGULATION}第十四条的规定，不予公开`;
    case 'security-stability':
      return `该信息公开后可能危及${g.interests.map((i) => SECURITY_INTEREST_LABELS[i]).join('、')}，具体理由为：${g.reason}。根据${REGULATION}第十四条的规定，不予公开`;
    case 'third-party':
      return `该信息涉及第三方的${THIRD_PARTY_INTEREST_LABELS[g.interest]}，公开会对第三方合法权益造成损害。${
        // Only say a consultation happened when it did (Art. 32); otherwise the letter would contradict itself.
        g.consultation === 'not-consulted' ? '' : `本机关依照${REGULATION}第三十二条的规定书面征求了第三方意见，结果为：${CONSULTATION_RESULT_LABELS[g.consultation]}。`
      }经公共利益衡量：${g.publicInterestAssessment}。${g.reason}。根据${REGULATION}第十五条的规定，不予公开`;
    case 'internal-affairs':
      return `该信息属于${INTERNAL_AFFAIRS_LABELS[g.kind]}等内部事务信息，且无法律、法规、规章规定应当公开。本机关经裁量认为：${g.discretionReason}。根据${REGULATION}第十六条第一款的规定，不予公开`;
    case 'process-information':
      return `该信息属于行政机关在履行行政管理职能过程中形成的${PROCESS_INFORMATION_LABELS[g.kind]}，属于过程性信息，且无法律、法规、规章规定应当公开。本机关经裁量认为：${g.discretionReason}。根据${REGULATION}第十六条第二款的规定，不予公开`;
    case 'enforcement-files':
      return `该信息属于行政执法案卷信息，且无法律、法规、规章规定应当公开。本机关经裁量认为：${g.discretionReason}。根据${REGULATION}第十六条第二款的规定，不予公开`;
    case 'not-government-information':
      return `该部分内容不属于${REGULATION}第二条规定的政府信息，理由为：${g.reason}。根据${REGULATION}第三十七条的规定，不予提供`;
  }
}

function bodyParagraphs(d: Decision, policy: LetterPolicy): LetterParagraph[] {
  const p = (key: string, text: string): LetterParagraph => ({ key, text: text.endsWith('。') ? text : `${text}。` });
  switch (d.type) {
    case 'already-public':
      return [
        p('facts', `经审查，您申请获取的信息已由本机关主动公开${d.publishedOn ? `（公开日期：${d.publishedOn}）` : ''}`),
        p('decision', `根据${REGULATION}第三十六条第（一）项的规定，现告知您获取该信息的方式和途径：${d.whereToFind}${d.url ? `（网址：${d.url}）` : ''}`),
      ];
    case 'disclosed':
      return [
        p('decision', `经审查，您申请获取的信息属于可以公开的政府信息。根据${REGULATION}第三十六条第（二）项的规定，本机关决定予以公开`),
        p('provision', provisionText(d.provision)),
        ...(d.note ? [p('note', d.note)] : []),
      ];
    case 'withheld':
      return [
        p('facts', `经查，${d.facts}`),
        ...d.grounds.map((g, i) => p(`reason-${i + 1}`, withholdingReason(g))),
        p('decision', `根据${REGULATION}第三十六条第（三）项的规定，本机关决定对您申请的信息不予公开`),
      ];
    case 'partial':
      return [
        p('decision', `经审查，您申请获取的信息中含有不应当公开的内容，但能够作区分处理。根据${REGULATION}第三十七条的规定，本机关向您提供可以公开的部分，对不予公开的部分说明理由如下`),
        ...d.withheldParts.map((w, i) => p(`withheld-${i + 1}`, `${i + 1}.${w.part}：${withholdingReason(w.withholding)}`)),
        p('provision', `可以公开的部分，${provisionText(d.provision)}`),
      ];
    case 'does-not-exist':
      return [
        p('search', `收到您的申请后，本机关${d.searchedOn ? `于${d.searchedOn}` : ''}在${d.searchScope}范围内进行了检索，检索方式为：${d.searchMethods}`),
        p('decision', `经检索，本机关没有制作或者获取您所申请的信息。根据${REGULATION}第三十六条第（四）项的规定，现告知您该政府信息不存在`),
      ];
    case 'not-this-agency':
      return [
        p('reason', `经审查，${d.reason}`),
        p(
          'decision',
          `根据${REGULATION}第三十六条第（五）项的规定，您申请的信息不属于本机关负责公开。${
            d.competentAgency ? `负责公开该信息的机关为${d.competentAgency.name}（联系方式：${d.competentAgency.contact}），建议您向其提出申请` : '经查，本机关无法确定负责公开该信息的行政机关'
          }`,
        ),
      ];
    case 'repeat-request':
      return [
        p(
          'decision',
          `您本次申请的内容与您此前提出的申请（编号${d.earlierTrackingNumber}）相同，本机关已于${d.earlierAnswerDate}作出答复。根据${REGULATION}第三十六条第（六）项的规定，本机关不予重复处理`,
        ),
      ];
    case 'special-regime':
      return [
        p(
          'decision',
          `您申请获取的信息属于${d.regime}事项，${d.lawReference}对该信息的获取有特别规定。根据${REGULATION}第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理${d.whereToApply ? `（${d.whereToApply}）` : ''}`,
        ),
      ];
    case 'not-government-information':
      return [
        p('reason', `经审查，${d.reason}`),
        p(
          'decision',
          `根据${REGULATION}第二条的规定，政府信息是指行政机关在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息。您申请获取的内容不属于政府信息，本机关不作为政府信息公开申请处理`,
        ),
      ];
    case 'no-duty-to-create':
      return [
        p('decision', `经审查，${d.reason}。根据${REGULATION}第三十八条的规定，行政机关向申请人提供的信息应当是已制作或者获取的政府信息，对需要行政机关对现有政府信息进行加工、分析的，可以不予提供`),
      ];
    case 'petition-complaint':
      return [
        p('decision', `经审查，您提出的申请实质上属于信访、投诉、举报等诉求。根据${REGULATION}第三十九条第一款的规定，本机关不作为政府信息公开申请处理`),
        ...(d.properChannel ? [p('channel', `您可以通过${d.properChannel}反映相关诉求`)] : []),
      ];
    case 'publication':
      return [p('decision', `您申请获取的是政府公报、报刊、书籍等公开出版物。根据${REGULATION}第三十九条第二款的规定，现告知您获取的途径：${d.whereToObtain}`)];
    case 'unreasonable-volume':
      return [
        p('facts', `本机关于${d.explanationRequestedOn}要求您说明理由。经审查，${d.reason}`),
        p('decision', `您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理。根据${REGULATION}第三十五条的规定，本机关不予处理`),
      ];
    case 'confirm-or-reissue':
      return [
        p('decision', `经审查，您要求本机关确认或者重新出具已获取的信息，${d.reason}。该请求不属于获取政府信息的申请，根据${policy.confirmOrReissueBasis}的规定，本机关不作为政府信息公开申请处理`),
      ];
    case 'still-unclear':
      return [
        p('facts', `本机关于${d.supplementRequestedOn}向您发出补正通知，并于${d.supplementReceivedOn}收到您的补正材料。经审查，${d.reason}`),
        p(
          'decision',
          `您补正后的申请内容仍不明确，本机关无法确定您所申请的政府信息。根据${REGULATION}第三十条的规定，本机关无法按您的申请提供政府信息；您可以在明确所需信息的名称、文号或者其他特征性描述后重新提出申请`,
        ),
      ];
  }
}

/** A clause to embed in a sentence: trimmed, without its closing punctuation. */
export const clause = (text: string) => text.trim().replace(/[。；;.]+$/, '');

export function remediesText(wording: RemedyWording, agency: AgencyProfile): string {
  return wording === 'reconsideration-first'
    ? `如对本答复不服，您可以自收到本告知书之日起六十日内向${agency.reconsiderationBody}申请行政复议。根据《中华人民共和国行政复议法》第二十三条的规定，对行政机关不予公开政府信息不服的，应当先申请行政复议。对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向${agency.court}提起行政诉讼；行政复议机关逾期不作决定的，可以自行政复议期限届满之日起十五日内向${agency.court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。`
    : `如对本答复不服，您可以自收到本告知书之日起六十日内向${agency.reconsiderationBody}申请行政复议，也可以自收到本告知书之日起六个月内向${agency.court}提起行政诉讼。`;
}

/**
 * What the tracking page tells an applicant whose answer is overdue: the remedies against an
 * agency that does not answer (reconsideration or suit, named where the profile names them) and
 * the complaint of Art. 51. Time limits are left to the bodies: they differ for inaction.
 */
export function overdueRemediesText(due: IsoDate, bodies: { readonly reconsiderationBody?: string; readonly court?: string } = {}): string {
  const named = (what: string, who: string | undefined, role: string) => (who ? `${what}（${role}：${who}）` : what);
  return `本机关应于${formatDateZh(due)}前答复您的申请，目前已逾期。您可以依法${named('申请行政复议', bodies.reconsiderationBody, '行政复议机关')}或者${named('提起行政诉讼', bodies.court, '人民法院')}；也可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报（${REGULATION}第五十一条）。`;
}

export function letterNumber(prefix: string, date: IsoDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new CaseValidationError('告知书文号序号须为正整数。', { letterSequence: '须为正整数。' });
  return `${prefix}〔${(date as string).slice(0, 4)}〕${sequence}号`;
}

export function generateAnswerLetter(input: LetterInput): AnswerLetter {
  const { agency, application: app, decision } = input;
  for (const [k, v] of Object.entries({ name: agency.name, reconsiderationBody: agency.reconsiderationBody, court: agency.court })) {
    if (!v?.trim()) throw new CaseValidationError('机关信息不完整，无法生成告知书。', { [`agency.${k}`]: '请在机关设置中填写。' });
  }
  const info = RESPONSE_TYPE_INFO[decision.type];
  const policy = input.policy ?? DEFAULT_LETTER_POLICY;
  const wording = policy.remedies[decision.type];
  const legalBasis = [...legalBasisOf(decision), ...(decision.type === 'confirm-or-reissue' ? [policy.confirmOrReissueBasis] : [])];
  const opening: LetterParagraph = {
    key: 'opening',
    text: `本机关于${formatDateZh(app.receivedOn)}收到您提出的政府信息公开申请（申请编号：${app.trackingNumber}），您申请获取${app.requestSummary}。现答复如下：`,
  };
  const contact: LetterParagraph = { key: 'contact', text: `联系地址：${agency.address}；联系电话：${agency.phone}。` };
  const suggestion = input.proactiveSuggestion;
  const suggested: LetterParagraph[] = suggestion
    ? [
        {
          key: 'proactive-suggestion',
          text: `关于您提出的将所申请信息纳入主动公开范围的建议，经审核，本机关认为${
            suggestion.accepted ? `该信息属于主动公开的范围，将及时主动公开：${clause(suggestion.reason)}。` : `该信息不属于主动公开的范围：${clause(suggestion.reason)}。`
          }`,
        },
      ]
    : [];
  return {
    title: `政府信息公开申请答复告知书（${info.label}）`,
    number: letterNumber(agency.letterPrefix, input.letterDate, input.letterSequence),
    salutation: `${app.applicantName}：`,
    paragraphs: [opening, ...bodyParagraphs(decision, policy), ...suggested, contact],
    legalBasis: suggestion ? [...legalBasis, `${REGULATION}第四十四条第二款`] : legalBasis,
    remedies: remediesText(wording, agency),
    remedyWording: wording,
    signature: agency.name,
    date: formatDateZh(input.letterDate),
    responseType: decision.type,
  };
}

/** The letter as the agency signs it: its paragraphs, then the remedy notice, which is never left out. */
export function answerLetterDocument(letter: AnswerLetter): OfficialDocument {
  return {
    title: letter.title,
    number: letter.number,
    addressee: letter.salutation,
    paragraphs: [...letter.paragraphs.map((p) => p.text), letter.remedies],
    legalBasis: letter.legalBasis,
    signature: letter.signature,
    date: letter.date,
  };
}

/** The letter as plain text: the body sent to secrecy review and released to the applicant. */
export function answerLetterText(letter: AnswerLetter): string {
  return documentText(answerLetterDocument(letter));
}

/** Staff edits: replace the text of some paragraphs by key; unknown keys are an error. */
export function editLetter(letter: AnswerLetter, edits: Readonly<Record<string, string>>): AnswerLetter {
  const keys = new Set(letter.paragraphs.map((p) => p.key));
  for (const k of Object.keys(edits)) {
    if (k !== 'remedies' && !keys.has(k)) throw new CaseValidationError('找不到要修改的段落，请刷新页面。', { [k]: '段落不存在。' });
    if (!edits[k]!.trim()) throw new CaseValidationError('段落内容不能为空。', { [k]: '段落内容不能为空。' });
  }
  // The remedy notice may be reworded but never dropped (复议法第二十条第二款).
  return {
    ...letter,
    paragraphs: letter.paragraphs.map((p) => (edits[p.key] !== undefined ? { key: p.key, text: edits[p.key]!.trim() } : p)),
    remedies: edits.remedies?.trim() ?? letter.remedies,
  };
}
