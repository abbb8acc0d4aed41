import { Hono, type Context } from 'hono';
import { readForm } from '../form-body';
import { documentDownloadUrl, listDocuments, uploadDocument } from '../../functions/application/documents';
import type { AppDependencies } from '../../functions/application/context';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, type StaffDocument } from '../../functions/domain/documents/document';
import { ValidationError } from '../../functions/domain/errors';
import { DocumentsPage } from '../views/pages/DocumentsPage';
import { StaffHomePage } from '../views/pages/StaffHomePage';
import type { WebEnv } from '../env';
import { pageContext } from '../page-context';

export function staffRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.get('/staff', (c) => {
    const ctx = pageContext(c, deps);
    return c.html(
      <StaffHomePage
        {...ctx}
        staff={ctx.staff!}
        cards={[
          { href: '/staff/requests', title: '依申请公开', description: '登记、办理政府信息公开申请，按答复期限排序。' },
          { href: '/staff/documents', title: '文档管理', description: '上传、查看本单位的工作文档（私有存储，不对外公开）。' },
          ...(ctx.localMode ? [{ href: '/staff/account/password', title: '修改密码', description: '修改后所有设备上的登录立即失效。' }] : []),
          ...(ctx.localMode && c.get('staff')!.roles.includes('admin') ? [{ href: '/staff/accounts', title: '账号与角色', description: '调整工作人员的角色；调整后其登录立即失效。' }] : []),
        ]}
      />,
    );
  });

  const documentsPage = async (c: Context<WebEnv>, extra: { errors?: Record<string, string>; values?: Record<string, string>; flash?: string } = {}) => {
    const ctx = pageContext(c, deps);
    const page = await listDocuments(deps, c.req.query('cursor'));
    return (
      <DocumentsPage
        {...ctx}
        staff={ctx.staff!}
        documents={page.items.map(toRow)}
        upload={{ action: '/staff/documents', fields: {}, maxBytes: MAX_DOCUMENT_BYTES, accept: Object.keys(ACCEPTED_DOCUMENT_TYPES).join(',') }}
        {...extra}
      />
    );
  };

  app.get('/staff/documents', async (c) => c.html(await documentsPage(c, { flash: c.req.query('uploaded') ? '文件已上传。' : undefined })));

  app.post('/staff/documents', async (c) => {
    const body = await readForm(c);
    const title = typeof body.title === 'string' ? body.title : '';
    const file = body.file instanceof File ? body.file : undefined;
    try {
      await uploadDocument(deps, c.get('staff')!, { title, fileName: file?.name ?? '', bytes: file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // Re-show the form with what was typed and a message per field.
      return c.html(await documentsPage(c, { errors: error.fields, values: { title } }), 400);
    }
    return c.redirect('/staff/documents?uploaded=1', 303);
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
