import type { Child } from 'hono/jsx';
import { CsrfField } from '../../components/CsrfField';
import { DeadlineChip, type DeadlineUrgency } from '../../components/DeadlineChip';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField, fieldId, type SelectOption } from '../../components/FormField';
import { MetaTable, type MetaRow } from '../../components/MetaTable';
import { Notice } from '../../components/Notice';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge';
import { Layout } from '../../layouts/Layout';
import { ROUTES } from '../../layouts/nav';
import { Choices, Hidden } from './parts';

export interface FieldSpec {
  name: string;
  label: string;
  as?: 'input' | 'textarea' | 'select' | 'radios' | 'checkboxes';
  type?: 'text' | 'date' | 'number' | 'file';
  options?: SelectOption[];
  hint?: string;
  required?: boolean;
  value?: string;
  rows?: number;
}

export interface ActionForm {
  /** Unique on the page (anchor, error routing). */
  id: string;
  title: string;
  action: string;
  method?: 'post' | 'get';
  description?: Child;
  hidden?: Record<string, string | number>;
  fields?: FieldSpec[];
  multipart?: boolean;
  button: string;
  /** Secondary look for less common steps. */
  secondary?: boolean;
}

export interface CasePageProps {
  trackingNumber: string;
  statusLabel: string;
  statusTone: BadgeTone;
  facts: MetaRow[];
  applicant: MetaRow[];
  duplicates: { trackingNumber: string; similarity: string; href: string }[];
  attachments: { href: string; fileName: string; size: string }[];
  supplementReplies: { receivedAt: string; text: string }[];
  deadline?: { due: string; workingDaysLeft: number; urgency: DeadlineUrgency; provisional: boolean };
  explanation: readonly string[];
  /** Shown instead of the chip when no answer deadline runs (awaiting a supplement, concluded). */
  deadlineNote?: string;
  timeline: { at: string; label: string; actor: string; note?: string; internal: boolean }[];
  letter?: { title: string; href: string };
  review?: { label: string; href: string };
  actions: ActionForm[];
  /** The form that failed, with what was typed and a message per field. */
  failed?: { formId: string; errors: Record<string, string>; values: Record<string, string>; message?: string };
  flash?: string;
  revealed?: string;
}

function Field({ f, value, error }: { f: FieldSpec; value?: string; error?: string }) {
  const v = value ?? f.value;
  switch (f.as) {
    case 'textarea':
      return <FormField as="textarea" name={f.name} label={f.label} rows={f.rows ?? 4} hint={f.hint} required={f.required} value={v} error={error} />;
    case 'select':
      return <FormField as="select" name={f.name} label={f.label} placeholderOption="请选择" options={f.options ?? []} hint={f.hint} required={f.required} value={v} error={error} />;
    case 'radios':
      return <Choices name={f.name} legend={f.label} options={f.options ?? []} hint={f.hint} required={f.required} value={v} error={error} />;
    case 'checkboxes': {
      const chosen = (v ?? '').split(',');
      return (
        <fieldset class={`field choices${error ? ' field--error' : ''}`}>
          <legend class="field__label">{f.label}</legend>
          {error ? <p class="field__error">{error}</p> : null}
          <div class="review-choice">
            {(f.options ?? []).map((o, i) => (
              <label class="review-choice__option">
                <input type="checkbox" id={i === 0 ? fieldId(f.name) : undefined} name={f.name} value={o.value} checked={chosen.includes(o.value) ? true : undefined} />
                {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      );
    }
    default:
      return <FormField name={f.name} label={f.label} type={f.type ?? 'text'} hint={f.hint} required={f.required} value={v} error={error} />;
  }
}

/** The staff case page: facts, deadline and why, timeline, and the steps this person may take now. */
export function CasePage(p: CasePageProps) {
  const failed = p.failed;
  return (
    <Layout
      title={`申请 ${p.trackingNumber}`}
      section="staff"
      navHref="/staff/requests"
      breadcrumbs={[{ href: ROUTES.staffHome, label: '工作台' }, { href: '/staff/requests', label: '依申请公开' }, { label: p.trackingNumber }]}
    >
      <h1 class="page-title">
        申请 {p.trackingNumber} <StatusBadge label={p.statusLabel} tone={p.statusTone} />
      </h1>
      {p.flash ? (
        <Notice kind="success" role="status">
          <p>{p.flash}</p>
        </Notice>
      ) : null}
      {failed?.message ? (
        <Notice kind="error" role="alert">
          <p>{failed.message}</p>
        </Notice>
      ) : null}
      {failed && Object.keys(failed.errors).length > 0 ? <ErrorSummary errors={failed.errors} /> : null}

      <div class="case-layout">
        <div class="case-layout__main">
          <section class="section" aria-labelledby="deadline-title">
            <h2 class="section__title" id="deadline-title">
              答复期限
            </h2>
            {p.deadline ? (
              <DeadlineChip dueDate={p.deadline.due} workingDaysLeft={p.deadline.workingDaysLeft} urgency={p.deadline.urgency} provisional={p.deadline.provisional} />
            ) : (
              <p class="muted">{p.deadlineNote ?? '当前没有正在计算的答复期限。'}</p>
            )}
            {p.explanation.length > 0 ? (
              <details class="why-date">
                <summary>为什么是这个日期？</summary>
                <ul>
                  {p.explanation.map((l) => (
                    <li>{l}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>

          <MetaTable layout="single" caption="申请内容" captionHidden={false} id="facts" rows={p.facts} />
          <MetaTable layout="single" caption="申请人" captionHidden={false} id="applicant" rows={p.applicant} />
          {p.revealed ? (
            <Notice kind="warning" title="完整证件号码（本次查看已记录）">
              <p>
                <strong>{p.revealed}</strong>
              </p>
            </Notice>
          ) : null}

          {p.duplicates.length > 0 ? (
            <Notice kind="warning" title="可能的重复申请（仅提示）">
              <ul>
                {p.duplicates.map((d) => (
                  <li>
                    <a href={d.href}>{d.trackingNumber}</a>（相似度 {d.similarity}）
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}

          {p.attachments.length > 0 ? (
            <section class="section">
              <h2 class="section__title">附件</h2>
              <ul>
                {p.attachments.map((a) => (
                  <li>
                    <a class="doc-link" href={a.href}>
                      {a.fileName}
                    </a>{' '}
                    <span class="muted small">{a.size}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {p.supplementReplies.length > 0 ? (
            <section class="section">
              <h2 class="section__title">申请人补正</h2>
              {p.supplementReplies.map((r) => (
                <blockquote class="supplement-reply">
                  <p class="small muted">{r.receivedAt}</p>
                  <p>{r.text}</p>
                </blockquote>
              ))}
            </section>
          ) : null}

          {p.letter || p.review ? (
            <section class="section">
              <h2 class="section__title">答复</h2>
              <ul>
                {p.letter ? (
                  <li>
                    <a href={p.letter.href}>{p.letter.title}</a>（打印版）
                  </li>
                ) : null}
                {p.review ? (
                  <li>
                    保密审查：<a href={p.review.href}>{p.review.label}</a>
                  </li>
                ) : null}
              </ul>
            </section>
          ) : null}

          <section class="section" aria-labelledby="timeline-title">
            <h2 class="section__title" id="timeline-title">
              办理过程
            </h2>
            <ol class="timeline">
              {p.timeline.map((t) => (
                <li class={`timeline__item${t.internal ? ' timeline__item--internal' : ''}`}>
                  <span class="timeline__date">{t.at}</span> <span class="timeline__label">{t.label}</span> <span class="muted small">{t.actor}</span>
                  {t.internal ? <span class="muted small">（内部）</span> : null}
                  {t.note ? <span class="timeline__note">{t.note}</span> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside class="case-layout__actions" aria-labelledby="actions-title">
          <h2 class="section__title" id="actions-title">
            可办理的事项
          </h2>
          {p.actions.length === 0 ? <p class="muted">当前没有您可以办理的事项。</p> : null}
          {p.actions.map((a) => (
            <section class="panel case-action" id={`action-${a.id}`} aria-labelledby={`action-${a.id}-title`}>
              <h3 class="panel__title" id={`action-${a.id}-title`}>
                {a.title}
              </h3>
              {a.description ? <div class="small">{a.description}</div> : null}
              <form class="form" method={a.method ?? 'post'} action={a.action} enctype={a.multipart ? 'multipart/form-data' : undefined} novalidate>
                {(a.method ?? 'post') === 'post' ? <CsrfField /> : null}
                {Object.entries(a.hidden ?? {}).map(([name, value]) => (
                  <Hidden name={name} value={value} />
                ))}
                {(a.fields ?? []).map((f) => (
                  <Field f={f} value={failed?.formId === a.id ? failed.values[f.name] : undefined} error={failed?.formId === a.id ? failed.errors[f.name] : undefined} />
                ))}
                <div class="form__actions">
                  <button class={`button ${a.secondary ? 'button--secondary' : 'button--primary'}`} type="submit">
                    {a.button}
                  </button>
                </div>
              </form>
            </section>
          ))}
        </aside>
      </div>
    </Layout>
  );
}
