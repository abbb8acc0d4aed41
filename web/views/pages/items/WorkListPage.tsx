import { DataTable } from '../../components/DataTable';
import { DeadlineChip, type DeadlineUrgency } from '../../components/DeadlineChip';
import { Notice } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge';
import { Layout } from '../../layouts/Layout';

export interface WorkRow {
  href: string;
  title: string;
  stateLabel: string;
  stateTone: BadgeTone;
  indexNumber?: string;
  updatedAt: string;
  deadline?: { due: string; workingDaysLeft: number; urgency: DeadlineUrgency; provisional: boolean; label: string; done: boolean };
}

export interface WorkListPageProps {
  tabs: { href: string; label: string; current: boolean }[];
  stateLabel: string;
  rows: WorkRow[];
  overdue: { href: string; title: string; due: string }[];
  canCreate: boolean;
  /** Admins: link to the catalogue settings (profile, categories, guide). */
  settingsHref?: string;
  nextHref?: string;
  flash?: string;
}

/** 主动公开 work list: items by workflow state, with the publication deadline and overdue flags. */
export function WorkListPage(p: WorkListPageProps) {
  return (
    <Layout title="主动公开" section="staff" navHref="/staff/items" breadcrumbs={[{ href: '/staff', label: '工作台' }, { label: '主动公开' }]}>
      <div class="page-head">
        <h1 class="page-title">主动公开</h1>
        <div class="button-group">
          {p.canCreate ? (
            <a class="button button--primary" href="/staff/items/new">
              新建信息
            </a>
          ) : null}
          {p.settingsHref ? (
            <a class="button button--secondary" href={p.settingsHref}>
              目录与指南设置
            </a>
          ) : null}
        </div>
      </div>
      {p.flash ? (
        <Notice kind="success" role="status">
          <p>{p.flash}</p>
        </Notice>
      ) : null}
      {p.overdue.length > 0 ? (
        <Notice kind="error" title={`有 ${p.overdue.length} 条信息已超过公开期限（形成或变更之日起20个工作日）`}>
          <ul>
            {p.overdue.map((o) => (
              <li>
                <a href={o.href}>{o.title}</a>（应于 {o.due} 前公开）
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <nav class="tabs" aria-label="按状态查看">
        <ul class="tabs__list">
          {p.tabs.map((t) => (
            <li>
              <a class="tabs__link" href={t.href} aria-current={t.current ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <DataTable
        id="items"
        caption={`${p.stateLabel}的信息`}
        rows={p.rows}
        empty={<p class="empty-state__title">暂无{p.stateLabel}的信息</p>}
        columns={[
          { header: '标题', rowHeader: true, cell: (r) => <a href={r.href}>{r.title}</a> },
          { header: '状态', cell: (r) => <StatusBadge label={r.stateLabel} tone={r.stateTone} /> },
          { header: '索引号', cell: (r) => r.indexNumber ?? '—', class: 'data-table__nowrap' },
          {
            header: '公开期限',
            cell: (r) =>
              r.deadline ? (
                r.deadline.done ? (
                  r.deadline.label
                ) : (
                  <DeadlineChip dueDate={r.deadline.due} workingDaysLeft={r.deadline.workingDaysLeft} urgency={r.deadline.urgency} provisional={r.deadline.provisional} />
                )
              ) : (
                '—'
              ),
          },
          { header: '最近更新', cell: (r) => r.updatedAt, class: 'data-table__nowrap' },
        ]}
      />
      <Pagination nextHref={p.nextHref} />
    </Layout>
  );
}
