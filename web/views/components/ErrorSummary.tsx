import { fieldId } from './FormField';

/** The key of a message about the whole form rather than one field. */
export const FORM_LEVEL = '_';

export interface ErrorSummaryProps {
  /** Field name → message, in the order the fields appear on the form. */
  errors: Record<string, string> | undefined;
  /** Field names in display order, when the record's order is not the form order. */
  order?: string[];
}

/**
 * 「提交的信息有误」 box at the top of a form. Each message links to its field (href="#field-<name>").
 * role="alert" makes screen readers announce it when the page is shown again after a failed submit.
 */
export function ErrorSummary({ errors, order }: ErrorSummaryProps) {
  if (!errors) return null;
  const all = [...(order ?? []), ...Object.keys(errors).filter((n) => !order?.includes(n))].filter((n) => errors[n]);
  if (all.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 class="error-summary__title" id="error-summary-title">
        您提交的信息有误，请修改以下内容后重新提交
      </h2>
      <ul class="error-summary__list">
        {all.map((name) => (
          // `_` is a message about the whole form: there is no field to jump to.
          <li>{name === FORM_LEVEL ? errors[name] : <a href={`#${fieldId(name)}`}>{errors[name]}</a>}</li>
        ))}
      </ul>
    </div>
  );
}
