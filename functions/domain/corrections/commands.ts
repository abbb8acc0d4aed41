/**
 * What a person gives for each step of a correction request: one zod schema per command, the
 * fields named as in the transition table's `form` (a contract test checks that they agree). The
 * application parses a step's raw input (a posted form or JSON) with these at its entry.
 */
import { choice, ifGiven, parseStepInput, requiredText, type CommandSchemas } from '../case';
import { z } from '../zod';
import { RECORD_TYPES, type CorrectionCommandType } from './workflow';

const none = z.object({});

/** A version number the person may leave out (the catalogue knows it). */
const version = (label: string) =>
  ifGiven(
    z.coerce
      .number({ error: `${label}应为正整数。` })
      .int(`${label}应为正整数。`)
      .min(1, `${label}应为正整数。`),
  );

export const correctionCommandSchemas = {
  /** Left out: the day it was submitted. */
  register: z.object({ receivedOn: ifGiven(z.iso.date({ error: '请按“年-月-日”填写。' })) }),
  startAssessment: none,
  decideCorrect: z.object({ plannedCorrection: requiredText('拟更正的内容', 2000) }),
  recordCorrection: z.object({
    recordType: ifGiven(choice(RECORD_TYPES, '请选择记录类型。')),
    recordId: requiredText('被更正的记录编号', 100),
    previousVersion: version('原版本号'),
    newVersion: version('更正后版本号'),
    summary: requiredText('更正说明', 2000),
  }),
  decideRefer: z.object({ competentAgency: requiredText('有权更正的行政机关', 100), reasons: requiredText('转送理由', 2000) }),
  decideDirect: z.object({ competentAgency: requiredText('有权更正的行政机关', 100), reasons: requiredText('不属于本机关职能范围的理由', 2000) }),
  decideRefuse: z.object({ reasons: requiredText('不予更正的理由', 2000) }),
  draftAnswer: none,
  submitForSecrecyReview: none,
  recordReviewApproved: none,
  returnToDrafting: z.object({ reason: requiredText('退回理由', 1000) }),
  release: none,
  close: none,
  withdraw: none,
} satisfies CommandSchemas<CorrectionCommandType>;

/** What a person gives for step `C`, parsed. */
export type CorrectionInput<C extends CorrectionCommandType> = z.output<(typeof correctionCommandSchemas)[C]>;

/** A correction step as the application runs it: the command and its parsed input. */
export type CorrectionStep = { [C in CorrectionCommandType]: { readonly type: C } & CorrectionInput<C> }[CorrectionCommandType];

/** Parses the raw input of step `type` (a posted form or JSON); throws CaseValidationError (400) with a message per field. */
export function parseCorrectionStep<C extends CorrectionCommandType>(type: C, input: unknown): Extract<CorrectionStep, { type: C }> {
  return { ...(parseStepInput(correctionCommandSchemas[type], input) as object), type } as Extract<CorrectionStep, { type: C }>;
}
