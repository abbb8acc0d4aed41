import { DataTable } from '../../components/DataTable';
import { StepOutcome } from '../../components/StepOutcome';
import { ErrorSummary } from '../../components/ErrorSummary';
import { MetaTable, type MetaRow } from '../../components/MetaTable';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';
import { CaseTimeline, Section, StepForms, type StepForm, type TimelineRow } from '../clarifications/parts';

interface StaffBase {}

const crumbs = (last?: string) => [{ href: ROUTES.staffHome, label: '工作台' }, ...(last ? [{ href: '/staff/corrections', label: '更正申请' }, { label: last }] : [{ label: '更正申请' }])];

export interface CorrectionRow {
  trackingNumber: string;
  href: string;
  applicant: string;
  record: string;
  statusLabel: string;
  statusTone: BadgeTone;
  due?: string;
  overdue: boolean;
}

export function StaffCorrectionsPage(p: StaffBase & { rows: CorrectionRow[] }) {
  return (
    <Layout title="更正申请" section="staff" navHref="/staff/corrections" breadcrumbs={crumbs()}>
      <h1 class="page-title">更正申请（条例第四十一条）</h1>
      <DataTable
        caption="更正申请"
        id="correction-cases"
        rows={p.rows}
        empty={<p class="empty-state">暂无更正申请。</p>}
        columns={[
          { header: '申请编号', cell: (r) => <a href={r.href}>{r.trackingNumber}</a>, rowHeader: true },
          { header: '申请人', cell: (r) => r.applicant },
          { header: '记录', cell: (r) => r.record },
          { header: '状态', cell: (r) => <StatusBadge label={r.statusLabel} tone={r.statusTone} /> },
          {
            header: '答复期限',
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
        ]}
      />
    </Layout>
  );
}

export interface CorrectionCasePageProps extends StaffBase {
  trackingNumber: string;
  version: number;
  statusLabel: string;
  statusTone: BadgeTone;
  meta: MetaRow[];
  request: MetaRow[];
  evidence: { href: string; label: string }[];
  decision?: MetaRow[];
  letterText?: string;
  review?: { id: string; href: string; statusLabel: string };
  timeline: TimelineRow[];
  steps: StepForm[];
  flash?: string;
  errors?: Record<string, string>;
  failedCommand?: string;
  refusal?: string;
}

export function CorrectionCasePage(p: CorrectionCasePageProps) {
  return (
    <Layout title={`更正申请 ${p.trackingNumber}`} section="staff" navHref="/staff/corrections" breadcrumbs={crumbs(p.trackingNumber)}>
      <h1 class="page-title">
        更正申请 {p.trackingNumber} <StatusBadge label={p.statusLabel} tone={p.statusTone} />
      </h1>
      <StepOutcome flash={p.flash} refusal={p.refusal} refusalTitle="未能办理" />
      <ErrorSummary errors={p.errors} />
      <div class="case-layout">
        <div>
          <Section title="申请信息">
            <MetaTable layout="single" caption="申请信息" rows={p.meta} />
          </Section>
          <Section title="更正请求">
            <MetaTable layout="single" caption="更正请求" rows={p.request} />
            <ul>
              {p.evidence.map((e) => (
                <li>
                  <a href={e.href}>{e.label}</a>
                </li>
              ))}
            </ul>
          </Section>
          {p.decision ? (
            <Section title="审核决定">
              <MetaTable layout="single" caption="审核决定" rows={p.decision} />
            </Section>
          ) : null}
          {p.letterText ? (
            <Section title="答复告知书" id="letter">
              <pre class="letter-text">{p.letterText}</pre>
              {p.review ? (
                <p>
                  保密审查：<a href={p.review.href}>{p.review.id}</a>（{p.review.statusLabel}）
                </p>
              ) : null}
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
