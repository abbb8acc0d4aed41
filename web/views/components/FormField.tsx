import type { Child } from 'hono/jsx';
import type { StepField } from '#domain/case';

/** The id a field gets from its name; ErrorSummary links to the same id. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export type SelectOption = NonNullable<StepField['options']>[number];

interface CommonProps {
  name: string;
  label: string;
  /** Shown under the label and referenced by aria-describedby. */
  hint?: Child;
  /** Error message for this field (from server-side validation); sets aria-invalid and aria-describedby. */
  error?: string;
  required?: boolean;
  /** Defaults to fieldId(name). */
  id?: string;
  /** The submitted value, kept when the form is shown again with errors. Never used for password/file. */
  value?: string;
  /** Extra class on the wrapper (e.g. "field--narrow"). */
  class?: string;
}

interface InputProps {
  as?: 'input';
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'number' | 'search' | 'url' | 'file';
  autocomplete?: string;
  inputmode?: 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';
  maxlength?: number;
  /** For type="file". */
  accept?: string;
  /** For type="file": several files may be chosen at once. */
  multiple?: boolean;
  spellcheck?: boolean;
}

export type FormFieldProps = CommonProps &
  (InputProps | { as: 'textarea'; rows?: number; maxlength?: number } | { as: 'select'; options: readonly SelectOption[]; /** First, empty option text, e.g. 请选择 */ placeholderOption?: string });

/**
 * A labelled form control with hint, error and a visible 必填 marker.
 * Error text is tied to the control with aria-describedby and the control gets aria-invalid="true".
 */
export function FormField(props: FormFieldProps) {
  const id = props.id ?? fieldId(props.name);
  const notes = fieldNotes({ id, hint: props.hint, error: props.error });
  const common = {
    id,
    name: props.name,
    required: props.required ? true : undefined,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': notes.describedBy,
  };

  let control: Child;
  if (props.as === 'textarea') {
    control = (
      <textarea class="field__control field__control--textarea" rows={props.rows ?? 6} maxlength={props.maxlength} {...common}>
        {props.value ?? ''}
      </textarea>
    );
  } else if (props.as === 'select') {
    control = (
      <select class="field__control field__control--select" {...common}>
        {props.placeholderOption !== undefined ? <option value="">{props.placeholderOption}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value ? true : undefined}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    const type = props.type ?? 'text';
    const keepsValue = type !== 'password' && type !== 'file';
    control = (
      <input
        class={`field__control field__control--${type}`}
        type={type}
        value={keepsValue ? props.value : undefined}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        accept={type === 'file' ? props.accept : undefined}
        multiple={type === 'file' && props.multiple ? true : undefined}
        spellcheck={props.spellcheck}
        {...common}
      />
    );
  }

  const classes = ['field', props.error ? 'field--error' : '', props.class ?? ''].filter(Boolean).join(' ');
  return (
    <div class={classes}>
      <label class="field__label" for={id}>
        {props.label}
        {props.required ? <span class="field__required">（必填）</span> : <span class="field__optional">（选填）</span>}
      </label>
      {notes.children}
      {control}
    </div>
  );
}

/** A field's hint and error message, and the aria-describedby that names them (`<id>-hint`, `<id>-error`). */
export function fieldNotes({ id, hint, error }: { id: string; hint?: Child; error?: string | undefined }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
    children: (
      <>
        {hint ? (
          <div class="field__hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p class="field__error" id={errorId}>
            <span class="visually-hidden">错误：</span>
            {error}
          </p>
        ) : null}
      </>
    ),
  };
}

/** A field of a form: the table's field spec plus what an input of a public form may add (`noEcho`: a code typed from a receipt is never shown again). */
export type PanelField = StepField & { readonly input?: Omit<InputProps, 'as'> & Pick<CommonProps, 'class'> & { readonly noEcho?: boolean } };

/** One field of a form, by the kind the table gives it. */
export function StepFieldControl({ field: f, value, error, idPrefix }: { field: PanelField; value?: string | undefined; error?: string | undefined; idPrefix?: string }) {
  // The same id ErrorSummary links to for the key `<step id>-<field name>`.
  const id = idPrefix ? fieldId(`${idPrefix}-${f.name}`) : undefined;
  const { noEcho, type, ...input } = f.input ?? {};
  const shown = noEcho ? undefined : value;
  const common = { name: f.name, label: f.label, hint: f.hint, required: f.required, value: shown, error, ...input, ...(id ? { id } : {}) };
  switch (f.kind) {
    case 'textarea':
    case 'list':
      return <FormField as="textarea" {...common} rows={f.rows ?? (f.kind === 'list' ? 3 : 4)} />;
    case 'select':
      return <FormField as="select" {...common} placeholderOption="请选择" options={f.options ?? []} />;
    case 'radio':
    case 'checkboxes':
    case 'checkbox':
      return <Choices field={f} value={shown} error={error} id={id ?? fieldId(f.name)} />;
    default:
      return <FormField {...common} type={type ?? (f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text')} />;
  }
}

/** Radio buttons, checkboxes or one confirming checkbox, in a fieldset whose legend is the label. */
function Choices({ field: f, value, error, id }: { field: StepField; value?: string | undefined; error?: string | undefined; id: string }) {
  const type = f.kind === 'radio' ? 'radio' : 'checkbox';
  const options = f.kind === 'checkbox' ? [{ value: 'yes', label: f.options?.[0]?.label ?? '确认' }] : (f.options ?? []);
  const chosen = (value ?? '').split(',');
  const notes = fieldNotes({ id, hint: f.hint, error });
  return (
    <fieldset class={`field choices${error ? ' field--error' : ''}`} aria-describedby={notes.describedBy}>
      <legend class="field__label">
        {f.label}
        {f.required ? <span class="field__required">（必填）</span> : null}
      </legend>
      {notes.children}
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
