import type { Child } from 'hono/jsx';
import { CaseSteps, type FailedStep, type StepView } from '../../views/components/CaseSteps';
import { DataTable, type Column } from '../../views/components/DataTable';
import { DeadlineChip, type DeadlineChipProps } from '../../views/components/DeadlineChip';
import { FormField, type SelectOption } from '../../views/components/FormField';
import { ErrorSummary, FORM_LEVEL } from '../../views/components/ErrorSummary';
import { MetaTable, type MetaRow } from '../../views/components/MetaTable';
import { Pagination } from '../../views/components/Pagination';
import { Section } from '../../views/components/Section';
import { StatusBadge, type StatusBadgeProps } from '../../views/components/StatusBadge';
import { StepOutcome } from '../../views/components/StepOutcome';
import type { Refusal } from '../../form-step';
import { Layout } from '../../views/layouts/Layout';
import { StaffPage } from '../../views/layouts/StaffPage';
import { ROUTES } from '../../views/layouts/nav';
import { shanghaiDateTime } from '../../page-context';
import type { CaseTimelineEntry } from '#domain/case';
import { REVIEW_STATUS_LABELS } from '#domain/secrecy';
import { ownValue } from '#domain/untrusted-input';

/** Where a case type's staff pages live: its list and the list's name (navigation, breadcrumbs). */
export interface CaseArea {
  readonly href: string;
  readonly label: string;
}

export type Badge = Required<StatusBadgeProps>;

export const URGENT: Badge = { label: '紧急', tone: 'danger' };

const crumbs = (area: CaseArea, last: string) => [{ href: ROUTES.staffHome, label: '工作台' }, { href: area.href, label: area.label }, { label: last }];

export interface TimelineRow {
  readonly at: string;
  readonly label: string;
  readonly by?: string;
  readonly note?: string;
}

export function CaseTimeline({ rows }: { rows: readonly TimelineRow[] }) {
  return (
    <ol class="timeline">
      {rows.map((r) => (
        <li class="timeline__item">
          <span class="timeline__date">{r.at}</span> <span class="timeline__label">{r.label}</span>
          {r.by ? <span class="muted"> · {r.by}</span> : null}
          {r.note ? <p class="timeline__note">{r.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** A case record's timeline as the case page lists it, times in Asia/Shanghai. */
export const timelineRows = (timeline: readonly CaseTimelineEntry[]): TimelineRow[] => timeline.map((t) => ({ at: shanghaiDateTime(t.at), label: t.label, by: t.actor.name, note: t.note }));

export const reviewStatusLabel = (review: { status: string }) => ownValue(REVIEW_STATUS_LABELS, review.status) ?? review.status;

/** The secrecy review a case's letter or draft is in: its number, linked, and its state. */
export function ReviewLine({ review }: { review: { id: string; status: string } | undefined }) {
  if (!review) return null;
  return (
    <p>
      保密审查：<a href={`/staff/reviews/${encodeURIComponent(review.id)}`}>{review.id}</a>（{reviewStatusLabel(review)}）
    </p>
  );
}

/** A panel of the case page: its facts as rows, and whatever else belongs there (links, a letter). */
export interface CaseSection {
  readonly title: string;
  readonly id?: string;
  readonly rows?: readonly MetaRow[];
  readonly children?: Child;
}

export interface CasePageProps {
  readonly area: CaseArea;
  /** The case's number: the breadcrumb, and the document title with `noun`. */
  readonly id: string;
  readonly noun: string;
  readonly heading: string;
  readonly status: Badge;
  /** Urgency and the like, after the status. */
  readonly badges?: readonly Badge[];
  /** Panels without rows or content are left out. */
  readonly sections: readonly CaseSection[];
  readonly timeline: readonly TimelineRow[];
  readonly steps: readonly StepView[];
  readonly version: number;
  readonly flash?: string;
  /** Why the step just tried was refused (403, 409). */
  readonly refusal?: string;
  /** The step form that failed, shown again with its errors. */
  readonly failed?: FailedStep;
}

/** What a case page shows of the step just taken: done, refused and why, or its form again. */
export type CaseOutcome = Pick<CasePageProps, 'flash' | 'refusal' | 'failed'>;

/** After a refused step: its form again with the field errors and what was typed (400), or the reason above the page (403, 409). */
export const refusedStep = (stepId: string, refusal: Refusal, typed: Record<string, string>): CaseOutcome =>
  refusal.status === 400 ? { failed: { id: stepId, errors: refusal.errors(), values: typed } } : { refusal: refusal.message };

/** The one staff case page: header, the case's panels, its timeline, and the steps this person may take now. */
export function CasePage(p: CasePageProps) {
  // Keys as CaseSteps names its fields (`<step>-<field>`), so each message links to its field.
  const errors = p.failed ? Object.fromEntries(Object.entries(p.failed.errors).map(([k, v]) => [k === FORM_LEVEL ? k : `${p.failed!.id}-${k}`, v])) : undefined;
  return (
    <Layout title={`${p.noun} ${p.id}`} section="staff" navHref={p.area.href} breadcrumbs={crumbs(p.area, p.id)}>
      <h1 class="page-title">
        {p.heading}
        {[p.status, ...(p.badges ?? [])].map((b) => (
          <>
            {' '}
            <StatusBadge {...b} />
          </>
        ))}
      </h1>
      <StepOutcome flash={p.flash} refusal={p.refusal} refusalTitle="未能办理" />
      <ErrorSummary errors={errors} />
      <div class="case-layout">
        <div>
          {p.sections
            .filter((s) => Boolean(s.rows?.length) || (s.children !== undefined && s.children !== null))
            .map((s, i) => (
              <section class="panel" id={s.id}>
                <h2 class="panel__title">{s.title}</h2>
                {s.rows?.length ? <MetaTable layout="single" caption={s.title} rows={[...s.rows]} id={`meta-${i}`} /> : null}
                {s.children}
              </section>
            ))}
          <section class="panel">
            <h2 class="panel__title">办理记录</h2>
            <CaseTimeline rows={p.timeline} />
          </section>
        </div>
        <div>
          <h2 class="subheading">可办理的步骤</h2>
          <CaseSteps steps={p.steps} version={p.version} failed={p.failed} empty="当前没有您可以办理的步骤。" />
        </div>
      </div>
    </Layout>
  );
}

/** What every case list shows of a case besides its own columns. */
export interface CaseRow {
  readonly id: string;
  /** The link's text when it is not the case's number (an item's title). */
  readonly label?: string;
  /** A line under the link (what it is, who handles it). */
  readonly sub?: Child;
  readonly href: string;
  readonly status: Badge;
  readonly urgent?: boolean;
  /** An open deadline; none shows —. */
  readonly due?: string;
  readonly overdue?: boolean;
  /** Or one counted in working days (剩余 N 个工作日, 已超期), or a closed one's outcome as text. */
  readonly deadline?: DeadlineChipProps | string;
}

export interface CaseTableProps<R extends CaseRow> {
  /** The table's id and caption; without `dueHeader` no deadline column; `title` heads a panel around it. */
  readonly table: {
    readonly id: string;
    readonly caption: string;
    readonly captionHidden?: boolean;
    readonly title?: string;
    readonly idHeader: string;
    readonly dueHeader?: string;
    readonly empty: string;
  };
  /** The case type's own columns, between the number and the status. */
  readonly columns: readonly Column<R>[];
  readonly urgency?: boolean;
  readonly rows: readonly R[];
}

function dueCell(r: CaseRow): Child {
  if (typeof r.deadline === 'string') return r.deadline;
  if (r.deadline) return <DeadlineChip {...r.deadline} />;
  if (!r.due) return '—';
  return (
    <span class={r.overdue ? 'deadline deadline--overdue' : 'deadline'}>
      {r.due}
      {r.overdue ? '（已超期）' : ''}
    </span>
  );
}

/** One table of cases: number (or title), the type's columns, status, urgency, deadline (overdue marked). */
export function CaseTable<R extends CaseRow>(p: CaseTableProps<R>) {
  const t = p.table;
  const columns: Column<R>[] = [
    {
      header: t.idHeader,
      rowHeader: true,
      // Numbers stay on one line; titles wrap.
      ...(p.rows.some((r) => r.label !== undefined) ? {} : { class: 'data-table__nowrap' }),
      cell: (r) => (
        <>
          <a href={r.href}>{r.label ?? r.id}</a>
          {r.sub ? <span class="data-table__sub">{r.sub}</span> : null}
        </>
      ),
    },
    ...p.columns,
    { header: '状态', cell: (r) => <StatusBadge {...r.status} /> },
    ...(p.urgency ? [{ header: '紧急', cell: (r: R) => (r.urgent ? <StatusBadge {...URGENT} /> : '—') }] : []),
    ...(t.dueHeader ? [{ header: t.dueHeader, cell: dueCell }] : []),
  ];
  const table = <DataTable caption={t.caption} captionHidden={t.captionHidden} id={t.id} rows={[...p.rows]} empty={<p class="empty-state__title">{t.empty}</p>} columns={columns} />;
  if (!t.title) return table;
  return (
    <Section name={t.id} title={t.title} class="panel">
      {table}
    </Section>
  );
}

/** A filter of a list: a select whose first choice is everything, or a date. */
export type ListFilter = { readonly name: string; readonly label: string; readonly value: string } & ({ readonly all: string; readonly options: readonly SelectOption[] } | { readonly type: 'date' });

export interface CaseListPageProps<R extends CaseRow> extends CaseTableProps<R> {
  readonly area: CaseArea;
  readonly heading: string;
  readonly lead?: string;
  /** Buttons under the heading (新建, settings): the first is the primary one. */
  readonly actions?: readonly { readonly href: string; readonly label: string }[];
  /** A warning above the list (what is overdue). */
  readonly notice?: Child;
  /** A GET form above the list, posted back to the list. */
  readonly filters?: { readonly label?: string; readonly fields: readonly ListFilter[] };
  /** Tabs by state above the list. */
  readonly tabs?: readonly { readonly href: string; readonly label: string; readonly current: boolean }[];
  /** The next page of the list. */
  readonly nextHref?: string | undefined;
  readonly flash?: string | undefined;
  /** After the table (a form to open a case, another table). */
  readonly children?: Child;
}

/** The one staff case list: actions, filters or tabs, the table of cases, the next page. */
export function CaseListPage<R extends CaseRow>(p: CaseListPageProps<R>) {
  const actions = p.actions ?? [];
  return (
    <StaffPage title={p.heading} navHref={p.area.href} lead={p.lead} flash={p.flash}>
      {actions.length ? (
        <p class="button-group">
          {actions.map((a, i) => (
            <a class={`button ${i === 0 ? 'button--primary' : 'button--secondary'}`} href={a.href}>
              {a.label}
            </a>
          ))}
        </p>
      ) : null}
      {p.notice}
      {p.filters ? (
        <form class="review-filters" method="get" action={p.area.href} aria-label={p.filters.label}>
          {p.filters.fields.map((f) =>
            'options' in f ? (
              <FormField as="select" name={f.name} label={f.label} class="review-filters__field" placeholderOption={f.all} options={f.options} value={f.value} />
            ) : (
              <FormField name={f.name} label={f.label} type="date" class="review-filters__field" value={f.value} />
            ),
          )}
          <div class="review-filters__actions">
            <button class="button button--secondary" type="submit">
              筛选
            </button>
          </div>
        </form>
      ) : null}
      {p.tabs ? (
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
      ) : null}
      <CaseTable table={p.table} columns={p.columns} urgency={p.urgency} rows={p.rows} />
      <Pagination nextHref={p.nextHref} />
      {p.children}
    </StaffPage>
  );
}
