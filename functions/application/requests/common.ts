import { shanghaiDate, type IsoDate, type WorkingCalendar } from '#domain/calendar';
import type { Actor } from '#domain/case';
import type { CaseDeadlines } from '#domain/deadlines';
import { NotFoundError } from '#domain/errors';
import type { OutgoingMessage } from '#domain/notifications/message';
import type { AgencyPolicy } from '#domain/policy';
import {
  parseTrackingNumber,
  requestDeadlines,
  requestWorkflow,
  TERMINAL_STATUSES,
  type RequestCase,
  type RequestCommand,
  type RequestContext,
  type RequestFacts,
  type RequestStatus,
} from '#domain/requests';
import type { DeadlineSummary } from '#repositories/deadline-index';
import { RequestRepository, type RequestRecord, type StoredRequest, type TimelineEntry } from '#repositories/requests';
export type { RequestRecord };
import { assertVersion, caseContext, runStep, type CaseRunnerType, type StepOptions } from '../case/runner';
import type { AppDependencies } from '../context';
import { newId } from '../ids';

export type RequestDeps = Pick<AppDependencies, 'records' | 'files' | 'clock' | 'logger' | 'config' | 'policy' | 'mailer' | 'effects' | 'caseTypes' | 'content'>;

/** The deadline kind of an application's answer (application/deadlines/recompute). */
export const REQUEST_DEADLINE_KIND = 'request';

export function todayIn(deps: Pick<AppDependencies, 'clock'>): IsoDate {
  return shanghaiDate(deps.clock.now());
}

/** The current case deadlines under the agency's periods (null until a receipt date exists). */
export function caseDeadlines(c: RequestCase, calendar: WorkingCalendar, policy: Pick<AgencyPolicy, 'deadlines'>): CaseDeadlines | null {
  return requestDeadlines(c, calendar, policy.deadlines);
}

/** The deadline kind of the periodic review of what a served answer withholds (Art. 18). */
export const RE_REVIEW_DEADLINE_KIND = 'request-re-review';

const responsibleFor = (c: RequestCase, handlerName: string | undefined) => (c.handlerId ? { id: c.handlerId, name: handlerName ?? c.handlerId } : { id: 'unassigned', name: '待登记' });

/**
 * The case's open deadline in the index: the answer while it runs; once the answer is served and
 * withholds information, the date of its next periodic review (a calendar date, no working days);
 * otherwise null.
 */
export function deadlineSummary(c: RequestCase, deadlines: CaseDeadlines | null, handlerName: string | undefined): DeadlineSummary | null {
  if (c.status === 'released' && c.reReviewDue) {
    const title = `${c.trackingNumber} 不予公开信息定期评估审查（第十八条）`;
    // Reminded to the handler; not an overdue answer to escalate to the leaders.
    return {
      kind: RE_REVIEW_DEADLINE_KIND,
      caseId: c.trackingNumber,
      title,
      due: c.reReviewDue,
      provisional: false,
      calendarVersion: deadlines?.calendarVersion ?? '',
      responsible: responsibleFor(c, handlerName),
      leaderEscalation: false,
    };
  }
  if (!deadlines?.answer || deadlines.status === 'closed' || deadlines.status === 'awaiting-supplement') return null;
  if (c.status === 'released' || TERMINAL_STATUSES.includes(c.status)) return null;
  return {
    kind: REQUEST_DEADLINE_KIND,
    caseId: c.trackingNumber,
    title: `${c.trackingNumber} 政府信息公开申请答复`,
    due: deadlines.answer.due,
    provisional: deadlines.answer.provisional,
    calendarVersion: deadlines.calendarVersion,
    responsible: responsibleFor(c, handlerName),
    leaderEscalation: true,
  };
}

/** Applications as the case runner steps them: the kernel workflow, their repository, their answer deadline. */
export function requestRunner(policy: AgencyPolicy): CaseRunnerType<StoredRequest, RequestCase, RequestStatus, RequestCommand, RequestFacts> {
  return {
    workflow: requestWorkflow,
    updateChange: RequestRepository.updateChange,
    context: (calendar, p) => ({ calendar, policy: p }),
    deadline: (next, calendar) => deadlineSummary(next.case, caseDeadlines(next.case, calendar, policy), next.handlerName),
  };
}

/** The decision context for `check`, `available` and `decide` now. */
export function requestContext(deps: RequestDeps, actor: Actor, calendar?: WorkingCalendar): Promise<RequestContext> {
  return caseContext(deps, requestRunner(deps.policy), actor, calendar);
}

/**
 * A line of the timeline that is not a workflow step (submission, a reply, a viewed identity).
 * Workflow steps get theirs from the runner; a step's line is public as the table says.
 */
export function timelineEntry(deps: Pick<AppDependencies, 'clock'>, type: string, label: string, actor: TimelineEntry['actor'], options: { public?: boolean; note?: string } = {}): TimelineEntry {
  const now = deps.clock.now();
  const visible = options.public ?? requestWorkflow.transition(type as RequestCommand['type'])?.visibleToApplicant ?? false;
  return { at: now.toISOString(), on: shanghaiDate(now), type, label, actor, public: visible, ...(options.note ? { note: options.note } : {}) };
}

export async function loadRequest(deps: Pick<AppDependencies, 'records'>, trackingNumber: string, expectedVersion?: number): Promise<RequestRecord> {
  const tn = trackingNumber.trim().toUpperCase();
  const record = parseTrackingNumber(tn) ? await new RequestRepository(deps.records).get(tn) : undefined;
  if (!record) throw new NotFoundError('找不到该申请。');
  assertVersion(record, expectedVersion, `request ${tn}`);
  return record;
}

export function message(deps: Pick<AppDependencies, 'clock'>, kind: string, to: string, subject: string, text: string, reference: string): OutgoingMessage {
  const now = deps.clock.now();
  return { id: newId(now), kind, to, subject, text, reference, createdAt: now.toISOString() };
}

/**
 * What a step would make of the case now, storing nothing: for the letters and mail committed
 * with it, and so that nothing external happens before a step that would be refused.
 */
export async function previewStep(deps: RequestDeps, record: RequestRecord, command: RequestCommand, actor: Actor, calendar?: WorkingCalendar) {
  const ctx = await requestContext(deps, actor, calendar);
  const { next, event } = requestWorkflow.decide(record.data.case, command, ctx);
  return { ctx, next, event, deadlines: caseDeadlines(next, ctx.calendar, deps.policy) };
}

export interface ApplyOptions extends StepOptions<StoredRequest, RequestCase, RequestStatus> {
  /** Reassignment: the new handler's display name. */
  readonly handlerName?: string;
}

/**
 * Who handles the case after the step: the runner names a clerk who takes the case up (首问负责, who
 * is also recorded as the registering clerk); a reassignment names the new handler.
 */
function handlerFields(s: StoredRequest, command: RequestCommand, actor: Actor, handlerName: string | undefined): Partial<StoredRequest> {
  if (command.type === 'reassign') return handlerName !== undefined ? { handlerName } : {};
  if (command.type !== 'register' || actor.kind !== 'staff') return {};
  return { registeredBy: s.registeredBy ?? { id: actor.id, name: actor.name ?? actor.id } };
}

/** Runs one workflow step through the case runner: one versioned, audited commit (`request.<step>`). */
export async function applyCommand(deps: RequestDeps, record: RequestRecord, command: RequestCommand, actor: Actor, options: ApplyOptions = {}): Promise<RequestRecord> {
  const { handlerName, patch, ...step } = options;
  const handler = handlerFields(record.data, command, actor, handlerName);
  const { record: saved } = await runStep(deps, requestRunner(deps.policy), record, command, actor, {
    ...step,
    patch: (next) => ({ ...handler, ...(patch?.({ ...next, ...handler }) ?? {}) }),
  });
  return { ...record, data: saved.data, version: saved.version };
}

/** The receipt date, or until there is one the Beijing date it was submitted on (never its UTC date). */
export function receivedOrSubmittedOn(s: Pick<StoredRequest, 'case' | 'submittedAt'>): IsoDate {
  return s.case.receivedOn ?? shanghaiDate(new Date(s.submittedAt));
}

/** The application as a letter or notice names it: number, applicant, receipt date and what was asked for. */
export function letterFacts(s: StoredRequest) {
  const r = s.requested;
  const summary = [r.documentTitle ? `“${r.documentTitle}”` : '', r.documentNumber ? `（${r.documentNumber}）` : '', !r.documentTitle && r.description ? `“${r.description.slice(0, 60)}”` : ''].join(
    '',
  );
  return {
    trackingNumber: s.case.trackingNumber,
    applicantName: s.applicant.name,
    receivedOn: receivedOrSubmittedOn(s),
    requestSummary: `${summary || '相关'}的政府信息`,
  };
}
