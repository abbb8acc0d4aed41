import type { AuditEventInput } from '#domain/audit/chain';
import type { Change, Page, RecordStore, VersionedRecord } from '#ports/record-store';
import { keys } from './keys';

/** What an effect does; each is a reconciliation with committed state, so applying it twice is harmless. */
export type EffectAction =
  /** Make the public bucket hold exactly the copies of the item's currently public version (or none). */
  | { readonly kind: 'item-public-files'; readonly itemId: string }
  /** Make the search index entry match the item's public view (or remove it). */
  | { readonly kind: 'item-search'; readonly itemId: string }
  /** Write the copies of a release that stands on its own (to an applicant, or an ad-hoc publication). */
  | { readonly kind: 'release-copies'; readonly releaseId: string };

export type EffectStatus = 'pending' | 'done' | 'dead';

export interface Effect {
  readonly id: string;
  /** What the actions touch (`item:<id>`, `release:<id>`); effects of one subject share a partition. */
  readonly subject: string;
  readonly actions: readonly EffectAction[];
  readonly requestedAt: string;
  readonly status: EffectStatus;
  readonly attempts: number;
  /** When a failed effect may be tried again. */
  readonly retryAt?: string;
  readonly lastError?: string;
  readonly doneAt?: string;
  /** What applying it did (files written or removed, paths invalidated), for the audit trail. */
  readonly outcome?: Readonly<Record<string, unknown>>;
}

export type EffectRecord = VersionedRecord<Effect>;

const indexesOf = (e: Effect) => ({
  GSI1: e.status === 'pending' ? keys.effectsPending(e.requestedAt, e.subject, e.id) : e.status === 'dead' ? keys.effectsDead(e.requestedAt, e.subject, e.id) : null,
});

/** Effects owed by commits (the transactional outbox of everything that is not an e-mail). */
export class EffectRepository {
  constructor(private readonly records: RecordStore) {}

  /** The change that records an effect; commit it with the state change that owes it. */
  static request(effect: Effect, event: AuditEventInput): Change<Effect> {
    return { op: 'create', write: { key: keys.effect(effect.subject, effect.requestedAt, effect.id), entity: 'effect', data: effect, indexes: indexesOf(effect) }, event };
  }

  get(subject: string, requestedAt: string, id: string): Promise<EffectRecord | undefined> {
    return this.records.get<Effect>(keys.effect(subject, requestedAt, id));
  }

  /** The effect a stream record names by its table key (anything else is not an effect). */
  async atKey(pk: string, sk: string): Promise<EffectRecord | undefined> {
    if (!pk.startsWith('EFFECTS#')) return undefined;
    const record = await this.records.get<Effect>({ pk, sk });
    return record && record.data.subject && pk === keys.effect(record.data.subject, record.data.requestedAt, record.data.id).pk ? record : undefined;
  }

  /** Pending effects, oldest first. */
  pending(limit: number, cursor?: string): Promise<Page<EffectRecord>> {
    return this.records.query<Effect>({ index: 'GSI1', pk: keys.effectsPendingPk(), limit, ...(cursor ? { cursor } : {}) });
  }

  dead(limit: number): Promise<Page<EffectRecord>> {
    return this.records.query<Effect>({ index: 'GSI1', pk: keys.effectsDeadPk(), limit, descending: true });
  }

  async save(effect: Effect, expectedVersion: number, event: AuditEventInput): Promise<void> {
    await this.records.commit([
      { op: 'update', write: { key: keys.effect(effect.subject, effect.requestedAt, effect.id), entity: 'effect', data: effect, indexes: indexesOf(effect) }, expectedVersion, event },
    ]);
  }
}
