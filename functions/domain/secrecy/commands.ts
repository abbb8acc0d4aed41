/**
 * The typed input of a review's steps: one zod schema per command of the stage pipeline
 * (review.ts), its fields the names of the step's `form` there, its messages in Chinese naming the
 * field. The staff's HTML form (flat fields: `checklist.<item>`, `conclusion`, `conclusion.legalBasis`)
 * and the JSON API (nested `checklist` and `conclusion` objects, `resolution`) are parsed by the same
 * schema at the application's entry (parseReviewStepInput): the nested shape is read as the flat one.
 * What needs the review itself (a note when 是, the legal basis of 不予公开, a referral's body) stays
 * with the table's effects, under the same field names. A contract test checks every form field is
 * known to its schema and that both agree on what is required.
 */
import { given, parseStepInput, splitLines, text } from '../case';
import { z } from '../zod';
import { ReviewValidationError } from './errors';
import { CHECKLIST_ITEMS, CHECKLIST_LABELS, REVIEW_STAGES, type Checklist, type Conclusion, type FindingResolution, type ReviewCommandType } from './review';

const optionalText = (max: number, message: string) => given(z.string().max(max, message).optional());
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** JSON's `checklist: { item: { involved, note } }` and `conclusion: { type, … }` as the form's flat fields. */
function flatSign(input: unknown): Record<string, unknown> {
  const flat: Record<string, unknown> = { ...record(input) };
  const checklist = flat['checklist'];
  if (checklist && typeof checklist === 'object') {
    for (const item of CHECKLIST_ITEMS) {
      const answer = record(record(checklist)[item]);
      if (typeof answer['involved'] === 'boolean') flat[`checklist.${item}`] = answer['involved'] ? 'yes' : 'no';
      if (answer['note'] !== undefined) flat[`checklist.${item}.note`] = answer['note'];
    }
  }
  const conclusion = flat['conclusion'];
  if (conclusion && typeof conclusion === 'object') {
    const c = record(conclusion);
    flat['conclusion'] = c['type'];
    for (const k of ['legalBasis', 'referTo', 'body']) if (c[k] !== undefined) flat[`conclusion.${k}`] = c[k];
  }
  return flat;
}

const answer = (item: (typeof CHECKLIST_ITEMS)[number]) => given(z.enum(['yes', 'no'], { error: `请回答：${CHECKLIST_LABELS[item]}。` }));
const note = optionalText(500, '情况说明不能超过 500 个字。');

const signFields = z.object({
  stage: given(z.enum(REVIEW_STAGES, { error: '请选择审查环节。' }).optional()),
  contentDigest: given(z.string().optional()),
  ...Object.fromEntries(CHECKLIST_ITEMS.flatMap((item) => [[`checklist.${item}`, answer(item)] as const, [`checklist.${item}.note`, note] as const])),
  conclusion: given(z.enum(['disclose', 'disclose-redacted', 'withhold', 'refer'], { error: '请选择审查结论。' })),
  'conclusion.legalBasis': optionalText(500, '法律依据不能超过 500 个字。'),
  'conclusion.referTo': given(z.enum(['competent-department', 'secrecy-administration'], { error: '请选择。' }).optional()),
  'conclusion.body': optionalText(200, '部门名称不能超过 200 个字。'),
  comments: optionalText(2000, '审查意见不能超过 2000 个字。'),
});

export interface SignFields {
  readonly stage?: (typeof REVIEW_STAGES)[number];
  readonly contentDigest?: string;
  readonly checklist: Checklist;
  readonly conclusion: Conclusion;
  readonly comments?: string;
}

const sign = z.preprocess(
  flatSign,
  signFields.transform((parsed): SignFields => {
    const f = parsed as Readonly<Record<string, string | undefined>>;
    const note = (item: string) => f[`checklist.${item}.note`];
    const checklist = Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, { involved: f[`checklist.${item}`] === 'yes', ...(note(item) ? { note: note(item) } : {}) }]));
    const type = f['conclusion'];
    const conclusion =
      type === 'withhold' ? { type, legalBasis: f['conclusion.legalBasis'] ?? '' } : type === 'refer' ? { type, referTo: f['conclusion.referTo'] ?? '', body: f['conclusion.body'] ?? '' } : { type };
    return {
      ...(parsed.stage ? { stage: parsed.stage as NonNullable<SignFields['stage']> } : {}),
      ...(f['contentDigest'] ? { contentDigest: f['contentDigest'] } : {}),
      checklist: checklist as unknown as Checklist,
      conclusion: conclusion as Conclusion,
      ...(f['comments'] ? { comments: f['comments'] } : {}),
    };
  }),
);

/** JSON's `resolution: { action, reason }` as the form's `action` and `reason`. */
const flatResolution = (input: unknown) => {
  const flat = { ...record(input) };
  const r = record(flat['resolution']);
  return { ...flat, ...(flat['resolution'] !== undefined ? { action: r['action'], reason: r['reason'] } : {}) };
};

/** One item per line in a form, an array in JSON; blank lines dropped. */
const lines = z.preprocess((v) => (splitLines(v).length ? splitLines(v) : undefined), z.array(z.string().max(200, '每项不能超过 200 个字。')).max(100, '最多 100 项。').optional());

const resolveFields = z.object({
  // Posted beside the form (one form per finding); whether the review has it is the table's effect's question.
  findingId: optionalText(200, '找不到该检测结果，请刷新页面。'),
  action: given(z.enum(['redact', 'keep'], { error: '请选择处理方式：删除或保留。' })),
  reason: optionalText(300, '保留理由不能超过 300 个字。'),
});

/** The fields each command takes, by the names of the step's form in the table (the contract test reads these). */
export const REVIEW_STEP_FIELDS = {
  signSelf: signFields,
  signHead: signFields,
  signSecrecy: signFields,
  signLeader: signFields,
  return: z.object({ returnComments: text('退回时请写明修改意见。', 2000) }),
  revise: z.object({ text: z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().max(200_000, '正文过长。').optional()) }),
  resolveFinding: resolveFields,
  attachRedacted: z.object({ terms: lines }),
  referralReply: z.object({ reply: text('请填写答复内容。', 2000) }),
} as const satisfies Record<ReviewCommandType, z.ZodObject>;

/** One schema per command: its fields, read from the form's flat names or the API's nested objects. */
export const REVIEW_STEP_SCHEMAS = {
  ...REVIEW_STEP_FIELDS,
  signSelf: sign,
  signHead: sign,
  signSecrecy: sign,
  signLeader: sign,
  resolveFinding: z.preprocess(flatResolution, resolveFields),
} as const satisfies Record<ReviewCommandType, z.ZodType>;

export type ReviewStepInput<C extends ReviewCommandType> = z.output<(typeof REVIEW_STEP_SCHEMAS)[C]>;

/** The sign schema's summary: the checklist is one form. */
const SUMMARY: Partial<Record<ReviewCommandType, string>> = {
  signSelf: '审查单填写不完整，请按提示补充。',
  signHead: '审查单填写不完整，请按提示补充。',
  signSecrecy: '审查单填写不完整，请按提示补充。',
  signLeader: '审查单填写不完整，请按提示补充。',
};

/** The step's input parsed by its schema, or a ReviewValidationError with a message per field. */
export const parseReviewStepInput = <C extends ReviewCommandType>(command: C, input: unknown): ReviewStepInput<C> =>
  parseStepInput(REVIEW_STEP_SCHEMAS[command] as z.ZodType, input, { error: ReviewValidationError, ...(SUMMARY[command] ? { summary: SUMMARY[command] } : {}) }) as ReviewStepInput<C>;

/** A finding's resolution from the parsed input (the table's effect asks for the reason of 保留). */
export const resolutionOf = (x: ReviewStepInput<'resolveFinding'>): FindingResolution => (x.action === 'keep' ? { action: 'keep', reason: x.reason ?? '' } : { action: 'redact' });
