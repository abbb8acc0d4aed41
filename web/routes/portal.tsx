import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { catalogueStamp, getPublicItem, issuersOf, listPublicItems, loadCatalogue, publicViewVersion, relatedToItem, type LoadedCatalogue } from '#application/catalogue';
import type { AppDependencies } from '#application/context';
import { searchCatalogue, searchRevision } from '#application/search';
import { shanghaiDateOf, VALIDITY_STATUSES, type PublicItem, type ValidityStatus } from '#domain/catalogue';
import type { WebEnv } from '../env';
import { describeContentType, formatBytes } from '../views/format';
import { GuidePage, ItemPage, ListingPage, SearchPage, type CategoryLink, type ListingRow } from '../views/pages/portal';
import type { MetaRow } from '../views/components/MetaTable';

/** Browsers and CloudFront may keep public pages this long; the ETag makes revalidation cheap. */
export const PUBLIC_MAX_AGE = 60;

/**
 * HTTP caching for public surfaces. The ETag names one representation: the catalogue change stamp
 * (kept in memory, re-read at most every few seconds: application/catalogue/stamp.ts), the Beijing
 * date (validity can lapse at midnight), the app version, and a digest of this URL (path and
 * query), plus the resource's own version where there is one. Another page's ETag therefore never
 * matches, and `If-None-Match: *` is not honoured: a 304 says "what you have is this page as it is
 * now", which only a tag of this page can claim. A matching tag is answered 304 before anything
 * else is read, so revalidating a listing costs no table read while the stamp is cached.
 *
 * Public pages never depend on cookies. A first visit still receives the CSRF seed cookie, which
 * the app turns into `private, no-store` (web/app.ts); every later visit is cacheable.
 */
export async function publicCaching(c: Context<WebEnv>, deps: AppDependencies, variant = '', resourceVersion?: number): Promise<Response | undefined> {
  const stamp = await catalogueStamp(deps);
  const url = new URL(c.req.url);
  const representation = createHash('sha256').update(`${variant}\n${url.pathname}\n${url.search}`).digest('base64url').slice(0, 16);
  const etag = `W/"c${stamp}-${shanghaiDateOf(deps.clock.now())}-${deps.config.appVersion}-${representation}${resourceVersion !== undefined ? `-v${resourceVersion}` : ''}"`;
  c.header('ETag', etag);
  // No stale-while-revalidate: a withdrawn item must leave shared caches within max-age.
  c.header('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE}`);
  const inm = c.req.header('If-None-Match');
  if (inm && inm.split(',').some((t) => t.trim() === etag)) return c.body(null, 304);
  return undefined;
}

/**
 * An item's page or API entry: the view is read first (one GetItem, consistent), so a withdrawn
 * or unknown item is a 404 whatever the request's headers say, and the item's version is part of
 * its ETag, so even a process whose cached stamp is a few seconds old never revalidates it.
 */
export async function publicItemCaching(c: Context<WebEnv>, deps: AppDependencies, id: string, variant = ''): Promise<Response | undefined> {
  return publicCaching(c, deps, variant, await publicViewVersion(deps, id));
}

export const itemHref = (id: string) => `/items/${encodeURIComponent(id)}`;
export const categoryHref = (id: string) => `/proactive/${encodeURIComponent(id)}`;

export function shanghaiDay(instant: string): string {
  return shanghaiDateOf(instant);
}

function listingRow(item: PublicItem): ListingRow {
  return {
    href: itemHref(item.id),
    title: item.title,
    indexNumber: item.indexNumber,
    ...(item.documentNumber ? { documentNumber: item.documentNumber } : {}),
    issuer: item.issuer,
    date: shanghaiDay(item.publishedAt),
    validityLabel: item.validity.label,
    notValid: item.validity.status !== 'valid',
  };
}

function categoryLinks(catalogue: LoadedCatalogue, current?: string): CategoryLink[] {
  return catalogue.tree.all().map((n) => ({ href: categoryHref(n.id), name: n.name, depth: n.depth, current: n.id === current }));
}

const one = (v: string | undefined) => (v ?? '').trim();
const validityOf = (v: string | undefined): ValidityStatus | undefined => ((VALIDITY_STATUSES as readonly string[]).includes(v ?? '') ? (v as ValidityStatus) : undefined);
const yearOf = (v: string | undefined): number | undefined => (/^\d{4}$/.test(v ?? '') ? Number(v) : undefined);

/** The metadata block of gov.cn item pages (索引号/主题分类/发布机构/成文日期/标题/文号/发布日期/有效性). */
export function itemMetaRows(item: PublicItem, catalogue: LoadedCatalogue): MetaRow[] {
  const rows: MetaRow[] = [
    { label: '索引号', value: item.indexNumber },
    { label: '主题分类', value: item.subjectCategory ?? catalogue.tree.label(item.categoryId) },
    { label: '发布机构', value: [item.issuer, ...item.coIssuers].join('、') },
    { label: '成文日期', value: item.writtenOn ?? '—' },
    { label: '标题', value: item.title, wide: true },
    { label: '文号', value: item.documentNumber ?? '—' },
    { label: '发布日期', value: shanghaiDay(item.publishedAt) },
    { label: '有效性', value: item.validity.since ? `${item.validity.label}（${item.validity.since}起）` : item.validity.label },
    { label: '公开方式', value: item.disclosureAttributeLabel },
  ];
  if (item.effectiveOn) rows.push({ label: '实施日期', value: item.effectiveOn });
  if (item.validUntil) rows.push({ label: '有效期至', value: item.validUntil });
  if (item.keywords.length) rows.push({ label: '关键词', value: item.keywords.join('、') });
  if (item.summary) rows.push({ label: '内容概述', value: item.summary, wide: true });
  return rows;
}

export function portalRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();

  const listing = async (c: Context<WebEnv>, categoryId?: string) => {
    const cached = await publicCaching(c, deps);
    if (cached) return cached;
    const catalogue = await loadCatalogue(deps);
    const node = categoryId ? catalogue.tree.get(categoryId) : undefined;
    if (categoryId && !node) return c.notFound();
    const q = c.req.query();
    const order = q['order'] === 'oldest' ? 'oldest' : 'newest';
    const filters = { year: one(q['year']) || undefined, issuer: one(q['issuer']).slice(0, 60) || undefined, validity: validityOf(q['validity']), order } as const;
    const page = await listPublicItems(deps, {
      ...(categoryId ? { categoryId } : {}),
      ...(yearOf(filters.year) ? { year: yearOf(filters.year)! } : {}),
      ...(filters.issuer ? { issuer: filters.issuer } : {}),
      ...(filters.validity ? { validity: filters.validity } : {}),
      order,
      ...(q['cursor'] ? { cursor: q['cursor'] } : {}),
      limit: 20,
    });
    const action = categoryId ? categoryHref(categoryId) : '/proactive';
    const hrefWith = (cursor: string) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ year: filters.year, issuer: filters.issuer, validity: filters.validity, order: order === 'oldest' ? 'oldest' : undefined, cursor }))
        if (v) params.set(k, v);
      return `${action}?${params}`;
    };
    const thisYear = Number(shanghaiDateOf(deps.clock.now()).slice(0, 4));
    const years = Array.from({ length: 10 }, (_, i) => String(thisYear - i));
    const path = node ? catalogue.tree.path(node.id) : [];
    const feedBase = `/feeds/${categoryId ?? 'all'}`;
    return c.render(
      <ListingPage
        title={node ? node.name : '主动公开'}
        {...(node?.description ? { description: node.description } : {})}
        breadcrumbs={[
          { href: '/', label: '首页' },
          ...(node ? [{ href: '/proactive', label: '主动公开' }, ...path.slice(0, -1).map((n) => ({ href: categoryHref(n.id), label: n.name })), { label: node.name }] : [{ label: '主动公开' }]),
        ]}
        categories={categoryLinks(catalogue, categoryId)}
        rows={page.items.map((v) => listingRow(v.item))}
        filters={filters}
        years={years}
        issuers={issuersOf(page.items.map((v) => v.item))}
        action={action}
        {...(page.prev ? { prevHref: hrefWith(page.prev) } : {})}
        {...(page.next ? { nextHref: hrefWith(page.next) } : {})}
        feedHref={{ atom: `${feedBase}.atom`, rss: `${feedBase}.rss` }}
      />,
    );
  };

  app.get('/proactive', (c) => listing(c));
  app.get('/proactive/:category', (c) => listing(c, c.req.param('category')));

  app.get('/items/:id', async (c) => {
    const id = c.req.param('id');
    const cached = await publicItemCaching(c, deps, id);
    if (cached) return cached;
    const catalogue = await loadCatalogue(deps);
    const view = await getPublicItem(deps, id);
    const item = view.item;
    const related = (await relatedToItem(deps, item)).map(({ to, title, kind }) => ({
      href: 'item' in to ? itemHref(to.item) : `/clarifications/${encodeURIComponent(to.clarification)}`,
      title,
      kind,
    }));
    const path = catalogue.tree.path(item.categoryId);
    return c.render(
      <ItemPage
        breadcrumbs={[{ href: '/', label: '首页' }, { href: '/proactive', label: '主动公开' }, ...path.map((n) => ({ href: categoryHref(n.id), label: n.name })), { label: item.title }]}
        title={item.title}
        meta={itemMetaRows(item, catalogue)}
        bodyHtml={deps.content.markdownToHtml(item.body, { headingOffset: 1 })}
        {...(item.validity.status !== 'valid'
          ? { validityNotice: `本文件已${item.validity.label}${item.validity.since ? `（${item.validity.since}起）` : ''}，仅供查阅。${item.validity.note ?? ''}` }
          : {})}
        attachments={view.files.map((f) => ({ name: f.name, href: f.url, size: formatBytes(f.size), type: describeContentType(f.contentType) }))}
        revisions={item.revisions.map((r) => ({ version: r.version, date: shanghaiDay(r.publishedAt), current: r.version === item.version, ...(r.corrected ? { corrected: r.corrected } : {}) }))}
        related={related}
      />,
    );
  });

  app.get('/search', async (c) => {
    // Results change with the search snapshot too, which follows the stamp by an effect's delay.
    const cached = await publicCaching(c, deps, `search-${await searchRevision(deps)}`);
    if (cached) return cached;
    const catalogue = await loadCatalogue(deps);
    const q = c.req.query();
    const query = one(q['q']).slice(0, 100);
    const category = one(q['category']);
    const year = yearOf(one(q['year']));
    const validity = validityOf(q['validity']);
    const sort = q['sort'] === 'date' ? 'date' : 'relevance';
    const pageNo = Math.min(Math.max(Number(q['page']) || 1, 1), 50);
    const perPage = 10;
    const searched = query !== '' || Boolean(category) || Boolean(year) || Boolean(validity);
    const filters = {
      ...(category && catalogue.tree.has(category) ? { categoryIds: catalogue.tree.subtreeIds(category) } : {}),
      ...(year ? { year } : {}),
      ...(validity ? { validity } : {}),
    };
    const result = searched ? await searchCatalogue(deps, query, { ...filters, sort, offset: (pageNo - 1) * perPage, limit: perPage }) : undefined;
    const href = (over: Record<string, string | undefined>) => {
      const params = new URLSearchParams();
      const all = { q: query, category: category || undefined, year: year ? String(year) : undefined, validity, sort: sort === 'date' ? 'date' : undefined, ...over };
      for (const [k, v] of Object.entries(all)) if (v) params.set(k, v);
      return `/search?${params}`;
    };
    const total = result?.total ?? 0;
    return c.render(
      <SearchPage
        query={query}
        categories={catalogue.tree.all().map((n) => ({ value: n.id, label: `${'　'.repeat(n.depth - 1)}${n.name}` }))}
        filters={{ ...(category ? { category } : {}), ...(year ? { year: String(year) } : {}), ...(validity ? { validity } : {}), sort }}
        searched={searched}
        total={total}
        relaxed={result?.mode === 'any'}
        hits={(result?.hits ?? []).map((h) => ({
          href: itemHref(h.id),
          titleHtml: h.titleHtml,
          snippetHtml: h.snippetHtml,
          meta: [h.indexNumber, h.documentNumber, h.issuers[0], shanghaiDay(h.publishedAt)].filter(Boolean).join(' · '),
          ...(h.validity !== 'valid' ? { validityLabel: h.validity === 'invalid' ? '失效' : '废止' } : {}),
        }))}
        {...(result?.help
          ? {
              help: {
                message: result.help.message,
                suggestions: result.help.suggestions.map((s) => ({
                  href: s.reason === 'no-filters' ? `/search?${new URLSearchParams({ q: s.query })}` : href({ q: s.query, page: undefined }),
                  label: s.query,
                  count: s.count,
                })),
                categories: result.help.relatedCategories.map((r) => ({
                  href: href({ category: r.categoryId, page: undefined }),
                  label: catalogue.tree.label(r.categoryId) || r.categoryId,
                  count: r.count,
                })),
              },
            }
          : {})}
        {...(pageNo > 1 ? { prevHref: href({ page: String(pageNo - 1) }) } : {})}
        {...(total > pageNo * perPage && pageNo < 50 ? { nextHref: href({ page: String(pageNo + 1) }) } : {})}
      />,
    );
  });

  // 政府信息公开年报 (Arts. 49-50) are published as catalogue items in their own category.
  app.get('/reports', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.redirect('/proactive/annual-reports', 301);
  });

  app.get('/guide', async (c) => {
    const cached = await publicCaching(c, deps, 'guide');
    if (cached) return cached;
    const catalogue = await loadCatalogue(deps);
    const profile = catalogue.settings.profile;
    const office: MetaRow[] = profile
      ? [
          { label: '机构名称', value: profile.disclosureOffice.name },
          { label: '办公地址', value: profile.disclosureOffice.address ?? profile.address },
          { label: '办公时间', value: profile.officeHours },
          { label: '联系电话', value: profile.disclosureOffice.phone ?? profile.phone },
          { label: '电子邮箱', value: profile.email },
          { label: '行政复议机关', value: profile.reconsiderationBody.name },
        ]
      : [];
    return c.render(
      <GuidePage
        guideHtml={deps.content.markdownToHtml(catalogue.settings.guide, { headingOffset: 0 })}
        office={office}
        categories={catalogue.tree
          .all()
          .map((n) => ({ name: n.name, depth: n.depth, ...(n.description ? { description: n.description } : {}), ...(n.legalBasis ? { legalBasis: n.legalBasis } : {}) }))}
      />,
    );
  });

  return app;
}
