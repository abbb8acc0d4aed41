import type { Child } from 'hono/jsx';
import type { StepField } from '#domain/case';
import { StepFieldControl } from './FormField';
import { FormPanel } from './FormPanel';

// The step field control lives with the other field controls; the reviews page imports it from here.
export { StepFieldControl };

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

/** The steps of a case page: one form per step, the failed one shown again with its errors. */
export function CaseSteps({ steps, version, failed, empty = '当前没有您可以办理的事项。' }: { steps: readonly StepView[]; version?: number; failed?: FailedStep; empty?: string }) {
  if (steps.length === 0) return <p class="muted">{empty}</p>;
  return (
    <div class="case-actions">
      {steps.map((s) => {
        const mine = failed?.id === s.id ? failed : undefined;
        const post = (s.method ?? 'post') === 'post';
        const hidden = { ...(version !== undefined && post ? { version } : {}), ...s.hidden };
        return (
          <section class="panel case-action" id={`action-${s.id}`} aria-labelledby={`action-${s.id}-title`}>
            <h3 class="panel__title" id={`action-${s.id}-title`}>
              {s.title}
            </h3>
            {s.description ? <div class="small">{s.description}</div> : null}
            <FormPanel noSummary class="form" action={s.action} method={s.method} multipart={s.multipart} secondary={s.secondary} hidden={hidden} button={s.button ?? s.title}>
              {s.fields.map((f) => (
                <StepFieldControl field={f} value={mine?.values?.[f.name] ?? s.values?.[f.name]} error={mine?.errors[f.name]} idPrefix={s.id} />
              ))}
              {s.controls}
            </FormPanel>
          </section>
        );
      })}
    </div>
  );
}
