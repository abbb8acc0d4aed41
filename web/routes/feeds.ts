import { Hono } from 'hono';
import { buildAtomFeed, buildRssFeed, buildSitemap, sitemapEntriesFor } from '../feeds';
import { allPublicItems, latestPublicItems, loadCatalogue } from '#application/catalogue';
import type { AppDependencies } from '#application/context';
import type { WebEnv } from '../env';
import { categoryHref, publicCaching } from './portal';

const FEED_ITEMS = 50;

/** Atom/RSS per category (and `all`) and the sitemap, from the public views only. */
export function feedRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();

  app.get('/feeds/:file', async (c) => {
    const m = c.req.param('file').match(/^([a-z0-9-]{1,64})\.(atom|rss)$/);
    if (!m) return c.notFound();
    const [, categoryId, format] = m as unknown as [string, string, 'atom' | 'rss'];
    const catalogue = await loadCatalogue(deps);
    if (categoryId !== 'all' && !catalogue.tree.has(categoryId)) return c.notFound();
    const cached = await publicCaching(c, deps, format);
    if (cached) return cached;
    const items = await latestPublicItems(deps, FEED_ITEMS, categoryId === 'all' ? undefined : categoryId);
    const name = categoryId === 'all' ? '主动公开' : catalogue.tree.label(categoryId);
    const config = {
      siteUrl: deps.config.publicBaseUrl,
      title: `${deps.config.agencyName} - ${name}`,
      description: `${deps.config.agencyName}政府信息公开：${name}`,
      selfPath: `feeds/${categoryId}.${format}`,
      itemPath: (item: { id: string }) => `items/${encodeURIComponent(item.id)}`,
      categoryName: (id: string) => catalogue.tree.get(id)?.name,
      author: deps.config.agencyName,
      limit: FEED_ITEMS,
    };
    const xml = format === 'atom' ? buildAtomFeed(items, config) : buildRssFeed(items, config);
    return c.body(xml, 200, { 'Content-Type': format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8' });
  });

  app.get('/sitemap.xml', async (c) => {
    const cached = await publicCaching(c, deps, 'sitemap');
    if (cached) return cached;
    const catalogue = await loadCatalogue(deps);
    const items = await allPublicItems(deps);
    const fixed = [{ path: '' }, { path: 'proactive' }, { path: 'guide' }, { path: 'search' }, { path: 'apply' }, ...catalogue.tree.all().map((n) => ({ path: categoryHref(n.id).slice(1) }))];
    const xml = buildSitemap(
      deps.config.publicBaseUrl,
      sitemapEntriesFor(items, (i) => `items/${encodeURIComponent(i.id)}`, fixed),
    );
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });

  return app;
}
