import { DataTable } from '../../components/DataTable';
import { DeadlineChip, type DeadlineChipProps } from '../../components/DeadlineChip';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';

export interface ReminderRow {
  date: string;
  title: string;
  kindLabel: string;
  responsible: string;
  chip: DeadlineChipProps;
}

export interface DeadlineRow {
  title: string;
  kindLabel: string;
  responsible: string;
  chip: DeadlineChipProps;
}

export interface RemindersPageProps {
  reminders: ReminderRow[];
  /** Shown to leaders only (undefined otherwise). */
  escalations?: ReminderRow[];
  /** Open deadlines due within 5 working days, due today or overdue, earliest first. */
  urgent: DeadlineRow[];
}

/** 期限提醒: the staff member's reminders, escalations for leaders, and the urgent deadlines of the office. */
export function RemindersPage({ reminders, escalations, urgent }: RemindersPageProps) {
  const reminderColumns = [
    { header: '事项', cell: (r: ReminderRow) => r.title, rowHeader: true },
    { header: '类别', cell: (r: ReminderRow) => r.kindLabel },
    { header: '承办人', cell: (r: ReminderRow) => r.responsible },
    { header: '截止日期', cell: (r: ReminderRow) => <DeadlineChip {...r.chip} /> },
    { header: '提醒日期', cell: (r: ReminderRow) => <time datetime={r.date}>{r.date}</time> },
  ];
  return (
    <Layout title="期限提醒" section="staff" navHref="/staff/reminders" breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, { label: '期限提醒' }]}>
      <h1 class="page-title">期限提醒</h1>
      <p class="lead">系统每天检查未办结事项的期限：5 个工作日内到期、今日到期的提醒承办人，已逾期的同时报送分管领导。</p>

      <section class="section" aria-labelledby="urgent-title">
        <h2 class="section__title" id="urgent-title">
          即将到期和已逾期的事项
        </h2>
        <DataTable
          id="urgent"
          caption="即将到期和已逾期的事项"
          captionHidden
          rows={urgent}
          empty={<p class="empty-state__title">目前没有 5 个工作日内到期或已逾期的事项</p>}
          columns={[
            { header: '事项', cell: (r) => r.title, rowHeader: true },
            { header: '类别', cell: (r) => r.kindLabel },
            { header: '承办人', cell: (r) => r.responsible },
            { header: '截止日期', cell: (r) => <DeadlineChip {...r.chip} /> },
          ]}
        />
      </section>

      <section class="section" aria-labelledby="mine-title">
        <h2 class="section__title" id="mine-title">
          发给我的提醒
        </h2>
        <DataTable id="mine" caption="发给我的提醒" captionHidden rows={reminders} empty={<p class="empty-state__title">暂无提醒</p>} columns={reminderColumns} />
      </section>

      {escalations ? (
        <section class="section" aria-labelledby="escalations-title">
          <h2 class="section__title" id="escalations-title">
            逾期报送（分管领导）
          </h2>
          <DataTable id="escalations" caption="逾期报送" captionHidden rows={escalations} empty={<p class="empty-state__title">暂无逾期事项</p>} columns={reminderColumns} />
        </section>
      ) : null}
    </Layout>
  );
}
