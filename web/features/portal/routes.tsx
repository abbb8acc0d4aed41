import { Hono, type Context } from 'hono';
import { allPublicItems, getPublicItem, latestPublicItems, listPublicItems, loadCatalogue, relatedToItem } from '#application/catalogue';
import type { AppDependencies } from '#application/context';
import { searchCatalogue, searchRevision } from '#application/search';
import { shanghaiDateOf } from '#domain/catalogue';
import type { WebEnv } from '#web/env';
import { buildAtomFeed, buildRssFeed, buildSitemap, sitemapEntriesFor } from '#web/feeds';
import { publicCaching, publicItemCaching } from '#web/public-caching';
import { GuidePage, HomePage, ItemPage, ListingPage, SearchPage } from './pages';
import { categoryHref, guideView, itemHref, itemView, listingFilters, listingView, SEARCH_PER_PAGE, searchQuery, searchView, yearOf } from './view-model';

const FEED_ITEMS = 50;

/**
 * The public portal: home, the 主动公开 listings, items, search, the guide, feeds and the sitemap,
 * from the public views only. Every page answers 304 when the client's copy is current
 * (web/public-caching.ts) before anything else is read.
 */
export function portalRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  const cached =
    (variant: string | (() => Promise<string>), page: (c: Context<WebEnv>) => Promise<Response>) =>
    async (c: Context<WebEnv>): Promise<Response> =>
      (await publicCaching(c, deps, typeof variant === 'string' ? variant : await variant())) ?? page(c);

  app.get(
    '/',
    cached('home', async (c) => {
      const [latest, catalogue] = await Promise.all([latestPublicItems(deps, 10), loadCatalogue(deps)]);
      const latestItems = latest.map((i) => ({ href: itemHref(i.id), title: i.title, date: shanghaiDateOf(i.publishedAt) }));
      return c.render(<HomePage latestItems={latestItems} categories={catalogue.tree.roots.map((n) => ({ href: categoryHref(n.id), name: n.name }))} staffLoginHref="/login" />);
    }),
  );

  const listing = cached('', async (c) => {
    const categoryId = c.req.param('category');
    const catalogue = await loadCatalogue(deps);
    if (categoryId && !catalogue.tree.has(categoryId)) return c.notFound();
    const filters = listingFilters(c.req.query());
    const { year, issuer, validity, order } = filters;
    const page = await listPublicItems(deps, { categoryId, year: yearOf(year), issuer, validity, order, cursor: c.req.query('cursor') || undefined, limit: 20 });
    return c.render(<ListingPage {...listingView(catalogue, categoryId, filters, page, Number(shanghaiDateOf(deps.clock.now()).slice(0, 4)))} />);
  });
  app.get('/proactive', listing);
  app.get('/proactive/:category', listing);

  app.get('/items/:id', async (c) => {
    const id = c.req.param('id');
    const notModified = await publicItemCaching(c, deps, id);
    if (notModified) return notModified;
    const [catalogue, view] = await Promise.all([loadCatalogue(deps), getPublicItem(deps, id)]);
    const related = await relatedToItem(deps, view.item);
    return c.render(<ItemPage {...itemView(catalogue, view, related, deps.content.markdownToHtml(view.item.body, { headingOffset: 1 }))} />);
  });

  // Results change with the search snapshot too, which follows the stamp by an effect's delay.
  app.get(
    '/search',
    cached(
      async () => `search-${await searchRevision(deps)}`,
      async (c) => {
        const catalogue = await loadCatalogue(deps);
        const asked = searchQuery(c.req.query());
        const { query, category, year, validity, sort, page } = asked;
        const filters = { ...(category && catalogue.tree.has(category) ? { categoryIds: catalogue.tree.subtreeIds(category) } : {}), ...(year ? { year } : {}), ...(validity ? { validity } : {}) };
        const result = asked.searched ? await searchCatalogue(deps, query, { ...filters, sort, offset: (page - 1) * SEARCH_PER_PAGE, limit: SEARCH_PER_PAGE }) : undefined;
        return c.render(<SearchPage {...searchView(asked, result, catalogue)} />);
      },
    ),
  );

  // 政府信息公开年报 (Arts. 49-50) are published as catalogue items in their own category.
  app.get('/reports', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.redirect('/proactive/annual-reports', 301);
  });

  app.get(
    '/guide',
    cached('guide', async (c) => {
      const catalogue = await loadCatalogue(deps);
      return c.render(<GuidePage {...guideView(catalogue, deps.content.markdownToHtml(catalogue.settings.guide, { headingOffset: 0 }))} />);
    }),
  );

  // Atom/RSS per category (and `all`); an unknown category is a 404 before any cache header.
  app.get('/feeds/:file', async (c) => {
    const [, categoryId, format] = (c.req.param('file').match(/^([a-z0-9-]{1,64})\.(atom|rss)$/) ?? []) as [string?, string?, ('atom' | 'rss')?];
    if (!categoryId || !format) return c.notFound();
    const catalogue = await loadCatalogue(deps);
    if (categoryId !== 'all' && !catalogue.tree.has(categoryId)) return c.notFound();
    const notModified = await publicCaching(c, deps, format);
    if (notModified) return notModified;
    const items = await latestPublicItems(deps, FEED_ITEMS, categoryId === 'all' ? undefined : categoryId);
    const name = categoryId === 'all' ? '主动公开' : catalogue.tree.label(categoryId);
    const config = {
      siteUrl: deps.config.publicBaseUrl,
      title: `${deps.config.agencyName} - ${name}`,
      description: `${deps.config.agencyName}政府信息公开：${name}`,
      selfPath: `feeds/${categoryId}.${format}`,
      itemPath: (item: { id: string }) => itemHref(item.id).slice(1),
      categoryName: (id: string) => catalogue.tree.get(id)?.name,
      author: deps.config.agencyName,
      limit: FEED_ITEMS,
    };
    const xml = format === 'atom' ? buildAtomFeed(items, config) : buildRssFeed(items, config);
    return c.body(xml, 200, { 'Content-Type': `application/${format}+xml; charset=utf-8` });
  });

  app.get(
    '/sitemap.xml',
    cached('sitemap', async (c) => {
      const [catalogue, items] = await Promise.all([loadCatalogue(deps), allPublicItems(deps)]);
      const fixed = ['', 'proactive', 'guide', 'search', 'apply', ...catalogue.tree.all().map((n) => categoryHref(n.id).slice(1))].map((path) => ({ path }));
      const xml = buildSitemap(
        deps.config.publicBaseUrl,
        sitemapEntriesFor(items, (i) => itemHref(i.id).slice(1), fixed),
      );
      return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
    }),
  );

  return app;
}
