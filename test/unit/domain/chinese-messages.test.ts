import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScheduleOverride } from '#domain/calendar/schedule-schema';
import { parseAgencyProfile } from '#domain/catalogue/agency-profile';
import { validateCategories } from '#domain/catalogue/categories';
import { parseItemForm } from '#domain/catalogue/item';
import { DomainError, ValidationError } from '#domain/errors';
import { parseApplication } from '#domain/requests/application';
import { parseDecision } from '#domain/requests/responses';

/**
 * Every message a form's schema can produce reaches a citizen or a clerk, so it must be Chinese
 * (issue: hardening: "Invalid input: expected object, received undefined" was shown twice on the
 * application form). Each parser gets empty, wrongly typed and random input; every message it
 * returns, for the whole form and for each field, must contain Chinese and no zod English, and
 * nothing but a refusal may come out (anything else would be a 500).
 */
const CJK = /[\u4e00-\u9fff]/;
const ENGLISH = /Invalid|expected|received|Too (small|big)|must be/;

const parsers: Record<string, (input: unknown) => unknown> = {
  application: (i) => parseApplication(i),
  decision: (i) => parseDecision(i),
  item: (i) => parseItemForm(i, () => true),
  'agency profile': (i) => parseAgencyProfile(i),
  'calendar schedule': (i) => parseScheduleOverride(i),
  // The settings page refuses a non-list before validating (application/catalogue/settings.ts).
  categories: (i) => {
    const problems = validateCategories((Array.isArray(i) ? i : [i]) as never);
    if (problems.length) throw new ValidationError(problems.join('；'));
    return i;
  },
};

const wrongTypes = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 4 }),
);
const FIELDS = [
  'applicantKind',
  'name',
  'idType',
  'idNumber',
  'contact',
  'requested',
  'provisionForm',
  'deliveryMethod',
  'type',
  'title',
  'issuer',
  'formedOn',
  'categoryId',
  'attachments',
  'code',
  'scope',
  'year',
  'holidays',
  'makeupWorkdays',
  'grounds',
  'withheldParts',
];
const formLike = fc.dictionary(fc.constantFrom(...FIELDS), wrongTypes, { maxKeys: 8 });

function messagesOf(error: unknown): string[] {
  if (!(error instanceof ValidationError)) return [];
  return [error.message, ...Object.values(error.fields)];
}

describe.each(Object.entries(parsers))('%s form schema', (_name, parse) => {
  it('says everything in Chinese, whatever it is given', () => {
    const bad: string[] = [];
    const check = (input: unknown) => {
      try {
        parse(input);
      } catch (error) {
        if (!(error instanceof DomainError)) bad.push(`${(error as Error).name}: ${(error as Error).message} (not a refusal: would be a 500)`);
        for (const m of messagesOf(error)) if (!CJK.test(m) || ENGLISH.test(m)) bad.push(m);
      }
    };
    for (const input of [undefined, null, {}, [], 'x', 42, { contact: {}, requested: {} }]) check(input);
    fc.assert(
      fc.property(formLike, (input) => (check(input), true)),
      { seed: 7, numRuns: 300 },
    );
    expect([...new Set(bad)]).toEqual([]);
  });
});
