import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from '#domain/zod';
import { UnauthenticatedError, ValidationError } from '#domain/errors';
import type { StaffMember } from '#domain/staff';
import { accessFor } from '#web/access-policy';
import { ApiRegistry } from '#web/api-registry';
import type { WebEnv } from '#web/env';
import { apiRoutes } from '#web/api';
import { memoryApp, staff } from '#support/memory-deps';

/** A bare app with the registry's routes: `who` plays the session middleware. */
function bareApp(who: StaffMember | undefined) {
  const app = new Hono<WebEnv>();
  app.use(async (c, next) => {
    c.set('staff', who);
    await next();
  });
  app.onError((error, c) => c.json({ error: error.name }, error instanceof UnauthenticatedError ? 401 : error instanceof ValidationError ? 400 : 500));
  const api = new ApiRegistry();
  const seen: StaffMember[] = [];
  api.defineStaff(app, { method: 'post', path: '/api/echo/{id}', tag: 't', summary: 's', body: z.object({ n: z.number() }), responses: { 200: { description: 'ok' } } }, (c, { body, staff }) => {
    seen.push(staff);
    return c.json({ id: c.req.param('id'), n: body.n, by: staff.username });
  });
  api.define(app, { method: 'get', path: '/api/open', tag: 't', summary: 's', responses: { 200: { description: 'ok' } } }, (c) => c.json({ ok: true }));
  return { app, api, seen };
}

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('staff routes of the API registry', () => {
  it('hand the handler the signed-in member of staff', async () => {
    const clerk = staff(['clerk'], 'clerk');
    const { app, seen } = bareApp(clerk);
    const res = await app.request('/api/echo/7', post({ n: 1 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '7', n: 1, by: clerk.username });
    expect(seen).toEqual([clerk]);
  });

  it('refuse somebody not signed in with 401 before the body is read, and never run the handler', async () => {
    const { app, seen } = bareApp(undefined);
    for (const body of [{ n: 1 }, { n: 'not a number' }]) {
      const res = await app.request('/api/echo/7', post(body));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'UnauthenticatedError' });
    }
    expect(seen).toEqual([]);
    expect((await app.request('/api/open')).status).toBe(200);
  });

  it('are marked in the list and in the OpenAPI document', () => {
    const { api } = bareApp(undefined);
    expect(api.list()).toEqual([
      { method: 'POST', path: '/api/echo/{id}', staff: true },
      { method: 'GET', path: '/api/open', staff: false },
    ]);
    const doc = api.document({ title: 't', version: '1' }) as { paths: Record<string, Record<string, { security?: unknown }>> };
    expect(doc.paths['/api/echo/{id}']!.post!.security).toEqual([{ staffToken: [] }]);
    expect(doc.paths['/api/open']!.get!.security).toBeUndefined();
  });

  it('are exactly the API routes the access policy keeps from the public', async () => {
    const { deps } = await memoryApp();
    const routes = apiRoutes(deps).registry.list();
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const access = accessFor(route.method, route.path.replace(/\{(\w+)\}/g, 'x1'));
      expect(access, `${route.method} ${route.path}`).toBeDefined();
      expect({ route: `${route.method} ${route.path}`, staff: route.staff }).toEqual({ route: `${route.method} ${route.path}`, staff: access !== 'public' });
    }
  });
});
