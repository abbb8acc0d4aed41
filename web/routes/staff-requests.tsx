import type { AgencyPolicy } from '#domain/policy';
import { Hono, type Context } from 'hono';
import { ownValue } from '#domain/untrusted-input';
import type { AppDependencies } from '#application/context';
import { DEMO_ACCOUNTS } from '#application/demo-data';
import {
  act,
  confirmSecrecyReview,
  draftAnswer,
  editAnswerLetter,
  GENERIC_COMMANDS,
  loadRequest,
  MAX_ATTACHMENT_BYTES,
  proposeForCatalogue,
  reassign,
  registerByClerk,
  releaseAnswer,
  requestCase,
  requestQueue,
  revealIdentityNumber,
  revealContact,
  contactFor,
  mayRegisterApplications,
  mayRevealIdentity,
  seesContactPlainly,
  type ApplicantContact,
  submitAnswerForReview,
  suggestFee,
  todayIn,
  type CaseView,
} from '#application/requests';
import { NotFoundError } from '#domain/errors';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  COMMAND_LABELS,
  CONSULTATION_RESULT_LABELS,
  DEFAULT_WAIVER_REASONS,
  DELIVERY_METHOD_LABELS,
  ID_DOCUMENT_LABELS,
  INTERNAL_AFFAIRS_LABELS,
  ORGANISATION_KIND_LABELS,
  PROCESS_INFORMATION_LABELS,
  PROVISION_FORM_LABELS,
  REQUEST_STATUSES,
  RESPONSE_TYPE_INFO,
  RESPONSE_TYPES,
  SECURITY_INTEREST_LABELS,
  STATUS_LABELS,
  THIRD_PARTY_INTEREST_LABELS,
  WITHHOLDING_GROUND_INFO,
  type CommandType,
  type ResponseType,
} from '#domain/requests';
import { REVIEW_STATUS_LABELS, STAGE_LABELS, type ReviewStage, type ReviewStatus } from '#domain/secrecy';
import type { StaffMember } from '#domain/staff';
import type { StaffEnv } from '../env';
import { shanghaiDateTime } from '../page-context';
import type { DeadlineUrgency } from '../views/components/DeadlineChip';
import { formatBytes } from '../views/format';
import { ApplyPage } from '../views/pages/apply/ApplyPage';
import { ReceiptPage } from '../views/pages/apply/ReceiptPage';
import { CasePage, type ActionForm, type CasePageProps, type FieldSpec } from '../views/pages/requests/CasePage';
import { LetterPage } from '../views/pages/requests/LetterPage';
import { QueuePage } from '../views/pages/requests/QueuePage';
import { options } from '../views/pages/requests/parts';
import { filesOf, flatValues, nestedFrom } from '../form-body';
import { formStep, type Refusal } from '../form-step';
import { APPLY_LABELS, newNonce, receiptProps, REGISTER_CHANNEL_LABELS } from './apply';
import { REQUEST_STATUS_TONES, subjectOf } from './track';

type FormBody = Record<string, string | File | (string | File)[]>;

const URGENCY: Record<string, DeadlineUrgency> = { normal: 'normal', 'due-soon': 'soon', 'due-today': 'today', overdue: 'overdue' };

const FLASH: Record<string, string> = {
  ...Object.fromEntries(Object.entries(COMMAND_LABELS).map(([k, v]) => [k, `已办理：${v}。`])),
  letter: '告知书已保存。',
  review: '已提交保密审查。',
  'review-passed': '保密审查已通过，已报送领导签发。',
  release: '答复已送达申请人。',
  reassign: '承办人已变更。',
};

// ---------------------------------------------------------------------------------------------
// Decision (答复) fields per response type

const PROVISION_FIELDS = (prefix: string): FieldSpec[] => [
  { name: `${prefix}provision.form`, label: '提供信息的载体形式', as: 'radios', options: options({ paper: '纸质', electronic: '电子' }), required: true },
  {
    name: `${prefix}provision.method`,
    label: '提供方式',
    as: 'select',
    options: options({ post: '邮寄', email: '电子邮件', download: '在线下载', pickup: '当面领取', 'on-site-reading': '现场查阅、抄录' }),
    required: true,
  },
  { name: `${prefix}provision.timeAndPlace`, label: '提供信息的时间和地点', hint: '如：请登录本平台查询页面下载。', required: true },
];

const WITHHOLDING_FIELDS = (prefix: string): FieldSpec[] => [
  {
    name: `${prefix}ground`,
    label: '不予公开的理由类别',
    as: 'select',
    options: Object.entries(WITHHOLDING_GROUND_INFO).map(([value, i]) => ({ value, label: i.label })),
    required: true,
    hint: '以下各项按所选类别填写。',
  },
  { name: `${prefix}reason`, label: '不予公开的理由', as: 'textarea', rows: 3 },
  { name: `${prefix}interest`, label: '涉及的第三方权益（第三方权益类）', as: 'select', options: options(THIRD_PARTY_INTEREST_LABELS) },
  { name: `${prefix}consultation`, label: '征求第三方意见的结果（第三方权益类）', as: 'select', options: options(CONSULTATION_RESULT_LABELS) },
  { name: `${prefix}publicInterestAssessment`, label: '公共利益衡量情况（第三方权益类）', as: 'textarea', rows: 2 },
  { name: `${prefix}interests`, label: '可能危及的利益（三安全一稳定类）', as: 'checkboxes', options: options(SECURITY_INTEREST_LABELS) },
  { name: `${prefix}lawName`, label: '禁止公开的法律、行政法规名称（含书名号）' },
  { name: `${prefix}article`, label: '具体条款' },
  { name: `${prefix}kind`, label: '信息类别（内部事务、过程性信息类）', as: 'select', options: options({ ...INTERNAL_AFFAIRS_LABELS, ...PROCESS_INFORMATION_LABELS }) },
  { name: `${prefix}discretionReason`, label: '裁量不予公开的理由（第十六条类）', as: 'textarea', rows: 2 },
  { name: `${prefix}regime`, label: '适用的查询制度（行政查询事项类）' },
];

export const DECISION_FIELDS: Record<ResponseType, FieldSpec[]> = {
  'already-public': [
    { name: 'whereToFind', label: '获取该信息的方式和途径', as: 'textarea', rows: 3, required: true },
    { name: 'publishedOn', label: '主动公开日期', type: 'date' },
    { name: 'url', label: '网址' },
  ],
  disclosed: [...PROVISION_FIELDS(''), { name: 'note', label: '其他说明', as: 'textarea', rows: 2 }],
  withheld: [{ name: 'facts', label: '查明的事实', as: 'textarea', rows: 3, required: true }, ...WITHHOLDING_FIELDS('grounds.0.')],
  partial: [...PROVISION_FIELDS(''), { name: 'withheldParts.0.part', label: '不予公开的部分', required: true }, ...WITHHOLDING_FIELDS('withheldParts.0.withholding.')],
  'does-not-exist': [
    { name: 'searchScope', label: '检索范围', as: 'textarea', rows: 2, required: true },
    { name: 'searchMethods', label: '检索方式', as: 'textarea', rows: 2, required: true },
    { name: 'searchedOn', label: '检索日期', type: 'date' },
  ],
  'not-this-agency': [
    { name: 'reason', label: '不属于本机关负责公开的理由', as: 'textarea', rows: 3, required: true },
    { name: 'competentAgency.name', label: '负责公开的机关名称（能够确定的）' },
    { name: 'competentAgency.contact', label: '该机关联系方式' },
  ],
  'repeat-request': [
    { name: 'earlierTrackingNumber', label: '此前申请的编号', required: true },
    { name: 'earlierAnswerDate', label: '此前答复日期', type: 'date', required: true },
  ],
  'special-regime': [
    { name: 'regime', label: '适用的查询制度', required: true },
    { name: 'lawReference', label: '规定该查询制度的法律、行政法规及条款', required: true },
    { name: 'whereToApply', label: '办理机构和途径' },
  ],
  'no-duty-to-create': [{ name: 'reason', label: '需要另行制作或加工、分析的理由', as: 'textarea', rows: 3, required: true }],
  'petition-complaint': [{ name: 'properChannel', label: '可通过的渠道', as: 'textarea', rows: 2 }],
  publication: [{ name: 'whereToObtain', label: '获取公开出版物的途径', as: 'textarea', rows: 2 }],
  'unreasonable-volume': [
    { name: 'explanationRequestedOn', label: '要求申请人说明理由的日期', type: 'date', required: true },
    { name: 'reason', label: '认定理由不合理的依据', as: 'textarea', rows: 3, required: true },
  ],
  'confirm-or-reissue': [{ name: 'reason', label: '理由', as: 'textarea', rows: 3, required: true }],
  'still-unclear': [
    { name: 'supplementRequestedOn', label: '补正通知日期', type: 'date', required: true },
    { name: 'supplementReceivedOn', label: '收到补正材料日期', type: 'date', required: true },
    { name: 'reason', label: '补正后仍不明确的具体情况', as: 'textarea', rows: 3, required: true },
  ],
};

function flattenDecision(decision: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, path: string[]) => {
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[path.join('.')] = v.join(',');
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    else if (v !== undefined) out[path.join('.')] = String(v);
  };
  walk(decision, []);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generic command forms

/** The step's form; its defaults and limits are the agency's policy and the statute, never literals of their own. */
function commandFields(
  command: CommandType,
  view: CaseView,
  today: string,
  policy: AgencyPolicy,
  feeSuggestion?: { amountYuan: number; basis: string },
): { fields: FieldSpec[]; description?: string; secondary?: boolean } {
  const s = view.record.data;
  const c = s.case;
  switch (command) {
    case 'register':
      return c.receivedOn
        ? { fields: [], description: `收到申请之日：${c.receivedOn}。登记后您将成为本申请的承办人（首问负责）。` }
        : { fields: [{ name: 'receivedOn', label: '收到申请之日', type: 'date', value: today, required: true }] };
    case 'requestSupplement':
      return {
        fields: [
          { name: 'deficiencies', label: '需要补正的内容（每行一项，一次性告知）', as: 'textarea', rows: 4, required: true },
          { name: 'periodWorkingDays', label: '补正期限（工作日）', type: 'number', value: String(policy.workflow.defaultSupplementWorkingDays) },
          ...(c.supplementNotices > 0 ? [{ name: 'supplementStillUnclear', label: '补正后申请内容仍不明确', as: 'radios' as const, options: options({ yes: '是' }) }] : []),
        ],
        description: view.deadlines ? `补正通知应于 ${view.deadlines.supplementNotice.due} 前发出（收到申请后7个工作日内）。` : undefined,
      };
    case 'recordSupplement': {
      const last = s.supplementReplies.at(-1);
      return {
        fields: [{ name: 'receivedOn', label: '收到补正材料之日', type: 'date', value: last ? shanghaiDateTime(last.receivedAt).slice(0, 10) : today, required: true }],
        description: '答复期限自收到补正材料的次日起重新计算。',
      };
    }
    case 'abandonNoSupplement':
      return { fields: [{ name: 'noJustifiableReason', label: '申请人无正当理由逾期未补正', as: 'radios', options: options({ yes: '确认' }), required: true }], secondary: true };
    case 'startThirdPartyConsultation':
    case 'startAgencyConsultation':
      return {
        fields: [{ name: 'deliveredOn', label: '征求意见函送达日期', type: 'date' }],
        description: `征求意见期间（最长${policy.deadlines.consultationWorkingDays}个工作日）不计入答复期限。`,
        secondary: true,
      };
    case 'recordThirdPartyOpinion':
    case 'recordAgencyOpinion':
      return {
        fields: [
          { name: 'opinion', label: '意见', as: 'radios', options: options({ consent: '同意公开', objection: '不同意公开', 'no-reply': '逾期未答复' }), required: true },
          { name: 'answeredOn', label: '答复日期', type: 'date', value: today },
        ],
      };
    case 'issueFeeNotice':
      return {
        fields: [{ name: 'amountYuan', label: '收费金额（元）', type: 'number', value: feeSuggestion && feeSuggestion.amountYuan > 0 ? String(feeSuggestion.amountYuan) : '', required: true }],
        description: feeSuggestion?.basis,
        secondary: true,
      };
    case 'recordFeePaid':
      return { fields: [{ name: 'paidOn', label: '缴费日期', type: 'date', value: today, required: true }] };
    case 'waiveFee':
      return {
        fields: [
          { name: 'reasonCode', label: '减免理由', as: 'select', options: options(DEFAULT_WAIVER_REASONS), required: true },
          { name: 'note', label: '说明', as: 'textarea', rows: 2 },
        ],
      };
    case 'requestExtension':
      return {
        fields: [
          {
            name: 'workingDays',
            label: `延长的工作日数（最长${policy.deadlines.maxExtensionWorkingDays}个）`,
            type: 'number',
            value: String(policy.deadlines.maxExtensionWorkingDays),
            required: true,
          },
          { name: 'reason', label: '延期理由', as: 'textarea', rows: 3, required: true },
        ],
        description: '延期须经政府信息公开工作机构负责人同意，并在原期限届满前告知申请人（《条例》第三十三条）。',
        secondary: true,
      };
    case 'approveExtension': {
      const ext = c.extension;
      return {
        fields: [
          {
            name: 'applicantNotifiedOn',
            label: '告知申请人日期',
            type: 'date',
            value: s.applicant.email ? today : '',
            hint: s.applicant.email ? '批准后系统将以电子邮件告知申请人。' : '申请人未留电子邮箱，请另行告知后填写。',
          },
        ],
        description: ext.status === 'requested' ? `承办人申请延长 ${ext.workingDays} 个工作日，理由：${ext.reason}` : undefined,
      };
    }
    case 'rejectExtension':
      return { fields: [{ name: 'reason', label: '不批准的理由', as: 'textarea', rows: 2, required: true }], secondary: true };
    case 'notifyExtension':
      return { fields: [{ name: 'notifiedOn', label: '告知日期', type: 'date', value: today, required: true }] };
    case 'setDelayedReply':
      return {
        fields: [
          { name: 'due', label: '延迟答复期限', type: 'date', required: true },
          { name: 'reason', label: '理由', as: 'textarea', rows: 2, required: true },
          { name: 'applicantNotifiedOn', label: '告知申请人日期', type: 'date' },
        ],
        secondary: true,
      };
    case 'returnToDrafting':
      return { fields: [{ name: 'reason', label: '退回理由', as: 'textarea', rows: 2, required: true }], secondary: true };
    case 'withdraw':
      return { fields: [{ name: 'withdrawnOn', label: '申请人撤回日期', type: 'date', value: today }], description: '申请人书面或当面撤回申请的，由承办人登记。', secondary: true };
    default:
      return { fields: [] };
  }
}

function handlerOptions(deps: AppDependencies) {
  if (deps.config.deployment !== 'local') return undefined;
  return DEMO_ACCOUNTS.filter((a) => a.roles.includes('clerk') || a.roles.includes('head')).map((a) => ({ value: `local-${a.username}|${a.displayName}`, label: `${a.displayName}（${a.username}）` }));
}

async function actionsFor(deps: AppDependencies, staff: StaffMember, view: CaseView, responseType: string | undefined): Promise<ActionForm[]> {
  const s = view.record.data;
  const tn = s.case.trackingNumber;
  const base = `/staff/requests/${tn}`;
  const version = view.record.version;
  const today = todayIn(deps);
  const out: ActionForm[] = [];
  const fee = view.commands.includes('issueFeeNotice') ? await suggestFee(deps, s) : undefined;
  // view.commands is the workflow's `available`: steps whose guard cannot pass now are not in it.
  for (const command of view.commands) {
    if ((GENERIC_COMMANDS as readonly string[]).includes(command)) {
      const spec = commandFields(command, view, today, deps.policy, fee);
      out.push({
        id: command,
        title: COMMAND_LABELS[command],
        action: `${base}/act`,
        hidden: { command, version },
        fields: spec.fields,
        ...(spec.description ? { description: spec.description } : {}),
        button: COMMAND_LABELS[command],
        ...(spec.secondary ? { secondary: true } : {}),
      });
    }
  }
  if (view.commands.includes('reassign')) {
    const opts = handlerOptions(deps);
    out.push({
      id: 'reassign',
      title: '变更承办人',
      action: `${base}/reassign`,
      hidden: { version },
      fields: [
        opts ? { name: 'handler', label: '新承办人', as: 'select', options: opts, required: true } : { name: 'handler', label: '新承办人（工作人员账号ID|姓名）', required: true },
        { name: 'reason', label: '变更理由', as: 'textarea', rows: 2, required: true },
      ],
      button: '变更承办人',
      secondary: true,
    });
  }
  if (view.commands.includes('draftAnswer')) {
    const current = responseType && (RESPONSE_TYPES as readonly string[]).includes(responseType) ? (responseType as ResponseType) : s.draft?.decision.type;
    out.push({
      id: 'choose-type',
      title: s.draft ? '重新拟定答复：选择答复类型' : '拟定答复：选择答复类型',
      action: `${base}#action-draft`,
      method: 'get',
      fields: [
        {
          name: 'type',
          label: '答复类型',
          as: 'select',
          options: RESPONSE_TYPES.map((t) => ({ value: t, label: `${RESPONSE_TYPE_INFO[t].label}（${RESPONSE_TYPE_INFO[t].article}）` })),
          value: current ?? '',
          required: true,
        },
      ],
      button: '填写答复内容',
      secondary: true,
    });
    if (current) {
      const prefill = s.draft?.decision.type === current ? flattenDecision(s.draft.decision) : {};
      out.push({
        id: 'draft',
        title: `拟定答复：${RESPONSE_TYPE_INFO[current].label}`,
        action: `${base}/draft`,
        multipart: true,
        hidden: { version, type: current },
        fields: [
          ...DECISION_FIELDS[current].map((f) => ({ ...f, ...(prefill[f.name] !== undefined ? { value: prefill[f.name] } : {}) })),
          ...(['disclosed', 'partial'].includes(current)
            ? [
                {
                  name: 'documents',
                  label: `提供的政府信息文件（PDF、Word、文本或图片，不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB）${s.draft?.documents.length ? `；不选择则保留已上传的 ${s.draft.documents.length} 个文件` : ''}`,
                  type: 'file' as const,
                },
              ]
            : []),
        ],
        description: `法律依据：${RESPONSE_TYPE_INFO[current].legalBasis.join('；')}。保存后按模板生成答复告知书，可在下方修改文字。`,
        button: '保存答复并生成告知书',
      });
    }
  }
  if (s.case.status === 'drafting' && s.draft && view.commands.includes('draftAnswer')) {
    out.push({
      id: 'letter',
      title: '修改告知书文字',
      action: `${base}/letter`,
      hidden: { version },
      fields: [
        ...s.draft.letter.paragraphs.map((p) => ({ name: `p.${p.key}`, label: `段落：${p.key}`, as: 'textarea' as const, rows: 4, value: p.text })),
        { name: 'p.remedies', label: '救济途径（不可删除）', as: 'textarea', rows: 4, value: s.draft.letter.remedies },
      ],
      button: '保存告知书',
      secondary: true,
    });
  }
  if (view.commands.includes('submitForSecrecyReview') && s.draft) {
    out.push({
      id: 'review',
      title: '提交保密审查',
      action: `${base}/review`,
      hidden: { version },
      description: `告知书${s.draft.documents.length ? `及 ${s.draft.documents.length} 个文件` : ''}将提交保密审查（先审查、后公开）。`,
      button: '提交保密审查',
    });
  }
  if (view.commands.includes('passSecrecyReview')) {
    const approved = view.review?.status === 'approved';
    out.push({
      id: 'review-passed',
      title: '保密审查通过，报送领导签发',
      action: `${base}/review-passed`,
      hidden: { version },
      description: approved ? '审查单已审批通过。' : `审查单当前状态：${view.review ? REVIEW_STATUS_LABELS[view.review.status as ReviewStatus] : '无'}；审批通过后方可报送。`,
      button: '报送领导签发',
    });
  }
  if (view.commands.includes('release')) {
    out.push({
      id: 'release',
      title: '送达答复',
      action: `${base}/release`,
      hidden: { version },
      fields: [
        {
          name: 'method',
          label: '送达方式',
          as: 'radios',
          options: options({ download: '在线下载（申请人查询页面）', email: '电子邮件', 'handed-over': '当面送达', post: '邮寄（中国邮政）' }),
          value: 'download',
          required: true,
        },
        { name: 'servedOn', label: '送达日期（签收、交邮或发送之日）', type: 'date', value: today },
        { name: 'postalTrackingNumber', label: '邮件号码（邮寄时必填）' },
      ],
      description: '经审查的告知书及删除处理后的文件将通过发布服务提供给申请人；期限以送达之日判断。',
      button: '送达答复',
    });
  }
  const { data } = view.record;
  if (view.mayPropose) {
    out.push({
      id: 'propose',
      title: '提请转为主动公开',
      action: `${base}/propose`,
      description: '依照《条例》第四十四条，将本次公开的信息转为主动公开：系统生成一条主动公开信息草稿，补充正文和附件后经保密审查发布。',
      hidden: { version: view.record.version },
      button: '生成主动公开信息草稿',
      secondary: true,
    });
  }
  if (mayRevealIdentity(staff, data)) {
    out.push({ id: 'identity', title: '查看完整证件号码', action: `${base}/identity`, fields: [{ name: 'reason', label: '查看理由（将记录在案）', required: true }], button: '查看', secondary: true });
  }
  if (!seesContactPlainly(staff)) {
    out.push({ id: 'contact', title: '查看申请人联系方式', action: `${base}/contact`, fields: [{ name: 'reason', label: '查看理由（将记录在案）', required: true }], button: '查看', secondary: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export function staffRequestRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();

  app.get('/staff/requests', async (c) => {
    const filters = { status: c.req.query('status') ?? '', handler: c.req.query('handler') ?? '', dueBy: c.req.query('dueBy') ?? '' };
    const { rows } = await requestQueue(deps, {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.handler ? { handler: filters.handler } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(filters.dueBy) ? { dueBy: filters.dueBy } : {}),
    });
    const staff = c.get('staff');
    const handlers = new Map<string, string>([
      [staff.id, `${staff.displayName}（我）`],
      ['unassigned', '未登记'],
    ]);
    for (const r of rows) if (r.handlerId && !handlers.has(r.handlerId)) handlers.set(r.handlerId, r.handlerName ?? r.handlerId);
    return c.render(
      <QueuePage
        filters={filters}
        statusOptions={REQUEST_STATUSES.map((st) => ({ value: st, label: STATUS_LABELS[st] }))}
        handlerOptions={[...handlers].map(([value, label]) => ({ value, label }))}
        canRegister={mayRegisterApplications(staff)}
        rows={rows.map((r) => ({
          trackingNumber: r.trackingNumber,
          href: `/staff/requests/${r.trackingNumber}`,
          statusLabel: STATUS_LABELS[r.status],
          statusTone: REQUEST_STATUS_TONES[r.status],
          applicant: r.applicantName,
          subject: r.subject,
          handler: r.handlerName ?? '未登记',
          duplicates: r.duplicates,
          ...(r.due && r.urgency ? { due: { date: r.due, workingDaysLeft: r.urgency.workingDaysLeft, urgency: URGENCY[r.urgency.urgency] ?? 'normal', provisional: r.provisional } } : {}),
        }))}
      />,
    );
  });

  // Registration of paper, post, fax and oral applications (first-inquiry responsibility).
  const registerPage = (c: Context<StaffEnv>, extra: { values?: Record<string, string>; errors?: Record<string, string>; nonce?: string } = {}) => {
    const ctx = c.var.page;
    return (
      <ApplyPage
        nonce={extra.nonce ?? newNonce()}
        labels={{ ...APPLY_LABELS, channels: REGISTER_CHANNEL_LABELS }}
        staffMode={{ staff: ctx.staff!, action: '/staff/requests/new' }}
        maxAttachmentMb={MAX_ATTACHMENT_BYTES / 1024 / 1024}
        {...(extra.values ? { values: extra.values } : {})}
        {...(extra.errors ? { errors: extra.errors } : {})}
      />
    );
  };
  app.get('/staff/requests/new', (c) => c.render(registerPage(c)));
  formStep(app, '/staff/requests/new', {
    all: true,
    run: async (c, body) => {
      const values = flatValues(body);
      const { channel: _channel, receivedOn: _received, ...form } = nestedFrom(body);
      const result = await registerByClerk(deps, c.get('staff'), {
        form,
        nonce: values['nonce'] ?? '',
        channel: (values['channel'] ?? '') as never,
        ...(values['receivedOn'] ? { receivedOn: values['receivedOn'] } : {}),
        attachments: await filesOf(body, 'attachments'),
      });
      return c.render(<ReceiptPage {...receiptProps(result, deps.clock.now(), Boolean(values['contact.email']))} />);
    },
    again: (c, refusal, body) => {
      const values = flatValues(body);
      return c.render(registerPage(c, { values, errors: refusal.errors(), nonce: values['nonce'] ?? '' }));
    },
  });

  const casePage = async (c: Context<StaffEnv>, tn: string, extra: Partial<Pick<CasePageProps, 'failed' | 'revealed'>> & { contact?: ApplicantContact } = {}) => {
    const staff = c.get('staff');
    const view = await requestCase(deps, staff, tn);
    const s = view.record.data;
    const a = s.applicant;
    const { contact: shownContact, ...pageExtra } = extra;
    const contact = shownContact ?? contactFor(staff, a);
    const flash = ownValue(FLASH, c.req.query('done'));
    const u = view.urgency;
    const d = view.deadlines;
    const deadlineNote = d?.closed
      ? `已于 ${d.closed.on} 办结${d.closed.onTime === true ? '，在答复期限内' : d.closed.onTime === false ? '，超过答复期限' : ''}。`
      : s.case.status === 'supplement-requested'
        ? `等待申请人补正${d?.supplement?.applicantDue ? `（应于 ${d.supplement.applicantDue} 前补正）` : ''}；答复期限自收到补正材料的次日起重新计算。`
        : undefined;
    return (
      <CasePage
        trackingNumber={s.case.trackingNumber}
        statusLabel={STATUS_LABELS[s.case.status]}
        statusTone={REQUEST_STATUS_TONES[s.case.status]}
        facts={[
          { label: '所需信息', value: subjectOf(s.requested) },
          ...(s.requested.description ? [{ label: '内容描述', value: s.requested.description }] : []),
          { label: '载体形式', value: PROVISION_FORM_LABELS[s.provisionForm] },
          { label: '获取方式', value: DELIVERY_METHOD_LABELS[s.deliveryMethod] },
          { label: '申请渠道', value: CHANNEL_LABELS[s.channel] },
          { label: '提交时间', value: shanghaiDateTime(s.submittedAt) },
          { label: '收到申请之日', value: s.case.receivedOn ? `${s.case.receivedOn}（${s.receiptRule}）` : `待确认（${s.receiptRule}）` },
          { label: '承办人', value: s.handlerName ?? '未登记（登记人即为承办人）' },
          ...(s.notes ? [{ label: '备注', value: s.notes }] : []),
          ...(s.feeMonthCount ? [{ label: '本自然月申请件数', value: `第 ${s.feeMonthCount} 件（用于信息处理费按件计收）` }] : []),
        ]}
        applicant={[
          { label: '申请人类型', value: APPLICANT_KIND_LABELS[a.kind] + (a.organisationKind ? `（${ORGANISATION_KIND_LABELS[a.organisationKind]}）` : '') },
          { label: '姓名或名称', value: a.name },
          { label: a.kind === 'citizen' ? (a.idType ? ID_DOCUMENT_LABELS[a.idType] : '证件号码') : '统一社会信用代码', value: <span id="masked-id">{a.idMasked}</span> },
          ...(a.workUnit ? [{ label: '工作单位', value: a.workUnit }] : []),
          ...(a.legalRepresentative ? [{ label: '法定代表人', value: a.legalRepresentative }] : []),
          ...(a.contactPerson ? [{ label: '联系人', value: a.contactPerson }] : []),
          ...(contact.phone ? [{ label: '联系电话', value: contact.phone }] : []),
          ...(contact.email ? [{ label: '电子邮箱', value: contact.email }] : []),
          ...(contact.address ? [{ label: '通信地址', value: `${contact.address}${contact.postCode ? `（${contact.postCode}）` : ''}` }] : []),
        ]}
        duplicates={s.duplicates.map((d) => ({
          trackingNumber: d.earlierTrackingNumber,
          similarity: `${Math.round(d.similarity * 100)}%${d.sameDocumentNumber ? '，文号相同' : ''}`,
          href: `/staff/requests/${d.earlierTrackingNumber}`,
        }))}
        attachments={s.attachments.map((x) => ({ href: `/staff/requests/${s.case.trackingNumber}/attachments/${x.id}`, fileName: x.fileName, size: formatBytes(x.sizeBytes) }))}
        supplementReplies={s.supplementReplies.map((r) => ({ receivedAt: shanghaiDateTime(r.receivedAt), text: r.text }))}
        {...(s.openDeadline && u
          ? { deadline: { due: s.openDeadline.due, workingDaysLeft: u.workingDaysLeft, urgency: URGENCY[u.urgency] ?? 'normal', provisional: s.openDeadline.provisional } }
          : {})}
        explanation={view.explanation}
        {...(deadlineNote ? { deadlineNote } : {})}
        timeline={s.timeline.map((t) => ({
          at: shanghaiDateTime(t.at),
          label: t.label,
          actor: t.actor.kind === 'applicant' ? '申请人' : (t.actor.name ?? t.actor.id),
          internal: !t.public,
          ...(t.note ? { note: t.note } : {}),
        }))}
        {...(s.draft ? { letter: { title: s.draft.letter.title, href: `/staff/requests/${s.case.trackingNumber}/letter` } } : {})}
        {...(view.review
          ? {
              review: {
                label: `${REVIEW_STATUS_LABELS[view.review.status as ReviewStatus]}${view.review.status === 'in-review' ? `（${STAGE_LABELS[view.review.stage as ReviewStage]}）` : ''}`,
                href: `/staff/reviews/${view.review.id}`,
              },
            }
          : {})}
        actions={await actionsFor(deps, staff, view, c.req.query('type') ?? extra.failed?.values['type'])}
        {...(flash ? { flash } : {})}
        {...pageExtra}
      />
    );
  };

  app.get('/staff/requests/:tn', async (c) => c.render(await casePage(c, c.req.param('tn'))));

  /** Runs a step; on a validation error or a refusal the case page is shown again with the message and what was typed. */
  const step = <P extends string>(
    path: P,
    formId: string | ((body: FormBody) => string),
    done: string | ((body: FormBody) => string),
    run: (c: Context<StaffEnv, P>, body: FormBody, tn: string, version: number | undefined) => Promise<unknown>,
  ) =>
    formStep(app, path, {
      all: true,
      run: async (c, body, version) => {
        const tn = c.req.param('tn')!;
        await run(c, body, tn, version);
        return `/staff/requests/${tn}?done=${typeof done === 'string' ? done : done(body)}`;
      },
      again: async (c, refusal, body) =>
        c.render(
          await casePage(c, c.req.param('tn')!, { failed: { formId: typeof formId === 'string' ? formId : formId(body), errors: refusal.fields, values: flatValues(body), message: refusal.message } }),
        ),
    });

  const single = (body: FormBody, name: string) => {
    const v = body[name];
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === 'string' ? first : '';
  };

  const expected = (v: number | undefined) => (v ? { expectedVersion: v } : {});

  step(
    '/staff/requests/:tn/act',
    (b) => single(b, 'command'),
    (b) => single(b, 'command'),
    (c, body, tn, v) => act(deps, c.get('staff'), tn, { command: single(body, 'command'), ...expected(v), fields: nestedFrom(body, [], ['_csrf', 'version', 'command']) }),
  );

  step('/staff/requests/:tn/reassign', 'reassign', 'reassign', (c, body, tn, v) => {
    const [handlerId, handlerName] = single(body, 'handler').split('|');
    return reassign(deps, c.get('staff'), tn, { handlerId: handlerId ?? '', ...(handlerName ? { handlerName } : {}), reason: single(body, 'reason'), ...expected(v) });
  });

  step('/staff/requests/:tn/draft', 'draft', 'draftAnswer', async (c, body, tn, v) => {
    const decision = nestedFrom(body, ['interests', 'grounds.0.interests', 'withheldParts.0.withholding.interests'], ['_csrf', 'version', 'documents']);
    return draftAnswer(deps, c.get('staff'), tn, { decision, documents: await filesOf(body, 'documents'), ...expected(v) });
  });

  step('/staff/requests/:tn/letter', 'letter', 'letter', (c, body, tn, v) => {
    const edits: Record<string, string> = {};
    for (const [k, x] of Object.entries(body)) if (k.startsWith('p.') && typeof x === 'string') edits[k.slice(2)] = x;
    return editAnswerLetter(deps, c.get('staff'), tn, { edits, ...expected(v) });
  });

  step('/staff/requests/:tn/review', 'review', 'review', (c, _body, tn, v) => submitAnswerForReview(deps, c.get('staff'), tn, expected(v)));

  step('/staff/requests/:tn/review-passed', 'review-passed', 'review-passed', (c, _body, tn, v) => confirmSecrecyReview(deps, c.get('staff'), tn, expected(v)));

  step('/staff/requests/:tn/release', 'release', 'release', (c, body, tn, v) =>
    releaseAnswer(deps, c.get('staff'), tn, {
      service: { method: single(body, 'method'), servedOn: single(body, 'servedOn'), postalTrackingNumber: single(body, 'postalTrackingNumber') },
      ...expected(v),
    }),
  );

  /** Shows the case page again on a refusal, with the message at the form that was posted. */
  const failedAt = (formId: string) => async (c: Context<StaffEnv, '/staff/requests/:tn/:form'>, refusal: Refusal) =>
    c.render(await casePage(c, c.req.param('tn'), { failed: { formId, errors: refusal.fields, values: {}, message: refusal.message } }));

  formStep(app, '/staff/requests/:tn/propose', {
    run: async (c, _body, v) => `/staff/items/${(await proposeForCatalogue(deps, c.get('staff'), c.req.param('tn'), expected(v))).itemId}`,
    again: failedAt('propose'),
  });

  formStep(app, '/staff/requests/:tn/identity', {
    run: async (c, body) => {
      const revealed = await revealIdentityNumber(deps, c.get('staff'), c.req.param('tn'), { reason: single(body, 'reason') });
      return c.render(await casePage(c, c.req.param('tn'), { revealed }));
    },
    again: failedAt('identity'),
  });

  formStep(app, '/staff/requests/:tn/contact', {
    run: async (c, body) => {
      const contact = await revealContact(deps, c.get('staff'), c.req.param('tn'), { reason: single(body, 'reason') });
      return c.render(await casePage(c, c.req.param('tn'), { contact }));
    },
    again: failedAt('contact'),
  });

  app.get('/staff/requests/:tn/letter', async (c) => {
    const record = await loadRequest(deps, c.req.param('tn'));
    const s = record.data;
    if (!s.draft) throw new NotFoundError('尚未拟定答复。');
    return c.render(
      <LetterPage trackingNumber={s.case.trackingNumber} letter={s.draft.letter} {...(s.released ? {} : { draftNotice: '本告知书尚未送达（草稿），以最终经保密审查、领导签发的版本为准。' })} />,
    );
  });

  app.get('/staff/requests/:tn/attachments/:id', async (c) => {
    const record = await loadRequest(deps, c.req.param('tn'));
    const a = record.data.attachments.find((x) => x.id === c.req.param('id'));
    if (!a) throw new NotFoundError('附件不存在。');
    return c.redirect(await deps.files.presignDownload(a.fileKey, a.fileName, 300), 303);
  });

  return app;
}
