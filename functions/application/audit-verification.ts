import { recordStateDigest, verifyChain, type ChainProblem, type Hasher } from '#domain/audit/chain';
import type { AuditAnchorStore } from '#ports/audit-anchors';
import type { AuditSigner } from '#ports/audit-signer';
import type { Clock } from '#ports/clock';
import type { RecordKey, RecordStore } from '#ports/record-store';

export type AuditProblem =
  | ChainProblem
  | { readonly kind: 'record-missing'; readonly message: string }
  /** An event without a MAC: written by someone who does not hold the key. */
  | { readonly seq: number; readonly kind: 'unsigned'; readonly message: string }
  /** Hashes that verify but MACs that do not (or history that differs from an anchor): re-sealed. */
  | { readonly seq: number; readonly kind: 'resealed'; readonly message: string }
  /** The record stands at an earlier version than an anchor saw: history was cut back. */
  | { readonly seq: number; readonly kind: 'rolled-back'; readonly message: string };

export interface AuditFinding {
  readonly stream: string;
  readonly problem: AuditProblem;
}

/** A chain head as anchored: stream, version, hash of the newest event. */
export type AnchoredHead = readonly [stream: string, version: number, hash: string];

export interface Anchor {
  readonly at: string;
  readonly heads: readonly AnchoredHead[];
}

export interface VerifyDeps {
  readonly records: RecordStore;
  readonly hash: Hasher;
  readonly signer: AuditSigner;
  readonly anchors?: AuditAnchorStore;
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

const streamOf = (key: RecordKey) => `${key.pk}|${key.sk}`;

/** Every registered chain (the chain registry, month by month: Queries only). */
async function* chains(records: RecordStore, months: readonly string[]): AsyncGenerator<RecordKey> {
  for (const month of months) for (const key of await records.chainsStartedIn(month)) yield key;
}

/**
 * Walks every audit chain and checks it four ways: the hash links and the record's head (altered,
 * missing, reordered events); the record's content against its newest event (a record edited in
 * the table); each event's MAC (a chain re-sealed by someone without the key); and the newest
 * write-once anchor (history rewritten or cut back after it was anchored, or a record deleted
 * together with its registry entry). Names every problem it finds.
 */
export async function verifyAuditTrail(deps: VerifyDeps, months: readonly string[]): Promise<{ checked: number; findings: AuditFinding[]; anchor?: string }> {
  const findings: AuditFinding[] = [];
  const anchor = deps.anchors ? await deps.anchors.latest() : undefined;
  const anchored = new Map((anchor ? (JSON.parse(anchor.body) as Anchor).heads : []).map(([stream, version, hash]) => [stream, { version, hash }]));
  let checked = 0;
  for await (const key of chains(deps.records, months)) {
    checked++;
    const stream = streamOf(key);
    const record = await deps.records.get(key);
    const events = await deps.records.history(key);
    const seen = anchored.get(stream);
    anchored.delete(stream);
    if (!record) {
      findings.push({ stream, problem: { kind: 'record-missing', message: `the record was deleted (its chain has ${events.length} events left)` } });
      continue;
    }
    const state = recordStateDigest(deps.hash, { entity: record.entity, data: record.data, indexes: record.indexes });
    for (const problem of verifyChain(deps.hash, events, { version: record.version, hash: record.auditHead, state })) findings.push({ stream, problem });
    for (const event of events) {
      if (!event.mac) findings.push({ stream, problem: { seq: event.seq, kind: 'unsigned', message: `event ${event.seq} (${event.type}) carries no MAC: it was not written by the application` } });
      else if (!(await deps.signer.verify(event.hash, event.mac))) {
        findings.push({ stream, problem: { seq: event.seq, kind: 'resealed', message: `event ${event.seq} (${event.type}) has a MAC that does not verify: the chain was re-sealed without the key` } });
      }
    }
    if (seen) {
      const atAnchor = events.find((e) => e.seq === seen.version);
      if (record.version < seen.version) {
        findings.push({
          stream,
          problem: { seq: seen.version, kind: 'rolled-back', message: `the record is at version ${record.version}, but version ${seen.version} was anchored on ${anchor!.name}` },
        });
      } else if (!atAnchor || atAnchor.hash !== seen.hash) {
        findings.push({
          stream,
          problem: { seq: seen.version, kind: 'resealed', message: `event ${seen.version} differs from the one anchored on ${anchor!.name}: history was rewritten after it was anchored` },
        });
      }
    }
  }
  // Anchored chains the registry no longer lists: deleted together with their registry entry.
  for (const [stream] of anchored)
    findings.push({ stream, problem: { kind: 'record-missing', message: `anchored on ${anchor!.name} but no longer registered: record, history and registry entry were deleted` } });
  return { checked, findings, ...(anchor ? { anchor: anchor.name } : {}) };
}

/**
 * Writes the head of every chain to the write-once anchor store (run daily). After that, no one
 * with table access can rewrite or cut back history before that day without verify noticing.
 */
export async function anchorAuditHeads(
  deps: Pick<VerifyDeps, 'records'> & { readonly anchors: AuditAnchorStore; readonly clock: Clock },
  months: readonly string[],
): Promise<{ name: string; chains: number }> {
  const heads: AnchoredHead[] = [];
  for await (const key of chains(deps.records, months)) {
    const record = await deps.records.get(key);
    if (record) heads.push([streamOf(key), record.version, record.auditHead]);
  }
  const at = deps.clock.now().toISOString();
  const name = `${at.replace(/[:.]/g, '-')}.json`;
  await deps.anchors.write(name, JSON.stringify({ at, heads } satisfies Anchor));
  return { name, chains: heads.length };
}
