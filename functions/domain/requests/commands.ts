/**
 * The typed input of an application's steps: one zod schema per command beside the transition
 * table (workflow.ts), its fields the names of the step's `form` there, its messages in Chinese
 * naming the field. The staff's HTML form and the JSON API are parsed by the same schema at the
 * application's entry (parseStepInput); blank text counts as absent, so an optional field left
 * empty in a form and one left out of a JSON body mean the same. A contract test checks every
 * form field is known to its schema and that both agree on what is required.
 */
import { confirmed, date, given, int, optionalDate, optionalInt, optionallyConfirmed, optionalText as optionalTextOf, parseStepInput as parseWith, splitLines, text } from '../case';
import { CaseValidationError } from '../case/errors';
import { z } from '../zod';
import { RESPONSE_TYPES } from './responses';
import type { CommandType, RequestCommand } from './workflow';

const optionalText = optionalTextOf();
/** One item per line in a form, an array in JSON; blank lines dropped, none is absent. */
const lines = (message: string) => z.preprocess((v) => (splitLines(v).length ? splitLines(v) : undefined), z.array(z.string(), { error: message }));
const opinion = given(z.enum(['consent', 'objection', 'no-reply'], { error: '请选择同意、反对或逾期未答复。' }));

/** One schema per step that takes input; field names = the step's form fields in the table. */
export const REQUEST_STEP_SCHEMAS = {
  register: z.object({ receivedOn: optionalDate('收到申请之日') }),
  reassign: z.object({ handlerId: text('请选择新的承办人。'), handlerName: optionalText, reason: text('请填写变更承办人的理由。') }),
  startAssessment: z.object({}),
  requestSupplement: z.object({
    deficiencies: lines('请逐项列明需要补正的内容。'),
    periodWorkingDays: optionalInt('补正期限'),
    supplementStillUnclear: optionallyConfirmed,
  }),
  recordSupplementNoticeServed: z.object({ servedOn: date('申请人收到通知之日') }),
  recordSupplement: z.object({ receivedOn: optionalDate('收到补正材料之日') }),
  abandonNoSupplement: z.object({ noJustifiableReason: confirmed('请确认申请人无正当理由逾期未补正。') }),
  // Delivered when the reviewed consultation letter is served; the letter names whom and what.
  startThirdPartyConsultation: z.object({ consultationId: optionalText, consultee: text('请填写征求意见的第三方名称。'), concerning: text('请说明拟公开的信息及可能涉及的第三方权益。') }),
  recordThirdPartyOpinion: z.object({ opinion, answeredOn: optionalDate('答复日期') }),
  startAgencyConsultation: z.object({ consultationId: optionalText, consultee: text('请填写征求意见的机关名称。'), concerning: text('请说明拟公开的信息及共同制作的情况。') }),
  recordAgencyOpinion: z.object({ opinion, answeredOn: optionalDate('答复日期') }),
  answerProactiveSuggestion: z.object({
    accepted: given(z.enum(['yes', 'no'], { error: '请选择审核结果。' }).transform((v) => v === 'yes')),
    reason: text('请填写审核意见。'),
  }),
  recordReReview: z.object({
    groundHolds: given(z.enum(['yes', 'no'], { error: '请选择不予公开的理由是否仍然成立。' }).transform((v) => v === 'yes')),
    note: text('请填写评估审查意见。'),
  }),
  overruleObjection: z.object({ content: text('请写明决定公开的政府信息内容。'), reason: text('请写明不公开可能对公共利益造成重大影响的理由。') }),
  /**
   * The fee is computed from the recorded tier, never typed: the method (按件 counts the applicant's
   * applications this month, which the use case supplies; 按量 the pages), and optionally a lower
   * amount with the reason for lowering it.
   */
  issueFeeNotice: z.object({
    feeNoticeId: optionalText,
    method: given(z.enum(['per-application', 'per-volume'], { error: '请选择计收方式。' })),
    pages: optionalInt('页数'),
    amountYuan: optionalInt('收费金额（元）'),
    reductionReason: optionalText,
  }),
  recordFeeNoticeReceived: z.object({ receivedOn: date('申请人收到通知之日') }),
  recordFeePaid: z.object({ paidOn: optionalDate('缴费日期') }),
  waiveFee: z.object({ reasonCode: text('请选择减免理由。'), note: optionalText }),
  abandonNoPayment: z.object({}),
  requestExtension: z.object({ workingDays: int('延长的工作日数'), reason: text('请填写延长答复期限的理由。') }),
  // The applicant is told by the 延期答复告知书, served once reviewed; its service is the notification.
  approveExtension: z.object({}),
  rejectExtension: z.object({ reason: text('请填写不批准延期的理由。') }),
  notifyExtension: z.object({ notifiedOn: optionalDate('告知日期') }),
  // The applicant is told by the 延迟答复告知书; its service is the notification (and the date the period applies from).
  setDelayedReply: z.object({ due: date('延迟答复期限'), reason: text('请填写确定延迟答复期限的理由。') }),
  /** The answer's type; its facts are the decision (responses.ts decisionSchema). */
  draftAnswer: z.object({ type: given(z.enum(RESPONSE_TYPES, { error: '请选择答复类型。' })) }),
  submitForSecrecyReview: z.object({}),
  passSecrecyReview: z.object({}),
  returnToDrafting: z.object({ reason: text('请填写退回修改的理由。') }),
  signOff: z.object({}),
  /** How the answer is served (235号); unless said otherwise, the way the applicant asked to receive it. */
  release: z.object({
    method: given(z.enum(['handed-over', 'entrusted', 'post', 'electronic'], { error: '请选择送达方式。' }).optional()),
    servedOn: optionalDate('送达日期'),
    postalTrackingNumber: optionalText,
    entrustedAgency: optionalText,
    deviationReason: optionalText,
  }),
  close: z.object({}),
  withdraw: z.object({ withdrawnOn: optionalDate('撤回日期') }),
} as const satisfies Record<CommandType, z.ZodObject>;

export type StepInput<C extends CommandType> = z.output<(typeof REQUEST_STEP_SCHEMAS)[C]>;

/** The step's input parsed by its schema, or a CaseValidationError with a message per field. */
export const parseStepInput = <C extends CommandType>(command: C, input: unknown): StepInput<C> => parseWith(REQUEST_STEP_SCHEMAS[command] as z.ZodType, input) as StepInput<C>;

type GeneratedIds = 'consultationId' | 'feeNoticeId';

/**
 * The domain command of a step run with its own input only (not drafting, review or release,
 * whose use cases add what they read): the parsed input with the ids the case's records need,
 * made by `ids` where the input has none.
 */
export function requestCommand(type: CommandType, input: unknown, ids: () => string, known: KnownFacts = {}): RequestCommand {
  const parsed = parseStepInput(type, input) as Partial<Record<GeneratedIds, string>>;
  const needs: GeneratedIds | undefined = type === 'startThirdPartyConsultation' || type === 'startAgencyConsultation' ? 'consultationId' : type === 'issueFeeNotice' ? 'feeNoticeId' : undefined;
  const command = { type, ...parsed, ...(needs && !parsed[needs] ? { [needs]: ids() } : {}) };
  return (type === 'issueFeeNotice' ? feeCommand(command as unknown as StepInput<'issueFeeNotice'> & { feeNoticeId: string }, known) : command) as RequestCommand;
}

/** What the case's records say and the form may not: the applicant's count of applications this month (109号 Art. 4). */
export interface KnownFacts {
  readonly monthlyOrdinal?: number;
}

function feeCommand(input: StepInput<'issueFeeNotice'> & { feeNoticeId: string }, known: KnownFacts): RequestCommand {
  const { method, pages, amountYuan, reductionReason, feeNoticeId } = input;
  if (method === 'per-volume' && pages === undefined) throw new CaseValidationError('按量计收的，请填写页数。', { pages: '请填写页数。' });
  if (method === 'per-application' && known.monthlyOrdinal === undefined) throw new CaseValidationError('无法确定本月申请件数。', { method: '无法确定申请人本月申请件数。' });
  return {
    type: 'issueFeeNotice',
    feeNoticeId,
    choice: method === 'per-volume' ? { method, pages: pages! } : { method, monthlyOrdinal: known.monthlyOrdinal! },
    ...(amountYuan !== undefined ? { amountYuan } : {}),
    ...(reductionReason ? { reductionReason } : {}),
  };
}
