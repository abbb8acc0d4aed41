import { Hono, type Context } from 'hono';
import type { AppDependencies } from '#application/context';
import { toDocumentDto } from '#application/document-dto';
import { documentDownloadUrl, listDocuments, uploadDocument } from '#application/documents';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from '#domain/documents/document';
import type { StaffEnv } from '#web/env';
import { textOf } from '#web/form-body';
import { formStep } from '#web/form-step';
import { shanghaiDateTime } from '#web/page-context';
import { DocumentsPage, StaffHomePage, type DocumentsPageProps } from './pages';

/** The staff home (工作台) and the staff's documents. */
export function staffRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  app.get('/staff', (c) => {
    const { localMode, staff } = c.var.page;
    const admin = c.get('staff').roles.includes('admin');
    return c.render(
      <StaffHomePage
        staff={staff}
        cards={[
          { href: '/staff/requests', title: '依申请公开', description: '登记、办理政府信息公开申请，按答复期限排序。' },
          { href: '/staff/documents', title: '文档管理', description: '上传、查看本单位的工作文档（私有存储，不对外公开）。' },
          ...(localMode ? [{ href: '/staff/account/password', title: '修改密码', description: '修改后所有设备上的登录立即失效。' }] : []),
          ...(localMode && admin ? [{ href: '/staff/accounts', title: '账号与角色', description: '调整工作人员的角色；调整后其登录立即失效。' }] : []),
        ]}
      />,
    );
  });

  const documentsPage = async (c: Context<StaffEnv>, extra: Pick<DocumentsPageProps, 'errors' | 'values' | 'flash'>) => {
    const page = await listDocuments(deps, c.req.query('cursor'));
    const documents = page.items
      .map(toDocumentDto)
      .map((d) => ({ ...d, uploadedAt: shanghaiDateTime(d.uploadedAt), uploadedBy: d.uploadedBy.name, downloadHref: `/staff/documents/${d.id}/download` }));
    const upload = { action: '/staff/documents', fields: {}, maxBytes: MAX_DOCUMENT_BYTES, accept: Object.keys(ACCEPTED_DOCUMENT_TYPES).join(',') };
    return c.render(<DocumentsPage documents={documents} upload={upload} {...extra} />);
  };

  app.get('/staff/documents', (c) => documentsPage(c, { flash: c.req.query('uploaded') ? '文件已上传。' : undefined }));
  formStep(app, '/staff/documents', {
    run: async (c, body) => {
      const file = body.file instanceof File ? body.file : undefined;
      await uploadDocument(deps, c.get('staff'), { title: textOf(body, 'title'), fileName: file?.name ?? '', bytes: file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() });
      return '/staff/documents?uploaded=1';
    },
    // Re-show the form with what was typed and a message per field.
    again: (c, refusal, body) => documentsPage(c, { errors: refusal.errors('file'), values: { title: textOf(body, 'title') } }),
  });

  app.get('/staff/documents/:id/download', async (c) => c.redirect(await documentDownloadUrl(deps, c.req.param('id')), 303));
  return app;
}
