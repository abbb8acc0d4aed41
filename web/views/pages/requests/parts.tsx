import type { Child } from 'hono/jsx';
import { fieldId, type SelectOption } from '../../components/FormField';

/** A radio group as a fieldset with a legend, hint and field-level error (no JavaScript). */
export function Choices(props: { name: string; legend: string; options: SelectOption[]; value?: string; error?: string; hint?: Child; required?: boolean }) {
  const id = fieldId(props.name);
  const errorId = props.error ? `${id}-error` : undefined;
  const hintId = props.hint ? `${id}-hint` : undefined;
  return (
    <fieldset class={`field choices${props.error ? ' field--error' : ''}`} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend class="field__label">
        {props.legend}
        {props.required ? <span class="field__required">（必填）</span> : null}
      </legend>
      {props.hint ? (
        <p class="field__hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field__error" id={errorId}>
          <span class="visually-hidden">错误：</span>
          {props.error}
        </p>
      ) : null}
      <div class="review-choice">
        {props.options.map((o, i) => (
          <label class="review-choice__option">
            <input type="radio" id={i === 0 ? id : undefined} name={props.name} value={o.value} checked={props.value === o.value ? true : undefined} aria-invalid={props.error ? 'true' : undefined} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export const options = (labels: Record<string, string>): SelectOption[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function Hidden({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={String(value)} />;
}
