import { Hono } from 'hono';
import type { AppDependencies } from '#application/context';
import { signedDocumentFile } from '#application/requests';
import { contentDisposition } from '#domain/content-disposition';
import type { StaffEnv } from '../../env';

/**
 * Staff downloads of a case's signed documents, to sign and seal in the agency's own workflow:
 * GET /staff/requests/:tn/documents/<id>.docx (Word, for Word and WPS) or <id>.pdf (the font
 * embedded, prints the same everywhere); id: answer, or a procedural notice's id.
 * Under /staff, so the access policy's staff rule and the staff sub-app's sign-in check cover it.
 */
export function staffRequestDownloadRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();

  // Hono's pattern has no literal after a parameter in one segment: the suffix is in the pattern, and cut here.
  app.get('/staff/requests/:tn/documents/:file{[a-z0-9-]+\\.(?:docx|pdf)}', async (c) => {
    const file = c.req.param('file');
    const format = file.endsWith('.pdf') ? 'pdf' : 'docx';
    const documentId = file.slice(0, -`.${format}`.length);
    const { bytes, fileName, contentType } = await signedDocumentFile(deps, c.get('staff'), c.req.param('tn'), documentId, format);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': contentType,
      'Content-Disposition': contentDisposition(fileName, 'attachment', documentId),
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
