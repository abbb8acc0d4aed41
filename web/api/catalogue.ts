import type { Hono } from 'hono';
import { z } from '#domain/zod';
import { createItem, getPublicItem, getStaffItem, listPublicItems, loadCatalogue, publishItem, staffWorkList, submitItem, withdrawItem } from '#application/catalogue';
import { publicItemSchema, staffItemSchema, toPublicItemDto, toStaffItemDto, toWorkListDto, workListSchema } from '#application/catalogue/item-dto';
import type { AppDependencies } from '#application/context';
import { searchCatalogue, searchRevision } from '#application/search';
import { categoriesSchema, searchResultSchema, toCategoriesDto, toSearchResultDto } from '#application/search/search-dto';
import { VALIDITY_STATUSES, WORKFLOW_STATES, type WorkflowState } from '#domain/catalogue';
import type { ApiRegistry } from '../api-registry';
import type { WebEnv } from '../env';
import { publicCaching, publicItemCaching } from '../public-caching';
import { refusals, STAFF_REFUSALS } from './responses';

/** /api/catalogue/* (public reads, cacheable) and /api/items/* (staff), described in /api/openapi.json. */
export function registerCatalogueApi(app: Hono<WebEnv>, api: ApiRegistry, deps: AppDependencies): void {
  const catalogue = api.area(app, 'catalogue');
  catalogue.get('/api/catalogue/categories', {
    summary: '信息公开目录分类',
    responses: { 200: { description: '分类树（深度优先）', schema: categoriesSchema } },
    run: async (c) => (await publicCaching(c, deps, 'api')) ?? c.json(toCategoriesDto((await loadCatalogue(deps)).tree.all())),
  });

  catalogue.get('/api/catalogue/items', {
    summary: '主动公开信息列表（游标分页，按发布日期排序）',
    query: z.object({
      category: z.string().max(64).optional(),
      year: z.coerce.number().int().min(1990).max(2100).optional(),
      issuer: z.string().max(60).optional(),
      validity: z.enum(VALIDITY_STATUSES).optional(),
      order: z.enum(['newest', 'oldest']).optional(),
      cursor: z.string().max(600).optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
    }),
    responses: {
      200: { description: '一页信息（不含正文）', schema: z.object({ items: z.array(publicItemSchema), next: z.string().optional(), prev: z.string().optional() }) },
      ...refusals([404], { 404: '分类不存在' }),
    },
    run: async (c, { query: { category, ...query } }) => {
      const cached = await publicCaching(c, deps, 'api');
      if (cached) return cached;
      const page = await listPublicItems(deps, { ...query, categoryId: category });
      return c.json({ items: page.items.map((v) => toPublicItemDto(v, { withBody: false })), next: page.next, prev: page.prev });
    },
  });

  catalogue.get('/api/catalogue/items/{id}', {
    summary: '一条主动公开信息（当前版本，含正文与附件地址）',
    responses: { 200: { description: '信息', schema: publicItemSchema }, ...refusals([404], { 404: '不存在或已撤回' }) },
    run: async (c) => (await publicItemCaching(c, deps, c.req.param('id')!, 'api')) ?? c.json(toPublicItemDto(await getPublicItem(deps, c.req.param('id')!))),
  });

  catalogue.get('/api/catalogue/search', {
    summary: '全文检索（中文分词，按相关度或日期排序，含高亮摘要）',
    query: z.object({
      q: z.string().max(100).default(''),
      category: z.string().max(64).optional(),
      year: z.coerce.number().int().min(1990).max(2100).optional(),
      validity: z.enum(VALIDITY_STATUSES).optional(),
      sort: z.enum(['relevance', 'date']).optional(),
      offset: z.coerce.number().int().min(0).max(500).optional(),
      limit: z.coerce.number().int().min(1).max(50).optional(),
    }),
    responses: { 200: { description: '检索结果', schema: searchResultSchema } },
    run: async (c, { query: { q, category, ...options } }) => {
      const cached = await publicCaching(c, deps, `api-search-${await searchRevision(deps)}`);
      if (cached) return cached;
      const { tree } = await loadCatalogue(deps);
      return c.json(toSearchResultDto(await searchCatalogue(deps, q, { ...options, ...(category && tree.has(category) ? { categoryIds: tree.subtreeIds(category) } : {}) })));
    },
  });

  const items = api.staffArea(app, 'items', STAFF_REFUSALS);
  /** The version the client saw (from 1); without it the step applies to the item as it stands. */
  const itemVersion = z.number().int().positive().optional();
  items.get('/api/items', {
    summary: '主动公开工作清单（按状态，游标分页）',
    query: z.object({ state: z.enum(WORKFLOW_STATES as [WorkflowState, ...WorkflowState[]]).default('draft'), cursor: z.string().max(2000).optional() }),
    responses: { 200: { description: '一页信息', schema: workListSchema } },
    run: async (c, { query }) => c.json(toWorkListDto(await staffWorkList(deps, query.state, query.cursor))),
  });

  items.post('/api/items', {
    summary: '新建主动公开信息（草稿）',
    body: z.record(z.string(), z.unknown()),
    responses: { 201: { description: '草稿', schema: z.object({ id: z.string() }) } },
    run: async (c, { body, staff }) => c.json({ id: (await createItem(deps, staff, body)).record.id }, 201),
  });

  items.get('/api/items/{id}', {
    summary: '信息详情（全部版本、状态、期限、审查情况）',
    responses: { 200: { description: '信息', schema: staffItemSchema }, ...refusals([404]) },
    run: async (c, { staff }) => c.json(toStaffItemDto(await getStaffItem(deps, c.req.param('id')!, staff))),
  });

  items.post('/api/items/{id}/submit', {
    summary: '提交保密审查',
    body: z.object({ version: itemVersion }),
    responses: { 200: { description: '已提交', schema: z.object({ reviewId: z.string() }) }, ...refusals([409], { 409: '当前状态不能提交' }) },
    run: async (c, { body, staff }) => c.json({ reviewId: (await submitItem(deps, staff, c.req.param('id')!, body.version)).review!.id }),
  });

  items.post('/api/items/{id}/publish', {
    summary: '发布或定时发布（须保密审查通过）',
    body: z.object({ publishAt: z.iso.datetime().optional(), version: itemVersion }),
    responses: { 200: { description: '已发布', schema: z.object({ indexNumber: z.string() }) }, ...refusals([409], { 409: '审查未通过或状态不允许' }) },
    run: async (c, { body, staff }) => {
      const item = await publishItem(deps, staff, c.req.param('id')!, { publishAt: body.publishAt, expectedVersion: body.version });
      return c.json({ indexNumber: item.record.indexNumber! });
    },
  });

  items.post('/api/items/{id}/withdraw', {
    summary: '撤回（从全部公开渠道下线，保留记录和理由）',
    body: z.object({ reason: z.string().min(1).max(500), version: itemVersion }),
    responses: { 200: { description: '已撤回', schema: z.object({ ok: z.boolean() }) }, ...refusals([409], { 409: '状态不允许' }) },
    run: async (c, { body, staff }) => {
      await withdrawItem(deps, staff, c.req.param('id')!, body.reason, body.version);
      return c.json({ ok: true });
    },
  });
}
