import type { LoadedCatalogue } from '#application/catalogue';
import type { searchCatalogue } from '#application/search';
import { shanghaiDateOf, VALIDITY_STATUSES, type PublicItem, type ValidityStatus } from '#domain/catalogue';
import type { MetaRow } from '#web/views/components/MetaTable';
import type { BreadcrumbItem } from '#web/views/types';
import type { SearchPageProps } from './pages';

export const itemHref = (id: string) => `/items/${encodeURIComponent(id)}`;
export const categoryHref = (id: string) => `/proactive/${encodeURIComponent(id)}`;
export const shanghaiDay = (instant: string): string => shanghaiDateOf(instant);

/** `path?query` with the parameters that have a value, in their order. */
export function queryHref(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return `${path}?${query}`;
}

/** Query parameters as the public pages read them: trimmed text, a validity, a four-digit year. */
export const one = (v: string | undefined) => (v ?? '').trim();
export const validityOf = (v: string | undefined): ValidityStatus | undefined => ((VALIDITY_STATUSES as readonly string[]).includes(v ?? '') ? (v as ValidityStatus) : undefined);
export const yearOf = (v: string | undefined): number | undefined => (/^\d{4}$/.test(v ?? '') ? Number(v) : undefined);

/** A line of a listing; notValid (失效/废止) shows the validity as a badge. */
export function listingRow(item: PublicItem) {
  return {
    href: itemHref(item.id),
    title: item.title,
    indexNumber: item.indexNumber,
    documentNumber: item.documentNumber,
    issuer: item.issuer,
    date: shanghaiDay(item.publishedAt),
    validityLabel: item.validity.label,
    notValid: item.validity.status !== 'valid',
  };
}

export function categoryLinks(catalogue: LoadedCatalogue, current?: string) {
  return catalogue.tree.all().map((n) => ({ href: categoryHref(n.id), name: n.name, depth: n.depth, current: n.id === current }));
}

export type ListingRow = ReturnType<typeof listingRow>;
export type CategoryLink = ReturnType<typeof categoryLinks>[number];

/** 首页 › 主动公开 › the category's ancestors, then `last` (a category's or an item's own title). */
export function catalogueCrumbs(catalogue: LoadedCatalogue, categoryId: string | undefined, last?: string): BreadcrumbItem[] {
  const path = categoryId ? catalogue.tree.path(categoryId) : [];
  const crumbs = [{ href: '/', label: '首页' }, { href: '/proactive', label: '主动公开' }, ...path.map((n) => ({ href: categoryHref(n.id), label: n.name }))];
  if (last === undefined) return [...crumbs.slice(0, -1), { label: crumbs.at(-1)!.label }];
  return [...crumbs, { label: last }];
}

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
  const optional: [string, string | undefined, boolean?][] = [
    ['实施日期', item.effectiveOn],
    ['有效期至', item.validUntil],
    ['关键词', item.keywords.join('、')],
    ['内容概述', item.summary, true],
  ];
  for (const [label, value, wide] of optional) if (value) rows.push({ label, value, ...(wide ? { wide } : {}) });
  return rows;
}

/** What the search form asked for, read from the query string. */
export function searchQuery(q: Record<string, string>) {
  const query = one(q['q']).slice(0, 100);
  const category = one(q['category']);
  const year = yearOf(one(q['year']));
  const validity = validityOf(q['validity']);
  const sort: 'relevance' | 'date' = q['sort'] === 'date' ? 'date' : 'relevance';
  const page = Math.min(Math.max(Number(q['page']) || 1, 1), 50);
  /** This search with some parameters changed (a page, a suggested query, a category). */
  const href = (over: Record<string, string | undefined>) =>
    queryHref('/search', { q: query, category: category || undefined, year: year ? String(year) : undefined, validity, sort: sort === 'date' ? 'date' : undefined, ...over });
  return { query, category, year, validity, sort, page, searched: query !== '' || Boolean(category) || Boolean(year) || Boolean(validity), href };
}

export const SEARCH_PER_PAGE = 10;

/** The search page's results, suggestions and paging. */
export function searchResults(
  asked: ReturnType<typeof searchQuery>,
  result: Awaited<ReturnType<typeof searchCatalogue>> | undefined,
  catalogue: LoadedCatalogue,
): Pick<SearchPageProps, 'total' | 'relaxed' | 'hits' | 'help' | 'prevHref' | 'nextHref'> {
  const total = result?.total ?? 0;
  const { href, page } = asked;
  return {
    total,
    relaxed: result?.mode === 'any',
    hits: (result?.hits ?? []).map((h) => ({
      href: itemHref(h.id),
      titleHtml: h.titleHtml,
      snippetHtml: h.snippetHtml,
      meta: [h.indexNumber, h.documentNumber, h.issuers[0], shanghaiDay(h.publishedAt)].filter(Boolean).join(' · '),
      validityLabel: h.validity === 'valid' ? undefined : h.validity === 'invalid' ? '失效' : '废止',
    })),
    help: result?.help && {
      message: result.help.message,
      suggestions: result.help.suggestions.map((s) => ({
        href: s.reason === 'no-filters' ? queryHref('/search', { q: s.query }) : href({ q: s.query, page: undefined }),
        label: s.query,
        count: s.count,
      })),
      categories: result.help.relatedCategories.map((r) => ({ href: href({ category: r.categoryId, page: undefined }), label: catalogue.tree.label(r.categoryId) || r.categoryId, count: r.count })),
    },
    prevHref: page > 1 ? href({ page: String(page - 1) }) : undefined,
    nextHref: total > page * SEARCH_PER_PAGE && page < 50 ? href({ page: String(page + 1) }) : undefined,
  };
}
