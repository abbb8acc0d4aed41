/**
 * The typed input of an item's steps: one zod schema per step that has a form in the publishing
 * table (publishing.ts), its fields the names of that form, its messages in Chinese naming the
 * field. The staff's HTML form and the JSON API are parsed by the same schema at the application's
 * entry (parseItemStepInput); blank text counts as absent. A contract test checks every form field
 * is known to its schema and that both agree on what is required.
 */
import { date, given, optionalDate, parseStepInput } from '../case';
import { z } from '../zod';
import type { PublishingCommandType } from './publishing';

const reason = (message: string, min = 1) =>
  given(
    z
      .string({ error: message })
      .refine((s) => [...s].length >= min, message)
      .refine((s) => s.length <= 500, '理由不能超过 500 个字。'),
  );

/** The steps an item page offers with a form; field names = the step's form fields in the table. */
export const ITEM_STEP_SCHEMAS = {
  submit: z.object({}),
  return: z.object({ reason: reason('请填写退回理由') }),
  /** Beijing time as a form's datetime (YYYY-MM-DDTHH:mm); the use case turns it into an instant. */
  schedule: z.object({ publishAt: given(z.string({ error: '请填写发布时间' }).regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, '请填写发布时间（如 2026-03-02T09:00）')) }),
  unschedule: z.object({}),
  publish: z.object({}),
  reopen: z.object({ reason: reason('请填写重新编辑的理由') }),
  revise: z.object({ changedOn: date('变更日期', '变更日期格式应为YYYY-MM-DD') }),
  discard: z.object({}),
  markValidity: z.object({
    status: given(z.enum(['valid', 'invalid', 'repealed'], { error: '请选择有效性' })),
    since: optionalDate('失效或废止日期', '失效或废止日期格式应为YYYY-MM-DD'),
    note: given(z.string().max(200, '说明不能超过 200 个字').optional()),
  }),
  withdraw: z.object({ reason: reason('请写明撤回的理由（至少 4 个字），理由将记录在案。', 4) }),
} as const satisfies Partial<Record<PublishingCommandType, z.ZodObject>>;

export type ItemStepCommand = keyof typeof ITEM_STEP_SCHEMAS;
export type ItemStepInput<C extends ItemStepCommand> = z.output<(typeof ITEM_STEP_SCHEMAS)[C]>;

/** Top-level messages where a test or a client reads them (the field's own message is in `fields`). */
const SUMMARY: Partial<Record<ItemStepCommand, string>> = { withdraw: '请填写撤回理由。', revise: '请填写变更日期' };

export const isItemStepCommand = (command: string): command is ItemStepCommand => Object.hasOwn(ITEM_STEP_SCHEMAS, command);

/** The step's input parsed by its schema, or a CaseValidationError with a message per field. */
export const parseItemStepInput = <C extends ItemStepCommand>(command: C, input: unknown): ItemStepInput<C> =>
  parseStepInput(ITEM_STEP_SCHEMAS[command] as z.ZodType, input, { ...(SUMMARY[command] ? { summary: SUMMARY[command] } : {}) }) as ItemStepInput<C>;
