import { describe, expect, it } from 'vitest';
import { remindersFor, sweepDeadlines, sweepHourlyDeadlines } from '#application/deadlines';
import { addCalendarDays, type IsoDate } from '#domain/calendar';
import { agencyPolicy } from '#domain/policy';
import { systemActor, type StaffMember } from '#domain/staff';
import { openDeadlineIndexes, UNASSIGNED, type DeadlineSummary } from '#repositories/deadline-index';
import { keys } from '#repositories/keys';
import { ReminderRepository } from '#repositories/reminders';
import { memoryDeps } from './support';

type Deps = ReturnType<typeof memoryDeps>;

function movableClock(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

/** Writes an open record carrying a deadline summary, as a case type would (dueAt only for hour-based deadlines). */
async function openDeadline(deps: Deps, caseId: string, due: string, extra: Partial<DeadlineSummary> = {}) {
  const summary: DeadlineSummary = {
    kind: 'clarification',
    caseId,
    title: `${caseId} 澄清核实`,
    due,
    provisional: false,
    calendarVersion: 'v',
    responsible: { id: 'id-clerk', name: '王晓明' },
    leaderEscalation: true,
    ...extra,
  };
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

// Sunday 2026-03-08 13:30 in Beijing (a rest day: the hour rule does not stop for it).
const SUNDAY_1330 = '2026-03-08T05:30:00.000Z';

describe('sweepHourlyDeadlines', () => {
  it('reminds the responsible clerk when the due instant is at most 4 hours away, and escalates once it has passed', async () => {
    const deps = memoryDeps(SUNDAY_1330);
    await openDeadline(deps, 'soon', '2026-03-08', { dueAt: '2026-03-08T09:00:00.000Z' }); // 17:00, 3.5 h left
    await openDeadline(deps, 'later', '2026-03-08', { dueAt: '2026-03-08T15:00:00.000Z' }); // 23:00, 9.5 h left
    await openDeadline(deps, 'late', '2026-03-08', { dueAt: '2026-03-08T05:00:00.000Z' }); // 13:00, passed 30 minutes ago
    await openDeadline(deps, 'no-instant', '2026-03-08'); // a working-day deadline due today: the daily sweep's
    const report = await sweepHourlyDeadlines(deps);
    expect(report).toMatchObject({
      at: SUNDAY_1330,
      from: '2026-03-07',
      through: '2026-03-09',
      examined: 4,
      hourBased: 3,
      dueSoon: 1,
      overdue: 1,
      remindersSent: 2,
      escalationsSent: 1,
      alreadySent: 0,
    });

    const mine = (await remindersFor(deps, clerk)).mine;
    expect(mine.map((r) => [r.caseId, r.type, r.urgency, r.dueAt, r.hoursLeft, r.label]).sort()).toEqual([
      ['late', 'reminder', 'overdue', '2026-03-08T05:00:00.000Z', 0, '已超期不足1小时'],
      ['soon', 'reminder', 'due-today', '2026-03-08T09:00:00.000Z', 3, '剩余3小时'],
    ]);
    expect(mine.every((r) => r.date === '2026-03-08' && r.precision === 'hours')).toBe(true);
    const escalations = (await remindersFor(deps, leader)).escalations;
    expect(escalations.map((r) => [r.caseId, r.type, r.urgency, r.dueAt])).toEqual([['late', 'escalation', 'overdue', '2026-03-08T05:00:00.000Z']]);
  });

  it('is safe to run every 5 minutes: each reminder and escalation is recorded once per due instant', async () => {
    const clock = movableClock(SUNDAY_1330);
    const deps = memoryDeps(SUNDAY_1330, clock);
    await openDeadline(deps, 'soon', '2026-03-08', { dueAt: '2026-03-08T09:00:00.000Z' });
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 1, escalationsSent: 0 });
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 0, escalationsSent: 0, alreadySent: 1 });
    clock.set('2026-03-08T05:35:00.000Z');
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 0, escalationsSent: 0, alreadySent: 1 });
    // 17:05: overdue. The clerk was reminded already; the leaders now hear of it, once.
    clock.set('2026-03-08T09:05:00.000Z');
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ overdue: 1, remindersSent: 0, escalationsSent: 1, alreadySent: 1 });
    clock.set('2026-03-08T09:10:00.000Z');
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 0, escalationsSent: 0, alreadySent: 2 });
    expect((await remindersFor(deps, clerk)).mine).toHaveLength(1);
    expect((await remindersFor(deps, leader)).escalations).toHaveLength(1);
    const history = await deps.records.history(keys.deadlineReminderByHour('escalation', 'soon', '2026-03-08T09:00:00.000Z', 'clarification'));
    expect(history.map((e) => [e.type, e.data])).toEqual([
      [
        'deadline.escalated',
        {
          kind: 'clarification',
          caseId: 'soon',
          due: '2026-03-08',
          dueAt: '2026-03-08T09:00:00.000Z',
          urgency: 'overdue',
          recipient: keys.roleInbox('leader'),
          date: '2026-03-08',
          precision: 'hours',
        },
      ],
    ]);
  });

  it('once per due instant, also across midnight (not once per day)', async () => {
    // Due Monday 01:00 in Beijing; reminded on Sunday at 21:30, not again after midnight.
    const clock = movableClock('2026-03-08T13:30:00.000Z');
    const deps = memoryDeps('2026-03-08T13:30:00.000Z', clock);
    await openDeadline(deps, 'night', '2026-03-09', { dueAt: '2026-03-08T17:00:00.000Z' });
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ through: '2026-03-09', dueSoon: 1, remindersSent: 1 });
    clock.set('2026-03-08T16:05:00.000Z'); // Monday 00:05
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 0, alreadySent: 1 });
  });

  it('still escalates a due instant just before midnight after the date has changed', async () => {
    // Due Sunday 23:58; the next run is at Monday 00:00, when "today" is already Monday.
    const deps = memoryDeps('2026-03-08T16:00:00.000Z');
    await openDeadline(deps, 'midnight', '2026-03-08', { dueAt: '2026-03-08T15:58:00.000Z' });
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ from: '2026-03-08', examined: 1, overdue: 1, escalationsSent: 1 });
  });

  it("is neither suppressed by nor suppresses the daily sweep's reminder of the same day", async () => {
    const deps = memoryDeps(SUNDAY_1330);
    await openDeadline(deps, 'soon', '2026-03-08', { dueAt: '2026-03-08T09:00:00.000Z' });
    expect(await sweepDeadlines(deps)).toMatchObject({ remindersSent: 1 });
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 1, alreadySent: 0 });
    const other = memoryDeps(SUNDAY_1330);
    await openDeadline(other, 'soon', '2026-03-08', { dueAt: '2026-03-08T09:00:00.000Z' });
    expect(await sweepHourlyDeadlines(other)).toMatchObject({ remindersSent: 1 });
    expect(await sweepDeadlines(other)).toMatchObject({ remindersSent: 1, alreadySent: 0 });
    // The daily sweep's reminder shows the due instant too, under its own (unchanged) key.
    const daily = await deps.records.get(keys.deadlineReminder('reminder', 'soon', '2026-03-08', 'clarification', '2026-03-08'));
    expect(daily?.data).toMatchObject({ dueAt: '2026-03-08T09:00:00.000Z' });
    expect(daily?.data).not.toHaveProperty('precision');
    expect(await new ReminderRepository(other.records).listFor(keys.staffInbox('id-clerk'))).toMatchObject({ items: [{}, {}] });
  });

  it('does not escalate when the deadline opts out, and sends unassigned cases to the clerks', async () => {
    const deps = memoryDeps(SUNDAY_1330);
    await openDeadline(deps, 'quiet', '2026-03-08', { dueAt: '2026-03-08T05:00:00.000Z', leaderEscalation: false });
    await openDeadline(deps, 'orphan', '2026-03-08', { dueAt: '2026-03-08T08:00:00.000Z', responsible: { id: UNASSIGNED, name: '待分派' } });
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ overdue: 1, remindersSent: 2, escalationsSent: 0 });
    const otherClerk: StaffMember = { id: 'id-clerk2', username: 'clerk2', displayName: '李娜', roles: ['clerk'] };
    expect((await remindersFor(deps, otherClerk)).mine.map((r) => r.caseId)).toEqual(['orphan']);
  });

  it("takes the reminder lead time from the agency's deadline policy", async () => {
    const deps = { ...memoryDeps(SUNDAY_1330), policy: agencyPolicy({ deadlines: { dueSoonHours: 10 } }) };
    await openDeadline(deps, 'later', '2026-03-08', { dueAt: '2026-03-08T15:00:00.000Z' }); // 9.5 h left
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 1 });
  });

  it('reads only the index entries due from yesterday through tomorrow, with one bounded range query', async () => {
    const deps = memoryDeps(SUNDAY_1330);
    for (let i = 0; i < 60; i++) {
      const due = addCalendarDays('2026-02-20' as IsoDate, i);
      await openDeadline(deps, `c${i}`, due, { dueAt: `${addCalendarDays(due, -1)}T16:00:00.000Z` });
    }
    deps.records.reset();
    const report = await sweepHourlyDeadlines(deps, { pageSize: 2 });
    expect(report.examined).toBe(3); // due 2026-03-07, 03-08, 03-09
    expect(deps.records.readByPartition.get(`GSI2:${keys.openDeadlinePk()}`)).toBe(3);
    const queries = deps.records.queries.filter((q) => q.pk === keys.openDeadlinePk());
    expect(queries.every((q) => q.index === 'GSI2' && q.sk && 'between' in q.sk)).toBe(true);
    expect(queries[0]?.sk).toEqual({ between: ['2026-03-07', '2026-03-09~'] });
  });
});
