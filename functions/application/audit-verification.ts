import { verifyChain, type ChainProblem, type Hasher } from '../domain/audit/chain';
import type { RecordStore } from '../ports/record-store';

export interface AuditFinding {
  readonly stream: string;
  readonly problem: ChainProblem | { readonly kind: 'record-missing'; readonly message: string };
}

/** Every month from `from` (YYYY-MM) to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/**
 * Walks every audit chain (through the chain registry, month by month: Queries only) and checks
 * each against its record's head. Names each altered, missing or reordered event, and records
 * whose chain is registered but which have disappeared.
 */
export async function verifyAuditTrail(records: RecordStore, hash: Hasher, months: readonly string[]): Promise<{ checked: number; findings: AuditFinding[] }> {
  const findings: AuditFinding[] = [];
  let checked = 0;
  for (const month of months) {
    for (const key of await records.chainsStartedIn(month)) {
      checked++;
      const stream = `${key.pk}|${key.sk}`;
      const record = await records.get(key);
      const events = await records.history(key);
      if (!record) {
        findings.push({ stream, problem: { kind: 'record-missing', message: `the record was deleted (its chain has ${events.length} events left)` } });
        continue;
      }
      for (const problem of verifyChain(hash, events, { version: record.version, hash: record.auditHead })) findings.push({ stream, problem });
    }
  }
  return { checked, findings };
}
