import { CsrfField } from '../../components/CsrfField';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';

export interface StoredScheduleRow {
  id: string;
  year: number;
  scopeLabel: string;
  region?: string;
  title: string;
  documentNumber?: string;
  holidays: string[];
  makeupDays: string[];
  active: boolean;
  savedAt: string;
  savedBy: string;
  /** POST target of the 删除 button (active rows only). */
  removeAction?: string;
}

/** Field names of the form, in display order. */
export const SCHEDULE_FORM_FIELDS = ['year', 'scope', 'region', 'title', 'documentNumber', 'issuedOn', 'holidays', 'makeupWorkdays', 'confirmReplace'] as const;

export interface CalendarAdminPageProps {
  rows: StoredScheduleRow[];
  action: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** Ask for confirmation: the schedule replaces a year's national arrangement. */
  needsConfirm?: boolean;
  flash?: string;
}

/** 节假日安排管理: stored schedules and the form to add next year's notice or a local adjustment. */
export function CalendarAdminPage({ rows, action, values = {}, errors, needsConfirm, flash }: CalendarAdminPageProps) {
  return (
    <Layout title="节假日安排管理" section="staff" navHref="/staff/calendar" breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, { label: '节假日安排管理' }]}>
      <h1 class="page-title">节假日安排管理</h1>
      <p class="lead">系统内置国务院办公厅已发布的节假日安排。次年安排发布后，或本省、本市另有调整时，在此录入即可生效，无需重新部署；保存后，受影响的未办结期限将自动重新计算。</p>
      {flash ? (
        <Notice kind="success" role="status">
          <p>{flash}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} order={[...SCHEDULE_FORM_FIELDS, '_']} />

      <section class="section" aria-labelledby="stored-title">
        <h2 class="section__title" id="stored-title">
          已录入的安排
        </h2>
        <DataTable
          id="schedules"
          caption="已录入的节假日安排"
          captionHidden
          rows={rows}
          empty={
            <>
              <p class="empty-state__title">尚未录入任何安排</p>
              <p>目前使用系统内置的全国节假日安排。</p>
            </>
          }
          columns={[
            { header: '年度', cell: (r) => `${r.year}年`, rowHeader: true },
            { header: '范围', cell: (r) => (r.region ? `${r.scopeLabel}（${r.region}）` : r.scopeLabel) },
            { header: '依据文件', cell: (r) => (r.documentNumber ? `${r.title}（${r.documentNumber}）` : r.title) },
            {
              header: '内容',
              cell: (r) => (
                <ul class="schedule-days">
                  {r.holidays.map((h) => (
                    <li>放假：{h}</li>
                  ))}
                  {r.makeupDays.map((d) => (
                    <li>调休上班：{d}</li>
                  ))}
                </ul>
              ),
            },
            { header: '录入', cell: (r) => `${formatDateTime(r.savedAt)} ${r.savedBy}` },
            {
              header: '状态',
              cell: (r) =>
                r.active ? (
                  r.removeAction ? (
                    <form method="post" action={r.removeAction} class="inline-form">
                      <CsrfField />
                      <StatusBadge label="生效中" tone="success" />{' '}
                      <button class="button button--secondary button--small" type="submit">
                        删除
                        <span class="visually-hidden">
                          {r.year}年{r.region ?? ''}安排
                        </span>
                      </button>
                    </form>
                  ) : (
                    <StatusBadge label="生效中" tone="success" />
                  )
                ) : (
                  <StatusBadge label="已删除" tone="neutral" />
                ),
            },
          ]}
        />
      </section>

      <section class="section panel" aria-labelledby="add-title">
        <h2 class="section__title" id="add-title">
          录入安排
        </h2>
        <form method="post" action={action} class="schedule-form" novalidate>
          <CsrfField />
          <FormField name="year" label="年度" inputmode="numeric" maxlength={4} required value={values.year} error={errors?.year} hint="例如 2027" class="field--narrow" />
          <FormField
            as="select"
            name="scope"
            label="范围"
            required
            value={values.scope ?? 'national'}
            error={errors?.scope}
            options={[
              { value: 'national', label: '全国（国务院办公厅通知）' },
              { value: 'local', label: '地方调整（省、市规定）' },
            ]}
          />
          <FormField name="region" label="地区" value={values.region} error={errors?.region} hint="仅地方调整填写，例如：广西壮族自治区" maxlength={60} />
          <FormField name="title" label="文件标题" required value={values.title} error={errors?.title} hint="例如：国务院办公厅关于2027年部分节假日安排的通知" maxlength={200} />
          <FormField name="documentNumber" label="文号" value={values.documentNumber} error={errors?.documentNumber} hint="例如：国办发明电〔2026〕1号" maxlength={60} />
          <FormField name="issuedOn" label="成文日期" type="date" value={values.issuedOn} error={errors?.issuedOn} hint="格式：YYYY-MM-DD" class="field--narrow" />
          <FormField
            as="textarea"
            name="holidays"
            label="放假安排"
            rows={8}
            value={values.holidays}
            error={errors?.holidays}
            hint="每行一段假期：名称 开始日期 结束日期，例如“春节 2027-02-05 2027-02-11”；只放一天可只写一个日期。"
          />
          <FormField
            as="textarea"
            name="makeupWorkdays"
            label="调休上班日"
            rows={4}
            value={values.makeupWorkdays}
            error={errors?.makeupWorkdays}
            hint="每行一天：名称 日期，例如“春节 2027-02-14”（名称为对应的节日）。"
          />
          {needsConfirm || errors?.confirmReplace ? (
            <div class={`field${errors?.confirmReplace ? ' field--error' : ''}`}>
              {errors?.confirmReplace ? (
                <p class="field__error" id="field-confirmReplace-error">
                  <span class="visually-hidden">错误：</span>
                  {errors.confirmReplace}
                </p>
              ) : null}
              <label class="checkbox" for="field-confirmReplace">
                <input type="checkbox" id="field-confirmReplace" name="confirmReplace" value="1" aria-describedby={errors?.confirmReplace ? 'field-confirmReplace-error' : undefined} />
                我确认以本次录入的安排替换该年度原有的全国安排
              </label>
            </div>
          ) : null}
          <button class="button button--primary" type="submit">
            保存安排
          </button>
        </form>
      </section>
    </Layout>
  );
}
