/**
 * What a person gives for each step of a clarification case: one zod schema per command, the
 * fields named as in the transition table's `form` (a contract test checks that every form field
 * is known here and that 必填 agrees). The application parses a step's raw input (a posted form or
 * JSON) with these at its entry, so both reach the workflow as the same typed command.
 */
import { choice, flag, parseStepInput, requiredText, splitLines, type CommandSchemas } from '../case';
import { z } from '../zod';
import { FALSITY_KINDS, IMPACT_LEVELS, UNFOUNDED_REASONS, type ClarificationCommandType } from './workflow';

/** One item per line (a textarea) or an array (JSON). */
const lines = z.preprocess(splitLines, z.array(z.string()));

export const MAX_SOURCES = 10;
export const MAX_RELATED = 10;

const none = z.object({});
const reason = (label: string) => z.object({ reason: requiredText(label, 1000) });

/** The draft: the false claim, the facts, at least one source; related item ids, once each. */
export const draftSchema = z.object({
  title: requiredText('澄清标题', 200),
  falseClaim: requiredText('需要澄清的说法', 2000),
  facts: requiredText('事实情况', 20000),
  sources: lines.pipe(z.array(z.string()).min(1, '请填写信息来源或依据（如文件名称、数据来源），至少一项。').max(MAX_SOURCES, `来源不能超过 ${MAX_SOURCES} 项。`)),
  relatedItemIds: lines.pipe(
    z
      .array(z.string().regex(/^[\w-]{1,100}$/, '关联信息编号只能包含字母、数字、连字符。'))
      .transform((ids) => [...new Set(ids)])
      .pipe(z.array(z.string()).max(MAX_RELATED, `关联信息不能超过 ${MAX_RELATED} 条。`)),
  ),
});

export const clarificationCommandSchemas = {
  startAssessment: none,
  markUrgent: z.object({ reason: requiredText('紧急的理由', 500) }),
  recordAssessment: z.object({
    /** Only through the API: the form's answer is yes (what is not ours is closed as unfounded). */
    aboutAgencyWork: flag(true),
    falsity: choice(FALSITY_KINDS, '请选择研判结论。'),
    impact: choice(IMPACT_LEVELS, '请选择影响程度。'),
    responsibleDepartment: requiredText('负责核实的部门', 100),
    note: requiredText('研判意见', 2000),
  }),
  recordVerification: z.object({ department: requiredText('核实部门', 100), facts: requiredText('核实情况', 20000) }),
  saveDraft: draftSchema,
  submitForSecrecyReview: none,
  recordReviewApproved: none,
  returnToDrafting: reason('退回理由'),
  approve: none,
  publish: none,
  recordFollowUp: z.object({ reach: requiredText('传播和回应情况', 2000), furtherStatementNeeded: flag(false) }),
  startFurtherStatement: reason('再次发布的理由'),
  close: none,
  closeUnfounded: z.object({ reason: choice(UNFOUNDED_REASONS, '请选择不予澄清的理由。'), note: requiredText('具体说明', 2000) }),
} satisfies CommandSchemas<ClarificationCommandType>;

/** What a person gives for step `C`, parsed. */
export type ClarificationInput<C extends ClarificationCommandType> = z.output<(typeof clarificationCommandSchemas)[C]>;

/** A clarification step as the application runs it: the command and its parsed input. */
export type ClarificationStep = { [C in ClarificationCommandType]: { readonly type: C } & ClarificationInput<C> }[ClarificationCommandType];

/** Parses the raw input of step `type` (a posted form or JSON); throws CaseValidationError (400) with a message per field. */
export function parseClarificationStep<C extends ClarificationCommandType>(type: C, input: unknown): Extract<ClarificationStep, { type: C }> {
  return { ...(parseStepInput(clarificationCommandSchemas[type], input) as object), type } as Extract<ClarificationStep, { type: C }>;
}
