import type { CorrectionListRow, CorrectionView } from '#application/corrections';
import { CORRECTION_OUTCOME_LABELS, correctionWorkflow, type CorrectionCommandType, type CorrectionStatus } from '#domain/corrections';
import type { MetaRow } from '../../views/components/MetaTable';
import type { BadgeTone } from '../../views/components/StatusBadge';
import { reviewStatusLabel, timelineRows, type CaseArea, type CaseRow } from '../case/CasePage';
import { stepViews } from '../case/steps';

export const CORRECTIONS: CaseArea = { href: '/staff/corrections', label: '更正申请' };

export const CORRECTION_TONES: Record<CorrectionStatus, BadgeTone> = {
  submitted: 'neutral',
  registered: 'info',
  assessing: 'info',
  correcting: 'info',
  'answer-drafting': 'info',
  'secrecy-review': 'warning',
  'answer-approved': 'success',
  answered: 'success',
  closed: 'neutral',
  withdrawn: 'neutral',
};

const status = (s: CorrectionStatus) => ({ label: correctionWorkflow.stateLabel(s), tone: CORRECTION_TONES[s] });

export interface CorrectionRow extends CaseRow {
  readonly applicant: string;
  readonly record: string;
}

export const caseRows = (rows: readonly CorrectionListRow[], today: string): CorrectionRow[] =>
  rows.map((r) => ({
    id: r.trackingNumber,
    href: `${CORRECTIONS.href}/${r.trackingNumber}`,
    applicant: r.applicantName,
    record: r.record,
    status: status(r.status),
    ...(r.due && r.dueOpen ? { due: r.due, overdue: r.due < today } : {}),
  }));

/** Explanations above a step's button that the table does not carry. */
const NOTES: Partial<Record<CorrectionCommandType, string>> = {
  recordCorrection: '公开信息的更正在“主动公开”中办理：修订该信息、保密审查后发布新版本（原版本保留在修订记录中），再在此登记。',
  draftAnswer: '按审核决定生成答复告知书（含救济途径）。',
  submitForSecrecyReview: '答复告知书将进入保密审查（先审查、后提供）。',
  release: '通过送达服务将经审查的答复告知书提供给申请人，申请人可凭编号和查询码查看。',
};

/** The steps this person may take: the table's forms, where they post and what the request prefills. */
export function correctionSteps(view: CorrectionView, workingDays: number) {
  const d = view.record.data;
  const tn = d.case.trackingNumber;
  const values: Partial<Record<CorrectionCommandType, Record<string, string | undefined>>> = {
    register: { receivedOn: d.case.submittedOn },
    decideCorrect: { plannedCorrection: d.requestedCorrection },
    recordCorrection: { recordType: 'item', recordId: d.record.itemId },
  };
  const notes: Partial<Record<CorrectionCommandType, string>> = {
    ...NOTES,
    register: `登记后开始计算答复期限（${workingDays} 个工作日）。`,
    ...(view.review ? { recordReviewApproved: `审查单当前状态：${reviewStatusLabel(view.review)}。` } : {}),
  };
  return stepViews(correctionWorkflow, view.available, (command) => ({ action: `${CORRECTIONS.href}/${tn}/${command}`, values: values[command], description: notes[command] }));
}

/** One request as the staff page shows it: the applicant, the request and its evidence, the decision, the letter. */
export function correctionCase(view: CorrectionView, workingDays: number) {
  const { data, version } = view.record;
  const k = data.case;
  const c = k.corrected;
  return {
    id: k.trackingNumber,
    heading: `更正申请 ${k.trackingNumber}`,
    status: status(k.status),
    version,
    meta: [
      { label: '申请人', value: data.applicant.name },
      { label: '身份证件号码', value: data.applicant.idMasked },
      { label: '联系方式', value: [data.applicant.phone, data.applicant.email, data.applicant.address].filter(Boolean).join('，') },
      { label: '提交日期', value: k.submittedOn },
      { label: '收到申请之日', value: k.receivedOn ?? '待登记' },
      { label: '答复期限', value: k.due ? `${k.due}${k.dueProvisional ? '（暂定）' : ''}` : '登记后计算' },
      { label: '承办人', value: data.handlerName ?? '待分派' },
    ] satisfies MetaRow[],
    record: data.record.description,
    itemHref: data.record.itemId ? { href: `/staff/items/${encodeURIComponent(data.record.itemId)}`, id: data.record.itemId } : undefined,
    request: [
      { label: '不准确的内容', value: data.inaccuracy },
      { label: '应当更正为', value: data.requestedCorrection },
    ] satisfies MetaRow[],
    evidence: data.evidence.map((e) => ({ href: `${CORRECTIONS.href}/${k.trackingNumber}/evidence/${e.id}`, label: `证据：${e.fileName}` })),
    decision: k.outcome
      ? [
          { label: '决定', value: CORRECTION_OUTCOME_LABELS[k.outcome] },
          ...(k.plannedCorrection ? [{ label: '拟更正的内容', value: k.plannedCorrection }] : []),
          ...(c ? [{ label: '更正后的版本', value: `${c.recordId}：第 ${c.previousVersion} 版 → 第 ${c.newVersion} 版（${c.summary}）` }] : []),
          ...(k.referredTo ? [{ label: '转送机关', value: k.referredTo }] : []),
          ...(k.reasons ? [{ label: '理由', value: k.reasons }] : []),
        ]
      : [],
    letterText: data.letterText,
    timeline: timelineRows(data.timeline),
    steps: correctionSteps(view, workingDays),
  };
}
