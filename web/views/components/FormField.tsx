import type { Child } from 'hono/jsx';

/** The id a field gets from its name; ErrorSummary links to the same id. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export interface SelectOption {
  value: string;
  label: string;
}

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

export type FormFieldProps = CommonProps &
  (
    | {
        as?: 'input';
        type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'number' | 'search' | 'url' | 'file';
        autocomplete?: string;
        inputmode?: 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';
        maxlength?: number;
        /** For type="file". */
        accept?: string;
        spellcheck?: boolean;
      }
    | { as: 'textarea'; rows?: number; maxlength?: number }
    | { as: 'select'; options: SelectOption[]; /** First, empty option text, e.g. 请选择 */ placeholderOption?: string }
  );

/**
 * A labelled form control with hint, error and a visible 必填 marker.
 * Error text is tied to the control with aria-describedby and the control gets aria-invalid="true".
 */
export function FormField(props: FormFieldProps) {
  const id = props.id ?? fieldId(props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    required: props.required ? true : undefined,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
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
      {props.hint ? (
        <div class="field__hint" id={hintId}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <p class="field__error" id={errorId}>
          <span class="visually-hidden">错误：</span>
          {props.error}
        </p>
      ) : null}
      {control}
    </div>
  );
}
