import type { RecordKey } from '#ports/record-store';

/** Audit events live beside their record: same partition, sort key `AUDIT#<record sk>#<seq>`. */
export const auditPrefix = (key: RecordKey): string => `AUDIT#${key.sk}#`;
export const auditKey = (key: RecordKey, seq: number): RecordKey => ({ pk: key.pk, sk: `${auditPrefix(key)}${String(seq).padStart(10, '0')}` });
export const streamName = (key: RecordKey): string => `${key.pk}|${key.sk}`;

/**
 * Registry of audit chains by creation month, so `npm run audit:verify` can walk every chain with
 * Queries (no Scan) and notice a record that vanished together with its events.
 */
export const chainRegistryPk = (month: string): string => `CHAINS#${month}`;
export const chainRegistryKey = (key: RecordKey, createdAt: string): RecordKey => ({
  pk: chainRegistryPk(createdAt.slice(0, 7)),
  sk: `${createdAt}#${streamName(key)}`,
});
