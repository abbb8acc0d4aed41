import { expect } from 'vitest';
import { CaseValidationError, type StepField } from '#domain/case';
import type { ValidationError } from '#domain/errors';
import type { z } from '#domain/zod';

/** Whether a schema requires a field: it refuses the field's absence. */
const requires = (schema: z.ZodObject, name: string): boolean => !(schema.shape[name] as z.ZodType).safeParse(undefined).success;

/**
 * The contract of a transition table and its command schemas: every form field is known to its
 * command's schema, 必填 in the form is required by the schema and vice versa, and every option a
 * form offers is a value the schema takes. Answers the disagreements (none = kept).
 */
export function formContract<C extends string>(transitions: readonly { command: C; form?: { fields: readonly StepField[] } }[], schemas: { readonly [K in C]: z.ZodObject }): string[] {
  const problems: string[] = [];
  for (const t of transitions) {
    const schema = schemas[t.command];
    const fields = t.form?.fields ?? [];
    for (const f of fields) {
      const field = schema.shape[f.name] as z.ZodType | undefined;
      if (!field) {
        problems.push(`${t.command}.${f.name}: not in the schema`);
        continue;
      }
      if (Boolean(f.required) !== requires(schema, f.name)) problems.push(`${t.command}.${f.name}: 必填 ${Boolean(f.required)} in the form, not in the schema`);
      for (const o of f.options ?? []) if (!field.safeParse(o.value).success) problems.push(`${t.command}.${f.name}: option ${o.value} refused by the schema`);
    }
    for (const name of Object.keys(schema.shape)) {
      if (requires(schema, name) && !fields.some((f) => f.name === name)) problems.push(`${t.command}.${name}: required by the schema, not in the form`);
    }
  }
  return problems;
}

/** The field errors of a step input that must be refused with `kind` (CaseValidationError unless said). */
export function fieldsOf(run: () => unknown, kind: new (...args: never[]) => ValidationError = CaseValidationError): Record<string, string> {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(kind);
    return (e as ValidationError).fields;
  }
  throw new Error(`expected a ${kind.name}`);
}
