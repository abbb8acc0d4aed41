import type { ClarificationListRow, ClarificationView } from '#application/clarifications';
import { instantMs, shanghaiDate } from '#domain/calendar';
import { clarificationWorkflow, FALSITY_LABELS, IMPACT_LABELS, SOURCE_LABELS, UNFOUNDED_LABELS, type ClarificationCommandType, type ClarificationStatus } from '#domain/clarifications';
import type { MetaRow } from '../../views/components/MetaTable';
import type { BadgeTone } from '../../views/components/StatusBadge';
import { shanghaiDateTime } from '../../page-context';
import { formatDueAtZh } from '../../views/format';
import { reviewStatusLabel, timelineRows, URGENT, type CaseArea, type CaseRow } from '../case/CasePage';
import { stepViews } from '../case/steps';

export const CLARIFICATIONS: CaseArea = { href: '/staff/clarifications', label: '澄清' };

export const CLARIFICATION_TONES: Record<ClarificationStatus, BadgeTone> = {
  registered: 'neutral',
  assessing: 'info',
  verifying: 'info',
  drafting: 'info',
  'secrecy-review': 'warning',
  'leader-approval': 'warning',
  approved: 'success',
  published: 'success',
  closed: 'neutral',
  'closed-unfounded': 'neutral',
};

export const shanghaiDay = (iso: string) => shanghaiDateTime(iso).slice(0, 10);

/** Where the public reads a published clarification: its catalogue item page. */
export const publicHref = (p: { id: string; itemId?: string | undefined }) => (p.itemId ? `/items/${encodeURIComponent(p.itemId)}` : `/clarifications/${p.id}`);

const status = (s: ClarificationStatus) => ({ label: clarificationWorkflow.stateLabel(s), tone: CLARIFICATION_TONES[s] });

export interface ClarificationRow extends CaseRow {
  readonly title: string;
  readonly source: string;
}

/** An open due date as the list shows it: the Beijing date and time for a period counted in hours, overdue once that instant has passed. */
function dueCell(r: ClarificationListRow, now: Date): { due: string; overdue: boolean } {
  if (r.dueAt) return { due: formatDueAtZh(r.dueAt), overdue: instantMs(r.dueAt) < now.getTime() };
  return { due: r.due, overdue: r.due < shanghaiDate(now) };
}

export const caseRows = (rows: readonly ClarificationListRow[], now: Date): ClarificationRow[] =>
  rows.map((r) => ({
    id: r.id,
    href: `${CLARIFICATIONS.href}/${r.id}`,
    title: r.title,
    source: SOURCE_LABELS[r.source],
    status: status(r.status),
    urgent: r.urgent,
    ...(r.dueOpen ? dueCell(r, now) : {}),
  }));

/** Explanations above a step's button that the table does not carry. */
const NOTES: Partial<Record<ClarificationCommandType, string>> = {
  markUrgent: '期限将缩短，超期时上报分管领导。',
  recordAssessment: '不涉及本机关工作或信息属实的，请由科室负责人“不予澄清并办结”。',
  submitForSecrecyReview: '澄清稿将进入保密审查（先审查、后公开）。',
  approve: '以本机关名义发布澄清信息，须经领导批准。',
  publish: '通过发布服务发布经审查的澄清说明，并在关联信息页面显示提示。',
};

/** The steps this person may take: the table's forms, where they post and what the case prefills. */
export function clarificationSteps(view: ClarificationView) {
  const c = view.record.data.case;
  const d = c.draft;
  const values: Partial<Record<ClarificationCommandType, Record<string, string | undefined>>> = {
    recordVerification: { department: c.assessment?.responsibleDepartment },
    saveDraft: { title: d?.title, falseClaim: d?.falseClaim, facts: d?.facts ?? c.verification?.facts, sources: d?.sources.join('\n'), relatedItemIds: d?.relatedItemIds.join('\n') },
    recordFollowUp: { furtherStatementNeeded: 'no' },
  };
  const review = view.review ? `审查单当前状态：${reviewStatusLabel(view.review)}。审查通过后报请领导审批。` : undefined;
  return stepViews(clarificationWorkflow, view.available, (command) => {
    const description = command === 'recordReviewApproved' ? review : NOTES[command];
    return { action: `${CLARIFICATIONS.href}/${c.id}/${command}`, values: values[command], description };
  });
}

/** One case as the staff page shows it: the facts, the internal report, assessment, verification, the draft and its links. */
export function clarificationCase(view: ClarificationView) {
  const { data, version } = view.record;
  const k = data.case;
  const rep = data.report;
  const a = k.assessment;
  const v = k.verification;
  const rows = (list: (MetaRow | false | '' | undefined)[]): MetaRow[] => list.filter((r): r is MetaRow => Boolean(r));
  return {
    id: k.id,
    heading: data.title,
    status: status(k.status),
    badges: k.urgent ? [URGENT] : [],
    version,
    meta: rows([
      { label: '编号', value: k.id },
      { label: '线索来源', value: SOURCE_LABELS[k.source] },
      { label: '登记日期', value: k.registeredAt ? shanghaiDateTime(k.registeredAt) : k.registeredOn },
      { label: '内部期限', value: `${k.dueAt ? formatDueAtZh(k.dueAt) : k.due}${k.dueProvisional ? '（暂定）' : ''}${k.urgent ? '（紧急）' : ''}` },
      { label: '承办人', value: data.openDeadline?.responsible.name ?? (k.handlerId ? k.handlerId : '待分派') },
      k.unfounded && { label: '不予澄清理由', value: `${UNFOUNDED_LABELS[k.unfounded.reason]}：${k.unfounded.note}` },
    ]),
    report: rep
      ? rows([
          rep.url && { label: '链接', value: rep.url },
          rep.outlet && { label: '来源名称', value: rep.outlet },
          rep.firstSeenOn && { label: '首次发现', value: rep.firstSeenOn },
          { label: '内容', value: rep.description },
          rep.contact && { label: '反映人联系方式', value: [rep.contact.name, rep.contact.phone, rep.contact.email].filter(Boolean).join('，') },
        ])
      : [],
    assessment: a
      ? [
          { label: '研判结论', value: FALSITY_LABELS[a.falsity] },
          { label: '影响程度', value: IMPACT_LABELS[a.impact] },
          { label: '负责核实的部门', value: a.responsibleDepartment },
          { label: '研判意见', value: a.note },
        ]
      : [],
    verification: v
      ? [
          { label: '核实部门', value: v.department },
          { label: '核实情况', value: v.facts },
          { label: '登记日期', value: v.on },
        ]
      : [],
    screenshotHref: rep?.screenshot ? `${CLARIFICATIONS.href}/${k.id}/screenshot` : undefined,
    draftText: view.draftText,
    itemHref: data.catalogueItemId ? `/staff/items/${encodeURIComponent(data.catalogueItemId)}` : undefined,
    publishedHref: data.published ? publicHref({ id: k.id, itemId: data.published.itemId }) : undefined,
    followUps: k.followUps.map((f) => ({ at: f.on, label: f.furtherStatementNeeded ? '需要再次发布说明' : '跟踪情况', note: f.reach })),
    timeline: timelineRows(data.timeline),
    steps: clarificationSteps(view),
  };
}
