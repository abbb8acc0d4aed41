/**
 * The typed input of an application's steps: one zod schema per command beside the transition
 * table (workflow.ts), its fields the names of the step's `form` there, its messages in Chinese
 * naming the field. The staff's HTML form and the JSON API are parsed by the same schema at the
 * application's entry (parseStepInput); blank text counts as absent, so an optional field left
 * empty in a form and one left out of a JSON body mean the same. A contract test checks every
 * form field is known to its schema and that both agree on what is required.
 */
import type { IsoDate } from '../calendar/iso-date';
import { CaseValidationError } from '../case';
import { z } from '../zod';
import { RESPONSE_TYPES } from './responses';
import type { CommandType, RequestCommand } from './workflow';

const blank = (v: unknown) => (typeof v === 'string' ? v.trim() || undefined : v);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const text = (message: string) => z.preprocess(blank, z.string({ error: message }).max(4000, message));
const optionalText = z.preprocess(blank, z.string().max(4000).optional());
const dateOf = (label: string) => {
  const message = `请填写${label}（YYYY-MM-DD）。`;
  return z.string({ error: message }).regex(ISO, message) as unknown as z.ZodType<IsoDate>;
};
const date = (label: string) => z.preprocess(blank, dateOf(label));
const optionalDate = (label: string) => z.preprocess(blank, dateOf(label).optional());
const integer = (label: string) => {
  const message = `请填写${label}（整数）。`;
  return z.number({ error: message }).int(message);
};
const toNumber = (v: unknown) => {
  const b = blank(v);
  return typeof b === 'string' ? Number(b) : b;
};
const int = (label: string) => z.preprocess(toNumber, integer(label));
const optionalInt = (label: string) => z.preprocess(toNumber, integer(label).optional());
/** A confirming checkbox: posted as `yes` by a form, `true` in JSON. */
const yes = (message: string) => z.preprocess((v) => (v === true || blank(v) === 'yes' ? true : undefined), z.literal(true, { error: message }));
const optionalYes = z.preprocess((v) => (v === true || blank(v) === 'yes' ? true : undefined), z.literal(true).optional());
/** One item per line in a form, an array in JSON; blank lines dropped. */
const lines = (message: string) =>
  z.preprocess(
    (v) => {
      const items = (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\r?\n/) : []).map((x) => (typeof x === 'string' ? x.trim() : '')).filter(Boolean);
      return items.length ? items : undefined;
    },
    z.array(z.string(), { error: message }),
  );
const opinion = z.preprocess(blank, z.enum(['consent', 'objection', 'no-reply'], { error: '请选择同意、反对或逾期未答复。' }));

/** One schema per step that takes input; field names = the step's form fields in the table. */
export const REQUEST_STEP_SCHEMAS = {
  register: z.object({ receivedOn: optionalDate('收到申请之日') }),
  reassign: z.object({ handlerId: text('请选择新的承办人。'), handlerName: optionalText, reason: text('请填写变更承办人的理由。') }),
  startAssessment: z.object({}),
  requestSupplement: z.object({ deficiencies: lines('请逐项列明需要补正的内容。'), periodWorkingDays: optionalInt('补正期限'), supplementStillUnclear: optionalYes }),
  recordSupplement: z.object({ receivedOn: optionalDate('收到补正材料之日') }),
  abandonNoSupplement: z.object({ noJustifiableReason: yes('请确认申请人无正当理由逾期未补正。') }),
  startThirdPartyConsultation: z.object({ consultationId: optionalText, deliveredOn: optionalDate('征求意见函送达日期') }),
  recordThirdPartyOpinion: z.object({ opinion, answeredOn: optionalDate('答复日期') }),
  startAgencyConsultation: z.object({ consultationId: optionalText, deliveredOn: optionalDate('征求意见函送达日期') }),
  recordAgencyOpinion: z.object({ opinion, answeredOn: optionalDate('答复日期') }),
  issueFeeNotice: z.object({ feeNoticeId: optionalText, amountYuan: int('收费金额（元）'), deliveredOn: optionalDate('送达日期') }),
  recordFeePaid: z.object({ paidOn: optionalDate('缴费日期') }),
  waiveFee: z.object({ reasonCode: text('请选择减免理由。'), note: optionalText }),
  abandonNoPayment: z.object({}),
  requestExtension: z.object({ workingDays: int('延长的工作日数'), reason: text('请填写延长答复期限的理由。') }),
  approveExtension: z.object({ applicantNotifiedOn: optionalDate('告知申请人日期') }),
  rejectExtension: z.object({ reason: text('请填写不批准延期的理由。') }),
  notifyExtension: z.object({ notifiedOn: optionalDate('告知日期') }),
  setDelayedReply: z.object({ due: date('延迟答复期限'), reason: text('请填写确定延迟答复期限的理由。'), applicantNotifiedOn: optionalDate('告知申请人日期') }),
  /** The answer's type; its facts are the decision (responses.ts decisionSchema). */
  draftAnswer: z.object({ type: z.preprocess(blank, z.enum(RESPONSE_TYPES, { error: '请选择答复类型。' })) }),
  submitForSecrecyReview: z.object({}),
  passSecrecyReview: z.object({}),
  returnToDrafting: z.object({ reason: text('请填写退回修改的理由。') }),
  signOff: z.object({}),
  /** How the answer is served; download (the tracking page) unless said otherwise. */
  release: z.object({
    method: z.preprocess(blank, z.enum(['download', 'email', 'handed-over', 'post'], { error: '请选择送达方式。' }).optional()),
    servedOn: optionalDate('送达日期'),
    postalTrackingNumber: optionalText,
  }),
  close: z.object({}),
  withdraw: z.object({ withdrawnOn: optionalDate('撤回日期') }),
} as const satisfies Record<CommandType, z.ZodObject>;

export type StepInput<C extends CommandType> = z.output<(typeof REQUEST_STEP_SCHEMAS)[C]>;

/** The step's input parsed by its schema, or a CaseValidationError with a message per field. */
export function parseStepInput<C extends CommandType>(command: C, input: unknown): StepInput<C> {
  const schema: z.ZodType = REQUEST_STEP_SCHEMAS[command];
  const result = schema.safeParse(input ?? {});
  if (result.success) return Object.fromEntries(Object.entries(result.data as object).filter(([, v]) => v !== undefined)) as StepInput<C>;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  throw new CaseValidationError(Object.values(fields)[0] ?? '请检查填写的内容。', fields);
}

type GeneratedIds = 'consultationId' | 'feeNoticeId';

/**
 * The domain command of a step run with its own input only (not drafting, review or release,
 * whose use cases add what they read): the parsed input with the ids the case's records need,
 * made by `ids` where the input has none.
 */
export function requestCommand(type: CommandType, input: unknown, ids: () => string): RequestCommand {
  const parsed = parseStepInput(type, input) as Partial<Record<GeneratedIds, string>>;
  const needs: GeneratedIds | undefined = type === 'startThirdPartyConsultation' || type === 'startAgencyConsultation' ? 'consultationId' : type === 'issueFeeNotice' ? 'feeNoticeId' : undefined;
  return { type, ...parsed, ...(needs && !parsed[needs] ? { [needs]: ids() } : {}) } as RequestCommand;
}
