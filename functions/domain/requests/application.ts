/**
 * The application form (依申请公开, 《条例》第二十九条) and the receipt-date rule (第三十一条).
 * Pure: validation with zod, messages in plain Chinese keyed by field path for the form page.
 */
import { z } from '../zod';
import { isIsoDate, shanghaiDate, type IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { shanghaiHour } from '../calendar/instant';
import { isValidResidentId, isValidUscc, residentIdCheckChar } from '../secrecy/checksums';
import { foldWidth } from '../secrecy/normalize';
import type { FieldErrors } from '../errors';
import { CaseValidationError } from '../case/errors';

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const APPLICANT_KINDS = ['citizen', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = { citizen: '自然人', organisation: '法人或其他组织' };

/** The five organisation sub-columns of annual-report Table B (30号). */
export const ORGANISATION_KINDS = ['commercial', 'research', 'public-welfare', 'legal-service', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  commercial: '商业企业',
  research: '科研机构',
  'public-welfare': '社会公益组织',
  'legal-service': '法律服务机构',
  other: '其他',
};

export const ID_DOCUMENT_TYPES = ['resident-id', 'passport', 'hk-macao-permit', 'taiwan-permit', 'foreign-permanent-residence', 'other'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];
export const ID_DOCUMENT_LABELS: Record<IdDocumentType, string> = {
  'resident-id': '居民身份证',
  passport: '护照',
  'hk-macao-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  'foreign-permanent-residence': '外国人永久居留身份证',
  other: '其他有效身份证件',
};

/** Art. 29: writing includes data messages; oral applications are written down by a clerk. */
export const CHANNELS = ['online', 'in-person', 'post-signed', 'ordinary-letter', 'fax', 'oral'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上申请',
  'in-person': '当面提交',
  'post-signed': '邮寄（需签收）',
  'ordinary-letter': '平常信函',
  fax: '传真',
  oral: '口头申请（工作人员代为填写）',
};

export const PROVISION_FORMS = ['paper', 'electronic'] as const;
export type ProvisionForm = (typeof PROVISION_FORMS)[number];
export const PROVISION_FORM_LABELS: Record<ProvisionForm, string> = { paper: '纸质', electronic: '电子' };

/** How the applicant receives the information (获取信息的方式、途径, Art. 29(3)). */
export const DELIVERY_METHODS = ['post', 'email', 'download', 'pickup'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  post: '邮寄',
  email: '电子邮件',
  download: '在线下载',
  pickup: '当面领取',
};

export const LIMITS = {
  name: 100,
  idNumber: 40,
  address: 200,
  documentTitle: 200,
  documentNumber: 100,
  description: 2000,
  /** Without a title or 文号, the description must say at least this much to be searchable. */
  descriptionMinWithoutTitle: 5,
  notes: 1000,
  attachments: 10,
} as const;

// ---------------------------------------------------------------------------------------------
// Normalisers and validators

/** Full-width to ASCII, trimmed; for numbers people type with a Chinese IME. */
export function normaliseInput(value: string): string {
  return foldWidth(value).replace(/\s+/g, ' ').trim();
}

const compact = (v: string) => foldWidth(v).replace(/[\s-]/g, '').toUpperCase();

const MOBILE_RE = /^1[3-9]\d{9}$/;
const LANDLINE_RE = /^0\d{2,3}\d{7,8}(?:\d{1,6})?$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const POST_CODE_RE = /^\d{6}$/;

export function isValidPhone(value: string): boolean {
  const v = foldWidth(value)
    .replace(/[\s\-()（）]/g, '')
    .replace(/^\+?86/, '');
  return MOBILE_RE.test(v) || LANDLINE_RE.test(v);
}

/**
 * The ID-number check per document type. Resident IDs use the GB 11643 check character (from
 * ../secrecy/checksums); the 2023 foreign permanent residence card also has 18 characters with
 * the same check (its first digit is 9); its 2004 predecessor is 3 letters + 12 digits.
 */
export function idNumberProblem(type: IdDocumentType, raw: string): string | null {
  const v = compact(raw);
  if (v === '') return '请填写证件号码。';
  switch (type) {
    case 'resident-id':
      if (/^\d{15}$/.test(v)) return '第一代15位身份证已停止使用，请填写18位居民身份证号码。';
      return isValidResidentId(v) ? null : '居民身份证号码有误，请核对（应为18位，最后一位可能是X）。';
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(v) ? null : '护照号码格式有误，请核对。';
    case 'hk-macao-permit':
      return /^[HM]\d{8}(?:\d{2})?$/.test(v) ? null : '港澳居民来往内地通行证号码应以H或M开头，后接8位或10位数字。';
    case 'taiwan-permit':
      return /^\d{8}(?:\d{2})?$/.test(v) ? null : '台湾居民来往大陆通行证号码应为8位或10位数字。';
    case 'foreign-permanent-residence':
      if (/^[A-Z]{3}\d{12}$/.test(v)) return null;
      if (/^9\d{16}[\dX]$/.test(v) && residentIdCheckChar(v.slice(0, 17)) === v[17]) return null;
      return '外国人永久居留身份证号码格式有误，请核对。';
    case 'other':
      return v.length >= 4 && v.length <= LIMITS.idNumber ? null : '请填写有效的证件号码。';
  }
}

export function isValidIdNumber(type: IdDocumentType, raw: string): boolean {
  return idNumberProblem(type, raw) === null;
}

// ---------------------------------------------------------------------------------------------
// Schema

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}。` })
    .transform(normaliseInput)
    .pipe(
      z
        .string()
        .min(1, { error: `请填写${label}。` })
        .max(max, { error: `${label}不能超过${max}个字。` }),
    );

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}格式有误。` })
    .transform(normaliseInput)
    .pipe(z.string().max(max, { error: `${label}不能超过${max}个字。` }))
    .optional()
    .transform((v) => (v === '' ? undefined : v));

const enumOf = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });

const contactSchema = z.object({
  phone: optionalText('联系电话', 40),
  email: optionalText('电子邮箱', 100),
  address: optionalText('通信地址', LIMITS.address),
  postCode: optionalText('邮政编码', 6),
});

const requestedInformationSchema = z.object({
  documentTitle: optionalText('信息名称', LIMITS.documentTitle),
  documentNumber: optionalText('文号', LIMITS.documentNumber),
  description: optionalText('所需信息的内容描述', LIMITS.description),
});

const baseSchema = z.object({
  applicantKind: enumOf(APPLICANT_KINDS, '请选择申请人类型。'),
  organisationKind: enumOf(ORGANISATION_KINDS, '请选择组织类别。').optional(),
  /** Citizen: the person's name. Organisation: the organisation's name. */
  name: text('姓名或名称', LIMITS.name),
  idType: enumOf(ID_DOCUMENT_TYPES, '请选择证件类型。').optional(),
  idNumber: optionalText('证件号码', LIMITS.idNumber),
  workUnit: optionalText('工作单位', LIMITS.name),
  creditCode: optionalText('统一社会信用代码', 18 + 4),
  /** An unregistered 其他组织 without a USCC (a homeowners' committee, a project team): its other registration or identity document. */
  orgDocument: optionalText('其他登记或身份证明文件', 100),
  /** 代理申请: the person applying on the applicant's behalf, with a power of attorney among the attachments. */
  agent: z
    .object({
      name: text('代理人姓名', LIMITS.name),
      idType: enumOf(ID_DOCUMENT_TYPES, '请选择代理人的证件类型。'),
      idNumber: text('代理人证件号码', LIMITS.idNumber),
    })
    .optional(),
  legalRepresentative: optionalText('法定代表人或负责人', LIMITS.name),
  contactPerson: optionalText('联系人', LIMITS.name),
  // Empty sections are dropped by the form parser; parse them as empty so the friendly checks
  // below (one contact method; a name, 文号 or description) speak instead of a type error.
  contact: contactSchema.prefault({}),
  requested: requestedInformationSchema.prefault({}),
  provisionForm: enumOf(PROVISION_FORMS, '请选择信息的载体形式（纸质或电子）。'),
  deliveryMethod: enumOf(DELIVERY_METHODS, '请选择获取信息的方式。'),
  notes: optionalText('备注', LIMITS.notes),
  /**
   * Art. 44(2): the applicant may suggest that the information be disclosed proactively, as
   * concerning the public interest, needing wide public knowledge or public participation; the
   * agency answers the suggestion (in the answer letter).
   */
  proactiveSuggestion: optionalText('纳入主动公开范围的建议', LIMITS.notes),
  attachmentIds: z
    .array(z.string().min(1).max(100), { error: '附件格式有误。' })
    .max(LIMITS.attachments, { error: `附件不能超过${LIMITS.attachments}个。` })
    .optional(),
  channel: enumOf(CHANNELS, '请选择申请渠道。'),
  /** Oral applications: the staff id of the clerk who wrote it down (Art. 29). */
  recordedBy: optionalText('代为填写人', 100),
});

export const applicationSchema = baseSchema.superRefine((a, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  if (a.applicantKind === 'citizen') {
    if (!a.idType) issue(['idType'], '请选择证件类型。');
    else if (a.idNumber === undefined) issue(['idNumber'], '请填写证件号码。');
    else {
      const p = idNumberProblem(a.idType, a.idNumber);
      if (p) issue(['idNumber'], p);
    }
  } else {
    if (!a.organisationKind) issue(['organisationKind'], '请选择组织类别。');
    // Art. 27 lets 其他组织 apply; not all of them are registered with a USCC.
    if (a.creditCode !== undefined) {
      if (!isValidUscc(compact(a.creditCode))) issue(['creditCode'], '统一社会信用代码有误，请核对（18位，不含I、O、Z、S、V）。');
    } else if (a.orgDocument === undefined) {
      issue(['creditCode'], '请填写统一社会信用代码；没有统一社会信用代码的其他组织，请填写其他登记或身份证明文件的名称和编号。');
    }
    if (!a.legalRepresentative) issue(['legalRepresentative'], '请填写法定代表人或负责人。');
    if (!a.contactPerson) issue(['contactPerson'], '请填写联系人。');
  }

  const c = a.contact;
  if (c.phone !== undefined && !isValidPhone(c.phone)) issue(['contact', 'phone'], '联系电话格式有误，请填写手机号码或带区号的固定电话。');
  if (c.email !== undefined && !EMAIL_RE.test(c.email)) issue(['contact', 'email'], '电子邮箱格式有误。');
  if (c.postCode !== undefined && !POST_CODE_RE.test(c.postCode)) issue(['contact', 'postCode'], '邮政编码应为6位数字。');
  if (c.phone === undefined && c.email === undefined && c.address === undefined) {
    issue(['contact'], '请至少填写一种联系方式（电话、电子邮箱或通信地址），以便我们与您联系。');
  }
  if (a.deliveryMethod === 'email' && c.email === undefined) issue(['contact', 'email'], '选择以电子邮件方式获取信息的，请填写电子邮箱。');
  if (a.deliveryMethod === 'post') {
    if (c.address === undefined) issue(['contact', 'address'], '选择邮寄方式获取信息的，请填写通信地址。');
    if (c.postCode === undefined) issue(['contact', 'postCode'], '选择邮寄方式获取信息的，请填写邮政编码。');
  }
  if (a.deliveryMethod === 'email' && a.provisionForm === 'paper') issue(['provisionForm'], '以电子邮件方式获取的，载体形式应为电子。');
  if (a.deliveryMethod === 'download' && a.provisionForm === 'paper') issue(['provisionForm'], '以在线下载方式获取的，载体形式应为电子。');

  // Art. 29(2): a name, a 文号, or features that let the agency find it.
  const r = a.requested;
  if (!r.documentTitle && !r.documentNumber && !r.description) {
    issue(['requested', 'description'], '请填写所需信息的名称、文号或者便于查询的其他特征性描述。');
  } else if (!r.documentTitle && !r.documentNumber && r.description && [...r.description].length < LIMITS.descriptionMinWithoutTitle) {
    issue(['requested', 'description'], '所需信息的描述过于简单，请写明信息的名称、文号或其他便于查询的特征。');
  }

  if (a.channel === 'oral' && !a.recordedBy) issue(['recordedBy'], '口头申请须记录代为填写的工作人员。');
  if (a.agent) {
    const p = idNumberProblem(a.agent.idType, a.agent.idNumber);
    if (p) issue(['agent', 'idNumber'], p);
  }
});

export type ApplicationInput = z.input<typeof applicationSchema>;
export type ApplicationForm = z.output<typeof applicationSchema>;

function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const i of error.issues) {
    const key = i.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = i.message;
  }
  return fields;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly fields: FieldErrors };

export function safeParseApplication(input: unknown): ParseResult<ApplicationForm> {
  const r = applicationSchema.safeParse(input);
  return r.success ? { ok: true, value: canonicalise(r.data) } : { ok: false, fields: fieldErrors(r.error) };
}

/** Validates the form; throws CaseValidationError with a message per field. */
export function parseApplication(input: unknown): ApplicationForm {
  const r = safeParseApplication(input);
  if (!r.ok) throw new CaseValidationError('申请表填写不完整或有误，请按提示修改。', r.fields);
  return r.value;
}

/** Identifiers in their compact canonical form (upper case, no spaces), so hashes match. */
function canonicalise(a: ApplicationForm): ApplicationForm {
  return {
    ...a,
    ...(a.idNumber !== undefined ? { idNumber: compact(a.idNumber) } : {}),
    ...(a.creditCode !== undefined ? { creditCode: compact(a.creditCode) } : {}),
    ...(a.agent ? { agent: { ...a.agent, idNumber: compact(a.agent.idNumber) } } : {}),
  };
}

/**
 * The verified identity used for fee counting and duplicate detection (domain.md §2.11: same
 * ID number or credit code). Hash it in the application layer; never store or compare raw.
 */
export function identityKey(a: ApplicationForm): string {
  // The principal's identity, also for an application made by an agent: fees and duplicates count against them.
  if (a.applicantKind === 'citizen') return `${a.idType}:${a.idNumber ?? ''}`;
  return a.creditCode !== undefined ? `uscc:${a.creditCode}` : `org:${compact(a.orgDocument ?? '')}`;
}

/** Table B column of the applicant (30号). */
export type ApplicantColumn = 'citizen' | OrganisationKind;
export function applicantColumn(a: Pick<ApplicationForm, 'applicantKind' | 'organisationKind'>): ApplicantColumn {
  return a.applicantKind === 'citizen' ? 'citizen' : (a.organisationKind ?? 'other');
}

// ---------------------------------------------------------------------------------------------
// Receipt date (Art. 31, domain.md §2.3 and §11)

/**
 * - 'submission' (default, §11): the portal's automatic acknowledgement is the agency's
 *   confirmation, so an online application is received on its submission date in Asia/Shanghai
 *   (最高人民法院指导案例26号; protects the applicant).
 * - 'clerk-confirmation': received on the date a clerk confirms receipt (双方确认之日).
 */
export type OnlineReceiptPolicy = 'submission' | 'clerk-confirmation';

export interface ReceiptPolicy {
  readonly online: OnlineReceiptPolicy;
  /** Under 'clerk-confirmation', alert when unconfirmed after this many working days (§11: 1). */
  readonly confirmationAlertWorkingDays: number;
  /**
   * An ordinary letter confirmed with the applicant later than the day it arrived (the office must
   * confirm on that day, domain.md §2.3). [M?] Art. 31(2) names the confirmation date; counting a
   * late confirmation from it would give the agency the days of its own delay, so by default the
   * arrival date is the receipt date ('arrival-date'); 'confirmation-date' follows the letter of the text.
   */
  readonly lateLetterConfirmation: 'arrival-date' | 'confirmation-date';
  /**
   * An ordinary letter entered on arrival and not yet confirmed with the applicant: from this hour
   * (Asia/Shanghai) on the day it arrived, and on every later day, the office is reminded; 15 leaves
   * the afternoon to telephone the applicant.
   */
  readonly letterConfirmationReminderHour: number;
}

export const DEFAULT_RECEIPT_POLICY: ReceiptPolicy = { online: 'submission', confirmationAlertWorkingDays: 1, lateLetterConfirmation: 'arrival-date', letterConfirmationReminderHour: 15 };

export interface ReceiptFacts {
  readonly channel: Channel;
  /** The instant the application was submitted, handed over, or recorded (oral). */
  readonly submittedAt: Date;
  /** In person or oral, registered later by a clerk: the day it was handed in or written down. */
  readonly handedInOn?: IsoDate;
  /** Ordinary letter: the day it arrived at the disclosure office. */
  readonly arrivedOn?: IsoDate;
  /** Post requiring signature: the day the agency signed for it (签收之日). */
  readonly signedForOn?: IsoDate;
  /** Ordinary letter, fax, online (under clerk confirmation): the day both sides confirmed. */
  readonly confirmedOn?: IsoDate;
  readonly confirmedBy?: string;
  readonly confirmationMethod?: 'phone' | 'sms' | 'email' | 'receipt' | 'in-person' | 'other';
}

export type ReceiptDate =
  { readonly status: 'received'; readonly date: IsoDate; readonly rule: string } | { readonly status: 'pending'; readonly awaiting: 'signature' | 'confirmation'; readonly rule: string };

/** The Art. 31 receipt date, or what it is still waiting for. */
export function receiptDate(facts: ReceiptFacts, policy: ReceiptPolicy = DEFAULT_RECEIPT_POLICY): ReceiptDate {
  const submitted = shanghaiDate(facts.submittedAt);
  const confirmed = (rule: string): ReceiptDate =>
    facts.confirmedOn && isIsoDate(facts.confirmedOn) ? { status: 'received', date: facts.confirmedOn, rule } : { status: 'pending', awaiting: 'confirmation', rule };
  switch (facts.channel) {
    case 'in-person':
      return { status: 'received', date: facts.handedInOn ?? submitted, rule: '当面提交的，以提交之日为收到申请之日（《条例》第三十一条第（一）项）' };
    case 'oral':
      // Art. 29: the clerk writes the oral application down in the applicant's presence.
      return { status: 'received', date: facts.handedInOn ?? submitted, rule: '口头提出并由工作人员代为填写的，以代为填写之日为收到申请之日' };
    case 'post-signed':
      return facts.signedForOn
        ? { status: 'received', date: facts.signedForOn, rule: '邮寄需签收的，以行政机关签收之日为收到申请之日（第三十一条第（二）项）' }
        : { status: 'pending', awaiting: 'signature', rule: '邮寄需签收的，以行政机关签收之日为收到申请之日（第三十一条第（二）项）' };
    case 'ordinary-letter': {
      const rule = '平常信函等无需签收的，以政府信息公开工作机构与申请人确认之日为收到申请之日（第三十一条第（二）项）';
      const { arrivedOn, confirmedOn } = facts;
      if (policy.lateLetterConfirmation === 'arrival-date' && arrivedOn && confirmedOn && confirmedOn > arrivedOn) {
        return { status: 'received', date: arrivedOn, rule: `${rule}；未在收到信函当日确认的，以信函到达之日为收到申请之日` };
      }
      return confirmed(rule);
    }
    case 'fax':
      return confirmed('通过传真提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）');
    case 'online':
      return policy.online === 'submission'
        ? { status: 'received', date: submitted, rule: '通过互联网渠道提交的，系统自动确认，以提交之日为收到申请之日（第三十一条第（三）项）' }
        : confirmed('通过互联网渠道提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）');
  }
}

/**
 * Art. 31(2): an ordinary letter must be confirmed with the applicant on the day it arrived. One
 * still unconfirmed is 'due-today' from the reminder hour of its arrival day and 'overdue' after it.
 */
export function letterConfirmationUrgency(arrivedOn: IsoDate, now: Date, policy: ReceiptPolicy = DEFAULT_RECEIPT_POLICY): 'due-today' | 'overdue' | undefined {
  const today = shanghaiDate(now);
  if (today > arrivedOn) return 'overdue';
  if (today < arrivedOn) return undefined;
  return shanghaiHour(now) >= policy.letterConfirmationReminderHour ? 'due-today' : undefined;
}

/** §11: under clerk confirmation, an online application left unconfirmed raises an alert. */
export function confirmationOverdue(facts: ReceiptFacts, today: IsoDate, calendar: WorkingCalendar, policy: ReceiptPolicy = DEFAULT_RECEIPT_POLICY): boolean {
  const r = receiptDate(facts, policy);
  if (r.status === 'received' || r.awaiting !== 'confirmation') return false;
  const alertOn = calendar.addWorkingDays(shanghaiDate(facts.submittedAt), policy.confirmationAlertWorkingDays).due;
  return today >= alertOn;
}
