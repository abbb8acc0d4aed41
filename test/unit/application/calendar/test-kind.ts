/**
 * A small but real deadline kind, for tests only (no case kind ships yet): a case whose answer
 * deadline is derived from its clock events, stored with its open-deadline summary and GSI2 entry,
 * recomputed whenever an event is added and whenever the calendar changes. It is the reference
 * for how a case type declares its deadline kind.
 */
import { loadCalendar } from '#application/calendar';
import type { DeadlineDeps } from '#application/deadlines';
import type { CaseType, CaseTypeRegistry } from '#application/case/registry';
import { platformCaseTypes } from '#application/case-types';
import type { WorkingCalendar } from '#domain/calendar';
import { appendClockEvent, deriveCaseDeadlines, type CaseClockEvent } from '#domain/deadlines';
import { systemActor } from '#domain/staff';
import type { RecordKey } from '#ports/record-store';
import { openDeadlineIndexes, type DeadlineSummary, type WithOpenDeadline } from '#repositories/deadline-index';

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
  const base = {
    id: input.id,
    title: input.title ?? `测试案件${input.id}`,
    responsible: input.responsible ?? { id: 'id-clerk', name: '经办人甲' },
    events: [{ type: 'received', date: input.receivedOn } as CaseClockEvent],
  };
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

/** The test kind as a case type: recomputed through the same path as every shipped kind. */
export const testCaseType: CaseType = {
  name: 'test',
  deadlines: [
    {
      kind: TEST_KIND,
      label: '测试答复期限',
      caseType: 'test',
      load: (records, caseId) => records.get<TestCase>(keyOf(caseId)),
      recompute: (data: TestCase, calendar) => ({ ...data, openDeadline: summarise(data, calendar) }),
      updateChange: (_records, data: TestCase, expectedVersion, event) => ({
        op: 'update',
        write: { key: keyOf(data.id), entity: 'test-case', data, indexes: openDeadlineIndexes(data.openDeadline) },
        expectedVersion,
        event,
      }),
    },
  ],
};

/** The platform's case types and the test kind. */
export const withTestKind = (): CaseTypeRegistry => platformCaseTypes().with(testCaseType);
