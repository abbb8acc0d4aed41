/**
 * A small but real deadline kind, for tests only (no case kind ships yet): a case whose answer
 * deadline is derived from its clock events, stored with its open-deadline summary and GSI2 entry,
 * recomputed whenever an event is added and whenever the calendar changes. It is the reference
 * for how features register a deadline.
 */
import { loadCalendar } from '../../../../functions/application/calendar';
import { registerDeadlineKind, type DeadlineDeps } from '../../../../functions/application/deadlines';
import type { WorkingCalendar } from '../../../../functions/domain/calendar';
import { appendClockEvent, deriveCaseDeadlines, type CaseClockEvent } from '../../../../functions/domain/deadlines';
import { systemActor } from '../../../../functions/domain/staff';
import type { RecordKey } from '../../../../functions/ports/record-store';
import { openDeadlineIndexes, type DeadlineSummary, type WithOpenDeadline } from '../../../../functions/repositories/deadline-index';

export const TEST_KIND = 'test.answer';

export interface TestCase extends WithOpenDeadline {
  readonly id: string;
  readonly title: string;
  readonly responsible: { readonly id: string; readonly name: string };
  readonly events: readonly CaseClockEvent[];
}

const keyOf = (id: string): RecordKey => ({ pk: `TESTCASE#${id}`, sk: 'CASE' });
const actor = systemActor('test');

function summarise(c: Omit<TestCase, 'openDeadline'>, calendar: WorkingCalendar): DeadlineSummary | null {
  const d = deriveCaseDeadlines(c.events, calendar);
  if (d.status === 'closed' || !d.answer) return null;
  return { kind: TEST_KIND, caseId: c.id, title: c.title, due: d.answer.due, provisional: d.answer.provisional, calendarVersion: d.calendarVersion, responsible: c.responsible };
}

export async function openTestCase(deps: DeadlineDeps, input: { id: string; title?: string; receivedOn: string; responsible?: { id: string; name: string } }): Promise<TestCase> {
  const calendar = await loadCalendar(deps);
  const base = { id: input.id, title: input.title ?? `测试案件${input.id}`, responsible: input.responsible ?? { id: 'id-clerk', name: '经办人甲' }, events: [{ type: 'received', date: input.receivedOn } as CaseClockEvent] };
  const openDeadline = summarise(base, calendar);
  const data: TestCase = { ...base, openDeadline };
  await deps.records.commit([{ op: 'create', write: { key: keyOf(input.id), entity: 'test-case', data, indexes: openDeadlineIndexes(openDeadline) }, event: { type: 'test.opened', actor } }]);
  return data;
}

export async function getTestCase(deps: DeadlineDeps, id: string): Promise<TestCase | undefined> {
  return (await deps.records.get<TestCase>(keyOf(id)))?.data;
}

/** Adding an event validates it, derives the deadline again and stores both in one audited update. */
export async function addTestEvent(deps: DeadlineDeps, id: string, event: CaseClockEvent): Promise<TestCase> {
  const calendar = await loadCalendar(deps);
  const current = (await deps.records.get<TestCase>(keyOf(id)))!;
  const { events } = appendClockEvent(current.data.events, event, calendar);
  const next = { ...current.data, events };
  const openDeadline = summarise(next, calendar);
  const data: TestCase = { ...next, openDeadline };
  await deps.records.commit([
    { op: 'update', write: { key: keyOf(id), entity: 'test-case', data, indexes: openDeadlineIndexes(openDeadline) }, expectedVersion: current.version, event: { type: `test.${event.type}`, actor } },
  ]);
  return data;
}

export function registerTestKind(): void {
  registerDeadlineKind(
    TEST_KIND,
    async (deps, caseId, calendar) => {
      const current = await deps.records.get<TestCase>(keyOf(caseId));
      if (!current) return 'closed';
      const openDeadline = summarise(current.data, calendar);
      const before = current.data.openDeadline;
      if (before && openDeadline && before.due === openDeadline.due && before.provisional === openDeadline.provisional && before.calendarVersion === openDeadline.calendarVersion) return 'unchanged';
      await deps.records.commit([
        {
          op: 'update',
          write: { key: keyOf(caseId), entity: 'test-case', data: { ...current.data, openDeadline }, indexes: openDeadlineIndexes(openDeadline) },
          expectedVersion: current.version,
          event: { type: 'test.deadline.recomputed', actor, data: { from: before?.due, to: openDeadline?.due, calendarVersion: calendar.version } },
        },
      ]);
      return openDeadline ? 'changed' : 'closed';
    },
    { label: '测试答复期限' },
  );
}
