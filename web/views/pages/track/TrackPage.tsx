import { CsrfField } from '../../components/CsrfField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { MetaTable } from '../../components/MetaTable';
import { Notice } from '../../components/Notice';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge';
import { PROVISIONAL_EXPLANATION } from '../../components/DeadlineChip';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';
import { Hidden } from '../requests/parts';

export interface TrackPageProps {
  trackingNumber: string;
  version: number;
  statusLabel: string;
  statusTone: BadgeTone;
  channelLabel: string;
  submittedAt: string;
  receivedOn?: string;
  subject: string;
  answerDue?: string;
  provisional: boolean;
  explanation: readonly string[];
  timeline: readonly { on: string; label: string; note?: string }[];
  supplement?: { deficiencies: readonly string[]; applicantDue?: string; requestedOn: string };
  canReplyToSupplement: boolean;
  canWithdraw: boolean;
  answer?: { typeLabel: string; releasedAt: string; letterText: string; files: readonly { href: string; fileName: string; size: string }[] };
  flash?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  maxAttachmentMb: number;
}

/** What the applicant sees about their application (after tracking number + access code). */
export function TrackPage(p: TrackPageProps) {
  const base = `/track/${p.trackingNumber}`;
  return (
    <Layout title={`申请 ${p.trackingNumber}`} section="apply" breadcrumbs={[{ href: ROUTES.home, label: '首页' }, { href: ROUTES.track, label: '进度查询' }, { label: p.trackingNumber }]}>
      <h1 class="page-title">
        申请 {p.trackingNumber} <StatusBadge label={p.statusLabel} tone={p.statusTone} />
      </h1>
      {p.flash ? (
        <Notice kind="success" role="status">
          <p>{p.flash}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={p.errors} order={['text', 'attachments']} />
      <MetaTable
        layout="single"
        caption="申请概况"
        rows={[
          { label: '办理状态', value: p.statusLabel },
          { label: '申请方式', value: p.channelLabel },
          { label: '提交时间', value: p.submittedAt },
          { label: '收到申请之日', value: p.receivedOn ?? '待确认' },
          { label: '所需信息', value: p.subject },
          ...(p.answerDue
            ? [
                {
                  label: '答复期限',
                  value: (
                    <span id="answer-due">
                      {p.answerDue}
                      {p.provisional ? (
                        <span class="deadline__provisional">
                          暂定<span class="visually-hidden">：{PROVISIONAL_EXPLANATION}</span>
                        </span>
                      ) : null}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {p.explanation.length > 0 ? (
        <details class="why-date">
          <summary>为什么是这个日期？</summary>
          <ul>
            {p.explanation.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
          {p.provisional ? <p class="small">{PROVISIONAL_EXPLANATION}。</p> : null}
        </details>
      ) : null}

      {p.supplement ? (
        <section class="section panel" aria-labelledby="supplement-title">
          <h2 class="section__title" id="supplement-title">
            补正通知
          </h2>
          <p>
            本机关于 {p.supplement.requestedOn} 通知您补正申请，需要补正的内容如下
            {p.supplement.applicantDue ? `，请于 ${p.supplement.applicantDue} 前补正；无正当理由逾期不补正的，视为放弃申请` : ''}：
          </p>
          <ol class="supplement-list">
            {p.supplement.deficiencies.map((d) => (
              <li>{d}</li>
            ))}
          </ol>
          {p.canReplyToSupplement ? (
            <form class="form" method="post" action={`${base}/supplement`} enctype="multipart/form-data" novalidate>
              <CsrfField />
              <Hidden name="version" value={p.version} />
              <FormField as="textarea" name="text" label="补正内容" required rows={5} maxlength={4000} value={p.values?.['text']} error={p.errors?.['text']} />
              <FormField name="attachments" label="补充材料" type="file" accept=".pdf,.jpg,.jpeg,.png" error={p.errors?.['attachments']} hint={`PDF、JPEG 或 PNG，不超过 ${p.maxAttachmentMb} MB。`} />
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
          <p class="small">送达时间：{p.answer.releasedAt}</p>
          <pre class="letter-text">{p.answer.letterText}</pre>
          {p.answer.files.length > 0 ? (
            <>
              <h3 class="subheading">提供的政府信息</h3>
              <ul class="answer-files">
                {p.answer.files.map((f) => (
                  <li>
                    <a class="doc-link" href={f.href}>
                      {f.fileName}
                    </a>{' '}
                    <span class="muted small">（{f.size}；下载链接5分钟内有效）</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section class="section" aria-labelledby="timeline-title">
        <h2 class="section__title" id="timeline-title">
          办理过程
        </h2>
        <ol class="timeline">
          {p.timeline.map((t) => (
            <li class="timeline__item">
              <time class="timeline__date" datetime={t.on}>
                {t.on}
              </time>{' '}
              <span class="timeline__label">{t.label}</span>
              {t.note ? <span class="timeline__note">{t.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>

      {p.canWithdraw ? (
        <section class="section no-print" aria-labelledby="withdraw-title">
          <h2 class="section__title" id="withdraw-title">
            撤回申请
          </h2>
          <form class="form" method="post" action={`${base}/withdraw`} novalidate>
            <CsrfField />
            <Hidden name="version" value={p.version} />
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
