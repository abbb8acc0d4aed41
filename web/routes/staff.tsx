import { Hono, type Context } from 'hono';
import { textOf } from '../form-body';
import { formStep } from '../form-step';
import { documentDownloadUrl, listDocuments, uploadDocument } from '#application/documents';
import type { AppDependencies } from '#application/context';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, type StaffDocument } from '#domain/documents/document';
import { DocumentsPage } from '../views/pages/DocumentsPage';
import { StaffHomePage } from '../views/pages/StaffHomePage';
import type { StaffEnv } from '../env';

export function staffRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  app.get('/staff', (c) => {
    const ctx = c.var.page;
    return c.render(
      <StaffHomePage
        staff={c.var.page.staff}
        cards={[
          { href: '/staff/requests', title: '依申请公开', description: '登记、办理政府信息公开申请，按答复期限排序。' },
          { href: '/staff/documents', title: '文档管理', description: '上传、查看本单位的工作文档（私有存储，不对外公开）。' },
          ...(ctx.localMode ? [{ href: '/staff/account/password', title: '修改密码', description: '修改后所有设备上的登录立即失效。' }] : []),
          ...(ctx.localMode && c.get('staff').roles.includes('admin') ? [{ href: '/staff/accounts', title: '账号与角色', description: '调整工作人员的角色；调整后其登录立即失效。' }] : []),
        ]}
      />,
    );
  });

  const documentsPage = async (c: Context<StaffEnv>, extra: { errors?: Record<string, string>; values?: Record<string, string>; flash?: string } = {}) => {
    const page = await listDocuments(deps, c.req.query('cursor'));
    return (
      <DocumentsPage
        documents={page.items.map(toRow)}
        upload={{ action: '/staff/documents', fields: {}, maxBytes: MAX_DOCUMENT_BYTES, accept: Object.keys(ACCEPTED_DOCUMENT_TYPES).join(',') }}
        {...extra}
      />
    );
  };

  app.get('/staff/documents', async (c) => c.render(await documentsPage(c, { flash: c.req.query('uploaded') ? '文件已上传。' : undefined })));

  formStep(app, '/staff/documents', {
    run: async (c, body) => {
      const file = body.file instanceof File ? body.file : undefined;
      await uploadDocument(deps, c.get('staff'), { title: textOf(body, 'title'), fileName: file?.name ?? '', bytes: file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() });
      return '/staff/documents?uploaded=1';
    },
    // Re-show the form with what was typed and a message per field.
    again: async (c, refusal, body) => c.render(await documentsPage(c, { errors: refusal.errors('file'), values: { title: textOf(body, 'title') } })),
  });

  app.get('/staff/documents/:id/download', async (c) => c.redirect(await documentDownloadUrl(deps, c.req.param('id')), 303));

  return app;
}

function toRow(doc: StaffDocument) {
  return {
    id: doc.id,
    title: doc.title,
    fileName: doc.fileName,
    sizeBytes: doc.sizeBytes,
    contentType: doc.contentType,
    uploadedAt: doc.uploadedAt,
    uploadedBy: doc.uploadedBy.name,
    downloadHref: `/staff/documents/${doc.id}/download`,
  };
}
