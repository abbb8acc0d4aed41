import { VersionConflictError } from '#domain/errors';
import type { RecordStore } from '#ports/record-store';

/**
 * The store as a writer sees it when another writer changed a record of `pkPrefix` first: every
 * commit that updates such a record fails with a version conflict; everything else goes through.
 */
export function losingTheRaceFor(inner: RecordStore, pkPrefix: string): RecordStore {
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === 'commit') {
        return async (changes: Parameters<RecordStore['commit']>[0]) => {
          if (changes.some((c) => c.op === 'update' && c.write.key.pk.startsWith(pkPrefix))) throw new VersionConflictError();
          return target.commit(changes);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
