/**
 * Search over the published catalogue (domain/search), deployed serverless-style:
 *
 * - The whole index is ONE gzip'd JSON snapshot in the private bucket (`search/index.json.gz`).
 * - Readers load it once per process and keep it in memory, keyed by the catalogue change stamp
 *   (catalogue/stamp.ts): when the (cached, ≤ 5 s old) stamp moves, the next search reloads the
 *   snapshot. The writer writes the snapshot BEFORE bumping the stamp, so a reader that sees stamp
 *   N gets a snapshot with every change up to N.
 * - The writer is the request that published or withdrew an item: after its table commit it
 *   re-reads the snapshot, applies add/remove and writes it back. This is a read-modify-write of
 *   one object: two publications at the same instant in two processes can lose one update.
 *   `rebuildSearchIndex` (run by the daily sweep) rebuilds from the public views and repairs that;
 *   a production deployment with concurrent editors should route updates through one queue with a
 *   single consumer (SQS FIFO / reserved concurrency 1).
 *
 * Where it stops scaling (see domain/search/search-index.ts for the measurements): the snapshot
 * grows linearly with the text (~27 MB JSON / 2 MB gzip for 10k items); past ~50k items a cold
 * load and the heap become uncomfortable for Lambda and rebuilds take minutes. The replacement is
 * Amazon OpenSearch (Serverless) with the IK/smartcn analyzer fed from the same public views.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { extractText } from '../../adapters/extraction';
import { markdownToPlainText } from '../../adapters/markdown';
import type { PublicItem } from '../../domain/catalogue';
import { SearchIndex, searchDocumentFromProjection, type SearchDocument, type SearchOptions, type SearchResponse } from '../../domain/search';
import type { PrivateFileStore } from '../../ports/file-store';
import { keys } from '../../repositories/keys';
import type { PublicView } from '../../repositories/items';
import type { AppDependencies } from '../context';
import { catalogueStamp } from '../catalogue/stamp';

export const SEARCH_SNAPSHOT_KEY = 'search/index.json.gz';

type Deps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger'>;

const cache = new WeakMap<PrivateFileStore, { index: SearchIndex; stamp: number }>();

async function readSnapshot(files: PrivateFileStore): Promise<SearchIndex> {
  const bytes = await files.get(SEARCH_SNAPSHOT_KEY);
  if (!bytes) return new SearchIndex();
  return SearchIndex.deserialize(gunzipSync(bytes).toString('utf8'));
}

async function writeSnapshot(files: PrivateFileStore, index: SearchIndex): Promise<void> {
  await files.put(SEARCH_SNAPSHOT_KEY, new Uint8Array(gzipSync(index.serialize())), 'application/gzip');
}

/** The index as of the current catalogue stamp (memory, reloaded when the stamp moves). */
export async function currentSearchIndex(deps: Deps): Promise<SearchIndex> {
  const stamp = await catalogueStamp(deps);
  const hit = cache.get(deps.files);
  if (hit && hit.stamp === stamp) return hit.index;
  const index = await readSnapshot(deps.files);
  cache.set(deps.files, { index, stamp });
  return index;
}

export async function searchCatalogue(deps: Deps, query: string, options: SearchOptions = {}): Promise<SearchResponse> {
  return (await currentSearchIndex(deps)).search(query, options);
}

/** Plain text of the attachments (what search indexes); unreadable files are logged and skipped. */
async function attachmentText(deps: Deps, item: PublicItem): Promise<string> {
  const texts: string[] = [];
  for (const a of item.attachments) {
    try {
      const bytes = await deps.files.get(a.key);
      if (!bytes) continue;
      const extracted = await extractText(bytes, a.contentType);
      texts.push(extracted.text.slice(0, 200_000));
    } catch (error) {
      deps.logger.warn('attachment text not indexed', { itemId: item.id, name: a.name, error });
    }
  }
  return texts.join('\n');
}

export async function searchDocumentFor(deps: Deps, item: PublicItem): Promise<SearchDocument> {
  const attachments = await attachmentText(deps, item);
  return searchDocumentFromProjection(item, { body: markdownToPlainText(item.body), ...(attachments ? { attachments } : {}) });
}

/**
 * Applies one item's public change to the snapshot: add (or replace) when it is public, remove
 * when not. Call after the table commit and BEFORE bumping the stamp.
 */
export async function updateSearchIndex(deps: Deps, id: string, item: PublicItem | null): Promise<void> {
  const index = await readSnapshot(deps.files);
  if (item) index.add(await searchDocumentFor(deps, item));
  else index.remove(id);
  await writeSnapshot(deps.files, index);
}

/** Rebuilds the snapshot from every public view (repairs lost updates; run by the daily sweep). */
export async function rebuildSearchIndex(deps: Deps): Promise<{ items: number; ms: number }> {
  const started = performance.now();
  const index = new SearchIndex();
  let cursor: string | undefined;
  do {
    const page = await deps.records.query<PublicView>({ index: 'GSI2', pk: keys.publicAllPk(), limit: 200, cursor });
    for (const r of page.items) if (r.data.item) index.add(await searchDocumentFor(deps, r.data.item));
    cursor = page.cursor;
  } while (cursor);
  await writeSnapshot(deps.files, index);
  cache.delete(deps.files);
  return { items: index.size, ms: Math.round(performance.now() - started) };
}

/** Drops this process's copy (tests, and after a rebuild). */
export function forgetSearchIndex(deps: Pick<AppDependencies, 'files'>): void {
  cache.delete(deps.files);
}
