/**
 * The public read side. Everything here reads ONLY the materialised public views (PUBITEM#…),
 * which are written from the published projection in the same commit as the item change; a draft,
 * a version under review or a withdrawn item has no view (or a view with `item: null`).
 */
import { addCalendarDays } from '#domain/calendar';
import { shanghaiDateOf, VALIDITY_LABELS, type PublicItem, type ValidityStatus } from '#domain/catalogue';
import { NotFoundError } from '#domain/errors';
import { ItemRepository, listingSortKey, type ListingScope, type PublicView } from '#repositories/items';

export type { PublicView };
import { ClarificationRepository } from '#repositories/clarifications';
import type { AppDependencies } from '../context';
import { loadCatalogue } from './settings';

type Deps = Pick<AppDependencies, 'records' | 'clock'>;

/** 有效期至 passing needs no write: the shown validity is recomputed on read (as the projection does). */
export function withCurrentValidity(item: PublicItem, today: string): PublicItem {
  if (item.validity.status === 'valid' && item.validUntil && item.validUntil < today) {
    return { ...item, validity: { status: 'invalid', label: VALIDITY_LABELS.invalid, since: addCalendarDays(item.validUntil as never, 1) } };
  }
  return item;
}

export interface PublicItemPage {
  readonly view: PublicView & { readonly item: PublicItem };
}

export async function getPublicItem(deps: Deps, id: string): Promise<PublicView & { item: PublicItem }> {
  const view = await new ItemRepository(deps.records).getView(id);
  if (!view || !view.data.item) throw new NotFoundError('该信息不存在或已撤回。');
  return { ...view.data, item: withCurrentValidity(view.data.item, shanghaiDateOf(deps.clock.now())) };
}

/** The version of an item's public view, for its ETag; a withdrawn or unknown item is a 404. */
export async function publicViewVersion(deps: Pick<AppDependencies, 'records'>, id: string): Promise<number> {
  const view = await new ItemRepository(deps.records).getView(id);
  if (!view?.data.item) throw new NotFoundError('该信息不存在或已撤回。');
  return view.version;
}

/** Something an item page links to; the web layer turns it into a URL. */
export interface RelatedLink {
  readonly to: { readonly item: string } | { readonly clarification: string };
  readonly title: string;
  readonly kind: string;
}

/** What an item page links to: its related public items (up to 20) and the clarifications about it. */
export async function relatedToItem(deps: Pick<AppDependencies, 'records'>, item: PublicItem): Promise<RelatedLink[]> {
  const repo = new ItemRepository(deps.records);
  const related: RelatedLink[] = [];
  const relatedIds: [string, string][] = [
    ...item.related.interpretations.map((x) => [x, '政策解读'] as [string, string]),
    ...item.related.clarifications.map((x) => [x, '澄清说明'] as [string, string]),
    ...item.related.others.map((x) => [x, '相关文件'] as [string, string]),
  ];
  for (const [rid, kind] of relatedIds.slice(0, 20)) {
    const r = await repo.getView(rid);
    if (r?.data.item) related.push({ to: { item: rid }, title: r.data.item.title, kind });
  }
  for (const link of await new ClarificationRepository(deps.records).linksFor(item.id)) {
    related.push({ to: { clarification: link.clarificationId }, title: link.title, kind: '澄清说明' });
  }
  return related;
}

export interface ListingQuery {
  readonly categoryId?: string;
  readonly year?: number;
  readonly issuer?: string;
  readonly validity?: ValidityStatus;
  readonly order?: 'newest' | 'oldest';
  /** `a.<sortKey>` (after) or `b.<sortKey>` (before), from a previous page. */
  readonly cursor?: string;
  readonly limit?: number;
}

export interface ListingPage {
  readonly items: (PublicView & { item: PublicItem })[];
  readonly next?: string;
  readonly prev?: string;
}

const MAX_SCAN = 2_000;
const encodeCursor = (dir: 'a' | 'b', sk: string) => `${dir}.${Buffer.from(sk, 'utf8').toString('base64url')}`;
function decodeCursor(cursor: string | undefined): { dir: 'a' | 'b'; sk: string } | undefined {
  const m = cursor?.match(/^([ab])\.([A-Za-z0-9_-]{1,400})$/);
  if (!m) return undefined;
  return { dir: m[1] as 'a' | 'b', sk: Buffer.from(m[2]!, 'base64url').toString('utf8') };
}

/** UTC instants bounding a Beijing calendar year (sort keys are UTC ISO instants). */
function yearBounds(year: number): [string, string] {
  return [new Date(Date.UTC(year - 1, 11, 31, 16)).toISOString(), new Date(Date.UTC(year, 11, 31, 16)).toISOString()];
}

/**
 * A listing page with cursor pagination (no offsets): newest or oldest first, within a category
 * (its subtree), a year (a key range), an issuer and a validity (filtered while reading). The
 * cursor is the sort key of the last item shown, so pages are stable while items are published.
 */
export async function listPublicItems(deps: Deps, query: ListingQuery): Promise<ListingPage> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const today = shanghaiDateOf(deps.clock.now());
  const catalogue = await loadCatalogue(deps);
  let scope: ListingScope = { all: true };
  let subtree: Set<string> | undefined;
  if (query.categoryId) {
    const node = catalogue.tree.get(query.categoryId);
    if (!node) throw new NotFoundError('该目录分类不存在。');
    if (node.children.length === 0) scope = { category: node.id };
    else {
      const root = catalogue.tree.path(node.id)[0]!;
      scope = { root: root.id };
      if (root.id !== node.id) subtree = new Set(catalogue.tree.subtreeIds(node.id));
    }
  }
  const cursor = decodeCursor(query.cursor);
  const newestFirst = (query.order ?? 'newest') === 'newest';
  // Reading "before" a cursor walks the other way and reverses at the end.
  const descending = cursor?.dir === 'b' ? !newestFirst : newestFirst;
  let [lo, hi] = query.year ? yearBounds(query.year) : ['0', '~'];
  if (cursor) {
    if (descending) hi = cursor.sk < hi ? cursor.sk : hi;
    else lo = cursor.sk > lo ? cursor.sk : lo;
  }
  const matches = (v: PublicView): v is PublicView & { item: PublicItem } => {
    const item = v.item;
    if (!item) return false;
    if (subtree && !subtree.has(item.categoryId)) return false;
    if (query.issuer && item.issuer !== query.issuer && !item.coIssuers.includes(query.issuer)) return false;
    if (query.validity && withCurrentValidity(item, today).validity.status !== query.validity) return false;
    return true;
  };
  const found: (PublicView & { item: PublicItem })[] = [];
  let storeCursor: string | undefined;
  let scanned = 0;
  let lastScanned: string | undefined;
  let exhausted = false;
  const repo = new ItemRepository(deps.records);
  while (found.length <= limit && scanned < MAX_SCAN) {
    const page = await repo.listing(scope, {
      between: [lo, hi],
      descending,
      limit: subtree || query.issuer || query.validity ? Math.min(100, (limit + 1) * 3) : limit + 1,
      ...(storeCursor ? { cursor: storeCursor } : {}),
    });
    for (const r of page.items) {
      if (!r.data.item) continue;
      const sk = listingSortKey(r.data.item);
      if (cursor && sk === cursor.sk) continue;
      scanned++;
      lastScanned = sk;
      if (matches(r.data)) found.push({ ...r.data, item: withCurrentValidity(r.data.item, today) });
      if (found.length > limit) break;
    }
    if (!page.cursor) {
      exhausted = found.length <= limit;
      break;
    }
    storeCursor = page.cursor;
  }
  const more = found.length > limit || (!exhausted && scanned >= MAX_SCAN);
  const shown = found.slice(0, limit);
  const edge = shown.length > 0 ? listingSortKey(shown[shown.length - 1]!.item) : lastScanned;
  if (cursor?.dir === 'b') {
    shown.reverse();
    return {
      items: shown,
      ...(shown.length ? { next: encodeCursor('a', listingSortKey(shown[shown.length - 1]!.item)) } : {}),
      ...(more && edge ? { prev: encodeCursor('b', edge) } : {}),
    };
  }
  return {
    items: shown,
    ...(more && edge ? { next: encodeCursor('a', edge) } : {}),
    ...(cursor && shown.length ? { prev: encodeCursor('b', listingSortKey(shown[0]!.item)) } : {}),
  };
}

/** Newest public items (home page, feeds). */
export async function latestPublicItems(deps: Deps, limit = 10, categoryId?: string): Promise<PublicItem[]> {
  const page = await listPublicItems(deps, { limit, ...(categoryId ? { categoryId } : {}) });
  return page.items.map((v) => v.item);
}

/** Every public item, oldest first (sitemap; 50k URLs per sitemap file). */
export async function allPublicItems(deps: Deps, max = 50_000): Promise<PublicItem[]> {
  const out: PublicItem[] = [];
  const today = shanghaiDateOf(deps.clock.now());
  let cursor: string | undefined;
  do {
    const page = await new ItemRepository(deps.records).publicViews(500, cursor);
    for (const r of page.items) if (r.data.item) out.push(withCurrentValidity(r.data.item, today));
    cursor = page.cursor;
  } while (cursor && out.length < max);
  return out;
}

/** Issuers seen on a listing page's items, for the filter select (cheap: from the page itself). */
export function issuersOf(items: readonly PublicItem[]): string[] {
  return [...new Set(items.flatMap((i) => [i.issuer, ...i.coIssuers]))].sort();
}
