import type { Child } from 'hono/jsx';
import type { StepField } from '#domain/case';
import { StepFieldControl } from './CaseSteps';
import { CsrfField } from './CsrfField';
import { ErrorSummary } from './ErrorSummary';
import { FormField } from './FormField';

/** A field of a page's own form: the table's field spec plus what an input of a public form may add. */
export type PanelField = StepField & {
  readonly input?: {
    readonly type?: 'tel' | 'email' | 'file';
    readonly maxlength?: number;
    readonly autocomplete?: string;
    readonly inputmode?: 'tel' | 'email' | 'numeric';
    readonly spellcheck?: boolean;
    readonly accept?: string;
    /** Extra class on the wrapper ("field--narrow"). */
    readonly class?: string;
    /** Never shown again (a code typed from a receipt). */
    readonly noEcho?: boolean;
  };
};

/** The fields of a form, each with what was typed and its message: labels, 必填 and errors from one place. */
export function PanelFields({ fields, values = {}, errors = {} }: { fields: readonly PanelField[]; values?: Readonly<Record<string, string | undefined>>; errors?: Readonly<Record<string, string>> }) {
  return (
    <>
      {fields.map((f) => {
        const value = f.input?.noEcho ? undefined : values[f.name];
        const error = errors[f.name];
        if (!f.input || f.kind === 'radio' || f.kind === 'checkbox' || f.kind === 'checkboxes') return <StepFieldControl field={f} value={value} error={error} />;
        const { noEcho: _noEcho, type, ...input } = f.input;
        const common = { name: f.name, label: f.label, hint: f.hint, required: f.required, value, error, ...input };
        if (f.kind === 'textarea' || f.kind === 'list') return <FormField as="textarea" {...common} rows={f.rows ?? 4} />;
        if (f.kind === 'select') return <FormField as="select" {...common} placeholderOption="请选择" options={[...(f.options ?? [])]} />;
        return <FormField {...common} type={type ?? (f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text')} />;
      })}
    </>
  );
}

export interface FormPanelProps {
  readonly action: string;
  readonly button: string;
  /** The messages of the form shown again, in `order` (field names) or the order of `fields`. */
  readonly errors?: Record<string, string> | undefined;
  readonly order?: string[];
  readonly multipart?: boolean;
  readonly secondary?: boolean;
  readonly id?: string;
  /** The fields, rendered before the children. */
  readonly fields?: readonly PanelField[];
  readonly values?: Readonly<Record<string, string | undefined>>;
  readonly hidden?: Readonly<Record<string, string | number>>;
  /** A GET form (a calculator) has no CSRF token. */
  readonly method?: 'post' | 'get';
  /** The form's class; default "form panel panel--form". */
  readonly class?: string;
  /** Extra class on the button ("button--large"). */
  readonly buttonClass?: string;
  /** No error summary here (the page shows it elsewhere). */
  readonly noSummary?: boolean;
  readonly children?: Child;
}

/** A form of its own on a page (a public form, a lookup): its error summary, the CSRF token, the fields, one button. */
export function FormPanel(p: FormPanelProps) {
  const post = (p.method ?? 'post') === 'post';
  return (
    <>
      {p.noSummary ? null : <ErrorSummary errors={p.errors} order={p.order ?? p.fields?.map((f) => f.name)} />}
      <form class={p.class ?? 'form panel panel--form'} method={p.method ?? 'post'} action={p.action} enctype={p.multipart ? 'multipart/form-data' : undefined} novalidate id={p.id}>
        {post ? <CsrfField /> : null}
        {Object.entries(p.hidden ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={String(value)} />
        ))}
        {p.fields ? <PanelFields fields={p.fields} values={p.values} errors={p.errors} /> : null}
        {p.children}
        <div class="form__actions">
          <button type="submit" class={`button ${p.secondary ? 'button--secondary' : 'button--primary'}${p.buttonClass ? ` ${p.buttonClass}` : ''}`}>
            {p.button}
          </button>
        </div>
      </form>
    </>
  );
}
