/**
 * The case-type registry: every kind of case the platform keeps, built explicitly by the
 * composition root (functions/config/dependencies.ts) and passed in `AppDependencies.caseTypes`.
 * No module registers itself on import, so what the sweep and the calendar recompute know is
 * exactly this list, and a deadline kind nobody handles is a configuration error, not a warning.
 */
import type { AuditEventInput } from '#domain/audit/chain';
import type { WorkingCalendar } from '#domain/calendar';
import type { IsoDate } from '#domain/calendar/iso-date';
import type { AgencyPolicy } from '#domain/policy';
import type { Change, RecordStore } from '#ports/record-store';
import type { DeadlineSummary } from '#repositories/deadline-index';
import type { Versioned } from './runner';

/** A case type's open deadline as the sweep and the calendar recompute see it. */
type WithDeadline = { readonly openDeadline?: DeadlineSummary | null };

export interface DeadlineKind<R extends WithDeadline = WithDeadline> {
  /** Stored in the deadline index: lower-case words joined by `.` or `-`. */
  readonly kind: string;
  /** What staff see beside the deadline (提醒, 日历). */
  readonly label: string;
  /** The case type's name: its recompute is audited as `<caseType>.deadline-recomputed`. */
  readonly caseType: string;
  load(records: RecordStore, caseId: string): Promise<Versioned<R> | undefined>;
  /** The record with its deadline derived again under `calendar` (`openDeadline` null when none is open). */
  recompute(record: R, calendar: WorkingCalendar, context: { readonly policy: AgencyPolicy; readonly today: IsoDate }): R;
  /** The repository's versioned, audited update. */
  updateChange(records: RecordStore, next: R, expectedVersion: number, event: AuditEventInput): Change;
}

export interface CaseType {
  /** 'request', 'item', 'clarification', 'correction', … */
  readonly name: string;
  /** The deadline kinds this case type keeps in the index. */
  readonly deadlines: readonly DeadlineKind<any>[];
}

const KIND = /^[a-z][a-z0-9.-]*$/;

export class CaseTypeRegistry {
  private readonly kinds = new Map<string, DeadlineKind<any>>();

  constructor(readonly types: readonly CaseType[]) {
    const names = new Set<string>();
    for (const type of types) {
      if (names.has(type.name)) throw new Error(`case type ${type.name} registered twice`);
      names.add(type.name);
      for (const d of type.deadlines) {
        if (!KIND.test(d.kind)) throw new Error(`deadline kind must be lower-case words joined by . or -: ${d.kind}`);
        if (this.kinds.has(d.kind)) throw new Error(`deadline kind ${d.kind} registered twice`);
        this.kinds.set(d.kind, d);
      }
    }
  }

  deadline(kind: string): DeadlineKind<any> | undefined {
    return this.kinds.get(kind);
  }

  /** The kind's Chinese label for staff pages (the kind itself when none is registered). */
  deadlineLabel(kind: string): string {
    return this.kinds.get(kind)?.label ?? kind;
  }

  deadlineKinds(): string[] {
    return [...this.kinds.keys()].sort();
  }

  /** A registry with more case types (tests, and the case types later issues add). */
  with(...more: readonly CaseType[]): CaseTypeRegistry {
    return new CaseTypeRegistry([...this.types, ...more]);
  }
}
