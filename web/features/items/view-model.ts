import type { LoadedCatalogue, StaffItemView, StaffWorkListView } from '#application/catalogue';
import { WORK_LIST_STATES } from '#application/catalogue';
import type { AuditEvent } from '#domain/audit/chain';
import {
  DEADLINE_STATUS_LABELS,
  publishedVersion,
  publishing,
  PUBLISHING_STEPS,
  VERSION_STATUS_LABELS,
  WORKFLOW_STATE_LABELS,
  workingVersion,
  type ItemContent,
  type PublicationDeadline,
  type PublishingCommandType,
  type WorkflowState,
} from '#domain/catalogue';
import { REVIEW_STATUS_LABELS } from '#domain/secrecy';
import { ownValue } from '#domain/untrusted-input';
import { shanghaiDateTime } from '../../page-context';
import type { DeadlineUrgency } from '../../views/components/DeadlineChip';
import type { BadgeTone } from '../../views/components/StatusBadge';
import { formatBytes } from '../../views/format';
import { stepViews } from '../case/steps';
import type { CasePageProps } from '../case/CasePage';
import type { ItemFormValues } from './forms';

export const STATE_TONES: Record<WorkflowState, BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  approved: 'info',
  scheduled: 'info',
  published: 'success',
  withdrawn: 'danger',
  discarded: 'neutral',
};

/** After a step, by the step's event name in the table (`?done=submitted`), or a page's own. */
const FLASH: Record<string, string> = {
  created: '已保存为草稿。请核对后提交保密审查。',
  saved: '草稿已保存。',
  submitted: '已提交保密审查。审查通过后即可发布。',
  published: '已发布。公开页面、检索、订阅和网站地图已同步更新。',
  scheduled: '已设置定时发布。',
  unscheduled: '已取消定时发布。',
  returned: '已退回草稿。',
  reopened: '已退回草稿，原审查结论失效。',
  revised: '已生成新版本草稿；新版本发布前，公众仍看到当前版本。',
  discarded: '草稿已放弃。',
  'validity-marked': '已更新有效性。',
  withdrawn: '已撤回，信息已从全部公开渠道下线。',
  settings: '设置已保存。',
};
export const flashOf = (done: string | undefined) => ownValue(FLASH, done);

/** Audit event types of items, for the 办理记录 list: the table's steps by their event, and what is no step. */
const EVENT_LABELS: Record<string, string> = {
  ...Object.fromEntries(PUBLISHING_STEPS.map((t) => [`item.${t.event ?? t.command}`, t.label])),
  'item.created': '新建草稿',
  'item.submitted': '提交保密审查',
  'item.approved': '审核通过（生成索引号）',
  'item.deadline-recomputed': '工作日调整后重算公开期限',
};

function urgencyOf(d: PublicationDeadline): DeadlineUrgency {
  if (d.status === 'overdue') return 'overdue';
  if (d.workingDaysLeft === 0) return 'today';
  return d.status === 'due-soon' ? 'soon' : 'normal';
}

/** A met or late deadline shows how it ended; an open one the days left. */
const deadlineOf = (d: PublicationDeadline) =>
  d.status === 'met' || d.status === 'late' ? DEADLINE_STATUS_LABELS[d.status] : { dueDate: d.due, workingDaysLeft: d.workingDaysLeft ?? 0, urgency: urgencyOf(d), provisional: d.provisional };

export const categoryOptions = (catalogue: LoadedCatalogue) => catalogue.tree.all().map((n) => ({ value: n.id, label: `${'　'.repeat(n.depth - 1)}${n.name}` }));

function formValuesOf(content: ItemContent): ItemFormValues {
  const { related, coIssuers, keywords, attachments: _files, ...rest } = content;
  return { ...(rest as ItemFormValues), coIssuers: coIssuers.join('、'), keywords: keywords.join('、'), interpretations: related.interpretations.join(',') };
}

export type WorkListProps = ReturnType<typeof workListProps>;

export function workListProps(view: StaffWorkListView, done: string | undefined) {
  const { state, page } = view;
  const href = (id: string) => `/staff/items/${id}`;
  return {
    actions: [...(view.mayCreate ? [{ href: '/staff/items/new', label: '新建信息' }] : []), ...(view.mayEditSettings ? [{ href: '/staff/catalogue', label: '目录与指南设置' }] : [])],
    tabs: WORK_LIST_STATES.map((s) => ({ href: `/staff/items?state=${s}`, label: WORKFLOW_STATE_LABELS[s], current: s === state })),
    stateLabel: WORKFLOW_STATE_LABELS[state],
    rows: page.items.map((r) => ({
      id: r.id,
      label: r.title,
      href: href(r.id),
      status: { label: WORKFLOW_STATE_LABELS[r.state], tone: STATE_TONES[r.state] },
      updatedAt: shanghaiDateTime(r.updatedAt),
      indexNumber: r.indexNumber,
      ...(r.deadline ? { deadline: deadlineOf(r.deadline) } : {}),
    })),
    overdue: view.overdue.map((o) => ({ href: href(o.id), title: o.title, due: o.due })),
    nextHref: page.cursor ? `/staff/items?state=${state}&cursor=${encodeURIComponent(page.cursor)}` : undefined,
    flash: flashOf(done),
  };
}

/** The steps an item page offers a form for, in the page's order: 发布 on a submitted version approves it first. */
const PAGE_STEPS: readonly PublishingCommandType[] = ['submit', 'publish', 'schedule', 'unschedule', 'return', 'reopen', 'revise', 'markValidity', 'discard', 'withdraw'];

export type ItemPageState = Pick<CasePageProps, 'flash' | 'refusal' | 'failed'> & {
  readonly draftErrors?: Record<string, string>;
  readonly draftValues?: ItemFormValues;
};

export type ItemPageProps = ReturnType<typeof itemPageProps>;

export function itemPageProps(view: StaffItemView, catalogue: LoadedCatalogue, history: readonly AuditEvent[], { draftErrors, draftValues, ...outcome }: ItemPageState) {
  const record = view.stored.record;
  const id = record.id;
  const w = workingVersion(record);
  const c0 = (w ?? publishedVersion(record) ?? record.versions[record.versions.length - 1]!).content;
  const d = view.deadline;
  const isPublic = Boolean(view.publicView?.item);
  const allowed = new Set<PublishingCommandType>(view.allowed.flatMap((c) => (c === 'approve' ? ['publish', 'schedule'] : c === 'markValidity' && !isPublic ? [] : [c])));
  const steps = stepViews(
    publishing,
    PAGE_STEPS.filter((c) => allowed.has(c)),
    (c) => ({ action: `/staff/items/${id}/${c}`, ...(c === 'submit' ? { button: '提交保密审查' } : {}), ...(c === 'markValidity' ? { values: { status: record.validity.status } } : {}) }),
  );
  return {
    title: c0.title,
    status: { label: WORKFLOW_STATE_LABELS[view.state], tone: STATE_TONES[view.state] },
    version: view.version,
    meta: [
      { label: '索引号', value: record.indexNumber ?? '审核通过后生成' },
      { label: '目录分类', value: catalogue.tree.label(c0.categoryId) },
      { label: '发布机构', value: [c0.issuer, ...c0.coIssuers].join('、') },
      { label: '生成日期', value: c0.formedOn },
      { label: '文号', value: c0.documentNumber ?? '—' },
      { label: '成文日期', value: c0.writtenOn ?? '—' },
      { label: '公开期限', value: d ? `${d.due}（${DEADLINE_STATUS_LABELS[d.status]}${d.workingDaysLeft !== undefined && d.status !== 'met' ? `，剩余${d.workingDaysLeft}个工作日` : ''}）` : '—' },
      { label: '附件', value: c0.attachments.map((a) => a.name).join('、') || '无' },
      ...(record.withdrawal ? [{ label: '撤回理由', value: `${record.withdrawal.reason}（${shanghaiDateTime(record.withdrawal.at)}）`, wide: true }] : []),
    ],
    steps,
    ...outcome,
    publicHref: isPublic ? `/items/${id}` : undefined,
    review: view.review && {
      href: `/staff/reviews/${view.review.id}`,
      statusLabel: ownValue(REVIEW_STATUS_LABELS, view.review.status) ?? view.review.status,
      approved: view.review.approvedForThisVersion,
    },
    form:
      w && w.status === 'draft'
        ? {
            action: `/staff/items/${id}/edit`,
            values: draftValues ?? formValuesOf(w.content),
            categories: categoryOptions(catalogue),
            attachments: w.content.attachments.map((a, index) => ({ index, name: a.name, size: formatBytes(a.size) })),
            submitLabel: '保存修改',
            version: view.version,
            errors: draftErrors,
          }
        : undefined,
    versions: record.versions.map((v) => ({ number: v.number, statusLabel: VERSION_STATUS_LABELS[v.status], updatedAt: shanghaiDateTime(v.updatedAt) })),
    timeline: history.map((h) => ({
      at: shanghaiDateTime(h.at),
      label: EVENT_LABELS[h.type] ?? h.type,
      by: h.actor.kind === 'staff' ? h.actor.name : h.actor.kind === 'system' ? `系统（${h.actor.id}）` : '—',
    })),
  };
}
