/** Disclosure on application (依申请公开): the use cases over the pure domain in domain/requests. */
import { registerDeadlineKind, type DeadlineDeps } from '../deadlines/recompute';
import type { WorkingCalendar } from '../../domain/calendar';
import { RequestRepository, type StoredRequest } from '../../repositories/requests';
import { caseDeadlines, deadlineSummary, REQUEST_DEADLINE_KIND } from './common';

export * from './common';
export * from './submit';
export * from './track';
export * from './staff';
export * from './report';
export * from './convert';
export * from './lapsed';

/** Recompute one application's answer deadline with a (changed) calendar. */
export async function recomputeRequestDeadline(deps: DeadlineDeps, caseId: string, calendar: WorkingCalendar): Promise<'changed' | 'unchanged' | 'closed'> {
  const repo = new RequestRepository(deps.records);
  const record = await repo.get(caseId);
  if (!record) return 'closed';
  const s = record.data;
  const summary = deadlineSummary(s.case, caseDeadlines(s.case, calendar), s.handlerName);
  const before = s.openDeadline;
  if (!summary && !before) return 'closed';
  if (summary && before && summary.due === before.due && summary.provisional === before.provisional && summary.calendarVersion === before.calendarVersion) return 'unchanged';
  const next: StoredRequest = { ...s, openDeadline: summary };
  await deps.records.commit([
    RequestRepository.updateChange(next, record.version, {
      type: 'request.deadline-recomputed',
      actor: { kind: 'system', id: 'deadline-recompute' },
      data: { before: before?.due ?? null, after: summary?.due ?? null, calendarVersion: calendar.version },
    }),
  ]);
  return summary ? 'changed' : 'closed';
}

registerDeadlineKind(REQUEST_DEADLINE_KIND, recomputeRequestDeadline, { label: '依申请公开答复' });
