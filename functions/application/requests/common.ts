import type { AuditEventInput } from '../../domain/audit/chain';
import { shanghaiDate, type IsoDate, type WorkingCalendar } from '../../domain/calendar';
import { deriveCaseDeadlines, type CaseDeadlines } from '../../domain/deadlines';
import { NotFoundError, VersionConflictError } from '../../domain/errors';
import type { OutgoingMessage } from '../../domain/notifications/message';
import {
  COMMAND_LABELS,
  decide,
  parseTrackingNumber,
  TERMINAL_STATUSES,
  type AgencyProfile,
  type Decided,
  type RequestCase,
  type RequestCommand,
  type WorkflowActor,
} from '../../domain/requests';
import type { Actor, StaffMember } from '../../domain/staff';
import type { Change } from '../../ports/record-store';
import type { DeadlineSummary } from '../../repositories/deadline-index';
import { Outbox } from '../../repositories/outbox';
import { RequestRepository, type RequestRecord, type StoredRequest, type TimelineEntry } from '../../repositories/requests';
import { loadCalendar } from '../calendar';
import type { AppDependencies } from '../context';
import { newId } from '../ids';
import { afterCommit } from '../effects';
import { deliverPendingMessages } from '../notifications';

export type RequestDeps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'config' | 'policy' | 'mailer' | 'effects' | 'caseTypes'>;

/** The deadline kind of an application's answer (application/deadlines/recompute). */
export const REQUEST_DEADLINE_KIND = 'request';

/** Commands whose timeline entry the applicant sees (the others are internal steps). */
const PUBLIC_COMMANDS = new Set<string>([
  'register',
  'startAssessment',
  'requestSupplement',
  'recordSupplement',
  'abandonNoSupplement',
  'startThirdPartyConsultation',
  'recordThirdPartyOpinion',
  'startAgencyConsultation',
  'recordAgencyOpinion',
  'issueFeeNotice',
  'recordFeePaid',
  'waiveFee',
  'abandonNoPayment',
  'approveExtension',
  'notifyExtension',
  'setDelayedReply',
  'release',
  'close',
  'withdraw',
]);

export function staffWorkflowActor(staff: StaffMember): WorkflowActor {
  return { kind: 'staff', id: staff.id, roles: staff.roles };
}

export function auditActor(actor: WorkflowActor, name?: string): Actor {
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.id, name: name ?? actor.id };
  if (actor.kind === 'applicant') return { kind: 'applicant', id: actor.id };
  return { kind: 'system', id: actor.id };
}

export function todayIn(deps: Pick<AppDependencies, 'clock'>): IsoDate {
  return shanghaiDate(deps.clock.now());
}

/** The current case deadlines (null until a receipt date exists). */
export function caseDeadlines(c: RequestCase, calendar: WorkingCalendar): CaseDeadlines | null {
  return c.clock.some((e) => e.type === 'received') ? deriveCaseDeadlines(c.clock, calendar) : null;
}

/** The answer deadline as the open-deadline index entry, or null when no answer deadline runs. */
export function deadlineSummary(c: RequestCase, deadlines: CaseDeadlines | null, handlerName: string | undefined): DeadlineSummary | null {
  if (!deadlines?.answer || deadlines.status === 'closed' || deadlines.status === 'awaiting-supplement') return null;
  if (c.status === 'released' || TERMINAL_STATUSES.includes(c.status)) return null;
  return {
    kind: REQUEST_DEADLINE_KIND,
    caseId: c.trackingNumber,
    title: `${c.trackingNumber} 政府信息公开申请答复`,
    due: deadlines.answer.due,
    provisional: deadlines.answer.provisional,
    calendarVersion: deadlines.calendarVersion,
    responsible: c.handlerId ? { id: c.handlerId, name: handlerName ?? c.handlerId } : { id: 'unassigned', name: '待登记' },
    leaderEscalation: true,
  };
}

export function timelineEntry(
  deps: Pick<AppDependencies, 'clock'>,
  type: string,
  label: string,
  actor: TimelineEntry['actor'],
  options: { public?: boolean; note?: string } = {},
): TimelineEntry {
  const now = deps.clock.now();
  return { at: now.toISOString(), on: shanghaiDate(now), type, label, actor, public: options.public ?? PUBLIC_COMMANDS.has(type), ...(options.note ? { note: options.note } : {}) };
}

export function timelineActor(actor: WorkflowActor, name?: string): TimelineEntry['actor'] {
  return { kind: actor.kind, id: actor.id, ...(name ? { name } : {}) };
}

export async function loadRequest(deps: Pick<AppDependencies, 'records'>, trackingNumber: string, expectedVersion?: number): Promise<RequestRecord> {
  const tn = trackingNumber.trim().toUpperCase();
  const record = parseTrackingNumber(tn) ? await new RequestRepository(deps.records).get(tn) : undefined;
  if (!record) throw new NotFoundError('找不到该申请。');
  if (expectedVersion !== undefined && expectedVersion !== record.version) {
    throw new VersionConflictError(`request ${tn} at version ${record.version}, caller saw ${expectedVersion}`);
  }
  return record;
}

const kebab = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

export function message(deps: Pick<AppDependencies, 'clock'>, kind: string, to: string, subject: string, text: string, reference: string): OutgoingMessage {
  const now = deps.clock.now();
  return { id: newId(now), kind, to, subject, text, reference, createdAt: now.toISOString() };
}

export interface ApplyOptions {
  readonly expectedVersion?: number;
  /** The acting person's display name (timeline, audit). */
  readonly actorName?: string;
  /** More changes to the stored request besides the case (notices, drafts, releases). */
  readonly patch?: (next: StoredRequest, decided: Decided) => Partial<StoredRequest>;
  readonly note?: string;
  readonly messages?: readonly OutgoingMessage[];
  readonly extraChanges?: readonly Change[];
  readonly auditData?: Record<string, unknown>;
  /** A decision already computed by the caller (dry run before an external step). */
  readonly decided?: Decided;
  readonly calendar?: WorkingCalendar;
  /** Reassignment: the new handler's display name. */
  readonly handlerName?: string;
}

/** Runs one workflow command: decide, then one versioned, audited commit (plus any outbox messages). */
export async function applyCommand(deps: RequestDeps, record: RequestRecord, command: RequestCommand, actor: WorkflowActor, options: ApplyOptions = {}): Promise<RequestRecord> {
  if (options.expectedVersion !== undefined && options.expectedVersion !== record.version) {
    throw new VersionConflictError(`request ${record.data.case.trackingNumber} at version ${record.version}, caller saw ${options.expectedVersion}`);
  }
  const calendar = options.calendar ?? (await loadCalendar(deps));
  const decided = options.decided ?? decide(record.data.case, command, { actor, today: todayIn(deps), calendar });
  const c = decided.next;
  const handlerName = command.type === 'register' ? options.actorName : command.type === 'reassign' ? options.handlerName : record.data.handlerName;
  const base: StoredRequest = {
    ...record.data,
    case: c,
    ...(handlerName !== undefined ? { handlerName } : {}),
    ...(command.type === 'register' && actor.kind === 'staff' ? { registeredBy: record.data.registeredBy ?? { id: actor.id, name: options.actorName ?? actor.id } } : {}),
  };
  const patched: StoredRequest = { ...base, ...(options.patch?.(base, decided) ?? {}) };
  const deadlines = decided.deadlines ?? caseDeadlines(c, calendar);
  const next: StoredRequest = {
    ...patched,
    openDeadline: deadlineSummary(c, deadlines, patched.handlerName),
    timeline: [...patched.timeline, timelineEntry(deps, command.type, COMMAND_LABELS[command.type], timelineActor(actor, options.actorName), { note: options.note })],
  };
  const event: AuditEventInput = {
    type: `request.${kebab(command.type)}`,
    actor: auditActor(actor, options.actorName),
    data: { from: record.data.case.status, to: c.status, ...(decided.events[0]?.data ?? {}), ...(options.auditData ?? {}) },
  };
  const changes: Change[] = [RequestRepository.updateChange(next, record.version, event), ...(options.extraChanges ?? [])];
  for (const m of options.messages ?? []) {
    changes.push(Outbox.enqueue(m, { type: 'outbox.queued', actor: auditActor(actor, options.actorName), data: { kind: m.kind, reference: m.reference } }));
  }
  await deps.records.commit(changes);
  if ((options.messages ?? []).length > 0) await deliverSoon(deps);
  if ((options.extraChanges ?? []).length > 0) await afterCommit(deps);
  return { ...record, data: next, version: record.version + 1 };
}

/** Delivers queued e-mail now; a failure stays in the outbox for the daily sweep. */
export async function deliverSoon(deps: RequestDeps): Promise<void> {
  try {
    await deliverPendingMessages(deps);
  } catch (error) {
    deps.logger.warn('outbox delivery deferred', { error: (error as Error).name });
  }
}

