import type { Hono } from 'hono';
import { z } from '#domain/zod';
import { clarificationNoticesForItem, getPublishedClarification, listPublishedClarifications, type PublicClarification } from '#application/clarifications';
import type { AppDependencies } from '#application/context';
import { findCorrectionByTracking } from '#application/corrections';
import { correctionTrackingSchema, toCorrectionTrackingDto } from '#application/corrections/track-dto';
import { errorSchema, type ApiRegistry } from '../api-registry';
import type { WebEnv } from '../env';

const published = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  relatedItemIds: z.array(z.string()),
  publishedAt: z.string(),
  url: z.string(),
  itemId: z.string().optional(),
});
const refused = { 400: { description: '请求无效', schema: errorSchema }, 404: { description: '不存在', schema: errorSchema } };

const toJson = (p: PublicClarification) => ({
  id: p.id,
  title: p.title,
  text: p.text,
  relatedItemIds: [...p.relatedItemIds],
  publishedAt: p.publishedAt,
  url: p.itemId ? `/items/${encodeURIComponent(p.itemId)}` : `/clarifications/${p.id}`,
  ...(p.itemId ? { itemId: p.itemId } : {}),
});

/** Public JSON of published clarifications (released text only) and the correction lookup. */
export function registerClarificationsApi(app: Hono<WebEnv>, api: ApiRegistry, deps: AppDependencies): void {
  api.define(
    app,
    {
      method: 'get',
      path: '/api/clarifications',
      tag: 'clarifications',
      summary: '已发布的澄清说明（最新在前）；item= 只列出涉及该信息的澄清说明',
      query: z.object({
        item: z
          .string()
          .regex(/^[\w-]{1,100}$/, '信息编号无效。')
          .optional(),
      }),
      responses: { 200: { description: '澄清说明列表', schema: z.object({ items: z.array(published.partial({ text: true })) }) }, ...refused },
    },
    async (c, { query }) => {
      if (query.item) {
        const notices = await clarificationNoticesForItem(deps, query.item);
        return c.json({ items: notices.map((n) => ({ id: n.id, title: n.title, url: n.href })) });
      }
      return c.json({ items: (await listPublishedClarifications(deps)).map(toJson) });
    },
  );

  api.define(
    app,
    { method: 'get', path: '/api/clarifications/{id}', tag: 'clarifications', summary: '一条已发布的澄清说明', responses: { 200: { description: '澄清说明', schema: published }, ...refused } },
    async (c) => c.json(toJson(await getPublishedClarification(deps, c.req.param('id')!))),
  );

  api.define(
    app,
    {
      method: 'post',
      path: '/api/corrections/track',
      tag: 'corrections',
      summary: '凭更正申请编号（GZ-）和查询码查询办理进度（限制频率）',
      body: z.object({ trackingNumber: z.string().max(30), accessCode: z.string().max(30) }),
      responses: { 200: { description: '办理情况（与查询页面所示相同）', schema: correctionTrackingSchema }, 429: { description: '查询过于频繁', schema: errorSchema }, ...refused },
    },
    async (c, { body }) => c.json(toCorrectionTrackingDto(await findCorrectionByTracking(deps, body.trackingNumber, body.accessCode, { ip: c.get('clientAddress') }))),
  );
}
