import { Hono } from 'hono';
import { z } from '#domain/zod';
import { completeUpload, documentDownloadUrl, listDocuments, openUploadSlot } from '#application/documents';
import type { AppDependencies } from '#application/context';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from '#domain/documents/document';
import { ApiRegistry, errorSchema } from '../api-registry';
import { registerCalendarApi } from './calendar';
import type { WebEnv } from '../env';
import { secrecyApiRoutes } from './secrecy-api';
import { registerClarificationsApi } from './clarifications-api';
import { registerRequestsApi } from './requests-api';
import { registerCatalogueApi } from './catalogue-api';

const documentSchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.object({ id: z.string(), name: z.string() }),
});

const meSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()) });

const uploadRequest = z.object({
  fileName: z.string({ error: '请提供文件名。' }).min(1, '请提供文件名。').max(200, '文件名过长。'),
  contentType: z.enum(Object.keys(ACCEPTED_DOCUMENT_TYPES) as [string, ...string[]], { error: `文件类型不受支持。可上传：${Object.values(ACCEPTED_DOCUMENT_TYPES).join('、')}。` }),
  sizeBytes: z
    .number({ error: '请提供文件大小（字节）。' })
    .int()
    .positive('文件不能为空。')
    .max(MAX_DOCUMENT_BYTES, `文件不能超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB。`),
});

const refused = { 400: { description: '请求无效', schema: errorSchema }, 401: { description: '未登录', schema: errorSchema }, 403: { description: '无权限', schema: errorSchema } };

/** JSON API under /api/. Every route is described in /api/openapi.json through the registry. */
export function apiRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  const api = new ApiRegistry();

  api.defineStaff(
    app,
    {
      method: 'get',
      path: '/api/me',
      tag: 'staff',
      summary: '当前登录的工作人员',
      responses: { 200: { description: '工作人员信息', schema: meSchema }, ...refused },
    },
    (c, { staff }) => c.json(meSchema.parse(staff)),
  );

  api.defineStaff(
    app,
    {
      method: 'get',
      path: '/api/documents',
      tag: 'documents',
      summary: '文档列表（最新在前，游标分页）',
      query: z.object({ cursor: z.string().max(2000).optional() }),
      responses: { 200: { description: '一页文档', schema: z.object({ items: z.array(documentSchema), cursor: z.string().optional() }) }, ...refused },
    },
    async (c, { query }) => {
      const page = await listDocuments(deps, query.cursor);
      // The schema is the allow-list: the private storage key (fileKey) stays inside.
      return c.json({ items: page.items.map((doc) => documentSchema.parse(doc)), cursor: page.cursor });
    },
  );

  api.defineStaff(
    app,
    {
      method: 'post',
      path: '/api/documents/uploads',
      tag: 'documents',
      summary: '申请直传地址（预签名 PUT，限定类型与大小）',
      body: uploadRequest,
      responses: {
        201: {
          description: '上传地址',
          schema: z.object({ uploadId: z.string(), url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresInSeconds: z.number() }),
        },
        ...refused,
      },
    },
    async (c, { body, staff }) => c.json(await openUploadSlot(deps, staff, body), 201),
  );

  api.defineStaff(
    app,
    {
      method: 'post',
      path: '/api/documents/uploads/{uploadId}/complete',
      tag: 'documents',
      summary: '完成直传：按文件内容核验类型与大小后登记',
      body: z.object({ title: z.string({ error: '请填写文件标题。' }).trim().min(1, '请填写文件标题。').max(200, '文件标题不能超过 200 个字。') }),
      responses: { 201: { description: '已登记的文档', schema: documentSchema }, 404: { description: '上传记录不存在', schema: errorSchema }, ...refused },
    },
    async (c, { body, staff }) => c.json(documentSchema.parse(await completeUpload(deps, staff, c.req.param('uploadId')!, body.title)), 201),
  );

  api.defineStaff(
    app,
    {
      method: 'get',
      path: '/api/documents/{id}/download',
      tag: 'documents',
      summary: '文档的短期下载地址（5 分钟有效）',
      responses: { 200: { description: '下载地址', schema: z.object({ url: z.string(), expiresInSeconds: z.number() }) }, 404: { description: '文档不存在', schema: errorSchema }, ...refused },
    },
    async (c) => c.json({ url: await documentDownloadUrl(deps, c.req.param('id')!), expiresInSeconds: 300 }),
  );

  registerCalendarApi(app, api, deps);

  secrecyApiRoutes(app, api, deps);

  registerRequestsApi(app, api, deps);

  registerClarificationsApi(app, api, deps);

  registerCatalogueApi(app, api, deps);

  app.get('/api/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(api.document({ title: `${deps.config.agencyName} 政府信息公开平台 API`, version: deps.config.appVersion }));
  });

  return { app, registry: api };
}
