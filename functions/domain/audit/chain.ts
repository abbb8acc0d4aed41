import type { Actor } from '../staff';

/**
 * Tamper-evident audit trail. Each record (a "stream": one application, one item, one review)
 * has its own hash chain: event n carries the hash of event n-1, and the record itself carries
 * the hash and number of its latest event (its head). Altering an event breaks its own hash;
 * removing or reordering one breaks the links; removing the newest one breaks the head.
 *
 * Against someone who can write the table, hashes alone are not enough (they can recompute every
 * link after an edit), so each event also carries:
 * - `state`: the digest of the record as the event left it (entity, data, index entries), so an
 *   edit of the record itself no longer matches its newest event;
 * - `mac`: a keyed MAC of the event's hash, made with a key the table does not hold (KMS in AWS, a
 *   key file outside the data folder locally), so a re-sealed chain is named as such;
 * and the chain heads are anchored daily in write-once storage, so even a consistent rewrite of
 * history (or a rollback) is caught against the last anchor.
 *
 * The hash function is injected so this module stays pure (no node:crypto here).
 */
export type Hasher = (text: string) => string;

export interface AuditEventInput {
  /** Dotted event type, e.g. `document.uploaded`, `request.extended`. */
  readonly type: string;
  readonly actor: Actor;
  /** Facts of the change. Never personal identifiers (ID numbers, phones, names of applicants). */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface AuditEvent extends AuditEventInput {
  readonly stream: string;
  /** 1-based; equals the record's version after the change. */
  readonly seq: number;
  /** ISO instant. */
  readonly at: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  /** Digest of the record's state as this event left it (recordStateDigest). */
  readonly state?: string;
  readonly hash: string;
  /** Keyed MAC of `hash` (ports/audit-signer.ts). Not part of the hash: it signs it. */
  readonly mac?: string;
}

/** The parts of a record its state digest covers. */
export interface RecordState {
  readonly entity: string;
  readonly data: unknown;
  /** Index entries present on the record (an edit that drops a case from a queue changes it). */
  readonly indexes: Readonly<Record<string, { readonly pk: string; readonly sk: string }>>;
}

export function recordStateDigest(hash: Hasher, state: RecordState): string {
  return hash(canonicalJson({ entity: state.entity, data: withoutUndefined(state.data), indexes: state.indexes }));
}

/** As the table stores it: undefined is dropped from objects and lists alike. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}

export interface ChainHead {
  readonly version: number;
  readonly hash: string;
  /** The digest of the record as it is now; must equal the newest event's `state`. */
  readonly state?: string;
}

export const GENESIS_HASH = '';

/** JSON with object keys sorted at every level, so the same facts always hash the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sealEvent(hash: Hasher, input: AuditEventInput, position: { stream: string; seq: number; at: string; prevHash: string; state: string }): AuditEvent {
  const body = { ...position, type: input.type, actor: input.actor, data: input.data ?? {} };
  return { ...body, hash: hash(canonicalJson(body)) };
}

export type ChainProblem =
  | { readonly seq: number; readonly kind: 'altered'; readonly message: string }
  | { readonly seq: number; readonly kind: 'missing'; readonly message: string }
  | { readonly seq: number; readonly kind: 'reordered'; readonly message: string }
  | { readonly seq: number; readonly kind: 'head-mismatch'; readonly message: string }
  | { readonly seq: number; readonly kind: 'record-edited'; readonly message: string };

/**
 * Checks one stream's events (in stored order) against the head its record carries.
 * Returns every problem found, naming the event; an empty list means the chain is intact.
 */
export function verifyChain(hash: Hasher, events: readonly AuditEvent[], head: ChainHead | undefined): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const event of events) {
    const { hash: stored, mac: _mac, ...body } = event;
    if (hash(canonicalJson(body)) !== stored) {
      problems.push({ seq: event.seq, kind: 'altered', message: `event ${event.seq} (${event.type}) was altered: its hash does not match its content` });
    }
    if (event.seq > expectedSeq) {
      problems.push({ seq: expectedSeq, kind: 'missing', message: `events ${expectedSeq}..${event.seq - 1} are missing before event ${event.seq}` });
    } else if (event.seq < expectedSeq) {
      problems.push({ seq: event.seq, kind: 'reordered', message: `event ${event.seq} appears after event ${expectedSeq - 1}` });
    }
    if (event.prevHash !== prevHash && event.seq === expectedSeq) {
      problems.push({ seq: event.seq, kind: 'reordered', message: `event ${event.seq} does not link to the event before it (removed, replaced or reordered)` });
    }
    expectedSeq = Math.max(expectedSeq, event.seq + 1);
    prevHash = stored;
  }
  if (head) {
    const last = events.at(-1);
    if (!last || last.seq !== head.version || last.hash !== head.hash) {
      problems.push({
        seq: head.version,
        kind: 'head-mismatch',
        message: `the record is at version ${head.version} but its newest event is ${last ? last.seq : 'absent'}: events were removed or replaced at the end`,
      });
    } else if (head.state !== undefined && last.state !== head.state) {
      problems.push({ seq: head.version, kind: 'record-edited', message: `the record was edited outside the application: its content no longer matches event ${last.seq}` });
    }
  }
  return problems;
}
