import { Hono } from 'hono';
import type { AppDependencies } from '#application/context';
import { NotFoundError } from '#domain/errors';
import { newestMessages } from '#application/notifications';
import { OutboxPage } from '../views/pages/local/OutboxPage';
import type { WebEnv } from '../env';
import { shanghaiDateTime } from '../page-context';

const STATUS: Record<string, string> = { pending: '待发送', sent: '已投递（本地邮箱）', failed: '发送失败' };

/** /local/outbox: local mode's mailbox. In AWS the route answers 404 (mail goes out through SES). */
export function localOutboxRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  app.get('/local/outbox', async (c) => {
    if (deps.config.deployment !== 'local') throw new NotFoundError('页面不存在。');
    const page = await newestMessages(deps, 20, c.req.query('cursor'));
    c.header('Cache-Control', 'no-store');
    return c.render(
      <OutboxPage
        messages={page.items.map(({ message, delivery }) => ({ ...message, createdAt: shanghaiDateTime(message.createdAt), status: STATUS[delivery.status] ?? delivery.status }))}
        nextHref={page.cursor ? `/local/outbox?cursor=${encodeURIComponent(page.cursor)}` : undefined}
      />,
    );
  });
  return app;
}
