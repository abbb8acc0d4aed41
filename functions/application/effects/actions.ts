import { ItemRepository } from '#repositories/items';
import type { EffectAction } from '#repositories/effects';
import { PUBLIC_FILES_PREFIX, removePublicCopies, writeReleaseCopies, type ReleaseDeps } from '../release';
import { syncSearchEntry } from '../search';

/** The public pages a withdrawn or replaced item may still sit on in the CDN's cache. */
export const CATALOGUE_PAGE_PATHS = ['/', '/proactive*', '/search*', '/feeds/*', '/sitemap.xml', '/api/catalogue/*', '/clarifications*'] as const;

/** Applies one action and returns the facts worth keeping in the audit trail. */
export async function applyAction(deps: ReleaseDeps, action: EffectAction): Promise<Record<string, unknown>> {
  switch (action.kind) {
    case 'item-public-files':
      return syncItemPublicFiles(deps, action.itemId);
    case 'item-search':
      return { search: await syncSearchEntry(deps, action.itemId) };
    case 'release-copies':
      return { written: (await writeReleaseCopies(deps, action.releaseId)).length };
  }
}

/**
 * The public bucket holds exactly the copies of the item's version that is public now (its view,
 * as committed), and no copy of any other release of the item: a withdrawn item has none, an item
 * whose new version was published loses the old version's copies, a scheduled or reopened item
 * has none until it is published. Whatever was removed is also invalidated in the CDN, together
 * with the pages the item appeared on.
 */
export async function syncItemPublicFiles(deps: ReleaseDeps, itemId: string): Promise<Record<string, unknown>> {
  const repo = new ItemRepository(deps.records);
  const [item, view] = await Promise.all([repo.get(itemId), repo.getView(itemId)]);
  const releases = item?.data.releases ?? [];
  const publicItem = view?.data.item;
  const live = publicItem ? releases.find((r) => r.version === publicItem.version)?.releaseId : undefined;
  const written: string[] = [];
  const removed: string[] = [];
  for (const release of releases) {
    if (release.releaseId === live) written.push(...(await writeReleaseCopies(deps, release.releaseId)));
    else removed.push(...(await removePublicCopies(deps, release.releaseId)));
  }
  let invalidated: string[] = [];
  if (removed.length > 0 || (!live && releases.length > 0)) {
    const releasePaths = [...new Set(removed.map((key) => `/${PUBLIC_FILES_PREFIX}${key.slice(PUBLIC_FILES_PREFIX.length).split('/')[0]}/*`))];
    invalidated = [...releasePaths, `/items/${encodeURIComponent(itemId)}`, ...CATALOGUE_PAGE_PATHS];
    await deps.cdn.invalidate(invalidated);
  }
  return { written: written.length, removed: removed.length, ...(invalidated.length ? { invalidated } : {}) };
}
