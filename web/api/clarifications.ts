import type { Hono } from 'hono';
import { z } from '#domain/zod';
import { clarificationNoticesForItem, getPublishedClarification, listPublishedClarifications } from '#application/clarifications';
import { clarificationListSchema, publishedClarificationSchema, toClarificationListDto, toClarificationNoticesDto, toPublishedClarificationDto } from '#application/clarifications/published-dto';
import type { AppDependencies } from '#application/context';
import { findCorrectionByTracking } from '#application/corrections';
import { correctionTrackingSchema, toCorrectionTrackingDto } from '#application/corrections/track-dto';
import type { ApiRegistry } from '../api-registry';
import type { WebEnv } from '../env';
import { refusals } from './responses';

/** Public JSON of published clarifications (released text only) and the correction lookup. */
export function registerClarificationsApi(app: Hono<WebEnv>, api: ApiRegistry, deps: AppDependencies): void {
  const clarifications = api.area(app, 'clarifications', refusals([400, 404]));
  clarifications.get('/api/clarifications', {
    summary: '已发布的澄清说明（最新在前）；item= 只列出涉及该信息的澄清说明',
    query: z.object({
      item: z
        .string()
        .regex(/^[\w-]{1,100}$/, '信息编号无效。')
        .optional(),
    }),
    responses: { 200: { description: '澄清说明列表', schema: clarificationListSchema } },
    run: async (c, { query }) => {
      if (query.item) return c.json(toClarificationNoticesDto(await clarificationNoticesForItem(deps, query.item)));
      return c.json(toClarificationListDto(await listPublishedClarifications(deps)));
    },
  });

  clarifications.get('/api/clarifications/{id}', {
    summary: '一条已发布的澄清说明',
    responses: { 200: { description: '澄清说明', schema: publishedClarificationSchema } },
    run: async (c) => c.json(toPublishedClarificationDto(await getPublishedClarification(deps, c.req.param('id')!))),
  });

  api.area(app, 'corrections', refusals([400, 404, 429])).post('/api/corrections/track', {
    summary: '凭更正申请编号（GZ-）和查询码查询办理进度（限制频率）',
    body: z.object({ trackingNumber: z.string().max(30), accessCode: z.string().max(30) }),
    responses: { 200: { description: '办理情况（与查询页面所示相同）', schema: correctionTrackingSchema } },
    run: async (c, { body }) => c.json(toCorrectionTrackingDto(await findCorrectionByTracking(deps, body.trackingNumber, body.accessCode, { ip: c.get('clientAddress') }))),
  });
}
