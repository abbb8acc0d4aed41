import { Hono, type Context, type Env } from 'hono';
import type { AppDependencies } from '#application/context';
import { newestMessages } from '#application/notifications';
import { NotFoundError } from '#domain/errors';
import { DOWNLOAD_SECURITY_HEADERS, type PublicFileReader } from '#ports/file-store';
import type { WebEnv } from '#web/env';
import { shanghaiDateTime } from '#web/page-context';
import { OutboxPage } from './pages';

/** Pages that exist in local mode only: anywhere else they answer 404. */
export function localOnly<E extends Env>(deps: AppDependencies) {
  return async (_c: Context<E>, next: () => Promise<void>) => {
    if (deps.config.deployment !== 'local') throw new NotFoundError('页面不存在。');
    await next();
  };
}

const STATUS: Record<string, string> = { pending: '待发送', sent: '已投递（本地邮箱）', failed: '发送失败' };

/** /local/outbox: local mode's mailbox. In AWS the route answers 404 (mail goes out through SES). */
export function localOutboxRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.get('/local/outbox', localOnly(deps), async (c) => {
    const page = await newestMessages(deps, 20, c.req.query('cursor'));
    const messages = page.items.map(({ message, delivery }) => ({ ...message, createdAt: shanghaiDateTime(message.createdAt), status: STATUS[delivery.status] ?? delivery.status }));
    return c.render(<OutboxPage messages={messages} nextHref={page.cursor ? `/local/outbox?cursor=${encodeURIComponent(page.cursor)}` : undefined} />);
  });
  return app;
}

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
