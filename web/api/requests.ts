import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from '#domain/zod';
import type { AppDependencies } from '#application/context';
import {
  act,
  annualTableB,
  applicantView,
  confirmSecrecyReview,
  draftAnswer,
  editAnswerLetter,
  GENERIC_COMMANDS,
  issueTrackingToken,
  reassign,
  registerByClerk,
  discardNotice,
  editNotice,
  releaseAnswer,
  serveNotice,
  submitNoticeForReview,
  replyToSupplement,
  requestCase,
  requestQueue,
  submitAnswerForReview,
  submitOnline,
  caseSummarySchema,
  requestQueueSchema,
  staffCaseSchema,
  toCaseSummaryDto,
  toRequestQueueDto,
  toStaffCaseDto,
  trackApplication,
  TRACKING_SESSION_SECONDS,
  verifyTrackingToken,
  type SubmitResult,
  withdrawByApplicant,
} from '#application/requests';
import { applicantCaseSummarySchema, applicantTrackingSchema, receiptSchema, toApplicantCaseSummaryDto, toApplicantTrackingDto, toReceiptDto } from '#application/requests/applicant-dto';
import { annualReportSchema, toAnnualReportDto } from '#application/requests/report-dto';
import { UnauthenticatedError } from '#domain/errors';
import { CHANNELS, type Channel } from '#domain/requests';
import { caseSteps, type ApiRegistry } from '../api-registry';
import type { WebEnv } from '../env';
import { TRACK_COOKIE } from '../features/track/routes';
import { refusals, underBodyNames } from './responses';

/*
 * JSON API of disclosure on application, mirroring the pages with the same validation (the use
 * cases) and authorisation (access-policy + the workflow's roles). Applicants authenticate each
 * call with the tracking number and access code, or the tracking session cookie of /track.
 */

const refused = refusals([400, 401, 403, 404, 409], { 404: '申请不存在', 409: '当前状态不允许该操作，或申请已被他人修改' });
/** The answer of a staff step: the case's state after it. */
const afterStep = { 200: { description: '执行后的状态', schema: caseSummarySchema } };
const receipts = { 201: { description: '申请回执', schema: receiptSchema }, 200: { description: '重复提交：原申请回执', schema: receiptSchema } };

const applicationBody = z
  .object({
    nonce: z.string({ error: '请提供表单标识（nonce）。' }).min(8, '表单标识至少8个字符。').max(100),
    form: z.record(z.string(), z.unknown(), { error: '请提供申请表内容。' }),
  })
  .describe(
    'form: 与网页申请表相同的字段（applicantKind、name、idType、idNumber、contact{phone,email,address,postCode}、requested{documentTitle,documentNumber,description}、provisionForm、deliveryMethod…）',
  );

const credentials = z.object({
  trackingNumber: z.string({ error: '请填写申请编号。' }).max(30),
  accessCode: z.string({ error: '请填写查询码。' }).max(30),
});

/** The release command's fields are the body's service. */
const SERVICE_FIELDS = {
  method: 'service.method',
  servedOn: 'service.servedOn',
  postalTrackingNumber: 'service.postalTrackingNumber',
  entrustedAgency: 'service.entrustedAgency',
  deviationReason: 'service.deviationReason',
};

const versioned = { expectedVersion: z.number().int().positive().optional() };

/** The applicant's case: the tracking session cookie, or tracking number + access code in the body. */
async function applicantCase(deps: AppDependencies, c: Context<WebEnv>, tn: string, body?: { accessCode?: string }): Promise<string> {
  if (verifyTrackingToken(deps, getCookie(c, TRACK_COOKIE), tn)) return tn.toUpperCase();
  if (body?.accessCode) return (await trackApplication(deps, { trackingNumber: tn, accessCode: body.accessCode }, { ip: c.get('clientAddress') })).data.case.trackingNumber;
  throw new UnauthenticatedError('请提供查询码。');
}

/** A new application's receipt: 201, or 200 with the original one when the same submission is sent again. */
const receipt = (c: Context<WebEnv>, r: SubmitResult) => c.json(toReceiptDto(r), r.replayed ? 200 : 201);

export function registerRequestsApi(app: Hono<WebEnv>, api: ApiRegistry, deps: AppDependencies): void {
  const applicant = api.area(app, 'requests', refused);
  applicant.post('/api/requests', {
    summary: '提交政府信息公开申请（同一 nonce 与内容重复提交只产生一件申请）',
    body: applicationBody,
    responses: receipts,
    run: async (c, { body }) => receipt(c, await submitOnline(deps, { ...body, client: c.get('clientAddress') })),
  });

  applicant.post('/api/requests/track', {
    summary: '凭申请编号和查询码查询办理进度（限制频率）',
    body: credentials,
    responses: { 200: { description: '办理情况（与查询页面所示相同）', schema: applicantTrackingSchema }, ...refusals([429]) },
    run: async (c, { body }) => {
      const record = await trackApplication(deps, body, { ip: c.get('clientAddress') });
      setCookie(c, TRACK_COOKIE, issueTrackingToken(deps, record.data.case.trackingNumber), { path: '/', httpOnly: true, secure: true, sameSite: 'Strict', maxAge: TRACKING_SESSION_SECONDS });
      return c.json(toApplicantTrackingDto(await applicantView(deps, record)));
    },
  });

  applicant.post('/api/requests/{tn}/withdraw', {
    summary: '申请人撤回申请',
    body: z.object({ accessCode: z.string().max(30).optional(), reason: z.string().max(500).optional(), ...versioned }),
    responses: { 200: { description: '撤回后的状态', schema: applicantCaseSummarySchema } },
    run: async (c, { body }) => {
      const tn = await applicantCase(deps, c, c.req.param('tn')!, body);
      return c.json(toApplicantCaseSummaryDto(await withdrawByApplicant(deps, tn, body)));
    },
  });

  applicant.post('/api/requests/{tn}/supplement', {
    summary: '申请人提交补正内容',
    body: z.object({ accessCode: z.string().max(30).optional(), text: z.string({ error: '请填写补正内容。' }).max(4000), ...versioned }),
    responses: { 200: { description: '提交后的状态', schema: applicantCaseSummarySchema } },
    run: async (c, { body }) => {
      const tn = await applicantCase(deps, c, c.req.param('tn')!, body);
      return c.json(toApplicantCaseSummaryDto(await replyToSupplement(deps, tn, body)));
    },
  });

  const staff = api.staffArea(app, 'requests', refused);
  staff.get('/api/requests', {
    summary: '办理队列（按答复期限排序）',
    query: z.object({
      status: z.string().max(40).optional(),
      handler: z.string().max(100).optional(),
      dueBy: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD。')
        .optional(),
    }),
    responses: { 200: { description: '申请列表', schema: requestQueueSchema } },
    run: async (c, { query }) => c.json(toRequestQueueDto(await requestQueue(deps, query))),
  });

  staff.get('/api/requests/report/{year}', {
    summary: '年度报告表B（依申请公开情况，按已记录的申请人类别与办理结果统计）',
    responses: { 200: { description: '表B各行各列数字及校验提示', schema: annualReportSchema } },
    run: async (c, { staff }) => c.json(toAnnualReportDto(await annualTableB(deps, staff, Number(c.req.param('year'))))),
  });

  staff.post('/api/requests/register', {
    summary: '工作人员登记书面、邮寄、传真或口头申请（登记人为承办人）',
    body: applicationBody.extend({
      channel: z.enum(CHANNELS.filter((ch) => ch !== 'online') as [Channel, ...Channel[]], { error: '请选择申请渠道。' }),
      receivedOn: z.string().optional(),
      arrivedOn: z.string().optional(),
    }),
    responses: receipts,
    run: async (c, { body, staff }) =>
      receipt(
        c,
        await registerByClerk(deps, staff, {
          form: body.form,
          nonce: body.nonce,
          channel: body.channel,
          ...(body.receivedOn ? { receivedOn: body.receivedOn } : {}),
          ...(body.arrivedOn ? { arrivedOn: body.arrivedOn } : {}),
        }),
      ),
  });

  staff.get('/api/requests/{tn}', {
    summary: '案件详情（证件号码已脱敏）与当前可执行的操作',
    responses: { 200: { description: '案件', schema: staffCaseSchema } },
    run: async (c, { staff }) => c.json(toStaffCaseDto(await requestCase(deps, staff, c.req.param('tn')!), staff)),
  });

  const step = caseSteps(staff, deps, '/api/requests/{tn}', afterStep, toCaseSummaryDto);
  step(
    'act',
    '执行办理步骤（状态机命令；非法步骤或版本过期返回 409）',
    z.object({ command: z.enum(GENERIC_COMMANDS, { error: '不支持的操作。' }), fields: z.record(z.string(), z.unknown()).optional(), ...versioned }),
    act,
  );

  step('reassign', '变更承办人（须填写理由）', z.object({ handlerId: z.string().min(1).max(100), handlerName: z.string().max(100).optional(), reason: z.string().max(500), ...versioned }), reassign);

  step('draft', '拟定答复（答复类型与事实；按模板生成告知书）', z.object({ decision: z.record(z.string(), z.unknown()), ...versioned }), draftAnswer);

  step('letter', '修改告知书段落（按段落键）', z.object({ edits: z.record(z.string(), z.string()), ...versioned }), editAnswerLetter);

  step('review', '提交答复及文件保密审查', z.object({ ...versioned }), submitAnswerForReview);

  step('review-passed', '保密审查通过后报送领导签发', z.object({ ...versioned }), confirmSecrecyReview);

  step(
    'release',
    '送达答复（经发布服务提供经审查的告知书和文件，并记录送达方式）',
    z.object({
      // Checked by the release command's schema (domain/requests/commands.ts), as the case page's form is.
      service: z
        .record(z.string(), z.unknown())
        .describe(
          '送达方式 { method?: handed-over | entrusted | post | electronic（默认与申请人选择的获取方式相符）, servedOn?: YYYY-MM-DD, postalTrackingNumber?, entrustedAgency?, deviationReason? }',
        ),
      ...versioned,
    }),
    (deps, staff, tn, body) => underBodyNames(SERVICE_FIELDS, releaseAnswer(deps, staff, tn, body)),
  );

  // A procedural notice (补正告知书, 延期答复告知书) goes the answer's way: to review, then served.
  const noticeId = z.string().min(1).max(40).describe('告知书编号（案件详情 notices[].id，如 supplement-1）');
  step('notice-review', '提交程序性告知书保密审查', z.object({ noticeId, ...versioned }), (deps, staff, tn, body) => submitNoticeForReview(deps, staff, tn, body.noticeId, body));
  step(
    'notice-serve',
    '送达经审查的程序性告知书（送达后补正期限起算、延期生效）',
    z.object({ noticeId, service: z.record(z.string(), z.unknown()).describe('送达方式，同送达答复'), ...versioned }),
    (deps, staff, tn, body) => underBodyNames(SERVICE_FIELDS, serveNotice(deps, staff, tn, body.noticeId, body)),
  );
  step(
    'notice-edit',
    '修改尚未提交审查（或审查退回）的程序性告知书的段落文字',
    z.object({ noticeId, paragraphs: z.record(z.string().max(4), z.string().max(4000)).describe('按段落序号（从1起）给出新文字，如 { "1": "…" }；段落不能清空'), ...versioned }),
    (deps, staff, tn, body) => editNotice(deps, staff, tn, body.noticeId, { edits: body.paragraphs, ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}) }),
  );
  step('notice-discard', '作废尚未送达的程序性告知书（须填写理由）', z.object({ noticeId, reason: z.string().max(500), ...versioned }), (deps, staff, tn, body) =>
    discardNotice(deps, staff, tn, body.noticeId, body),
  );
}
