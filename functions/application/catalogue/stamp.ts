import type { Change, RecordStore } from '#ports/record-store';
import { CatalogueSettingsRepository } from '#repositories/catalogue';
import type { AppDependencies } from '../context';

/**
 * The catalogue change stamp: a counter bumped after every change of what the public can see.
 * Public ETags and the search snapshot are keyed by it. Each process keeps the value in memory
 * and re-reads the one small counter item at most every STAMP_TTL_MS, so a conditional request
 * (If-None-Match) is answered 304 without touching the table while the cached value is fresh.
 * Changes made in this process update the cache at once; other instances see them within the TTL
 * (plus the CDN's max-age). Why not the search snapshot's S3 ETag: that would cost an S3 HEAD
 * per revalidation and couple page caching to the search writer; one GetItem is cheaper and the
 * stamp is bumped only after both the table and the snapshot are written.
 */
export const STAMP_TTL_MS = 5_000;

const cache = new WeakMap<RecordStore, { value: number; at: number }>();

type Deps = Pick<AppDependencies, 'records' | 'clock'>;

export async function catalogueStamp(deps: Deps): Promise<number> {
  const now = deps.clock.now().getTime();
  const hit = cache.get(deps.records);
  if (hit && now - hit.at >= 0 && now - hit.at < STAMP_TTL_MS) return hit.value;
  const value = await new CatalogueSettingsRepository(deps.records).stamp();
  cache.set(deps.records, { value, at: now });
  return value;
}

/** After a public change: bump the counter and remember the new value in this process. */
export async function bumpCatalogueStamp(deps: Deps): Promise<number> {
  const value = await new CatalogueSettingsRepository(deps.records).bumpStamp();
  cache.set(deps.records, { value, at: deps.clock.now().getTime() });
  return value;
}

/**
 * The stamp moves in the same commit as the public change it stands for, so no reader can see the
 * new view with an old ETag (and answer 304 for a withdrawn item).
 */
export function stampChange(): Change {
  return CatalogueSettingsRepository.stampChange();
}

export function forgetCatalogueStamp(deps: Pick<AppDependencies, 'records'>): void {
  cache.delete(deps.records);
}
