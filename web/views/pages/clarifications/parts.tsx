import type { Child } from 'hono/jsx';
import { CsrfField } from '../../components/CsrfField';
import { FormField } from '../../components/FormField';

/** One field of a workflow step form. */
export interface StepField {
  name: string;
  label: string;
  as?: 'input' | 'textarea' | 'select' | 'date';
  options?: { value: string; label: string }[];
  value?: string;
  required?: boolean;
  hint?: string;
  rows?: number;
}

/** A workflow step the viewer may take now: one small form per step, posting to `action`. */
export interface StepForm {
  command: string;
  label: string;
  action: string;
  fields: StepField[];
  /** Secondary styling for side steps (return, close as unfounded). */
  secondary?: boolean;
  /** Explanation shown above the button. */
  note?: string;
}

export function StepForms(p: { version: number; steps: StepForm[]; errors?: Record<string, string>; failedCommand?: string }) {
  if (p.steps.length === 0) return <p class="muted">当前没有您可以办理的步骤。</p>;
  return (
    <div class="case-actions">
      {p.steps.map((s) => (
        <form class="form panel panel--form case-action" method="post" action={s.action} novalidate id={`step-${s.command}`}>
          <h3 class="panel__title">{s.label}</h3>
          {s.note ? <p class="small">{s.note}</p> : null}
          <CsrfField />
          <input type="hidden" name="version" value={String(p.version)} />
          {s.fields.map((f) => {
            const error = p.failedCommand === s.command ? p.errors?.[f.name] : undefined;
            if (f.as === 'textarea')
              return <FormField as="textarea" name={f.name} label={f.label} rows={f.rows ?? 4} value={f.value} required={f.required} hint={f.hint} error={error} id={`${s.command}-${f.name}`} />;
            if (f.as === 'select')
              return (
                <FormField
                  as="select"
                  name={f.name}
                  label={f.label}
                  options={f.options ?? []}
                  value={f.value}
                  required={f.required}
                  hint={f.hint}
                  error={error}
                  placeholderOption="请选择"
                  id={`${s.command}-${f.name}`}
                />
              );
            return <FormField name={f.name} label={f.label} type={f.as === 'date' ? 'date' : 'text'} value={f.value} required={f.required} hint={f.hint} error={error} id={`${s.command}-${f.name}`} />;
          })}
          <div class="form__actions">
            <button type="submit" class={`button ${s.secondary ? 'button--secondary' : 'button--primary'}`}>
              {s.label}
            </button>
          </div>
        </form>
      ))}
    </div>
  );
}

export interface TimelineRow {
  at: string;
  label: string;
  by?: string;
  note?: string;
}

export function CaseTimeline(p: { rows: TimelineRow[] }) {
  return (
    <ol class="timeline">
      {p.rows.map((r) => (
        <li class="timeline__item">
          <span class="timeline__date">{r.at}</span> <span class="timeline__label">{r.label}</span>
          {r.by ? <span class="muted"> · {r.by}</span> : null}
          {r.note ? <p class="timeline__note">{r.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function Section(p: { title: string; id?: string; children?: Child }) {
  return (
    <section class="panel" id={p.id}>
      <h2 class="panel__title">{p.title}</h2>
      {p.children}
    </section>
  );
}
