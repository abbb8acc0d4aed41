import { Hono } from 'hono';
import type { AppDependencies } from '#application/context';
import { HomePage } from '../views/pages/HomePage';
import type { WebEnv } from '../env';
import { latestPublicItems, loadCatalogue } from '#application/catalogue';
import { categoryHref, itemHref, publicCaching, shanghaiDay } from './portal';

export function publicRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();

  app.get('/', async (c) => {
    // Latest items and the category tree come from the public views only (routes/portal.tsx).
    const cached = await publicCaching(c, deps, 'home');
    if (cached) return cached;
    const [latest, catalogue] = await Promise.all([latestPublicItems(deps, 10), loadCatalogue(deps)]);
    const latestItems = latest.map((i) => ({ href: itemHref(i.id), title: i.title, date: shanghaiDay(i.publishedAt) }));
    const categories = catalogue.tree.roots.map((n) => ({ href: categoryHref(n.id), name: n.name }));
    return c.render(<HomePage latestItems={latestItems} categories={categories} staffLoginHref="/login" />);
  });

  return app;
}
