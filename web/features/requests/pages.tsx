import type { QueueRow } from '#application/requests';
import { STATUS_LABELS } from '#domain/requests';
import { CaseSteps, type FailedStep, type StepView } from '../../views/components/CaseSteps';
import { DataTable } from '../../views/components/DataTable';
import { DeadlineChip } from '../../views/components/DeadlineChip';
import { ErrorSummary } from '../../views/components/ErrorSummary';
import { FormField, type SelectOption } from '../../views/components/FormField';
import { MetaTable } from '../../views/components/MetaTable';
import { Notice } from '../../views/components/Notice';
import { StatusBadge } from '../../views/components/StatusBadge';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import { CaseTitle, FileLinks, Timeline, WhyDate } from './parts';
import { REQUEST_STATUS_TONES, urgencyOf, type CaseFacts } from './view-model';

const STAFF_REQUESTS = { href: '/staff/requests', label: '依申请公开' };
const staffCrumbs = (...rest: { href?: string; label: string }[]) => [{ href: ROUTES.staffHome, label: '工作台' }, ...rest];

export interface QueuePageProps {
  rows: readonly QueueRow[];
  filters: { status: string; handler: string; dueBy: string };
  statusOptions: SelectOption[];
  handlerOptions: SelectOption[];
  canRegister: boolean;
}

/** 依申请公开办理队列: sorted by due date, with working days left. */
export function QueuePage(p: QueuePageProps) {
  return (
    <Layout title="依申请公开" section="staff" navHref="/staff/requests" breadcrumbs={staffCrumbs({ label: '依申请公开' })}>
      <h1 class="page-title">依申请公开办理</h1>
      {p.canRegister ? (
        <p class="button-group">
          <a class="button button--primary" href="/staff/requests/new">
            登记申请
          </a>
        </p>
      ) : null}
      <form class="review-filters" method="get" action="/staff/requests">
        <FormField as="select" name="status" label="状态" class="review-filters__field" placeholderOption="全部未办结" options={p.statusOptions} value={p.filters.status} />
        <FormField as="select" name="handler" label="承办人" class="review-filters__field" placeholderOption="全部" options={p.handlerOptions} value={p.filters.handler} />
        <FormField name="dueBy" label="答复期限不晚于" type="date" class="review-filters__field" value={p.filters.dueBy} />
        <div class="review-filters__actions">
          <button class="button button--secondary" type="submit">
            筛选
          </button>
        </div>
      </form>
      <DataTable
        id="requests"
        caption={`申请（共 ${p.rows.length} 件，按答复期限排序）`}
        rows={p.rows}
        empty={<p class="empty-state__title">没有符合条件的申请</p>}
        columns={[
          { header: '申请编号', rowHeader: true, class: 'data-table__nowrap', cell: (r) => <a href={`/staff/requests/${r.trackingNumber}`}>{r.trackingNumber}</a> },
          { header: '状态', cell: (r) => <StatusBadge label={STATUS_LABELS[r.status]} tone={REQUEST_STATUS_TONES[r.status]} /> },
          {
            header: '所需信息',
            cell: (r) => (
              <>
                {r.subject}
                {r.duplicates > 0 ? <span class="data-table__sub">可能重复（{r.duplicates}）</span> : null}
              </>
            ),
          },
          { header: '申请人', cell: (r) => r.applicantName },
          { header: '承办人', cell: (r) => r.handlerName ?? '未登记' },
          {
            header: '答复期限',
            cell: (r) =>
              r.due && r.urgency ? (
                <DeadlineChip dueDate={r.due} workingDaysLeft={r.urgency.workingDaysLeft} urgency={urgencyOf(r.urgency.urgency)} provisional={r.provisional} />
              ) : (
                <span class="muted">—</span>
              ),
          },
        ]}
      />
    </Layout>
  );
}

export type CasePageProps = CaseFacts & {
  steps: StepView[];
  version: number;
  /** The form that failed, with what was typed, a message per field and the refusal. */
  failed?: FailedStep & { message?: string };
  flash?: string;
  revealed?: string;
};

/** The staff case page: facts, deadline and why, timeline, and the steps this person may take now. */
export function CasePage(p: CasePageProps) {
  const failed = p.failed;
  return (
    <Layout title={`申请 ${p.trackingNumber}`} section="staff" navHref="/staff/requests" breadcrumbs={staffCrumbs(STAFF_REQUESTS, { label: p.trackingNumber })}>
      <CaseTitle trackingNumber={p.trackingNumber} label={p.statusLabel} tone={p.statusTone} />
      {p.flash ? (
        <Notice kind="success" role="status">
          <p>{p.flash}</p>
        </Notice>
      ) : null}
      {failed?.message ? (
        <Notice kind="error" role="alert">
          <p>{failed.message}</p>
        </Notice>
      ) : null}
      {failed ? <ErrorSummary errors={Object.fromEntries(Object.entries(failed.errors).map(([k, v]) => [`${failed.id}-${k}`, v]))} /> : null}

      <div class="case-layout">
        <div class="case-layout__main">
          <section class="section" aria-labelledby="deadline-title">
            <h2 class="section__title" id="deadline-title">
              答复期限
            </h2>
            {p.deadline ? (
              <DeadlineChip dueDate={p.deadline.due} workingDaysLeft={p.deadline.workingDaysLeft} urgency={p.deadline.urgency} provisional={p.deadline.provisional} />
            ) : (
              <p class="muted">{p.deadlineNote ?? '当前没有正在计算的答复期限。'}</p>
            )}
            <WhyDate lines={p.explanation} />
          </section>

          <MetaTable layout="single" caption="申请内容" captionHidden={false} id="facts" rows={p.facts} />
          <MetaTable layout="single" caption="申请人" captionHidden={false} id="applicant" rows={p.applicant} />
          {p.revealed ? (
            <Notice kind="warning" title="完整证件号码（本次查看已记录）">
              <p>
                <strong>{p.revealed}</strong>
              </p>
            </Notice>
          ) : null}

          {p.duplicates.length > 0 ? (
            <Notice kind="warning" title="可能的重复申请（仅提示）">
              <ul>
                {p.duplicates.map((d) => (
                  <li>
                    <a href={d.href}>{d.trackingNumber}</a>（相似度 {d.similarity}）
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}

          {p.attachments.length > 0 ? (
            <section class="section">
              <h2 class="section__title">附件</h2>
              <FileLinks files={p.attachments} />
            </section>
          ) : null}

          {p.supplementReplies.length > 0 ? (
            <section class="section">
              <h2 class="section__title">申请人补正</h2>
              {p.supplementReplies.map((r) => (
                <blockquote class="supplement-reply">
                  <p class="small muted">{r.receivedAt}</p>
                  <p>{r.text}</p>
                </blockquote>
              ))}
            </section>
          ) : null}

          {p.letter || p.review ? (
            <section class="section">
              <h2 class="section__title">答复</h2>
              <ul>
                {p.letter ? (
                  <li>
                    <a href={p.letter.href}>{p.letter.title}</a>（打印版）
                  </li>
                ) : null}
                {p.review ? (
                  <li>
                    保密审查：<a href={p.review.href}>{p.review.label}</a>
                  </li>
                ) : null}
              </ul>
            </section>
          ) : null}

          <Timeline items={p.timeline} />
        </div>

        <aside class="case-layout__actions" aria-labelledby="actions-title">
          <h2 class="section__title" id="actions-title">
            可办理的事项
          </h2>
          <CaseSteps steps={p.steps} version={p.version} {...(failed ? { failed } : {})} />
        </aside>
      </div>
    </Layout>
  );
}

export interface LetterPageProps {
  trackingNumber: string;
  letter: { title: string; number: string; salutation: string; paragraphs: readonly { text: string }[]; remedies: string; legalBasis: readonly string[]; signature: string; date: string };
  draftNotice?: string;
}

/** The answer letter (告知书) as a formal, printable letter. */
export function LetterPage(p: LetterPageProps) {
  const l = p.letter;
  return (
    <Layout
      title={l.title}
      section="staff"
      navHref="/staff/requests"
      breadcrumbs={staffCrumbs(STAFF_REQUESTS, { href: `/staff/requests/${p.trackingNumber}`, label: p.trackingNumber }, { label: '告知书' })}
    >
      {p.draftNotice ? <p class="no-print notice notice--warning">{p.draftNotice}</p> : null}
      <article class="letter">
        <h1 class="letter__title">{l.title}</h1>
        <p class="letter__number">{l.number}</p>
        <p class="letter__salutation">{l.salutation}</p>
        {l.paragraphs.map((x) => (
          <p class="letter__para">{x.text}</p>
        ))}
        <p class="letter__para">{l.remedies}</p>
        <p class="letter__basis small">法律依据：{l.legalBasis.join('；')}</p>
        <p class="letter__signature">{l.signature}</p>
        <p class="letter__date">{l.date}</p>
      </article>
    </Layout>
  );
}
