import { MAX_ATTACHMENT_BYTES, type ApplicantView } from '#application/requests';
import { shanghaiDateTime } from '../../page-context';
import { formatBytes } from '../../views/format';
import { CsrfField } from '../../views/components/CsrfField';
import { ErrorSummary } from '../../views/components/ErrorSummary';
import { FormField } from '../../views/components/FormField';
import { MetaTable } from '../../views/components/MetaTable';
import { Notice } from '../../views/components/Notice';
import { Layout } from '../../views/layouts/Layout';
import { ROUTES } from '../../views/layouts/nav';
import { CaseTitle, DueDate, FileLinks, Timeline, WhyDate } from '../requests/parts';
import { REQUEST_STATUS_TONES, subjectOf } from '../requests/view-model';

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
      {form.flash ? (
        <Notice kind="success" role="status">
          <p>{form.flash}</p>
        </Notice>
      ) : null}
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
      <WhyDate lines={p.explanation} provisional={p.provisional} />

      {supplement ? (
        <section class="section panel" aria-labelledby="supplement-title">
          <h2 class="section__title" id="supplement-title">
            补正通知
          </h2>
          <p>
            本机关于 {supplement.requestedOn} 通知您补正申请，需要补正的内容如下
            {supplement.applicantDue ? `，请于 ${supplement.applicantDue} 前补正；无正当理由逾期不补正的，视为放弃申请` : ''}：
          </p>
          <ol class="supplement-list">
            {supplement.deficiencies.map((d) => (
              <li>{d}</li>
            ))}
          </ol>
          {p.canReplyToSupplement ? (
            <form class="form" method="post" action={`${base}/supplement`} enctype="multipart/form-data" novalidate>
              <CsrfField />
              <input type="hidden" name="version" value={String(p.version)} />
              <FormField as="textarea" name="text" label="补正内容" required rows={5} maxlength={4000} value={form.values?.['text']} error={form.errors?.['text']} />
              <FormField
                name="attachments"
                label="补充材料"
                type="file"
                accept=".pdf,.jpg,.jpeg,.png"
                error={form.errors?.['attachments']}
                hint={`PDF、JPEG 或 PNG，不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB。`}
              />
              <div class="form__actions">
                <button class="button button--primary" type="submit">
                  提交补正
                </button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}

      {p.answer ? (
        <section class="section panel" aria-labelledby="answer-title">
          <h2 class="section__title" id="answer-title">
            答复（{p.answer.typeLabel}）
          </h2>
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
        </section>
      ) : null}

      <Timeline items={p.timeline.map((t) => ({ at: t.on, label: t.label, ...(t.note && t.type !== 'withdraw' ? { note: t.note } : {}) }))} />

      {p.canWithdraw ? (
        <section class="section no-print" aria-labelledby="withdraw-title">
          <h2 class="section__title" id="withdraw-title">
            撤回申请
          </h2>
          <form class="form" method="post" action={`${base}/withdraw`} novalidate>
            <CsrfField />
            <input type="hidden" name="version" value={String(p.version)} />
            <FormField name="reason" label="撤回理由" maxlength={500} />
            <div class="form__actions">
              <button class="button button--secondary" type="submit">
                撤回本申请
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export interface TrackLookupPageProps {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** A message above the form (wrong code, too many attempts, session expired). */
  message?: { kind: 'error' | 'info' | 'success'; text: string };
}

/** A code typed from the receipt: no autocomplete or spellcheck. */
const CODE = { required: true, maxlength: 20, autocomplete: 'off', spellcheck: false } as const;

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
      <ErrorSummary errors={p.errors} order={['trackingNumber', 'accessCode']} />
      <form class="form narrow" method="post" action="/track" novalidate>
        <CsrfField />
        <FormField name="trackingNumber" label="申请编号" {...CODE} value={p.values?.['trackingNumber']} error={p.errors?.['trackingNumber']} hint="例如：YSQ-2026-000123" />
        <FormField name="accessCode" label="查询码" {...CODE} error={p.errors?.['accessCode']} hint="10位字母和数字，不区分大小写。" />
        <div class="form__actions">
          <button class="button button--primary" type="submit">
            查询
          </button>
        </div>
      </form>
      <p>
        尚未申请？<a href={ROUTES.apply}>在线提交申请</a>
      </p>
    </Layout>
  );
}
