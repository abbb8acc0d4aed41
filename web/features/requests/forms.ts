import { jsx } from 'hono/jsx';
import type { AppDependencies } from '#application/context';
import { DEMO_ACCOUNTS } from '#application/demo-data';
import { GENERIC_COMMANDS, MAX_ATTACHMENT_BYTES, mayRevealIdentity, mayTakeStep, seesContactPlainly, suggestFee, todayIn, type CaseView } from '#application/requests';
import type { StepField } from '#domain/case';
import { ANSWER_FIELDS, expectedServiceMethod, RESPONSE_TYPE_INFO, RESPONSE_TYPES, requestWorkflow, TO_APPLICANT, type CommandType, type NoticeKind, type ResponseType } from '#domain/requests';
import { REVIEW_STATUS_LABELS, type ReviewStatus } from '#domain/secrecy';
import type { StaffMember } from '#domain/staff';
import { shanghaiDateTime } from '../../page-context';
import type { StepView } from '../../views/components/CaseSteps';
import { FormField } from '../../views/components/FormField';
import { stepViews, type StepExtras } from '../case/steps';

const isGeneric = (c: CommandType): boolean => (GENERIC_COMMANDS as readonly string[]).includes(c);

/** The demo accounts a case may be handed to in local mode; elsewhere the handler's id is typed. */
export function demoHandlers(deps: AppDependencies) {
  if (deps.config.deployment !== 'local') return undefined;
  return DEMO_ACCOUNTS.filter((a) => a.roles.includes('clerk') || a.roles.includes('head')).map((a) => ({
    id: `local-${a.username}`,
    name: a.displayName,
    label: `${a.displayName}（${a.username}）`,
  }));
}

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

const reasonField: StepField = { name: 'reason', label: '查看理由（将记录在案）', kind: 'text', required: true };

/**
 * The step forms of the staff case page, in the order they are offered: the table's forms (labels,
 * kinds, required) with what this page adds: where each posts, what it prefills from the case and
 * today, and the explanation that depends on the case or the agency's policy.
 */
export async function caseSteps(deps: AppDependencies, staff: StaffMember, view: CaseView, chosenType: string | undefined): Promise<StepView[]> {
  const s = view.record.data;
  const c = s.case;
  const base = `/staff/requests/${c.trackingNumber}`;
  const today = todayIn(deps);
  const { deadlines: periods, workflow } = deps.policy;
  const has = (command: CommandType) => view.commands.includes(command);
  const fee = has('issueFeeNotice') ? await suggestFee(deps, s) : undefined;
  const last = s.supplementReplies.at(-1);
  const ext = c.extension;
  const consultation = { description: `征求意见期间（最长${periods.consultationWorkingDays}个工作日）不计入答复期限。` };
  const opinion = { values: { answeredOn: today } };
  const generic: Partial<Record<CommandType, Omit<StepExtras, 'action'>>> = {
    register: c.receivedOn ? { fields: [], description: `收到申请之日：${c.receivedOn}。登记后您将成为本申请的承办人（首问负责）。` } : { values: { receivedOn: today } },
    requestSupplement: {
      values: { periodWorkingDays: String(workflow.defaultSupplementWorkingDays) },
      // 补正后仍不明确 is asked only before a second notice.
      ...(c.supplementNotices > 0 ? {} : { fields: requestWorkflow.transition('requestSupplement')?.form?.fields.filter((f) => f.name !== 'supplementStillUnclear') }),
      ...(view.deadlines ? { description: `补正通知应于 ${view.deadlines.supplementNotice.due} 前发出（收到申请后7个工作日内）。` } : {}),
    },
    recordSupplement: { values: { receivedOn: last ? shanghaiDateTime(last.receivedAt).slice(0, 10) : today } },
    startThirdPartyConsultation: consultation,
    startAgencyConsultation: consultation,
    recordThirdPartyOpinion: opinion,
    recordAgencyOpinion: opinion,
    // The amount is the tier's (computed when the notice is issued); the page says what 按件 comes to.
    issueFeeNotice: { values: { method: 'per-application' }, ...(fee ? { description: `${fee.basis}${fee.amountYuan === 0 ? '按件计收本申请不收费。' : ''}` } : {}) },
    recordFeePaid: { values: { paidOn: today } },
    requestExtension: { values: { workingDays: String(periods.maxExtensionWorkingDays) }, description: `最长延长${periods.maxExtensionWorkingDays}个工作日。` },
    approveExtension: {
      description: `${ext.status === 'requested' ? `承办人申请延长 ${ext.workingDays} 个工作日，理由：${ext.reason}。` : ''}批准后生成延期答复告知书，经保密审查后送达申请人；须在原答复期限届满前送达，送达后延期生效。`,
    },
    withdraw: { values: { withdrawnOn: today } },
  };

  const steps: StepView[] = stepViews(requestWorkflow, view.commands.filter(isGeneric), (command) => ({ action: `${base}/act`, hidden: { command }, ...generic[command] }));

  /** One step of the table the viewer may take now, posting to its own path, with what the page sets. */
  const tableStep = (command: CommandType, action: string, more: Partial<StepView> = {}): StepView[] =>
    has(command) ? stepViews(requestWorkflow, [command], () => ({ action })).map((v) => ({ ...v, ...more })) : [];

  const handlers = demoHandlers(deps);
  const handlerField = (f: StepField): StepField =>
    handlers && f.name === 'handlerId' ? { ...f, label: '新承办人', kind: 'select', options: handlers.map((h) => ({ value: h.id, label: h.label })) } : f;
  steps.push(...tableStep('reassign', `${base}/reassign`, { fields: (requestWorkflow.transition('reassign')?.form?.fields ?? []).map(handlerField) }));

  if (has('draftAnswer')) {
    const current = chosenType && (RESPONSE_TYPES as readonly string[]).includes(chosenType) ? (chosenType as ResponseType) : s.draft?.decision.type;
    const title = s.draft ? '重新拟定答复：选择答复类型' : '拟定答复：选择答复类型';
    steps.push(...tableStep('draftAnswer', `${base}#action-draft`, { id: 'choose-type', title, method: 'get', button: '填写答复内容', values: { type: current ?? '' } }));
    if (current) {
      const info = RESPONSE_TYPE_INFO[current];
      const kept = s.draft?.documents.length ? `；不选择则保留已上传的 ${s.draft.documents.length} 个文件` : '';
      steps.push({
        id: 'draft',
        title: `拟定答复：${info.label}`,
        action: `${base}/draft`,
        multipart: true,
        hidden: { type: current },
        fields: ANSWER_FIELDS[current],
        values: s.draft?.decision.type === current ? flattenDecision(s.draft.decision) : {},
        ...(current === 'disclosed' || current === 'partial'
          ? { controls: jsx(FormField, { name: 'documents', type: 'file', label: `提供的政府信息文件（PDF、Word、文本或图片，不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB）${kept}` }) }
          : {}),
        description: `法律依据：${info.legalBasis.join('；')}。保存后按模板生成答复告知书，可在下方修改文字。`,
        button: '保存答复并生成告知书',
      });
    }
    if (c.status === 'drafting' && s.draft) {
      const letter = s.draft.letter;
      steps.push({
        id: 'letter',
        title: '修改告知书文字',
        action: `${base}/letter`,
        fields: [
          ...letter.paragraphs.map((p): StepField => ({ name: `p.${p.key}`, label: `段落：${p.key}`, kind: 'textarea', rows: 4 })),
          { name: 'p.remedies', label: '救济途径（不可删除）', kind: 'textarea', rows: 4 },
        ],
        values: { ...Object.fromEntries(letter.paragraphs.map((p) => [`p.${p.key}`, p.text])), 'p.remedies': letter.remedies },
        button: '保存告知书',
        secondary: true,
      });
    }
  }

  const documents = s.draft?.documents.length ? `及 ${s.draft.documents.length} 个文件` : '';
  if (s.draft) steps.push(...tableStep('submitForSecrecyReview', `${base}/review`, { id: 'review', description: `告知书${documents}将提交保密审查（先审查、后公开）。` }));
  const review = view.review?.status === 'approved' ? '审查单已审批通过。' : `审查单当前状态：${view.review ? REVIEW_STATUS_LABELS[view.review.status as ReviewStatus] : '无'}；审批通过后方可报送。`;
  steps.push(...tableStep('passSecrecyReview', `${base}/review-passed`, { id: 'review-passed', title: '保密审查通过，报送领导签发', button: '报送领导签发', description: review }));
  const served = '经审查的告知书及删除处理后的文件将通过发布服务提供给申请人；期限以送达之日判断。';
  steps.push(...tableStep('release', `${base}/release`, { values: { method: expectedServiceMethod(s.deliveryMethod), servedOn: today }, description: served }));

  steps.push(...noticeSteps(staff, view, base, today, { method: expectedServiceMethod(s.deliveryMethod), servedOn: today }));

  if (view.mayPropose) {
    steps.push({
      id: 'propose',
      title: '提请转为主动公开',
      action: `${base}/propose`,
      fields: [],
      description: `${view.sameInformation.reached ? `已有 ${view.sameInformation.applicants} 位申请人申请相同政府信息（第四十四条第一款）。` : ''}依照《条例》第四十四条，将本次公开的信息转为主动公开：系统生成一条主动公开信息草稿，补充正文和附件后经保密审查发布。`,
      button: '生成主动公开信息草稿',
      secondary: true,
    });
  }
  if (mayRevealIdentity(staff, s)) steps.push({ id: 'identity', title: '查看完整证件号码', action: `${base}/identity`, fields: [reasonField], button: '查看', secondary: true });
  if (!seesContactPlainly(staff)) steps.push({ id: 'contact', title: '查看申请人联系方式', action: `${base}/contact`, fields: [reasonField], button: '查看', secondary: true });
  return steps;
}

const discardReason: StepField = { name: 'reason', label: '作废理由', kind: 'text', required: true };

/** What serving a notice starts, said above its button. */
const SERVICE_EFFECT: Record<NoticeKind, string> = {
  supplement: '送达之日即发出补正通知之日（须在收到申请后7个工作日内）；补正期限自申请人收到之日起计算，邮寄送达的，申请人签收后请登记签收日期。',
  extension: '须在原答复期限届满前送达；送达后延期生效。',
  fee: '送达之日起答复期限暂停计算（按本机关配置）；缴费期限自申请人收到本通知书之日起计算。',
  delay: '送达后按延迟答复期限计算。',
  'third-party-consultation': '送达第三方之日起征求意见，第三方自收到之日起15个工作日内提出意见；征求意见期间不计入答复期限。',
  'agency-consultation': '送达之日起征求意见，对方机关自收到之日起15个工作日内提出意见，逾期视为同意公开；征求意见期间不计入答复期限。',
  'disclosure-over-objection': '送达第三方后，方可送达公开其反对的信息的答复。',
};

/**
 * A notice's steps, as the answer's: to secrecy review while drafted (or returned), then served once
 * approved, by the method and on the date the form records (the release form's fields).
 */
function noticeSteps(staff: StaffMember, view: CaseView, base: string, today: string, serviceValues: Record<string, string>): StepView[] {
  const serviceFields = requestWorkflow.transition('release')?.form?.fields ?? [];
  return view.notices.flatMap(({ notice: n, approved, reviewStatus }): StepView[] => {
    if (n.served || n.discarded) return [];
    const action = `${base}/notices/${n.id}`;
    const hidden = { notice: n.id };
    const name = `${n.document.title}（${n.document.number}）`;
    const discard: StepView[] = mayTakeStep(staff, 'submitForSecrecyReview')
      ? [
          {
            id: `notice-discard-${n.id}`,
            title: `作废${n.document.title}`,
            action: `${action}/discard`,
            hidden,
            fields: [discardReason],
            description: `${name}尚未送达；作废后保留编号和记录，不再送达。`,
            button: '作废',
            secondary: true,
          },
        ]
      : [];
    if (approved && mayTakeStep(staff, 'release')) {
      const description = `${name}保密审查已通过，经发布服务送达申请人。${SERVICE_EFFECT[n.kind]}`;
      return [
        {
          id: `notice-serve-${n.id}`,
          title: `送达${n.document.title}`,
          action: `${action}/serve`,
          hidden,
          fields: serviceFields,
          values: { ...(TO_APPLICANT.has(n.kind) ? serviceValues : { method: 'post' }), servedOn: today },
          description,
          button: '送达',
        },
      ];
    }
    if ((reviewStatus === undefined || reviewStatus === 'returned') && mayTakeStep(staff, 'submitForSecrecyReview')) {
      const description = `${name}经保密审查通过后方可送达申请人（先审查、后公开）。`;
      const paragraphs = n.document.paragraphs.map((text, i) => ({ name: `p.${i + 1}`, text }));
      const edit: StepView = {
        id: `notice-edit-${n.id}`,
        title: `修改${n.document.title}文字`,
        action: `${action}/edit`,
        hidden,
        fields: paragraphs.map(({ name }, i): StepField => ({ name, label: `第${i + 1}段`, kind: 'textarea', rows: 3, required: true })),
        values: Object.fromEntries(paragraphs.map(({ name, text }) => [name, text])),
        description: '按本案情况修改措辞；每段都须保留（期限、后果和救济等内容不能删除），修改后的文字经保密审查后送达。',
        button: '保存告知书',
        secondary: true,
      };
      return [{ id: `notice-review-${n.id}`, title: `${n.document.title}提交保密审查`, action: `${action}/review`, hidden, fields: [], description, button: '提交保密审查' }, edit, ...discard];
    }
    return discard;
  });
}
