import type { Child } from 'hono/jsx';
import { StepOutcome } from '../../components/StepOutcome';
import { CsrfField } from '../../components/CsrfField';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { MetaTable, type MetaRow } from '../../components/MetaTable';
import { Notice } from '../../components/Notice';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';
import { CaseTimeline, Section, StepForms, type StepForm, type TimelineRow } from './parts';

interface StaffBase {}

export interface ClarificationRow {
  id: string;
  href: string;
  title: string;
  statusLabel: string;
  statusTone: BadgeTone;
  sourceLabel: string;
  urgent: boolean;
  due: string;
  overdue: boolean;
  dueOpen: boolean;
}

const staffCrumbs = (last?: { label: string }) => [{ href: ROUTES.staffHome, label: '工作台' }, ...(last ? [{ href: '/staff/clarifications', label: '澄清' }, last] : [{ label: '澄清' }])];

export function StaffClarificationsPage(
  p: StaffBase & { rows: ClarificationRow[]; canCreate: boolean; sourceOptions: { value: string; label: string }[]; errors?: Record<string, string>; values?: Record<string, string>; flash?: string },
) {
  const v = p.values ?? {};
  return (
    <Layout title="澄清虚假或不完整信息" section="staff" navHref="/staff/clarifications" breadcrumbs={staffCrumbs()}>
      <h1 class="page-title">澄清虚假或不完整信息</h1>
      {p.flash ? (
        <Notice kind="success" role="status">
          {p.flash}
        </Notice>
      ) : null}
      <DataTable
        caption="澄清案件"
        id="clarification-cases"
        rows={p.rows}
        empty={<p class="empty-state">暂无案件。</p>}
        columns={[
          { header: '编号', cell: (r) => <a href={r.href}>{r.id}</a>, rowHeader: true },
          { header: '标题', cell: (r) => r.title },
          { header: '来源', cell: (r) => r.sourceLabel },
          { header: '状态', cell: (r) => <StatusBadge label={r.statusLabel} tone={r.statusTone} /> },
          { header: '紧急', cell: (r) => (r.urgent ? <StatusBadge label="紧急" tone="danger" /> : '—') },
          {
            header: '期限',
            cell: (r) =>
              r.dueOpen ? (
                <span class={r.overdue ? 'deadline deadline--overdue' : 'deadline'}>
                  {r.due}
                  {r.overdue ? '（已超期）' : ''}
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {p.canCreate ? (
        <section class="panel" id="new-case">
          <h2 class="panel__title">登记舆情监测发现的线索</h2>
          <ErrorSummary errors={p.errors} order={['title', 'source', 'url', 'description']} />
          <form class="form" method="post" action="/staff/clarifications" novalidate>
            <CsrfField />
            <FormField name="title" label="标题" required value={v['title']} error={p.errors?.['title']} maxlength={100} hint="需要澄清的信息的简要概括" />
            <FormField as="select" name="source" label="线索来源" options={p.sourceOptions} value={v['source'] ?? 'monitoring'} error={p.errors?.['source']} />
            <FormField name="url" type="url" label="链接" value={v['url']} error={p.errors?.['url']} />
            <FormField name="outlet" label="来源名称" value={v['outlet']} />
            <FormField as="textarea" name="description" label="信息内容及不实之处" required value={v['description']} error={p.errors?.['description']} />
            <p class="field">
              <label>
                <input type="checkbox" name="urgent" value="on" checked={v['urgent'] === 'on' ? true : undefined} /> 紧急（涉及突发事件或社会热点，缩短内部期限，超期上报分管领导）
              </label>
            </p>
            <div class="form__actions">
              <button type="submit" class="button button--primary">
                登记
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export interface ClarificationCasePageProps extends StaffBase {
  id: string;
  version: number;
  title: string;
  statusLabel: string;
  statusTone: BadgeTone;
  urgent: boolean;
  meta: MetaRow[];
  report: MetaRow[];
  screenshotHref?: string;
  assessment?: MetaRow[];
  verification?: MetaRow[];
  draftText?: string;
  review?: { id: string; href: string; statusLabel: string };
  publishedHref?: string;
  /** The catalogue item carrying the clarification (staff page). */
  itemHref?: string;
  followUps: TimelineRow[];
  timeline: TimelineRow[];
  steps: StepForm[];
  flash?: string;
  errors?: Record<string, string>;
  failedCommand?: string;
  refusal?: string;
}

export function ClarificationCasePage(p: ClarificationCasePageProps) {
  const block = (title: string, rows: MetaRow[] | undefined, extra?: Child) =>
    rows && rows.length > 0 ? (
      <Section title={title}>
        <MetaTable layout="single" caption={title} rows={rows} />
        {extra}
      </Section>
    ) : null;
  return (
    <Layout title={`澄清案件 ${p.id}`} section="staff" navHref="/staff/clarifications" breadcrumbs={staffCrumbs({ label: p.id })}>
      <h1 class="page-title">
        {p.title} <StatusBadge label={p.statusLabel} tone={p.statusTone} /> {p.urgent ? <StatusBadge label="紧急" tone="danger" /> : null}
      </h1>
      <StepOutcome flash={p.flash} refusal={p.refusal} refusalTitle="未能办理" />
      <ErrorSummary errors={p.errors} />
      <div class="case-layout">
        <div>
          {block('案件信息', p.meta)}
          {block(
            '线索内容（仅供内部核实，不公开）',
            p.report,
            p.screenshotHref ? (
              <p>
                <a href={p.screenshotHref}>查看截图</a>
              </p>
            ) : null,
          )}
          {block('研判结论', p.assessment)}
          {block('核实情况', p.verification)}
          {p.draftText ? (
            <Section title="澄清稿" id="draft">
              <pre class="letter-text">{p.draftText}</pre>
              {p.review ? (
                <p>
                  保密审查：<a href={p.review.href}>{p.review.id}</a>（{p.review.statusLabel}）
                </p>
              ) : null}
              {p.itemHref ? (
                <p>
                  公开信息（澄清说明栏目）：<a href={p.itemHref}>{p.itemHref}</a>
                </p>
              ) : null}
              {p.publishedHref ? (
                <p>
                  已发布：<a href={p.publishedHref}>{p.publishedHref}</a>
                </p>
              ) : null}
            </Section>
          ) : null}
          {p.followUps.length > 0 ? (
            <Section title="发布后跟踪">
              <CaseTimeline rows={p.followUps} />
            </Section>
          ) : null}
          <Section title="办理记录">
            <CaseTimeline rows={p.timeline} />
          </Section>
        </div>
        <div>
          <h2 class="subheading">可办理的步骤</h2>
          <StepForms version={p.version} steps={p.steps} errors={p.errors} failedCommand={p.failedCommand} />
        </div>
      </div>
    </Layout>
  );
}
