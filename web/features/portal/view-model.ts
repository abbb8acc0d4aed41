import type { getPublicItem, ListingPage, LoadedCatalogue, RelatedLink } from '#application/catalogue';
import { issuersOf } from '#application/catalogue';
import type { searchCatalogue } from '#application/search';
import { shanghaiDateOf, VALIDITY_LABELS, VALIDITY_STATUSES, type PublicItem, type ValidityStatus } from '#domain/catalogue';
import type { MetaRow } from '#web/views/components/MetaTable';
import { describeContentType, formatBytes } from '#web/views/format';
import type { BreadcrumbItem } from '#web/views/types';

export const itemHref = (id: string) => `/items/${encodeURIComponent(id)}`;
export const categoryHref = (id: string) => `/proactive/${encodeURIComponent(id)}`;

/** `path?query` with the parameters that have a value, in their order. */
function queryHref(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return `${path}?${query}`;
}

/** Query parameters as the public pages read them: trimmed text, a validity, a four-digit year. */
const one = (v: string | undefined) => (v ?? '').trim();
const validityOf = (v: string | undefined): ValidityStatus | undefined => ((VALIDITY_STATUSES as readonly string[]).includes(v ?? '') ? (v as ValidityStatus) : undefined);
export const yearOf = (v: string | undefined): number | undefined => (/^\d{4}$/.test(v ?? '') ? Number(v) : undefined);

/** 首页 › 主动公开 › the category's ancestors, then `last` (a category's or an item's own title). */
function catalogueCrumbs(catalogue: LoadedCatalogue, categoryId: string | undefined, last?: string): BreadcrumbItem[] {
  const path = categoryId ? catalogue.tree.path(categoryId) : [];
  const crumbs = [{ href: '/', label: '首页' }, { href: '/proactive', label: '主动公开' }, ...path.map((n) => ({ href: categoryHref(n.id), label: n.name }))];
  if (last === undefined) return [...crumbs.slice(0, -1), { label: crumbs.at(-1)!.label }];
  return [...crumbs, { label: last }];
}

/** The listing's filters as the query string asks for them. */
export function listingFilters(q: Record<string, string>) {
  const order: 'newest' | 'oldest' = q['order'] === 'oldest' ? 'oldest' : 'newest';
  return { year: one(q['year']) || undefined, issuer: one(q['issuer']).slice(0, 60) || undefined, validity: validityOf(q['validity']), order };
}

/** 主动公开 listing of a category (or of every item): its navigation, filters, a page of items, paging and feeds. */
export function listingView(catalogue: LoadedCatalogue, categoryId: string | undefined, filters: ReturnType<typeof listingFilters>, page: ListingPage, thisYear: number) {
  const node = categoryId ? catalogue.tree.get(categoryId) : undefined;
  const action = categoryId ? categoryHref(categoryId) : '/proactive';
  const hrefWith = (cursor: string) => queryHref(action, { ...filters, order: filters.order === 'oldest' ? 'oldest' : undefined, cursor });
  const feedBase = `/feeds/${categoryId ?? 'all'}`;
  return {
    title: node ? node.name : '主动公开',
    description: node?.description,
    breadcrumbs: catalogueCrumbs(catalogue, node?.id),
    categories: catalogue.tree.all().map((n) => ({ href: categoryHref(n.id), name: n.name, depth: n.depth, current: n.id === categoryId })),
    // notValid (失效/废止) shows the validity as a badge.
    rows: page.items.map(({ item }) => ({
      href: itemHref(item.id),
      title: item.title,
      indexNumber: item.indexNumber,
      documentNumber: item.documentNumber,
      issuer: item.issuer,
      date: shanghaiDateOf(item.publishedAt),
      validityLabel: item.validity.label,
      notValid: item.validity.status !== 'valid',
    })),
    filters,
    years: Array.from({ length: 10 }, (_, i) => String(thisYear - i)),
    issuers: issuersOf(page.items.map((v) => v.item)),
    action,
    prevHref: page.prev && hrefWith(page.prev),
    nextHref: page.next && hrefWith(page.next),
    feedHref: { atom: `${feedBase}.atom`, rss: `${feedBase}.rss` },
  };
}

/** The metadata block of gov.cn item pages (索引号/主题分类/发布机构/成文日期/标题/文号/发布日期/有效性). */
function itemMetaRows(item: PublicItem, catalogue: LoadedCatalogue): MetaRow[] {
  const rows: MetaRow[] = [
    { label: '索引号', value: item.indexNumber },
    { label: '主题分类', value: item.subjectCategory ?? catalogue.tree.label(item.categoryId) },
    { label: '发布机构', value: [item.issuer, ...item.coIssuers].join('、') },
    { label: '成文日期', value: item.writtenOn ?? '—' },
    { label: '标题', value: item.title, wide: true },
    { label: '文号', value: item.documentNumber ?? '—' },
    { label: '发布日期', value: shanghaiDateOf(item.publishedAt) },
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

/** An item page; `bodyHtml` is safe HTML from adapters/markdown (raw HTML disabled there). */
export function itemView(catalogue: LoadedCatalogue, { item, files }: Awaited<ReturnType<typeof getPublicItem>>, related: readonly RelatedLink[], bodyHtml: string) {
  const { validity } = item;
  return {
    breadcrumbs: catalogueCrumbs(catalogue, item.categoryId, item.title),
    title: item.title,
    meta: itemMetaRows(item, catalogue),
    bodyHtml,
    validityNotice: validity.status === 'valid' ? undefined : `本文件已${validity.label}${validity.since ? `（${validity.since}起）` : ''}，仅供查阅。${validity.note ?? ''}`,
    attachments: files.map((f) => ({ name: f.name, href: f.url, size: formatBytes(f.size), type: describeContentType(f.contentType) })),
    revisions: item.revisions.map((r) => ({ version: r.version, date: shanghaiDateOf(r.publishedAt), current: r.version === item.version, corrected: r.corrected })),
    related: related.map(({ to, title, kind }) => ({ href: 'item' in to ? itemHref(to.item) : `/clarifications/${encodeURIComponent(to.clarification)}`, title, kind })),
  };
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

/** The search page: the form as asked, the results (titles and snippets are escaped HTML with <mark>), suggestions and paging. */
export function searchView(asked: ReturnType<typeof searchQuery>, result: Awaited<ReturnType<typeof searchCatalogue>> | undefined, catalogue: LoadedCatalogue) {
  const total = result?.total ?? 0;
  const { query, category, year, validity, sort, href, page } = asked;
  return {
    query,
    categories: catalogue.tree.all().map((n) => ({ value: n.id, label: `${'　'.repeat(n.depth - 1)}${n.name}` })),
    filters: { category: category || undefined, year: year ? String(year) : undefined, validity, sort },
    searched: asked.searched,
    total,
    relaxed: result?.mode === 'any',
    hits: (result?.hits ?? []).map((h) => ({
      href: itemHref(h.id),
      titleHtml: h.titleHtml,
      snippetHtml: h.snippetHtml,
      meta: [h.indexNumber, h.documentNumber, h.issuers[0], shanghaiDateOf(h.publishedAt)].filter(Boolean).join(' · '),
      validityLabel: h.validity === 'valid' ? undefined : VALIDITY_LABELS[h.validity],
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

/** 政府信息公开指南: the admin-edited text (safe HTML from adapters/markdown), the disclosure office and the catalogue's structure. */
export function guideView(catalogue: LoadedCatalogue, guideHtml: string) {
  const profile = catalogue.settings.profile;
  const office: MetaRow[] = profile
    ? [
        { label: '机构名称', value: profile.disclosureOffice.name },
        { label: '办公地址', value: profile.disclosureOffice.address ?? profile.address },
        { label: '办公时间', value: profile.officeHours },
        { label: '联系电话', value: profile.disclosureOffice.phone ?? profile.phone },
        { label: '电子邮箱', value: profile.email },
        { label: '行政复议机关', value: profile.reconsiderationBody.name },
        ...(profile.court ? [{ label: '行政诉讼管辖法院', value: profile.court }] : []),
      ]
    : [];
  return { guideHtml, office, categories: catalogue.tree.all().map((n) => ({ name: n.name, depth: n.depth, description: n.description, legalBasis: n.legalBasis })) };
}

export type ListingView = ReturnType<typeof listingView>;
export type ItemView = ReturnType<typeof itemView>;
export type SearchView = ReturnType<typeof searchView>;
export type GuideView = ReturnType<typeof guideView>;
