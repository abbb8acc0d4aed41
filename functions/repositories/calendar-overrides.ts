import type { AuditEventInput } from '#domain/audit/chain';
import type { ScheduleOverride } from '#domain/calendar';
import type { RecordStore } from '#ports/record-store';
import { keys } from './keys';

/**
 * A holiday schedule an administrator stored: next year's national notice (or a correction of a
 * year's notice) or a local adjustment. Removing one keeps the record (status `removed`) so the
 * audit trail shows what deadlines were computed with.
 */
export interface StoredScheduleOverride {
  readonly id: string;
  readonly status: 'active' | 'removed';
  readonly schedule: ScheduleOverride;
  readonly savedAt: string;
  readonly savedBy: { readonly id: string; readonly name: string };
  readonly removedAt?: string;
  readonly removedBy?: { readonly id: string; readonly name: string };
}

export interface VersionedOverride {
  readonly item: StoredScheduleOverride;
  readonly version: number;
}

const PAGE = 500;

/** Access pattern: every stored schedule in one partition (`PK=CALENDAR`), read with one Query. */
export class CalendarOverrideRepository {
  constructor(private readonly records: RecordStore) {}

  async list(): Promise<VersionedOverride[]> {
    const prefix = keys.calendarOverridesPrefix();
    const out: VersionedOverride[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.records.query<StoredScheduleOverride>({ pk: prefix.pk, sk: { beginsWith: prefix.sk }, limit: PAGE, cursor });
      for (const r of page.items) out.push({ item: r.data, version: r.version });
      cursor = page.cursor;
    } while (cursor);
    return out;
  }

  async get(id: string): Promise<VersionedOverride | undefined> {
    const r = await this.records.get<StoredScheduleOverride>(keys.calendarOverride(id));
    return r ? { item: r.data, version: r.version } : undefined;
  }

  /** Creates the record, or replaces it at `expectedVersion` (a national year stored before). */
  async save(item: StoredScheduleOverride, expectedVersion: number | undefined, event: AuditEventInput): Promise<void> {
    const write = { key: keys.calendarOverride(item.id), entity: 'calendar-override', data: item };
    await this.records.commit([expectedVersion === undefined ? { op: 'create', write, event } : { op: 'update', write, expectedVersion, event }]);
  }
}
