import type { AuditEventInput } from '#domain/audit/chain';
import type { AgencyProfile, CatalogueCategory, IndexNumberScheme } from '#domain/catalogue';
import type { Change, RecordStore, VersionedRecord } from '#ports/record-store';
import { keys } from './keys';
import { ConflictError } from '#domain/errors';

/** Deployment settings of the catalogue, edited by the admin on /staff/catalogue. */
export interface CatalogueSettings {
  /** Absent until the admin fills it in; the index numbers then use AppConfig.agencyCode. */
  readonly profile?: AgencyProfile;
  readonly categories: readonly CatalogueCategory[];
  readonly indexScheme: IndexNumberScheme;
  /** 政府信息公开指南, Markdown (rendered with raw HTML disabled). */
  readonly guide: string;
}

export class CatalogueSettingsRepository {
  constructor(private readonly records: RecordStore) {}

  get(): Promise<VersionedRecord<CatalogueSettings> | undefined> {
    return this.records.get<CatalogueSettings>(keys.catalogueSettings());
  }

  async save(settings: CatalogueSettings, expectedVersion: number | undefined, event: AuditEventInput): Promise<void> {
    const write = { key: keys.catalogueSettings(), entity: 'catalogue-settings', data: settings };
    await this.records.commit([expectedVersion === undefined ? { op: 'create', write, event } : { op: 'update', write, expectedVersion, event }]);
  }

  /** Saves settings only when none exist yet (demo data); false when they do, or another writer won. */
  async seedOnce(settings: CatalogueSettings, event: AuditEventInput): Promise<boolean> {
    if (await this.get()) return false;
    try {
      await this.save(settings, undefined, event);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  /** The change stamp public ETags and the search snapshot carry (0 before the first change). */
  async stamp(): Promise<number> {
    const item = await this.records.getPlain(keys.catalogueStamp());
    const n = Number(item?.['value'] ?? item?.['count'] ?? 0);
    return Number.isFinite(n) ? n : 0;
  }

  /** The stamp's increment, committed with the public change it stands for. */
  static stampChange(): Change {
    return { op: 'count', key: keys.catalogueStamp() };
  }

  async bumpStamp(): Promise<number> {
    const n = await this.records.increment(keys.catalogueStamp(), 1);
    if (n === undefined) throw new Error('catalogue stamp refused to increment');
    return n;
  }
}
