/**
 * Search over the published catalogue (domain/search), deployed serverless-style:
 *
 * - The whole index is ONE gzip'd JSON snapshot object in the private bucket; a small pointer item
 *   in the table names the current object and carries a revision.
 * - Writers (the effects processor after a commit, the daily rebuild) never overwrite the current
 *   object: they read the pointer at revision n and its snapshot, apply their change, write a NEW
 *   object and swap the pointer n → n + 1 conditionally. A writer that lost the race re-reads and
 *   tries again, so two publications at the same instant can no longer lose one of them.
 * - The change an item's effect applies is read from the item's public view inside that loop, so a
 *   late or repeated effect writes the view as committed now, never an outdated one.
 * - Readers keep the snapshot in memory and re-read the pointer at most every few seconds.
 *   Results are checked against the public views before they are shown: a withdrawn item is never
 *   a search result, even in the seconds before its effect has run.
 *
 * Where it stops scaling (see domain/search/search-index.ts for the measurements): the snapshot
 * grows linearly with the text (~27 MB JSON / 2 MB gzip for 10k items); past ~50k items a cold
 * load and the heap become uncomfortable for Lambda and rebuilds take minutes. The replacement is
 * Amazon OpenSearch (Serverless) with the IK/smartcn analyzer fed from the same public views.
 */
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PublicItem } from '#domain/catalogue';
import { SearchIndex, searchDocumentFromProjection, type SearchDocument, type SearchOptions, type SearchResponse } from '#domain/search';
import type { PrivateFileStore } from '#ports/file-store';
import { ItemRepository } from '#repositories/items';
import { SearchPointerRepository } from '#repositories/search-pointer';
import type { AppDependencies } from '../context';

export const SEARCH_SNAPSHOT_PREFIX = 'search/';
/** Readers look at the pointer at most this often. */
export const POINTER_TTL_MS = 5_000;
const MAX_SWAP_ATTEMPTS = 12;

type Deps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'content'>;

async function readSnapshot(files: PrivateFileStore, objectKey: string | undefined): Promise<SearchIndex> {
  if (!objectKey) return new SearchIndex();
  const bytes = await files.get(objectKey);
  if (!bytes) throw new Error(`search snapshot ${objectKey} is missing`);
  return SearchIndex.deserialize(gunzipSync(bytes).toString('utf8'));
}

/** The snapshot object a pointer revision may name (a random part: racing writers never share one). */
export const snapshotKey = (rev: number) => `${SEARCH_SNAPSHOT_PREFIX}index-${String(rev).padStart(10, '0')}-${randomBytes(6).toString('hex')}.json.gz`;

/**
 * Compare-and-swap on the pointer: `change` gets the current index (a private copy) and returns the
 * next one; on a lost race it runs again on the newer snapshot. The object two revisions back is
 * deleted (the previous one stays for readers that read the old pointer a moment ago).
 */
async function updateSnapshot(deps: Deps, change: (current: SearchIndex) => Promise<SearchIndex>): Promise<number> {
  for (let attempt = 1; attempt <= MAX_SWAP_ATTEMPTS; attempt++) {
    const pointer = await new SearchPointerRepository(deps.records).read();
    const next = await change(await readSnapshot(deps.files, pointer.objectKey));
    const objectKey = snapshotKey(pointer.rev + 1);
    await deps.files.put(objectKey, new Uint8Array(gzipSync(next.serialize())), 'application/gzip');
    const swapped = await new SearchPointerRepository(deps.records).swap(objectKey, pointer.objectKey, pointer.rev);
    if (swapped) {
      if (pointer.previousKey) await deps.files.delete(pointer.previousKey).catch((error: unknown) => deps.logger.warn('old search snapshot not removed', { key: pointer.previousKey, error }));
      remember(deps, { index: next, rev: pointer.rev + 1 });
      return pointer.rev + 1;
    }
    await deps.files.delete(objectKey).catch(() => undefined);
    await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
  }
  throw new Error('search snapshot: too many concurrent writers');
}

// ---------------------------------------------------------------------------------------------
// Readers

const cache = new WeakMap<PrivateFileStore, { index: SearchIndex; rev: number; checkedAt: number }>();

function remember(deps: Deps, entry: { index: SearchIndex; rev: number }): void {
  cache.set(deps.files, { ...entry, checkedAt: deps.clock.now().getTime() });
}

/** The index as of the current pointer (memory; the pointer is re-read at most every POINTER_TTL_MS). */
export async function currentSearchIndex(deps: Deps): Promise<SearchIndex> {
  const now = deps.clock.now().getTime();
  const hit = cache.get(deps.files);
  if (hit && now - hit.checkedAt >= 0 && now - hit.checkedAt < POINTER_TTL_MS) return hit.index;
  const pointer = await new SearchPointerRepository(deps.records).read();
  if (hit && hit.rev === pointer.rev) {
    cache.set(deps.files, { ...hit, checkedAt: now });
    return hit.index;
  }
  const index = await readSnapshot(deps.files, pointer.objectKey);
  cache.set(deps.files, { index, rev: pointer.rev, checkedAt: now });
  return index;
}

/** The snapshot revision readers currently see (part of the search page's ETag). */
export async function searchRevision(deps: Deps): Promise<number> {
  await currentSearchIndex(deps);
  return cache.get(deps.files)?.rev ?? 0;
}

/**
 * Searches, then drops any hit whose public view is gone: the index may lag a commit by the time
 * its effect takes, but a withdrawn item must not be a result for even that long.
 */
export async function searchCatalogue(deps: Deps, query: string, options: SearchOptions = {}): Promise<SearchResponse> {
  const response = (await currentSearchIndex(deps)).search(query, options);
  const repo = new ItemRepository(deps.records);
  const views = await Promise.all(response.hits.map((h) => repo.getView(h.id)));
  const hits = response.hits.filter((_, i) => Boolean(views[i]?.data.item));
  const dropped = response.hits.length - hits.length;
  return dropped === 0 ? response : { ...response, hits, total: Math.max(0, response.total - dropped) };
}

// ---------------------------------------------------------------------------------------------
// Writers

/** Plain text of the attachments (what search indexes); unreadable files are logged and skipped. */
async function attachmentText(deps: Deps, item: PublicItem): Promise<string> {
  const texts: string[] = [];
  for (const a of item.attachments) {
    try {
      const bytes = await deps.files.get(a.key);
      if (!bytes) continue;
      const extracted = await deps.content.extractText(bytes, a.contentType);
      texts.push(extracted.text.slice(0, 200_000));
    } catch (error) {
      deps.logger.warn('attachment text not indexed', { itemId: item.id, name: a.name, error });
    }
  }
  return texts.join('\n');
}

export async function searchDocumentFor(deps: Deps, item: PublicItem): Promise<SearchDocument> {
  const attachments = await attachmentText(deps, item);
  return searchDocumentFromProjection(item, { body: deps.content.markdownToText(item.body), ...(attachments ? { attachments } : {}) });
}

/**
 * The search entry of one item made to match its public view as committed now: added or replaced
 * while public, removed otherwise. Run by the item's effect after the commit that changed the view.
 */
export async function syncSearchEntry(deps: Deps, itemId: string): Promise<'indexed' | 'removed'> {
  let outcome: 'indexed' | 'removed' = 'removed';
  await updateSnapshot(deps, async (index) => {
    const view = await new ItemRepository(deps.records).getView(itemId);
    if (view?.data.item) {
      index.add(await searchDocumentFor(deps, view.data.item));
      outcome = 'indexed';
    } else {
      index.remove(itemId);
      outcome = 'removed';
    }
    return index;
  });
  return outcome;
}

/** Rebuilds the snapshot from every public view (the daily repair; swapped in like any update). */
export async function rebuildSearchIndex(deps: Deps): Promise<{ items: number; ms: number }> {
  const started = performance.now();
  let size = 0;
  await updateSnapshot(deps, async () => {
    const index = new SearchIndex();
    let cursor: string | undefined;
    do {
      const page = await new ItemRepository(deps.records).publicViews(200, cursor);
      for (const r of page.items) if (r.data.item) index.add(await searchDocumentFor(deps, r.data.item));
      cursor = page.cursor;
    } while (cursor);
    size = index.size;
    return index;
  });
  return { items: size, ms: Math.round(performance.now() - started) };
}

/** The snapshot object the pointer names now (benchmarks, operators). */
export async function currentSnapshotKey(deps: Pick<AppDependencies, 'records'>): Promise<string | undefined> {
  return (await new SearchPointerRepository(deps.records).read()).objectKey;
}

/** Drops this process's copy (tests). */
export function forgetSearchIndex(deps: Pick<AppDependencies, 'files'>): void {
  cache.delete(deps.files);
}
