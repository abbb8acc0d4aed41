import type { Hono } from 'hono';
import { z } from '#domain/zod';
import type { AppDependencies } from '#application/context';
import { getReview, publishReviewedDocument, recordReferral, redactReviewText, resolveReviewFinding, returnReview, reviewQueueFor, signReviewStage, submitForReview } from '#application/secrecy';
import {
  redactionSchema,
  releaseReceiptSchema,
  scanResultSchema,
  staffReviewDetailSchema,
  staffReviewSchema,
  toRedactionDto,
  toReleaseReceiptDto,
  toScanResultDto,
  toStaffReviewDetailDto,
  toStaffReviewDto,
} from '#application/secrecy/review-dto';
import { reviewQueueSchema, toReviewQueueDto } from '#application/secrecy/queue-dto';
import { documentAttachments } from '#application/documents';
import { CHECKLIST_ITEMS, REVIEW_STAGES, scanForApi } from '#domain/secrecy';
import { caseSteps, type ApiRegistry } from '../api-registry';
import type { WebEnv } from '../env';
import { refusals, underBodyNames } from './responses';

/** Longest text the scanner endpoint accepts (characters). */
export const MAX_SCAN_TEXT = 500_000;

const refused = refusals([400, 401, 403, 404, 409], {
  403: '无权限或违反分工（承办人不能审核自己的信息，同一人只能签署一个环节）',
  404: '审查单不存在',
  409: '当前环节不允许该操作，或记录已被他人修改',
});
/** The answer of a step: the review after it. */
const afterStep = { 200: { description: '审查单', schema: staffReviewSchema } };

const versioned = { expectedVersion: z.number({ error: '请提供审查单版本号（expectedVersion）。' }).int().positive() };

/*
 * What a step's fields say is the command schema's to check (domain/secrecy/commands.ts reads the
 * nested checklist, conclusion and resolution as the page's flat fields); the body only has them.
 */
const checklistBody = z.record(z.string(), z.unknown()).describe(`六项审查事项，各 { involved: boolean, note?: string }：${CHECKLIST_ITEMS.join('、')}`);
const conclusionBody = z
  .record(z.string(), z.unknown())
  .describe('审查结论 { type }：disclose、disclose-redacted、withhold（legalBasis）、refer（referTo: competent-department | secrecy-administration，body）');
const resolutionBody = z.record(z.string(), z.unknown()).describe('{ action: redact } 或 { action: keep, reason }');

/**
 * JSON API of the secrecy review, declared through the registry so it appears in
 * /api/openapi.json. Mounted from apiRoutes (web/api/index.ts).
 */
export function registerSecrecyApi(app: Hono<WebEnv>, api: ApiRegistry, deps: AppDependencies): void {
  api.staffArea(app, 'secrecy', refused).post('/api/secrecy/scan', {
    summary: '保密检测：返回身份证号码、联系方式、密级标识等检测结果（只返回脱敏预览，不保存任何内容）',
    body: z.object({ text: z.string({ error: '请提供要检测的文字（text）。' }).max(MAX_SCAN_TEXT, `文字不能超过 ${MAX_SCAN_TEXT} 个字符。`) }),
    responses: { 200: { description: '检测结果（位置为 UTF-16 下标，end 不含）', schema: scanResultSchema } },
    run: (c, { body }) => c.json(toScanResultDto(scanForApi(body.text))),
  });

  const reviews = api.staffArea(app, 'reviews', refused);
  reviews.get('/api/reviews', {
    summary: '待我处理的保密审查（按角色与环节，等待最久的在前）及我送审的信息',
    query: z.object({ stage: z.enum([...REVIEW_STAGES, 'on-hold']).optional(), type: z.enum(['publication', 'answer', 'clarification', 'notice']).optional() }),
    responses: { 200: { description: '待办与我的送审', schema: reviewQueueSchema } },
    run: async (c, { query, staff }) => c.json(toReviewQueueDto(await reviewQueueFor(deps, staff, { stage: query.stage, subjectType: query.type }))),
  });

  reviews.post('/api/reviews', {
    summary: '送审：检测正文与附件（已上传的文档）并创建审查单，进入承办人自审',
    body: z.object({
      subject: z.object({ type: z.enum(['publication', 'answer', 'clarification']), id: z.string().max(100).optional(), title: z.string().max(200) }),
      text: z.string().max(200_000).default(''),
      documentIds: z.array(z.string().max(100)).max(10).default([]),
    }),
    responses: { 201: { description: '审查单', schema: staffReviewSchema } },
    run: async (c, { body, staff }) => {
      const attachments = await documentAttachments(deps, body.documentIds);
      const record = await submitForReview(deps, staff, { subject: body.subject, text: body.text, attachments });
      return c.json(toStaffReviewDto(record), 201);
    },
  });

  reviews.get('/api/reviews/{id}', {
    summary: '审查单（含各环节记录、检测结果的脱敏预览、报请确定与发布记录）',
    responses: { 200: { description: '审查单', schema: staffReviewDetailSchema } },
    run: async (c, { staff }) => c.json(toStaffReviewDetailDto(await getReview(deps, staff, c.req.param('id')!))),
  });

  const step = caseSteps(reviews, deps, '/api/reviews/{id}', afterStep, toStaffReviewDto);
  step(
    'sign',
    '签署当前环节：六项审查事项、审查结论与意见',
    z.object({
      ...versioned,
      stage: z.enum(REVIEW_STAGES),
      checklist: checklistBody,
      conclusion: conclusionBody,
      comments: z.string().max(2000).optional(),
      contentDigest: z.string().max(100).optional(),
    }),
    signReviewStage,
  );

  step('return', '退回承办人（须写明修改意见；开始新一轮，记录保留）', z.object({ ...versioned, comments: z.string().max(2000) }), (deps, staff, id, body) =>
    underBodyNames({ returnComments: 'comments' }, returnReview(deps, staff, id, body)),
  );

  step('findings/resolve', '处理一条检测结果：删除，或写明理由后保留（保密审查环节）', z.object({ ...versioned, findingId: z.string().max(200), resolution: resolutionBody }), resolveReviewFinding);

  reviews.post('/api/reviews/{id}/redact-text', {
    summary: '生成删除处理后的正文（■ 替换每个删除的字符），原文保留在私有存储',
    body: z.object({
      ...versioned,
      spans: z
        .array(z.object({ start: z.number().int(), end: z.number().int() }))
        .max(500)
        .optional(),
      terms: z.array(z.string().max(200)).max(100).optional(),
    }),
    responses: { 200: { description: '处理结果', schema: redactionSchema } },
    run: async (c, { body, staff }) => c.json(toRedactionDto(await redactReviewText(deps, staff, c.req.param('id')!, body))),
  });

  step('referral-reply', '登记报请确定的答复，审查恢复', z.object({ ...versioned, reply: z.string().max(2000) }), recordReferral);

  reviews.post('/api/reviews/{id}/release', {
    summary: '发布审查通过的信息（经发布步骤写入公开存储；未通过或内容已改动的一律拒绝）',
    body: z.object({ ...versioned }),
    responses: { 200: { description: '发布回执', schema: releaseReceiptSchema } },
    run: async (c, { body, staff }) => c.json(toReleaseReceiptDto(await publishReviewedDocument(deps, staff, c.req.param('id')!, body.expectedVersion))),
  });
}
