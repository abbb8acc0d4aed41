import type { Child } from 'hono/jsx';
import { CaseSteps, type FailedStep, type StepView } from '../../views/components/CaseSteps';
import { DataTable, type Column } from '../../views/components/DataTable';
import { ErrorSummary, FORM_LEVEL } from '../../views/components/ErrorSummary';
import { MetaTable, type MetaRow } from '../../views/components/MetaTable';
import { StatusBadge, type BadgeTone } from '../../views/components/StatusBadge';
import { StepOutcome } from '../../views/components/StepOutcome';
import type { Refusal } from '../../form-step';
import { Layout } from '../../views/layouts/Layout';
import { StaffPage } from '../../views/layouts/StaffPage';
import { ROUTES } from '../../views/layouts/nav';

/** Where a case type's staff pages live: its list and the list's name (navigation, breadcrumbs). */
export interface CaseArea {
  readonly href: string;
  readonly label: string;
}

export interface Badge {
  readonly label: string;
  readonly tone: BadgeTone;
}

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

/** After a refused step: its form again with the field errors and what was typed (400), or the reason above the page (403, 409). */
export const refusedStep = (stepId: string, refusal: Refusal, typed: Record<string, string>): Pick<CasePageProps, 'failed' | 'refusal'> =>
  refusal.status === 400 ? { failed: { id: stepId, errors: refusal.errors(), values: typed } } : { refusal: refusal.message };

/** The one staff case page: header, the case's panels, its timeline, and the steps this person may take now. */
export function CasePage(p: CasePageProps) {
  // Keys as CaseSteps names its fields (`<step>-<field>`), so each message links to its field.
  const errors = p.failed ? Object.fromEntries(Object.entries(p.failed.errors).map(([k, v]) => [k === FORM_LEVEL ? k : `${p.failed!.id}-${k}`, v])) : undefined;
  return (
    <Layout title={`${p.noun} ${p.id}`} section="staff" navHref={p.area.href} breadcrumbs={crumbs(p.area, p.id)}>
      <h1 class="page-title">
        {p.heading} <StatusBadge {...p.status} />
        {(p.badges ?? []).map((b) => (
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
  readonly href: string;
  readonly status: Badge;
  readonly urgent?: boolean;
  /** An open deadline; none shows —. */
  readonly due?: string;
  readonly overdue?: boolean;
}

export interface CaseListPageProps<R extends CaseRow> {
  readonly area: CaseArea;
  readonly heading: string;
  /** The table's id and caption. */
  readonly table: { readonly id: string; readonly caption: string; readonly idHeader: string; readonly dueHeader: string; readonly empty: string };
  /** The case type's own columns, between the number and the status. */
  readonly columns: readonly Column<R>[];
  readonly urgency?: boolean;
  readonly rows: readonly R[];
  readonly flash?: string;
  /** After the table (a form to open a case). */
  readonly children?: Child;
}

/** The one staff case list: number, the type's columns, status, urgency, deadline (overdue marked). */
export function CaseListPage<R extends CaseRow>(p: CaseListPageProps<R>) {
  const t = p.table;
  const columns: Column<R>[] = [
    { header: t.idHeader, cell: (r) => <a href={r.href}>{r.id}</a>, rowHeader: true },
    ...p.columns,
    { header: '状态', cell: (r) => <StatusBadge {...r.status} /> },
    ...(p.urgency ? [{ header: '紧急', cell: (r: R) => (r.urgent ? <StatusBadge {...URGENT} /> : '—') }] : []),
    {
      header: t.dueHeader,
      cell: (r) =>
        r.due ? (
          <span class={r.overdue ? 'deadline deadline--overdue' : 'deadline'}>
            {r.due}
            {r.overdue ? '（已超期）' : ''}
          </span>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <StaffPage title={p.heading} navHref={p.area.href} flash={p.flash}>
      <DataTable caption={t.caption} id={t.id} rows={[...p.rows]} empty={<p class="empty-state">{t.empty}</p>} columns={columns} />
      {p.children}
    </StaffPage>
  );
}
