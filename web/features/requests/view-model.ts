import { jsx } from 'hono/jsx';
import { REQUEST_DEADLINE_KIND, type ApplicantContact, type CaseView, type QueueRow } from '#application/requests';
import type { UrgencyResult } from '#domain/deadlines';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  DELIVERY_METHOD_LABELS,
  ID_DOCUMENT_LABELS,
  ORGANISATION_KIND_LABELS,
  PROVISION_FORM_LABELS,
  REQUEST_STATUSES,
  serviceDate,
  SERVICE_METHOD_LABELS,
  STATUS_LABELS,
  TERMINAL_STATUSES,
  type RequestStatus,
} from '#domain/requests';
import { REVIEW_STATUS_LABELS, STAGE_LABELS, type ReviewStage, type ReviewStatus } from '#domain/secrecy';
import { shanghaiDateTime } from '../../page-context';
import type { DeadlineChipProps, DeadlineUrgency } from '../../views/components/DeadlineChip';
import type { MetaRow } from '../../views/components/MetaTable';
import type { BadgeTone } from '../../views/components/StatusBadge';
import type { ListFilter } from '../case/CasePage';
import { formatBytes } from '../../views/format';

/** States that wait on someone outside the office (the applicant, a third party, another agency, a payment). */
const WAITING: readonly RequestStatus[] = ['supplement-requested', 'third-party-consultation', 'agency-consultation', 'fee-notice'];
const toneOf = (s: RequestStatus): BadgeTone => (s === 'released' ? 'success' : TERMINAL_STATUSES.includes(s) ? 'neutral' : WAITING.includes(s) ? 'warning' : 'info');
export const REQUEST_STATUS_TONES = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, toneOf(s)])) as Record<RequestStatus, BadgeTone>;

const URGENCY: Record<string, DeadlineUrgency> = { normal: 'normal', 'due-soon': 'soon', 'due-today': 'today', overdue: 'overdue' };
export const urgencyOf = (u: string) => URGENCY[u] ?? 'normal';

/** An open deadline as its chip shows it. */
const chip = (dueDate: string, provisional: boolean, u: UrgencyResult): DeadlineChipProps => ({ dueDate, workingDaysLeft: u.workingDaysLeft, urgency: urgencyOf(u.urgency), provisional });
const status = (s: RequestStatus) => ({ label: STATUS_LABELS[s], tone: REQUEST_STATUS_TONES[s] });

export function subjectOf(r: { documentTitle?: string; documentNumber?: string; description?: string }): string {
  return [r.documentTitle, r.documentNumber ? `（${r.documentNumber}）` : '', !r.documentTitle ? r.description : ''].filter(Boolean).join('');
}

/** A case in the queue: the list's row and the queue's own columns. */
export type QueueCaseRow = ReturnType<typeof queueRows>[number];

export const queueRows = (rows: readonly QueueRow[]) =>
  rows.map((r) => ({
    id: r.trackingNumber,
    href: `/staff/requests/${r.trackingNumber}`,
    status: status(r.status),
    subject: r.subject,
    duplicates: r.duplicates,
    applicant: r.applicantName,
    handler: r.handlerName ?? '未登记',
    ...(r.due && r.urgency ? { deadline: chip(r.due, r.provisional, r.urgency) } : {}),
  }));

/** The queue's filters: status, handler (me, nobody, those in the list), due by. */
export function queueFilters(values: { status: string; handler: string; dueBy: string }, me: { id: string; displayName: string }, rows: readonly QueueRow[]): ListFilter[] {
  const handlers = new Map<string, string>([
    [me.id, `${me.displayName}（我）`],
    ['unassigned', '未登记'],
  ]);
  for (const r of rows) if (r.handlerId && !handlers.has(r.handlerId)) handlers.set(r.handlerId, r.handlerName ?? r.handlerId);
  return [
    { name: 'status', label: '状态', all: '全部未办结', options: REQUEST_STATUSES.map((st) => ({ value: st, label: STATUS_LABELS[st] })), value: values.status },
    { name: 'handler', label: '承办人', all: '全部', options: [...handlers].map(([value, label]) => ({ value, label })), value: values.handler },
    { name: 'dueBy', label: '答复期限不晚于', type: 'date', value: values.dueBy },
  ];
}

const row = (label: string, value: MetaRow['value'] | undefined): MetaRow[] => (value ? [{ label, value }] : []);

/** What the staff case page shows of a case, besides the steps. */
export type CaseFacts = ReturnType<typeof caseFacts>;

export function caseFacts(view: CaseView, contact: ApplicantContact) {
  const s = view.record.data;
  const { case: c, applicant: a } = s;
  const tn = c.trackingNumber;
  const d = view.deadlines;
  const u = view.urgency;
  const deadlineNote = d?.closed
    ? `已于 ${d.closed.on} 办结${d.closed.onTime === true ? '，在答复期限内' : d.closed.onTime === false ? '，超过答复期限' : ''}。`
    : c.status === 'supplement-requested'
      ? `等待申请人补正${d?.supplement?.applicantDue ? `（应于 ${d.supplement.applicantDue} 前补正）` : ''}；答复期限自收到补正材料的次日起重新计算。`
      : undefined;
  const r = view.review;
  return {
    id: tn,
    status: status(c.status),
    facts: [
      { label: '所需信息', value: subjectOf(s.requested) },
      ...row('内容描述', s.requested.description),
      { label: '载体形式', value: PROVISION_FORM_LABELS[s.provisionForm] },
      { label: '获取方式', value: DELIVERY_METHOD_LABELS[s.deliveryMethod] },
      { label: '申请渠道', value: CHANNEL_LABELS[s.channel] },
      { label: '提交时间', value: shanghaiDateTime(s.submittedAt) },
      { label: '收到申请之日', value: c.receivedOn ? `${c.receivedOn}（${s.receiptRule}）` : `待确认（${s.receiptRule}）` },
      ...row(
        '平常信函',
        c.letter &&
          `${c.letter.arrivedOn} 到达，${c.letter.confirmedOn ? `${c.letter.confirmedOn} 与申请人确认${c.letter.confirmedOn > c.letter.arrivedOn ? '（未在到达当日确认）' : ''}` : '尚未与申请人确认（应于到达当日确认）'}`,
      ),
      { label: '承办人', value: s.handlerName ?? '未登记（登记人即为承办人）' },
      ...row('备注', s.notes),
      ...row(
        '主动公开建议（第四十四条）',
        s.proactiveSuggestion &&
          `${s.proactiveSuggestion}${c.proactiveSuggestion?.status === 'answered' ? `（审核：${c.proactiveSuggestion.accepted ? '属于主动公开范围' : '不属于主动公开范围'}，${c.proactiveSuggestion.reason}）` : '（待审核）'}`,
      ),
      ...row('本自然月申请件数', s.feeMonthCount ? `第 ${s.feeMonthCount} 件（用于信息处理费按件计收）` : undefined),
    ],
    applicant: [
      { label: '申请人类型', value: APPLICANT_KIND_LABELS[a.kind] + (a.organisationKind ? `（${ORGANISATION_KIND_LABELS[a.organisationKind]}）` : '') },
      { label: '姓名或名称', value: a.name },
      { label: a.kind === 'citizen' ? (a.idType ? ID_DOCUMENT_LABELS[a.idType] : '证件号码') : '统一社会信用代码', value: jsx('span', { id: 'masked-id' }, a.idMasked) },
      ...row('工作单位', a.workUnit),
      ...row('法定代表人', a.legalRepresentative),
      ...row('联系人', a.contactPerson),
      ...row('联系电话', contact.phone),
      ...row('电子邮箱', contact.email),
      ...row('通信地址', contact.address ? `${contact.address}${contact.postCode ? `（${contact.postCode}）` : ''}` : undefined),
    ],
    duplicates: s.duplicates.map((x) => ({
      trackingNumber: x.earlierTrackingNumber,
      similarity: `${Math.round(x.similarity * 100)}%${x.sameDocumentNumber ? '，文号相同' : ''}`,
      href: `/staff/requests/${x.earlierTrackingNumber}`,
    })),
    sameInformation: {
      applicants: view.sameInformation.applicants,
      reached: view.sameInformation.reached,
      matches: view.sameInformation.matches.map((x) => ({
        trackingNumber: x.trackingNumber,
        note: `${x.status}${x.receivedOn ? `，${x.receivedOn} 收到` : ''}；相似度 ${Math.round(x.similarity * 100)}%${x.sameDocumentNumber ? '，文号相同' : ''}`,
        href: `/staff/requests/${x.trackingNumber}`,
      })),
    },
    attachments: s.attachments.map((x) => ({ href: `/staff/requests/${tn}/attachments/${x.id}`, fileName: x.fileName, size: formatBytes(x.sizeBytes) })),
    supplementReplies: s.supplementReplies.map((x) => ({ receivedAt: shanghaiDateTime(x.receivedAt), text: x.text })),
    ...(s.openDeadline?.kind === REQUEST_DEADLINE_KIND && u ? { deadline: chip(s.openDeadline.due, s.openDeadline.provisional, u) } : {}),
    reReview: [
      ...(c.reReviewDue ? [{ label: '下次评估审查', value: `${c.reReviewDue} 前（《条例》第十八条）` }] : []),
      ...(c.reReviews ?? []).map((r) => ({ label: r.on, value: `${r.groundHolds ? '理由仍然成立，继续不予公开' : '情势变化，可以公开'}：${r.note}` })),
    ],
    explanation: view.explanation,
    ...(deadlineNote ? { deadlineNote } : {}),
    timeline: s.timeline.map((t) => ({
      at: shanghaiDateTime(t.at),
      label: t.label,
      by: `${t.actor.kind === 'applicant' ? '申请人' : (t.actor.name ?? t.actor.id)}${t.public ? '' : '（内部）'}`,
      note: t.note,
    })),
    ...(s.draft ? { letter: { title: s.draft.letter.title, href: `/staff/requests/${tn}/letter` } } : {}),
    notices: view.notices.map(({ notice: n, approved, reviewStatus }) => ({
      title: `${n.document.title}（${n.document.number}）`,
      href: `/staff/requests/${tn}/notices/${n.id}`,
      state: n.served
        ? `已于 ${serviceDate(n.served.service)} ${SERVICE_METHOD_LABELS[n.served.service.method]}`
        : n.discarded
          ? `已于 ${n.discarded.on} 作废（${n.discarded.reason}）`
          : approved
            ? '保密审查通过，待送达'
            : reviewStatus
              ? `保密审查：${REVIEW_STATUS_LABELS[reviewStatus as ReviewStatus]}`
              : '待提交保密审查',
      ...(n.review ? { reviewHref: `/staff/reviews/${n.review.id}` } : {}),
    })),
    ...(r
      ? {
          review: {
            label: `${REVIEW_STATUS_LABELS[r.status as ReviewStatus]}${r.status === 'in-review' ? `（${STAGE_LABELS[r.stage as ReviewStage]}）` : ''}`,
            href: `/staff/reviews/${r.id}`,
          },
        }
      : {}),
  };
}
