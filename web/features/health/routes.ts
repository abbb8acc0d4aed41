import { Hono } from 'hono';
import type { AppDependencies } from '#application/context';
import { checkStorage, TABLE_SCHEMA_VERSION } from '#application/health';
import type { WebEnv } from '#web/env';
import { nestedFrom, readForm } from '#web/form-body';

/** Headers of the health request the page probe must not carry (it must render, not revalidate). */
const NOT_FORWARDED = new Set(['if-none-match', 'if-modified-since', 'cookie', 'authorization', 'content-type', 'content-length']);

/**
 * /health answers at once; /health?deep=1 proves the app can still do its work: the prototypes are
 * untouched (an assignment to Object.prototype shows up as an enumerable key), the table answers
 * a real read of the same kind pages make, a form body goes through the same parser every route
 * uses, and the home page renders through the whole middleware chain. Any failure is a 503 that
 * names the check, so a load balancer or an operator sees what a visitor would see.
 */
export function healthRoutes(deps: AppDependencies, servePage: (request: Request, env: unknown) => Promise<Response>) {
  const app = new Hono<WebEnv>();
  const parser = new Hono().post('/', async (c) => c.json(nestedFrom(await readForm(c, { all: true }))));
  parser.onError((error, c) => c.json({ error: error.message }, 500));

  const checks: Record<string, (request: Request, env: unknown) => Promise<void>> = {
    async prototypes() {
      const polluted = [Object.prototype, Array.prototype, Function.prototype, String.prototype].some((p) => Object.keys(p).length > 0);
      if (polluted) throw new Error('a built-in prototype has enumerable properties');
    },
    async storage() {
      await checkStorage(deps);
    },
    async 'form-parse'() {
      const body = new URLSearchParams({ 'probe.a': '1', 'probe.list.0.b': '2' });
      const response = await parser.request('/', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const parsed = (await response.json()) as { probe?: { a?: string; list?: { b?: string }[] } };
      if (response.status !== 200 || parsed.probe?.a !== '1' || parsed.probe.list?.[0]?.b !== '2') throw new Error(`form parse probe answered ${response.status}`);
    },
    // Through the whole app, with the host's own request context (the socket locally, the Lambda
    // event in AWS), so the probe is answered exactly as a visitor would be.
    async page(request, env) {
      const headers = new Headers();
      request.headers.forEach((value, name) => {
        if (!NOT_FORWARDED.has(name)) headers.set(name, value);
      });
      const response = await servePage(new Request(new URL('/', request.url), { headers }), env);
      const html = await response.text();
      if (response.status !== 200 || !html.includes('<main')) throw new Error(`home page probe answered ${response.status}`);
    },
  };

  app.get('/health', async (c) => {
    const body = { status: 'ok', app: deps.config.appVersion, tableSchema: TABLE_SCHEMA_VERSION };
    if (c.req.query('deep') !== '1') return c.json(body);
    const failed: string[] = [];
    for (const [name, check] of Object.entries(checks)) {
      try {
        await check(c.req.raw, c.env);
      } catch (error) {
        failed.push(name);
        c.get('logger').error('health check failed', { check: name, error });
      }
    }
    return failed.length ? c.json({ ...body, status: 'degraded', failed }, 503) : c.json(body);
  });

  return app;
}
