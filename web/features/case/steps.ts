import type { StepForm, Transition } from '#domain/case';
import type { StepView } from '../../views/components/CaseSteps';

/** What a page adds to the table's form of a step: where it posts, prefilled values, an explanation. */
export interface StepExtras {
  readonly action: string;
  readonly values?: StepView['values'];
  readonly hidden?: StepView['hidden'];
  readonly description?: StepView['description'];
  /** The button's text when it is not the step's label. */
  readonly button?: StepView['button'];
  /** Fields the page leaves out or adds (a choice that only applies now); default: the table's. */
  readonly fields?: StepView['fields'];
}

interface Table<C extends string> {
  transition(command: C): Pick<Transition<string, C, never>, 'label' | 'form'> | undefined;
}

const NO_FORM: StepForm = { fields: [] };

/**
 * The forms of the steps a viewer may take, straight from the case type's transition table: label,
 * fields, emphasis. The page only says where each posts and what it prefills.
 */
export function stepViews<C extends string>(table: Table<C>, commands: readonly C[], extras: (command: C, form: StepForm) => StepExtras): StepView[] {
  return commands.flatMap((command) => {
    const t = table.transition(command);
    if (!t) return [];
    const form = t.form ?? NO_FORM;
    const x = extras(command, form);
    return [
      {
        id: command,
        title: t.label,
        fields: x.fields ?? form.fields,
        secondary: form.tone === 'secondary' || form.tone === 'warning',
        action: x.action,
        ...(x.values ? { values: x.values } : {}),
        ...(x.hidden ? { hidden: x.hidden } : {}),
        ...(x.description ? { description: x.description } : {}),
        ...(x.button ? { button: x.button } : {}),
      },
    ];
  });
}
