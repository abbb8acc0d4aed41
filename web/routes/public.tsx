import { Hono } from 'hono';
import type { AppDependencies } from '../../functions/application/context';
import { TABLE_SCHEMA_VERSION } from '../../functions/adapters/dynamodb/table-definition';
import { HomePage } from '../views/pages/HomePage';
import type { WebEnv } from '../env';
import { pageContext } from '../page-context';

export function publicRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();

  app.get('/health', async (c) => {
    const body = { status: 'ok', app: deps.config.appVersion, tableSchema: TABLE_SCHEMA_VERSION };
    if (c.req.query('deep') === '1' && deps.ping) {
      try {
        await deps.ping();
      } catch (error) {
        c.get('logger').error('health check failed', { error });
        return c.json({ ...body, status: 'degraded' }, 503);
      }
    }
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.get('/', (c) => {
    const { site, localMode } = pageContext(c, deps);
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(<HomePage site={site} latestItems={[]} categories={[]} staffLoginHref="/login" localMode={localMode} />);
  });

  return app;
}
