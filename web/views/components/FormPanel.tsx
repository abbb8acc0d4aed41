import type { Child } from 'hono/jsx';
import { CsrfField } from './CsrfField';
import { ErrorSummary } from './ErrorSummary';

export interface FormPanelProps {
  readonly action: string;
  readonly button: string;
  /** The messages of the form shown again, in `order` (field names) when given. */
  readonly errors?: Record<string, string> | undefined;
  readonly order?: string[];
  readonly multipart?: boolean;
  readonly secondary?: boolean;
  readonly id?: string;
  readonly children?: Child;
}

/** A form of its own on a page (a public form, a lookup): its error summary, the CSRF token, the fields, one button. */
export function FormPanel(p: FormPanelProps) {
  return (
    <>
      <ErrorSummary errors={p.errors} order={p.order} />
      <form class="form panel panel--form" method="post" action={p.action} enctype={p.multipart ? 'multipart/form-data' : undefined} novalidate id={p.id}>
        <CsrfField />
        {p.children}
        <div class="form__actions">
          <button type="submit" class={`button ${p.secondary ? 'button--secondary' : 'button--primary'}`}>
            {p.button}
          </button>
        </div>
      </form>
    </>
  );
}
