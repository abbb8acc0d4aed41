/**
 * Atom 1.0, RSS 2.0 and sitemap.xml (presentation, like the HTML pages) from published projections only (catalogue/projection.ts):
 * a withdrawn or not-yet-public item is simply not in the input. Everything is XML-escaped,
 * characters XML 1.0 forbids are dropped, URLs are absolute, and dates are Beijing time
 * (RFC 3339 with +08:00 for Atom and sitemaps, RFC 822 with +0800 for RSS).
 */
import type { PublicItem } from '#domain/catalogue/projection';
import { toShanghaiRfc3339, toShanghaiRfc822, type Instant } from '#domain/calendar/instant';

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface FeedConfig {
  /** Absolute site origin and base path, e.g. https://www.example.gov.cn/xxgk/ */
  readonly siteUrl: string;
  readonly title: string;
  readonly description: string;
  /** Path of this feed (for rel="self"), e.g. feeds/atom.xml */
  readonly selfPath: string;
  /** Path of an item page, e.g. (item) => `items/${item.id}` */
  readonly itemPath: (item: PublicItem) => string;
  /** Category id → name, for <category>. */
  readonly categoryName?: (id: string) => string | undefined;
  /** Agency name (Atom author). */
  readonly author: string;
  /** At most this many newest items (default 50). */
  readonly limit?: number;
}

/** Resolves a path against the site URL; throws unless the site URL is absolute http(s). */
export function absoluteUrl(siteUrl: string, path: string): string {
  const base = new URL(siteUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`siteUrl must be http(s): ${siteUrl}`);
  return new URL(path.replace(/^\/+/, ''), base.href.endsWith('/') ? base.href : `${base.href}/`).href;
}

/** The newest items, each with its page's URL and category name, and the feed's own and home URLs. */
function feedOf(items: readonly PublicItem[], config: FeedConfig) {
  const newest = [...items].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? -1 : 1)).slice(0, config.limit ?? 50);
  const entries = newest.map((item) => ({ item, url: absoluteUrl(config.siteUrl, config.itemPath(item)), cat: config.categoryName?.(item.categoryId) }));
  return { entries, self: absoluteUrl(config.siteUrl, config.selfPath), home: absoluteUrl(config.siteUrl, '') };
}

/** Entry summary: status first for 失效/废止 items, then 内容概述 (or 文号). */
function summaryOf(item: PublicItem): string {
  const status = item.validity.status === 'valid' ? '' : `【${item.validity.label}${item.validity.since ? `（${item.validity.since}）` : ''}】`;
  const parts = [item.documentNumber, item.summary].filter((x): x is string => Boolean(x));
  return status + parts.join(' ');
}

/**
 * Atom 1.0. `updated` of the feed is the newest entry's, so the output is deterministic (a fixed
 * `emptyUpdated` is used when there are no items).
 */
export function buildAtomFeed(items: readonly PublicItem[], config: FeedConfig, emptyUpdated: Instant = '2000-01-01T00:00:00+08:00'): string {
  const { entries, self, home } = feedOf(items, config);
  const updated = toShanghaiRfc3339(entries[0]?.item.updatedAt ?? emptyUpdated);
  const entriesXml = entries.map(({ item, url, cat }) =>
    [
      '  <entry>',
      `    <title>${escapeXml(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <published>${toShanghaiRfc3339(item.publishedAt)}</published>`,
      `    <updated>${toShanghaiRfc3339(item.updatedAt)}</updated>`,
      `    <author><name>${escapeXml(item.issuer)}</name></author>`,
      ...(cat ? [`    <category term="${escapeXml(item.categoryId)}" label="${escapeXml(cat)}"/>`] : []),
      `    <summary type="text">${escapeXml(summaryOf(item))}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escapeXml(config.title)}</title>`,
    `  <subtitle>${escapeXml(config.description)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    `  <id>${escapeXml(self)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(config.author)}</name></author>`,
    ...entriesXml,
    '</feed>',
    '',
  ].join('\n');
}

/** RSS 2.0 (with atom:link rel="self", as feed validators recommend). */
export function buildRssFeed(items: readonly PublicItem[], config: FeedConfig): string {
  const { entries, self, home } = feedOf(items, config);
  const itemsXml = entries.map(({ item, url, cat }) =>
    [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `      <pubDate>${toShanghaiRfc822(item.updatedAt)}</pubDate>`,
      ...(cat ? [`      <category>${escapeXml(cat)}</category>`] : []),
      `      <description>${escapeXml(summaryOf(item))}</description>`,
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(config.title)}</title>`,
    `    <link>${escapeXml(home)}</link>`,
    `    <description>${escapeXml(config.description)}</description>`,
    '    <language>zh-cn</language>',
    `    <atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    ...(entries[0] ? [`    <lastBuildDate>${toShanghaiRfc822(entries[0].item.updatedAt)}</lastBuildDate>`] : []),
    ...itemsXml,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

export interface SitemapEntry {
  /** Path relative to the site URL, or an absolute URL on the same site. */
  readonly path: string;
  readonly lastmod?: Instant;
}

/** The sitemap protocol's limit per file; split larger sets and list the files in a sitemap index. */
export const SITEMAP_MAX_URLS = 50_000;

/** Item pages plus any fixed pages (guide, catalogue, annual reports). */
export function sitemapEntriesFor(items: readonly PublicItem[], itemPath: (item: PublicItem) => string, fixed: readonly SitemapEntry[] = []): SitemapEntry[] {
  return [...fixed, ...items.map((item) => ({ path: itemPath(item), lastmod: item.updatedAt }))];
}

export function buildSitemap(siteUrl: string, entries: readonly SitemapEntry[]): string {
  if (entries.length > SITEMAP_MAX_URLS) throw new Error(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs; got ${entries.length}. Use chunkSitemapEntries and buildSitemapIndex.`);
  const site = new URL(absoluteUrl(siteUrl, ''));
  const urls = entries.map((e) => {
    const loc = /^https?:\/\//i.test(e.path) ? new URL(e.path).href : absoluteUrl(siteUrl, e.path);
    if (new URL(loc).origin !== site.origin) throw new Error(`Sitemap URL outside the site: ${loc}`);
    return `  <url><loc>${escapeXml(loc)}</loc>${e.lastmod ? `<lastmod>${toShanghaiRfc3339(e.lastmod)}</lastmod>` : ''}</url>`;
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

export function chunkSitemapEntries(entries: readonly SitemapEntry[], size = SITEMAP_MAX_URLS): SitemapEntry[][] {
  const out: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += size) out.push(entries.slice(i, i + size));
  return out;
}

export function buildSitemapIndex(siteUrl: string, sitemaps: readonly SitemapEntry[]): string {
  const items = sitemaps.map((s) => `  <sitemap><loc>${escapeXml(absoluteUrl(siteUrl, s.path))}</loc>${s.lastmod ? `<lastmod>${toShanghaiRfc3339(s.lastmod)}</lastmod>` : ''}</sitemap>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...items, '</sitemapindex>', ''].join('\n');
}
