import type { MiddlewareHandler } from 'hono';
import type { AppDependencies } from '#application/context';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { WebEnv } from './env';
import { pageContext } from './page-context';
import { withPageInfo } from './views/render';

declare module 'hono' {
  interface ContextRenderer {
    /** A page, rendered inside the request's page info (site, staff, CSRF token), with an optional status. */
    (page: JSX.Element, status?: ContentfulStatusCode): Response | Promise<Response>;
  }
}

/**
 * `c.render(<Page …own props/>, status?)`: the page takes only its own props; Layout and the forms
 * read the site, the signed-in member of staff and the CSRF token from the page info context,
 * which this renderer (Hono's `setRenderer`, the primitive under `jsxRenderer`) provides. The page
 * info is worked out here once per request, in `c.var.page`.
 */
export function pageRenderer(deps: AppDependencies): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    c.set('page', pageContext(c, deps));
    c.setRenderer((page, status) => c.html(withPageInfo(page, c.var.page) as unknown as string, status));
    await next();
  };
}
