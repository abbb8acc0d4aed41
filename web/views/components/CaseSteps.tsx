import type { Child } from 'hono/jsx';
import type { StepField } from '#domain/case';
import { CsrfField } from './CsrfField';
import { FormField, fieldId } from './FormField';

/** A step the viewer may take now, as one small form: the table's form spec plus what the page knows. */
export interface StepView {
  /** Unique on the page (anchor, error routing); usually the command. */
  readonly id: string;
  readonly title: string;
  readonly action: string;
  readonly fields: readonly StepField[];
  /** Prefilled values (a date of today, the draft being edited); what was typed wins when shown again. */
  readonly values?: Readonly<Record<string, string | undefined>>;
  readonly hidden?: Readonly<Record<string, string | number>>;
  /** Explanation above the button (deadline effects, legal basis). */
  readonly description?: Child;
  readonly button?: string;
  /** The look of a side step (return, refuse, withdraw). */
  readonly secondary?: boolean;
  readonly multipart?: boolean;
  /** Controls the table has no kind for (a file input), after the fields. */
  readonly controls?: Child;
  readonly method?: 'post' | 'get';
}

/** The form that failed: its id, a message per field and what was typed. */
export interface FailedStep {
  readonly id: string;
  readonly errors: Readonly<Record<string, string>>;
  readonly values?: Readonly<Record<string, string>>;
}

/** One field of a step form, by the kind the table gives it. */
export function StepFieldControl({ field: f, value, error, idPrefix }: { field: StepField; value?: string; error?: string; idPrefix?: string }) {
  // The same id ErrorSummary links to for the key `<step id>-<field name>`.
  const id = idPrefix ? fieldId(`${idPrefix}-${f.name}`) : undefined;
  const common = { name: f.name, label: f.label, hint: f.hint, required: f.required, value, error, ...(id ? { id } : {}) };
  switch (f.kind) {
    case 'textarea':
    case 'list':
      return <FormField as="textarea" {...common} rows={f.rows ?? (f.kind === 'list' ? 3 : 4)} />;
    case 'select':
      return <FormField as="select" {...common} placeholderOption="请选择" options={[...(f.options ?? [])]} />;
    case 'radio':
    case 'checkboxes':
    case 'checkbox':
      return <Choices field={f} value={value} error={error} id={id ?? fieldId(f.name)} />;
    default:
      return <FormField {...common} type={f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'} />;
  }
}

/** Radio buttons, checkboxes or one confirming checkbox, in a fieldset whose legend is the label. */
function Choices({ field: f, value, error, id }: { field: StepField; value?: string; error?: string; id: string }) {
  const errorId = error ? `${id}-error` : undefined;
  const hintId = f.hint ? `${id}-hint` : undefined;
  const type = f.kind === 'radio' ? 'radio' : 'checkbox';
  const options = f.kind === 'checkbox' ? [{ value: 'yes', label: f.options?.[0]?.label ?? '确认' }] : (f.options ?? []);
  const chosen = (value ?? '').split(',');
  return (
    <fieldset class={`field choices${error ? ' field--error' : ''}`} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend class="field__label">
        {f.label}
        {f.required ? <span class="field__required">（必填）</span> : null}
      </legend>
      {f.hint ? (
        <p class="field__hint" id={hintId}>
          {f.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={errorId}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      <div class="review-choice">
        {options.map((o, i) => (
          <label class="review-choice__option">
            <input type={type} id={i === 0 ? id : undefined} name={f.name} value={o.value} checked={chosen.includes(o.value) ? true : undefined} aria-invalid={error ? 'true' : undefined} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The steps of a case page: one form per step, the failed one shown again with its errors. */
export function CaseSteps({ steps, version, failed, empty = '当前没有您可以办理的事项。' }: { steps: readonly StepView[]; version?: number; failed?: FailedStep; empty?: string }) {
  if (steps.length === 0) return <p class="muted">{empty}</p>;
  return (
    <div class="case-actions">
      {steps.map((s) => {
        const mine = failed?.id === s.id ? failed : undefined;
        const post = (s.method ?? 'post') === 'post';
        return (
          <section class="panel case-action" id={`action-${s.id}`} aria-labelledby={`action-${s.id}-title`}>
            <h3 class="panel__title" id={`action-${s.id}-title`}>
              {s.title}
            </h3>
            {s.description ? <div class="small">{s.description}</div> : null}
            <form class="form" method={s.method ?? 'post'} action={s.action} enctype={s.multipart ? 'multipart/form-data' : undefined} novalidate>
              {post ? <CsrfField /> : null}
              {version !== undefined && post ? <input type="hidden" name="version" value={String(version)} /> : null}
              {Object.entries(s.hidden ?? {}).map(([name, value]) => (
                <input type="hidden" name={name} value={String(value)} />
              ))}
              {s.fields.map((f) => (
                <StepFieldControl field={f} value={mine?.values?.[f.name] ?? s.values?.[f.name]} error={mine?.errors[f.name]} idPrefix={s.id} />
              ))}
              {s.controls}
              <div class="form__actions">
                <button class={`button ${s.secondary ? 'button--secondary' : 'button--primary'}`} type="submit">
                  {s.button ?? s.title}
                </button>
              </div>
            </form>
          </section>
        );
      })}
    </div>
  );
}
