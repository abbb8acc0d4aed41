import { DataTable } from '../../components/DataTable';
import { DeadlineChip, type DeadlineUrgency } from '../../components/DeadlineChip';
import { FormField, type SelectOption } from '../../components/FormField';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';

export interface QueueRowView {
  trackingNumber: string;
  href: string;
  statusLabel: string;
  statusTone: BadgeTone;
  applicant: string;
  subject: string;
  handler: string;
  due?: { date: string; workingDaysLeft: number; urgency: DeadlineUrgency; provisional: boolean };
  duplicates: number;
}

export interface QueuePageProps {
  rows: QueueRowView[];
  filters: { status: string; handler: string; dueBy: string };
  statusOptions: SelectOption[];
  handlerOptions: SelectOption[];
  canRegister: boolean;
}

/** 依申请公开办理队列: sorted by due date, with working days left. */
export function QueuePage(p: QueuePageProps) {
  return (
    <Layout title="依申请公开" section="staff" navHref="/staff/requests" breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, { label: '依申请公开' }]}>
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
          { header: '申请编号', rowHeader: true, class: 'data-table__nowrap', cell: (r) => <a href={r.href}>{r.trackingNumber}</a> },
          { header: '状态', cell: (r) => <StatusBadge label={r.statusLabel} tone={r.statusTone} /> },
          {
            header: '所需信息',
            cell: (r) => (
              <>
                {r.subject}
                {r.duplicates > 0 ? <span class="data-table__sub">可能重复（{r.duplicates}）</span> : null}
              </>
            ),
          },
          { header: '申请人', cell: (r) => r.applicant },
          { header: '承办人', cell: (r) => r.handler },
          {
            header: '答复期限',
            cell: (r) => (r.due ? <DeadlineChip dueDate={r.due.date} workingDaysLeft={r.due.workingDaysLeft} urgency={r.due.urgency} provisional={r.due.provisional} /> : <span class="muted">—</span>),
          },
        ]}
      />
    </Layout>
  );
}
