import { Hono } from 'hono';
import { z } from '#domain/zod';
import { completeUpload, documentDownloadUrl, listDocuments, openUploadSlot } from '#application/documents';
import {
  documentPageSchema,
  documentSchema,
  downloadUrlSchema,
  meSchema,
  toDocumentDto,
  toDocumentPageDto,
  toDownloadUrlDto,
  toMeDto,
  toUploadSlotDto,
  uploadSlotSchema,
} from '#application/document-dto';
import type { AppDependencies } from '#application/context';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from '#domain/documents/document';
import { ApiRegistry } from '../api-registry';
import type { WebEnv } from '../env';
import { registerCalendarApi } from './calendar';
import { registerCatalogueApi } from './catalogue';
import { registerClarificationsApi } from './clarifications';
import { registerRequestsApi } from './requests';
import { refusals, STAFF_REFUSALS as refused } from './responses';
import { registerSecrecyApi } from './secrecy';

const uploadRequest = z.object({
  fileName: z.string({ error: '请提供文件名。' }).min(1, '请提供文件名。').max(200, '文件名过长。'),
  contentType: z.enum(Object.keys(ACCEPTED_DOCUMENT_TYPES) as [string, ...string[]], { error: `文件类型不受支持。可上传：${Object.values(ACCEPTED_DOCUMENT_TYPES).join('、')}。` }),
  sizeBytes: z
    .number({ error: '请提供文件大小（字节）。' })
    .int()
    .positive('文件不能为空。')
    .max(MAX_DOCUMENT_BYTES, `文件不能超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB。`),
});

/** Seconds a document's signed download address lasts. */
const DOWNLOAD_SECONDS = 300;

/** JSON API under /api/. Every route is described in /api/openapi.json through the registry. */
export function apiRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  const api = new ApiRegistry();

  api.staffArea(app, 'staff', refused).get('/api/me', {
    summary: '当前登录的工作人员',
    responses: { 200: { description: '工作人员信息', schema: meSchema } },
    run: (c, { staff }) => c.json(toMeDto(staff)),
  });

  const documents = api.staffArea(app, 'documents', refused);
  documents.get('/api/documents', {
    summary: '文档列表（最新在前，游标分页）',
    query: z.object({ cursor: z.string().max(2000).optional() }),
    responses: { 200: { description: '一页文档', schema: documentPageSchema } },
    run: async (c, { query }) => c.json(toDocumentPageDto(await listDocuments(deps, query.cursor))),
  });

  documents.post('/api/documents/uploads', {
    summary: '申请直传地址（预签名 PUT，限定类型与大小）',
    body: uploadRequest,
    responses: { 201: { description: '上传地址', schema: uploadSlotSchema } },
    run: async (c, { body, staff }) => c.json(toUploadSlotDto(await openUploadSlot(deps, staff, body)), 201),
  });

  documents.post('/api/documents/uploads/{uploadId}/complete', {
    summary: '完成直传：按文件内容核验类型与大小后登记',
    body: z.object({ title: z.string({ error: '请填写文件标题。' }).trim().min(1, '请填写文件标题。').max(200, '文件标题不能超过 200 个字。') }),
    responses: { 201: { description: '已登记的文档', schema: documentSchema }, ...refusals([404], { 404: '上传记录不存在' }) },
    run: async (c, { body, staff }) => c.json(toDocumentDto(await completeUpload(deps, staff, c.req.param('uploadId')!, body.title)), 201),
  });

  documents.get('/api/documents/{id}/download', {
    summary: '文档的短期下载地址（5 分钟有效）',
    responses: { 200: { description: '下载地址', schema: downloadUrlSchema }, ...refusals([404], { 404: '文档不存在' }) },
    run: async (c) => c.json(toDownloadUrlDto(await documentDownloadUrl(deps, c.req.param('id')!), DOWNLOAD_SECONDS)),
  });

  for (const register of [registerCalendarApi, registerSecrecyApi, registerRequestsApi, registerClarificationsApi, registerCatalogueApi]) register(app, api, deps);

  app.get('/api/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(api.document({ title: `${deps.config.agencyName} 政府信息公开平台 API`, version: deps.config.appVersion }));
  });

  return { app, registry: api };
}
