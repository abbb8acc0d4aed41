/**
 * The one command runner of every case type: load → version check → decide (the kernel) →
 * timeline → deadline summary → audit event → outbox and effect intents → one commit, and only
 * after that commit the external effects (mail delivery, the effect processor).
 *
 * A use case supplies what is particular to its step (the command, a patch of derived fields,
 * further changes to commit together); the runner owns the sequence, so every case type records a
 * step the same way and nothing leaves before the commit that makes it so.
 */
import type { AuditEventInput } from '#domain/audit/chain';
import type { IsoDate, WorkingCalendar } from '#domain/calendar';
import { caseTime, timelineActor, type Actor, type CaseContext, type CaseEvent, type CaseTimelineEntry, type Workflow } from '#domain/case';
import { VersionConflictError } from '#domain/errors';
import type { OutgoingMessage } from '#domain/notifications/message';
import type { AgencyPolicy } from '#domain/policy';
import type { Change } from '#ports/record-store';
import type { DeadlineSummary } from '#repositories/deadline-index';
import { Outbox } from '#repositories/outbox';
import { loadCalendar } from '../calendar';
import type { AppDependencies } from '../context';
import { afterCommit } from '../effects';
import { deliverPendingMessages } from '../notifications';

export type RunnerDeps = Pick<AppDependencies, 'records' | 'clock' | 'logger' | 'policy' | 'mailer' | 'effects'>;

/** What every stored case shares: the case the workflow decides on, its timeline, its open deadline. */
export interface StoredCase<K> {
  readonly case: K;
  readonly timeline: readonly CaseTimelineEntry[];
  readonly openDeadline?: DeadlineSummary | null;
  /** The responsible handler's name (the deadline index and reminders show it). */
  readonly handlerName?: string;
}

/** Raw input of a staff step from a form or the API; the command's schema validates it. */
export interface StepInput {
  readonly expectedVersion?: number;
  readonly [field: string]: unknown;
}

export interface Versioned<R> {
  readonly data: R;
  readonly version: number;
}

type CommandOf = { readonly type: string };

/** A case type as the runner needs it: its workflow, how its record is stored, its deadline. */
export interface CaseRunnerType<R extends StoredCase<K>, K, S extends string, Cmd extends CommandOf, X> {
  readonly workflow: Workflow<K, S, Cmd, X>;
  /** The repository's versioned, audited update (only repositories build keys and indexes). */
  updateChange(next: R, expectedVersion: number, event: AuditEventInput): Change;
  /** What the type's decisions need besides actor and time, from the calendar and the agency's policy. */
  context(calendar: WorkingCalendar, policy: AgencyPolicy): X;
  /** The open deadline after the step; null when none is open. */
  deadline(next: R, calendar: WorkingCalendar): DeadlineSummary | null;
}

export interface StepOptions<R, K = unknown, S extends string = string> {
  readonly expectedVersion?: number;
  readonly calendar?: WorkingCalendar;
  /**
   * The day the step legally happened when it is recorded later (a notice served yesterday,
   * recorded today); never after today. The audit event keeps the moment of recording.
   */
  readonly on?: IsoDate;
  /** Shown on the timeline line (a reason, a date). */
  readonly note?: string;
  /** The timeline line's label when it is not the step's (who took it, in the applicant's words). */
  readonly label?: string;
  /** Whether the applicant sees the line, when not as the table says (a step whose notice is not served yet). */
  readonly public?: boolean;
  /** Fields of the stored record the step changes besides the case (letters, drafts, titles). */
  readonly patch?: (next: R) => Partial<R>;
  /** Facts for the audit event besides from/to and the step's event data. */
  readonly auditData?: Readonly<Record<string, unknown>>;
  /** Changes committed in the same transaction: effect intents, other records. */
  readonly extraChanges?: readonly Change[];
  /** Messages to the applicant or staff, queued in the outbox by the same commit. */
  readonly messages?: readonly OutgoingMessage[];
  /**
   * What the step owes once it is decided, when that depends on the decision (a notice and a mail
   * quoting the deadlines after the step): its note, patch and messages join the options'.
   */
  readonly then?: (decided: { readonly next: K; readonly event: CaseEvent<S>; readonly calendar: WorkingCalendar }) => Pick<StepOptions<R>, 'note' | 'patch' | 'messages'>;
}

export interface StepResult<R, S extends string> {
  readonly record: Versioned<R>;
  readonly event: CaseEvent<S>;
}

export function assertVersion(record: Versioned<unknown>, expectedVersion: number | undefined, what: string): void {
  if (expectedVersion !== undefined && expectedVersion !== record.version) {
    throw new VersionConflictError(`${what} at version ${record.version}, caller saw ${expectedVersion}`);
  }
}

/** The decision context of a step now, for `check` and `available` as well as `decide`. */
export async function caseContext<X>(
  deps: Pick<RunnerDeps, 'records' | 'clock' | 'logger' | 'policy'>,
  type: { context(calendar: WorkingCalendar, policy: AgencyPolicy): X },
  actor: Actor,
  calendar?: WorkingCalendar,
): Promise<CaseContext<X>> {
  const cal = calendar ?? (await loadCalendar(deps));
  return { ...type.context(cal, deps.policy), actor, ...caseTime(deps.clock.now()) };
}

/** May `actor` take `command` now? Asked before a step that first writes elsewhere (a review, a file, a release). */
export async function assertAllowed<K, S extends string, Cmd extends CommandOf, X>(
  deps: Pick<RunnerDeps, 'records' | 'clock' | 'logger' | 'policy'>,
  type: Pick<CaseRunnerType<StoredCase<K>, K, S, Cmd, X>, 'workflow' | 'context'>,
  c: K,
  command: Cmd['type'],
  actor: Actor,
  calendar?: WorkingCalendar,
): Promise<void> {
  type.workflow.assertAllowed(c, command, await caseContext(deps, type, actor, calendar));
}

export async function runStep<R extends StoredCase<K>, K, S extends string, Cmd extends CommandOf, X>(
  deps: RunnerDeps,
  type: CaseRunnerType<R, K, S, Cmd, X>,
  record: Versioned<R>,
  command: Cmd,
  actor: Actor,
  given: StepOptions<R, K, S> = {},
): Promise<StepResult<R, S>> {
  const { workflow } = type;
  assertVersion(record, given.expectedVersion, `${workflow.name} ${workflow.idOf(record.data.case)}`);
  const calendar = given.calendar ?? (await loadCalendar(deps));
  const now = await caseContext(deps, type, actor, calendar);
  const ctx = given.on && given.on < now.today ? { ...now, today: given.on } : now;
  const { next: decided, event } = workflow.decide(record.data.case, command, ctx);
  const owed = given.then?.({ next: decided, event, calendar }) ?? {};
  const options: StepOptions<R, K, S> = {
    ...given,
    ...(owed.note ? { note: owed.note } : {}),
    ...(owed.patch ? { patch: (r: R) => ({ ...(given.patch?.(r) ?? {}), ...owed.patch!(r) }) } : {}),
    messages: [...(given.messages ?? []), ...(owed.messages ?? [])],
  };

  const transition = workflow.transition(command.type as Cmd['type']);
  const line: CaseTimelineEntry = {
    at: ctx.at,
    on: ctx.today,
    type: command.type,
    label: options.label ?? workflow.commandLabel(command.type as Cmd['type']),
    actor: timelineActor(actor),
    public: options.public ?? transition?.visibleToApplicant ?? false,
    ...(options.note ? { note: options.note } : {}),
  };
  // Whoever becomes the handler by this step (registering, taking a case up) is named with it.
  const handler = actor.kind === 'staff' && workflow.handlerOf(decided) === actor.id && actor.name ? { handlerName: actor.name } : {};
  const stepped = { ...record.data, case: decided, timeline: [...record.data.timeline, line], ...handler } as R;
  const patched = { ...stepped, ...(options.patch?.(stepped) ?? {}) } as R;
  const data = { ...patched, openDeadline: type.deadline(patched, calendar) } as R;

  const audit: AuditEventInput = {
    type: event.type,
    actor: auditActor(actor),
    data: { from: event.from, to: event.to, ...event.data, ...(options.auditData ?? {}) },
  };
  const messages = options.messages ?? [];
  const extra = options.extraChanges ?? [];
  await deps.records.commit([
    type.updateChange(data, record.version, audit),
    ...extra,
    ...messages.map((m) => Outbox.enqueue(m, { type: 'outbox.queued', actor: audit.actor, data: { kind: m.kind, reference: m.reference } })),
  ]);
  if (messages.length > 0) await deliverSoon(deps);
  if (extra.length > 0) await afterCommit(deps);
  return { record: { data, version: record.version + 1 }, event };
}

/** The audit log's actor: kind, id and a staff member's name; never an applicant's identity. */
export function auditActor(actor: Actor): AuditEventInput['actor'] {
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.id, name: actor.name ?? actor.id };
  return { kind: actor.kind, id: actor.id };
}

/** Delivers queued mail now; a failure stays in the outbox for the sweep. */
export async function deliverSoon(deps: Pick<RunnerDeps, 'records' | 'clock' | 'logger' | 'mailer'>): Promise<void> {
  try {
    await deliverPendingMessages(deps);
  } catch (error) {
    deps.logger.warn('outbox delivery deferred', { error: (error as Error).name });
  }
}
