import { Hono } from 'hono';
import type { AppDependencies } from '#application/context';
import { signedDocumentDocx } from '#application/requests';
import { contentDisposition } from '#domain/content-disposition';
import type { StaffEnv } from '../../env';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Staff downloads of a case's signed documents as Word files, to sign and seal in the agency's own
 * workflow: GET /staff/requests/:tn/documents/<id>.docx (id: answer; procedural notices later).
 * Under /staff, so the access policy's staff rule and the staff sub-app's sign-in check cover it.
 */
export function staffRequestDownloadRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();

  // Hono's pattern has no literal after a parameter in one segment: the suffix is in the pattern, and cut here.
  app.get('/staff/requests/:tn/documents/:file{[a-z0-9-]+\\.docx}', async (c) => {
    const documentId = c.req.param('file').slice(0, -'.docx'.length);
    const { bytes, fileName } = await signedDocumentDocx(deps, c.get('staff'), c.req.param('tn'), documentId);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': DOCX_CONTENT_TYPE,
      'Content-Disposition': contentDisposition(fileName, 'attachment', documentId),
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
