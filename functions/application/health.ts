import { CatalogueSettingsRepository } from '#repositories/catalogue';
import { TABLE_SCHEMA_VERSION } from '#repositories/schema';
import type { AppDependencies } from './context';

export { TABLE_SCHEMA_VERSION };

/** Reads through the storage the app depends on (for /health?deep=1); throws when it cannot. */
export async function checkStorage(deps: Pick<AppDependencies, 'records' | 'ping'>): Promise<void> {
  await deps.ping?.();
  await new CatalogueSettingsRepository(deps.records).get();
}
