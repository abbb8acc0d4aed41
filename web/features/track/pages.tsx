import { MAX_ATTACHMENT_BYTES, type ApplicantView } from '#application/requests';
import { shanghaiDateTime } from '../../page-context';
import { formatBytes } from '../../views/format';
import { ErrorSummary } from '../../views/components/ErrorSummary';
import { FormPanel, type PanelField } from '../../views/components/FormPanel';
import { MetaTable } from '../../views/components/MetaTable';
import { OfficialDocument } from '../../views/components/OfficialDocument';
import { Notice } from '../../views/components/Notice';
import { Section } from '../../views/components/Section';
import { StepOutcome } from '../../views/components/StepOutcome';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import { CaseTitle, DueDate, FileLinks, Timeline, WhyDate } from '../requests/parts';
import { REQUEST_STATUS_TONES, subjectOf } from '../requests/view-model';

const SUPPLEMENT_FIELDS: PanelField[] = [
  { name: 'text', label: '补正内容', kind: 'textarea', required: true, rows: 5, input: { maxlength: 4000 } },
  {
    name: 'attachments',
    label: '补充材料',
    kind: 'text',
    hint: `PDF、JPEG 或 PNG，不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB。`,
    input: { type: 'file', accept: '.pdf,.jpg,.jpeg,.png' },
  },
];
const WITHDRAW_FIELDS: PanelField[] = [{ name: 'reason', label: '撤回理由', kind: 'text', input: { maxlength: 500 } }];

export interface TrackPageProps {
  view: ApplicantView;
  flash?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/** What the applicant sees about their application (after tracking number + access code). */
export function TrackPage({ view: p, ...form }: TrackPageProps) {
  const base = `/track/${p.trackingNumber}`;
  const supplement = p.supplementNotice;
  return (
    <Layout title={`申请 ${p.trackingNumber}`} section="apply" breadcrumbs={[{ href: ROUTES.home, label: '首页' }, { href: ROUTES.track, label: '进度查询' }, { label: p.trackingNumber }]}>
      <CaseTitle trackingNumber={p.trackingNumber} label={p.statusLabel} tone={REQUEST_STATUS_TONES[p.status]} />
      <StepOutcome flash={form.flash} />
      <ErrorSummary errors={form.errors} order={['text', 'attachments']} />
      <MetaTable
        layout="single"
        caption="申请概况"
        rows={[
          { label: '办理状态', value: p.statusLabel },
          { label: '申请方式', value: p.channelLabel },
          { label: '提交时间', value: shanghaiDateTime(p.submittedAt) },
          { label: '收到申请之日', value: p.receivedOn ?? '待确认' },
          { label: '所需信息', value: subjectOf(p.requested) },
          ...(p.answerDue ? [{ label: '答复期限', value: <DueDate id="answer-due" due={p.answerDue} provisional={p.provisional} /> }] : []),
        ]}
      />
      {p.overdueRemedies ? (
        <Notice kind="warning" title="答复已逾期">
          <p>{p.overdueRemedies}</p>
        </Notice>
      ) : null}
      <WhyDate lines={p.explanation} provisional={p.provisional} />

      {supplement ? (
        <Section name="supplement" title="补正通知" class="section panel">
          <p>
            本机关于 {supplement.requestedOn} 通知您补正申请，需要补正的内容如下
            {supplement.applicantDue ? `，请于 ${supplement.applicantDue} 前补正；无正当理由逾期不补正的，视为放弃申请` : `，补正期限为自您收到通知之日起 ${supplement.periodWorkingDays} 个工作日`}：
          </p>
          <ol class="supplement-list">
            {supplement.deficiencies.map((d) => (
              <li>{d}</li>
            ))}
          </ol>
          {p.canReplyToSupplement ? (
            <FormPanel
              class="form"
              action={`${base}/supplement`}
              button="提交补正"
              multipart
              noSummary
              hidden={{ version: p.version }}
              fields={SUPPLEMENT_FIELDS}
              values={form.values}
              errors={form.errors}
            />
          ) : null}
        </Section>
      ) : null}

      {p.notices.length > 0 ? (
        <Section name="notices" title="告知书" class="section panel">
          {p.notices.map((n) => (
            <>
              <p class="small no-print">
                {n.document.title}（{n.document.number}）于 {n.servedOn} {n.serviceLabel}。
              </p>
              <OfficialDocument doc={n.document} id={`notice-${n.id}`} nested />
            </>
          ))}
        </Section>
      ) : null}

      {p.answer ? (
        <Section name="answer" title={`答复（${p.answer.typeLabel}）`} class="section panel">
          <p class="small">送达时间：{shanghaiDateTime(p.answer.releasedAt)}</p>
          <pre class="letter-text">{p.answer.letterText}</pre>
          {p.answer.files.length > 0 ? (
            <>
              <h3 class="subheading">提供的政府信息</h3>
              <FileLinks
                class="answer-files"
                files={p.answer.files.map((f) => ({ href: `${base}/files/${f.index}`, fileName: f.fileName, size: formatBytes(f.sizeBytes) }))}
                note="下载链接5分钟内有效"
              />
            </>
          ) : null}
        </Section>
      ) : null}

      <Timeline items={p.timeline.map((t) => ({ at: t.on, label: t.label, ...(t.note && t.type !== 'withdraw' ? { note: t.note } : {}) }))} />

      {p.canWithdraw ? (
        <Section name="withdraw" title="撤回申请" class="section no-print">
          <FormPanel class="form" action={`${base}/withdraw`} button="撤回本申请" secondary noSummary hidden={{ version: p.version }} fields={WITHDRAW_FIELDS} />
        </Section>
      ) : null}
    </Layout>
  );
}

interface TrackLookupPageProps {
  values?: Record<string, string | undefined>;
  errors?: Record<string, string>;
  /** A message above the form (wrong code, too many attempts, session expired). */
  message?: { kind: 'error' | 'info' | 'success'; text: string };
}

/** A code typed from the receipt: no autocomplete or spellcheck. */
const CODE = { maxlength: 20, autocomplete: 'off', spellcheck: false } as const;

const LOOKUP_FIELDS: PanelField[] = [
  { name: 'trackingNumber', label: '申请编号', kind: 'text', required: true, hint: '例如：YSQ-2026-000123', input: CODE },
  { name: 'accessCode', label: '查询码', kind: 'text', required: true, hint: '10位字母和数字，不区分大小写。', input: { ...CODE, noEcho: true } },
];

export function TrackLookupPage(p: TrackLookupPageProps) {
  return (
    <Layout title="申请进度查询" section="apply" breadcrumbs={[{ href: ROUTES.home, label: '首页' }, { href: ROUTES.apply, label: '依申请公开' }, { label: '进度查询' }]}>
      <h1 class="page-title">政府信息公开申请进度查询</h1>
      <p class="lead">请输入申请回执上的申请编号和查询码。</p>
      {p.message ? (
        <Notice kind={p.message.kind} role={p.message.kind === 'error' ? 'alert' : 'status'}>
          <p>{p.message.text}</p>
        </Notice>
      ) : null}
      <FormPanel class="form narrow" action="/track" button="查询" errors={p.errors} fields={LOOKUP_FIELDS} values={p.values} />
      <p>
        尚未申请？<a href={ROUTES.apply}>在线提交申请</a>
      </p>
    </Layout>
  );
}
