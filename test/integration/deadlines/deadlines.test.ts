import { DEFAULT_AGENCY_POLICY } from '#domain/policy';
import { beforeEach, describe, expect, it } from 'vitest';
import { testAuditSigner } from '#adapters/audit/local-signer';
import { DynamoRecordStore } from '#adapters/dynamodb/record-store';
import { loadCalendar, saveScheduleOverride } from '#application/calendar';
import { remindersFor, sweepDeadlines, sweepHourlyDeadlines } from '#application/deadlines';
import { sha256 } from '#config/dependencies';
import { addCalendarDays, type IsoDate } from '#domain/calendar';
import { systemActor, type StaffMember } from '#domain/staff';
import { createLogger } from '#observability/logger';
import { fixedClock } from '#ports/clock';
import { openDeadlineIndexes, type DeadlineSummary } from '#repositories/deadline-index';
import { keys } from '#repositories/keys';
import { freshTable } from '#support/local-stack';
import { CountingRecordStore, SCHEDULE_2027 } from '../../unit/application/calendar/support';
import { getTestCase, openTestCase, TEST_KIND, withTestKind } from '../../unit/application/calendar/test-kind';

const admin: StaffMember = { id: 'id-admin', username: 'admin', displayName: '赵敏', roles: ['admin'] };
const clock = fixedClock('2026-03-02T02:00:00.000Z');

async function dynamoDeps() {
  const { client, tableName } = await freshTable();
  return {
    records: new CountingRecordStore(new DynamoRecordStore(client, tableName, clock, sha256, testAuditSigner)),
    clock,
    logger: createLogger('silent'),
    policy: DEFAULT_AGENCY_POLICY,
    caseTypes: withTestKind(),
  };
}

describe('schedule overrides on DynamoDB Local', () => {
  it('stores next year’s schedule with its audit event and recomputes the affected open deadline', async () => {
    const deps = await dynamoDeps();
    await openTestCase(deps, { id: 'c1', receivedOn: '2026-12-15' });
    const result = await saveScheduleOverride(deps, admin, SCHEDULE_2027);
    expect(result.recomputed).toMatchObject({ examined: 1, changed: 1, failed: 0 });
    const stored = await deps.records.get<{ status: string }>(keys.calendarOverride('national-2027'));
    expect(stored).toMatchObject({ version: 1, data: { status: 'active' } });
    const history = await deps.records.history(keys.calendarOverride('national-2027'));
    expect(history.map((e) => [e.type, e.actor])).toEqual([['calendar.override.added', { kind: 'staff', id: 'id-admin', name: '赵敏' }]]);
    expect((await loadCalendar(deps)).isCovered(2027)).toBe(true);
    expect((await getTestCase(deps, 'c1'))?.openDeadline).toMatchObject({ due: '2027-01-13', provisional: false });
  });
});

describe('deadline sweep on DynamoDB Local', () => {
  let deps: Awaited<ReturnType<typeof dynamoDeps>>;
  const total = 300;
  beforeEach(async () => {
    deps = await dynamoDeps();
    const actor = systemActor('test');
    const writes = Array.from({ length: total }, (_, i) => {
      const summary: DeadlineSummary = {
        kind: TEST_KIND,
        caseId: `c${i}`,
        title: `案件${i}`,
        due: addCalendarDays('2026-02-10' as IsoDate, i),
        provisional: false,
        calendarVersion: 'v',
        responsible: { id: i % 2 ? 'id-clerk' : 'id-clerk2', name: i % 2 ? '王晓明' : '李娜' },
      };
      return () =>
        deps.records.commit([
          {
            op: 'create',
            write: { key: { pk: `TESTCASE#c${i}`, sk: 'CASE' }, entity: 'test-case', data: { openDeadline: summary }, indexes: openDeadlineIndexes(summary) },
            event: { type: 'test.opened', actor },
          },
        ]);
    });
    for (let i = 0; i < writes.length; i += 25) await Promise.all(writes.slice(i, i + 25).map((w) => w()));
    deps.records.reset();
  });

  it('reads only the matching deadlines through the index and sends nothing twice', async () => {
    // 2026-02-10 … 2026-03-09 are overdue, due today or due within 5 working days of 2026-03-02
    const matching = 28;
    const first = await sweepDeadlines(deps, { pageSize: 10 });
    expect(first).toMatchObject({ examined: matching, remindersSent: matching, escalationsSent: 20, alreadySent: 0 });
    expect(deps.records.readByPartition.get(`GSI2:${keys.openDeadlinePk()}`)).toBe(matching);

    deps.records.reset();
    const second = await sweepDeadlines(deps, { pageSize: 10 });
    expect(second).toMatchObject({ examined: matching, remindersSent: 0, escalationsSent: 0, alreadySent: matching + 20 });
    expect(deps.records.readByPartition.get(`GSI2:${keys.openDeadlinePk()}`)).toBe(matching);

    const clerk = await remindersFor(deps, { id: 'id-clerk', username: 'clerk', displayName: '王晓明', roles: ['clerk'] }, 100);
    expect(clerk.mine).toHaveLength(14);
    const leader = await remindersFor(deps, { id: 'id-leader', username: 'leader', displayName: '刘志强', roles: ['leader'] }, 100);
    expect(leader.escalations).toHaveLength(20);
  });

  it('the hourly sweep reads only yesterday through tomorrow (DeadlineIndex.dueBetween) and leaves deadlines without an instant alone', async () => {
    const report = await sweepHourlyDeadlines(deps, { pageSize: 2 });
    // Due 2026-03-01, 03-02 and 03-03 of the 300; none is counted in hours.
    expect(report).toMatchObject({ from: '2026-03-01', through: '2026-03-03', examined: 3, hourBased: 0, remindersSent: 0, escalationsSent: 0 });
    expect(deps.records.readByPartition.get(`GSI2:${keys.openDeadlinePk()}`)).toBe(3);
  });
});

describe('hourly deadline sweep on DynamoDB Local', () => {
  it('reminds within the lead time, escalates past the due instant, each once, apart from the daily reminder of the same day', async () => {
    const deps = await dynamoDeps();
    const actor = systemActor('test');
    // Monday 2026-03-02 10:00 in Beijing: one due at 13:00 (3 hours left), one at 09:00 (passed).
    const open = (caseId: string, dueAt: string) => {
      const summary: DeadlineSummary = {
        kind: 'clarification',
        caseId,
        title: caseId,
        due: '2026-03-02',
        dueAt,
        provisional: false,
        calendarVersion: 'v',
        responsible: { id: 'id-clerk', name: '王晓明' },
        leaderEscalation: true,
      };
      return deps.records.commit([
        {
          op: 'create',
          write: { key: { pk: `TESTCASE#${caseId}`, sk: 'CASE' }, entity: 'test-case', data: { openDeadline: summary }, indexes: openDeadlineIndexes(summary) },
          event: { type: 'test.opened', actor },
        },
      ]);
    };
    await open('soon', '2026-03-02T05:00:00.000Z');
    await open('late', '2026-03-02T01:00:00.000Z');
    expect(await sweepDeadlines(deps)).toMatchObject({ remindersSent: 2 });
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ hourBased: 2, dueSoon: 1, overdue: 1, remindersSent: 2, escalationsSent: 1, alreadySent: 0 });
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 0, escalationsSent: 0, alreadySent: 3 });
    const clerk = await remindersFor(deps, { id: 'id-clerk', username: 'clerk', displayName: '王晓明', roles: ['clerk'] });
    expect(clerk.mine.map((r) => [r.caseId, r.precision ?? 'daily']).sort()).toEqual([
      ['late', 'daily'],
      ['late', 'hours'],
      ['soon', 'daily'],
      ['soon', 'hours'],
    ]);
  });
});
