import type { Child } from 'hono/jsx';
import { CsrfField } from './CsrfField';
import { ErrorSummary } from './ErrorSummary';
import { StepFieldControl, type PanelField } from './FormField';

export type { PanelField };

/** The fields of a form, each with what was typed and its message: labels, 必填 and errors from one place. */
export function PanelFields({ fields, values = {}, errors = {} }: { fields: readonly PanelField[]; values?: Readonly<Record<string, string | undefined>>; errors?: Readonly<Record<string, string>> }) {
  return (
    <>
      {fields.map((f) => (
        <StepFieldControl field={f} value={values[f.name]} error={errors[f.name]} />
      ))}
    </>
  );
}

export interface FormPanelProps {
  readonly action: string;
  readonly button: string;
  /** The messages of the form shown again, in `order` (field names) or the order of `fields`. */
  readonly errors?: Record<string, string> | undefined;
  readonly order?: string[];
  readonly multipart?: boolean | undefined;
  readonly secondary?: boolean | undefined;
  readonly id?: string;
  /** The fields, rendered before the children; `groups` after them, each in a fieldset when it has a legend. */
  readonly fields?: readonly PanelField[];
  readonly groups?: readonly { readonly legend?: string; readonly fields: readonly PanelField[] }[];
  readonly values?: Readonly<Record<string, string | undefined>>;
  readonly hidden?: Readonly<Record<string, string | number>> | undefined;
  /** A GET form (a calculator) has no CSRF token. */
  readonly method?: 'post' | 'get' | undefined;
  /** The form's class; default "form panel panel--form". */
  readonly class?: string;
  /** Extra class on the button ("button--large"). */
  readonly buttonClass?: string;
  /** No error summary here (the page shows it elsewhere, or a step form's errors are the case page's). */
  readonly noSummary?: boolean;
  readonly children?: Child;
}

/** A form of its own on a page (a public form, a lookup, a step): its error summary, the CSRF token, the fields, one button. */
export function FormPanel(p: FormPanelProps) {
  const post = (p.method ?? 'post') === 'post';
  const groups = (p.groups ?? []).map((g) => ({ ...g, body: <PanelFields fields={g.fields} values={p.values} errors={p.errors} /> }));
  return (
    <>
      {p.noSummary ? null : <ErrorSummary errors={p.errors} order={p.order ?? [...(p.fields ?? []), ...(p.groups ?? []).flatMap((g) => g.fields)].map((f) => f.name)} />}
      <form class={p.class ?? 'form panel panel--form'} method={p.method ?? 'post'} action={p.action} enctype={p.multipart ? 'multipart/form-data' : undefined} novalidate id={p.id}>
        {post ? <CsrfField /> : null}
        {Object.entries(p.hidden ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={String(value)} />
        ))}
        {p.fields ? <PanelFields fields={p.fields} values={p.values} errors={p.errors} /> : null}
        {groups.map((g) =>
          g.legend ? (
            <fieldset class="apply-form__section">
              <legend class="apply-form__legend">{g.legend}</legend>
              {g.body}
            </fieldset>
          ) : (
            g.body
          ),
        )}
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
