import { describe, expect, it } from 'vitest';
import { runScheduledJobs } from '#application/scheduled-jobs';
import { remindersFor, sweepDeadlines } from '#application/deadlines';
import { addCalendarDays, type IsoDate } from '#domain/calendar';
import { systemActor, type StaffMember } from '#domain/staff';
import { UNASSIGNED, openDeadlineIndexes, type DeadlineSummary } from '#repositories/deadline-index';
import { keys } from '#repositories/keys';
import { memoryDeps } from './support';

type Deps = ReturnType<typeof memoryDeps>;

/** Writes an open record carrying a deadline summary, as a feature would. */
async function openDeadline(deps: Deps, caseId: string, due: string, responsible = { id: 'id-clerk', name: '王晓明' }, extra: Partial<DeadlineSummary> = {}) {
  const summary: DeadlineSummary = { kind: 'test.answer', caseId, title: `案件${caseId}`, due, provisional: false, calendarVersion: 'v', responsible, ...extra };
  await deps.records.commit([
    {
      op: 'create',
      write: { key: { pk: `TESTCASE#${caseId}`, sk: 'CASE' }, entity: 'test-case', data: { openDeadline: summary }, indexes: openDeadlineIndexes(summary) },
      event: { type: 'test.opened', actor: systemActor('test') },
    },
  ]);
}

const clerk: StaffMember = { id: 'id-clerk', username: 'clerk', displayName: '王晓明', roles: ['clerk'] };
const leader: StaffMember = { id: 'id-leader', username: 'leader', displayName: '刘志强', roles: ['leader'] };

describe('sweepDeadlines', () => {
  // Today is Monday 2026-03-02 in Shanghai; the 5 working days after it end on Monday 2026-03-09.
  it('reminds the clerk of due-soon and due-today deadlines and escalates overdue ones to the leaders', async () => {
    const deps = memoryDeps();
    await openDeadline(deps, 'soon', '2026-03-09');
    await openDeadline(deps, 'today', '2026-03-02');
    await openDeadline(deps, 'late', '2026-02-27');
    await openDeadline(deps, 'later', '2026-03-10'); // 6 working days left: not swept
    const report = await sweepDeadlines(deps);
    expect(report).toMatchObject({ date: '2026-03-02', through: '2026-03-09', examined: 3, dueSoon: 1, dueToday: 1, overdue: 1, remindersSent: 3, escalationsSent: 1, alreadySent: 0 });
    const mine = await remindersFor(deps, clerk);
    expect(mine.mine.map((r) => r.caseId).sort()).toEqual(['late', 'soon', 'today']);
    expect(mine.escalations).toEqual([]);
    const leaders = await remindersFor(deps, leader);
    expect(leaders.escalations.map((r) => [r.caseId, r.urgency, r.type])).toEqual([['late', 'overdue', 'escalation']]);
  });

  it('is idempotent: a second run the same day sends nothing new', async () => {
    const deps = memoryDeps();
    await openDeadline(deps, 'soon', '2026-03-04');
    await openDeadline(deps, 'late', '2026-02-20');
    await sweepDeadlines(deps);
    const again = await sweepDeadlines(deps);
    expect(again).toMatchObject({ remindersSent: 0, escalationsSent: 0, alreadySent: 3 });
    expect((await remindersFor(deps, clerk)).mine).toHaveLength(2);
    expect((await deps.records.history(keys.deadlineReminder('reminder', 'soon', '2026-03-04', 'test.answer', '2026-03-02'))).map((e) => e.type)).toEqual(['deadline.reminded']);
  });

  it("sends reminders of cases nobody has taken up to the clerks' shared inbox", async () => {
    const deps = memoryDeps();
    await openDeadline(deps, 'orphan', '2026-03-04', { id: UNASSIGNED, name: '待分派' });
    await sweepDeadlines(deps);
    const otherClerk: StaffMember = { id: 'id-clerk2', username: 'clerk2', displayName: '李娜', roles: ['clerk'] };
    expect((await remindersFor(deps, otherClerk)).mine.map((r) => r.caseId)).toEqual(['orphan']);
    expect((await remindersFor(deps, leader)).mine).toEqual([]);
  });

  it('does not escalate when the kind opts out', async () => {
    const deps = memoryDeps();
    await openDeadline(deps, 'late', '2026-02-20', undefined, { leaderEscalation: false });
    expect(await sweepDeadlines(deps)).toMatchObject({ overdue: 1, remindersSent: 1, escalationsSent: 0 });
  });

  it('reads only the matching deadlines from the index, however many others are open', async () => {
    // Given 300 open deadlines spread over 300 days, 20 of them due before today
    const deps = memoryDeps();
    for (let i = 0; i < 300; i++) await openDeadline(deps, `c${i}`, addCalendarDays('2026-02-10' as IsoDate, i));
    deps.records.reset();
    // When (small pages, to exercise pagination)
    const report = await sweepDeadlines(deps, { pageSize: 7 });
    // Then the index reads equal the matching deadlines: due 2026-02-10 … 2026-03-09
    const matching = 28;
    expect(report.examined).toBe(matching);
    expect(deps.records.readByPartition.get(`GSI2:${keys.openDeadlinePk()}`)).toBe(matching);
    expect(deps.records.queries.filter((q) => q.pk === keys.openDeadlinePk()).every((q) => q.sk && 'lte' in q.sk)).toBe(true);
    expect(report.dueSoon + report.dueToday + report.overdue).toBe(matching);
  });

  it('runs once a day from the daily job, and again after a failure', async () => {
    const deps = memoryDeps();
    await openDeadline(deps, 'soon', '2026-03-04');
    const first = await runScheduledJobs(deps);
    expect(first.deadlines).toMatchObject({ remindersSent: 1 });
    const second = await runScheduledJobs(deps);
    expect(second.deadlines).toBeUndefined();
    expect((await remindersFor(deps, clerk)).mine).toHaveLength(1);
  });

  it('sweeps the deadlines counted in hours on every run, after the daily sweep is done for the day', async () => {
    let now = new Date('2026-03-02T02:00:00.000Z'); // 10:00 in Beijing
    const deps = memoryDeps(undefined, { now: () => now });
    expect((await runScheduledJobs(deps)).deadlines).toBeDefined();
    await openDeadline(deps, 'urgent', '2026-03-02', undefined, { dueAt: '2026-03-02T09:00:00.000Z' }); // due 17:00
    now = new Date('2026-03-02T06:00:00.000Z'); // 14:00: 3 hours left
    const later = await runScheduledJobs(deps);
    expect(later.deadlines).toBeUndefined();
    expect(later.hourlyDeadlines).toMatchObject({ dueSoon: 1 });
    expect((await remindersFor(deps, clerk)).mine.map((r) => r.caseId)).toEqual(['urgent']);
  });
});
