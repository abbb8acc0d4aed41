import { Hono } from 'hono';
import { DOWNLOAD_SECURITY_HEADERS, type PublicFileReader } from '#ports/file-store';
import type { WebEnv } from '../env';

/**
 * Local mode's stand-in for CloudFront's /files/* behaviour: released copies from the public
 * bucket, with the same download headers CloudFront's response headers policy adds in AWS. In
 * AWS this route is never mounted (CloudFront serves /files/* from S3 directly).
 */
export function publicFileRoutes(reader: PublicFileReader) {
  const app = new Hono<WebEnv>();
  app.get('/files/*', async (c) => {
    const key = decodeURIComponent(c.req.path.slice(1));
    if (key.includes('..') || key.length > 1000) return c.notFound();
    const file = await reader.get(key);
    if (!file) return c.notFound();
    for (const [name, value] of Object.entries(DOWNLOAD_SECURITY_HEADERS)) c.header(name, value);
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', file.contentDisposition?.startsWith('attachment') ? file.contentDisposition : 'attachment');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(file.body as Uint8Array<ArrayBuffer>);
  });
  return app;
}
