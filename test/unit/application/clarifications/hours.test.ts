/**
 * Clarification periods in natural hours through the use cases: registration records the instant,
 * the deadline index carries it, a calendar change does not move it, the urgent escalation and the
 * hourly sweep count hours, and cases stored before the hour rule keep their working-day due date.
 */
import { describe, expect, it } from 'vitest';
import { saveScheduleOverride } from '#application/calendar';
import { actOnClarification, clarificationDeadline, createClarificationCase, getClarificationCase, listClarificationCases, reportClarification } from '#application/clarifications';
import { sweepHourlyDeadlines } from '#application/deadlines';
import { isoDate, shippedWorkingCalendar } from '#domain/calendar';
import { systemActor } from '#domain/staff';
import { ClarificationRepository, type StoredClarification } from '#repositories/clarifications';
import { DeadlineIndex } from '#repositories/deadline-index';
import { keys } from '#repositories/keys';
import { ReminderRepository } from '#repositories/reminders';
import { caseDeps, people } from './support';

/** The support clock starts on Monday 2026-03-02 10:00 in Beijing; this moves it to `iso`. */
function at(clock: ReturnType<typeof caseDeps>['clock'], iso: string) {
  clock.advance((Date.parse(iso) - clock.now().getTime()) / 60_000);
}

/** Friday 2026-03-06 17:00 in Beijing. */
const FRIDAY_17 = '2026-03-06T09:00:00.000Z';

/** A local rest day on Tuesday 2026-03-03 (a calendar change every open deadline is recomputed for). */
const REST_DAY = {
  scope: 'local',
  year: 2026,
  region: '示例省',
  source: { title: '示例省关于临时调整的通知（测试）' },
  holidays: [{ name: '临时休息日', from: '2026-03-03', to: '2026-03-03' }],
  makeupWorkdays: [],
};

describe('clarification periods count clock hours', () => {
  it('a report on Friday at 17:00 is due on Sunday at 17:00; the case, its deadline summary and the index say so', async () => {
    const { deps, clock } = caseDeps();
    at(clock, FRIDAY_17);
    const { reference } = await reportClarification(deps, { outlet: '某公众号', description: '称补贴取消。' }, [], { ip: '1.1.1.1' });
    const { data } = (await getClarificationCase(deps, people.clerk, reference)).record;
    expect(data.case).toMatchObject({ registeredAt: FRIDAY_17, registeredOn: '2026-03-06', dueAt: '2026-03-08T09:00:00.000Z', due: '2026-03-08', dueProvisional: false });
    expect(data.openDeadline).toMatchObject({ kind: 'clarification', due: '2026-03-08', dueAt: '2026-03-08T09:00:00.000Z', provisional: false });
    const index = await new DeadlineIndex(deps.records).dueThrough('2026-03-08');
    expect(index.items.map((d) => [d.caseId, d.due, d.dueAt])).toEqual([[reference, '2026-03-08', '2026-03-08T09:00:00.000Z']]);
    expect((await listClarificationCases(deps))[0]).toMatchObject({ id: reference, due: '2026-03-08', dueAt: '2026-03-08T09:00:00.000Z' });
  });

  it('an urgent case is due 24 hours after registration, and its escalation counts hours, not working days', async () => {
    const { deps, clock } = caseDeps();
    at(clock, FRIDAY_17);
    const urgent = await createClarificationCase(deps, people.clerk, { title: '网传化工厂爆炸', description: '网传某化工厂爆炸', source: 'media', urgent: 'on' });
    expect(urgent.data.case).toMatchObject({ urgent: true, dueAt: '2026-03-07T09:00:00.000Z', due: '2026-03-07' });
    const normal = await createClarificationCase(deps, people.clerk, { title: '网传停水', description: '网传全市停水三天', source: 'monitoring' });
    // Saturday 10:00: marked urgent, due Saturday 17:00 (24 hours from registration), 7 hours left.
    at(clock, '2026-03-07T02:00:00.000Z');
    const marked = await actOnClarification(deps, people.head, normal.data.case.id, 'markUrgent', { reason: '舆情升温' });
    expect(marked.data.case).toMatchObject({ urgent: true, dueAt: '2026-03-07T09:00:00.000Z', due: '2026-03-07' });
    expect(marked.data.openDeadline).toMatchObject({ dueAt: '2026-03-07T09:00:00.000Z', due: '2026-03-07', leaderEscalation: true });
    const inbox = (await new ReminderRepository(deps.records).listFor(keys.roleInbox('leader'))).items;
    expect(inbox.map((r) => [r.caseId, r.type, r.urgency, r.dueAt, r.hoursLeft, r.label]).sort()).toEqual([
      [urgent.data.case.id, 'escalation', 'due-soon', '2026-03-07T09:00:00.000Z', 24, '剩余24小时'],
      [normal.data.case.id, 'escalation', 'due-today', '2026-03-07T09:00:00.000Z', 7, '剩余7小时'],
    ]);
  });

  it('a calendar change does not move an hour-based due date (it does not depend on the working calendar)', async () => {
    const { deps } = caseDeps();
    const { reference } = await reportClarification(deps, { outlet: 'o', description: 'd' }, [], { ip: 'a' });
    const before = (await getClarificationCase(deps, people.clerk, reference)).record;
    expect(before.data.case).toMatchObject({ dueAt: '2026-03-04T02:00:00.000Z', due: '2026-03-04' });
    const saved = await saveScheduleOverride(deps, people.admin, REST_DAY);
    expect(saved.recomputed.changed).toBe(0);
    const after = (await getClarificationCase(deps, people.clerk, reference)).record;
    expect(after.version).toBe(before.version);
    expect(after.data.case).toMatchObject({ dueAt: '2026-03-04T02:00:00.000Z', due: '2026-03-04' });
    expect(after.data.openDeadline).toEqual(before.data.openDeadline);
    expect((await new ClarificationRepository(deps.records).history(reference)).map((e) => e.type)).not.toContain('clarification.deadline-recomputed');
    // The kind's own recompute, with any calendar, keeps it.
    const recomputed = clarificationDeadline.recompute(after.data, shippedWorkingCalendar(), { policy: deps.policy, today: isoDate('2026-03-02') });
    expect(recomputed.case).toEqual(after.data.case);
  });

  it('the hourly sweep reminds within 4 hours of the due instant and escalates once it has passed', async () => {
    const { deps, clock } = caseDeps();
    at(clock, FRIDAY_17);
    const { reference } = await reportClarification(deps, { outlet: 'o', description: 'd' }, [], { ip: 'a' });
    at(clock, '2026-03-08T04:00:00.000Z'); // Sunday 12:00: 5 hours left
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 0, escalationsSent: 0 });
    at(clock, '2026-03-08T05:30:00.000Z'); // 13:30: 3.5 hours left
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 1, escalationsSent: 0 });
    const repo = new ReminderRepository(deps.records);
    expect((await repo.listFor(keys.roleInbox('clerk'))).items).toMatchObject([{ caseId: reference, type: 'reminder', dueAt: '2026-03-08T09:00:00.000Z', hoursLeft: 3 }]);
    at(clock, '2026-03-08T09:05:00.000Z'); // 17:05: past due; nobody took it up, so the leaders hear of it
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 0, escalationsSent: 1 });
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ remindersSent: 0, escalationsSent: 0 });
    expect((await repo.listFor(keys.roleInbox('leader'))).items).toMatchObject([{ caseId: reference, type: 'escalation', urgency: 'overdue' }]);
  });
});

describe('clarification cases stored before the hour rule (no registeredAt)', () => {
  /** As the working-day version stored it: registered Monday 2026-03-02, due 2 working days later. */
  async function storeLegacyCase(deps: ReturnType<typeof caseDeps>['deps']) {
    const legacy = {
      case: {
        id: 'CQ-2026-000099',
        status: 'registered',
        source: 'public-report',
        registeredOn: '2026-03-02',
        urgent: false,
        due: '2026-03-04',
        dueProvisional: false,
        round: 1,
        publications: [],
        followUps: [],
      },
      title: '旧案件',
      registeredAt: '2026-03-02T02:00:00.000Z',
      createdBy: { kind: 'public' },
      report: { description: '旧线索' },
      timeline: [],
      publishedHistory: [],
      openDeadline: {
        kind: 'clarification',
        caseId: 'CQ-2026-000099',
        title: 'CQ-2026-000099 澄清核实',
        due: '2026-03-04',
        provisional: false,
        calendarVersion: 'old',
        responsible: { id: 'unassigned', name: '待分派' },
        leaderEscalation: true,
      },
    } as unknown as StoredClarification;
    await deps.records.commit([ClarificationRepository.createChange(legacy, { type: 'clarification.reported', actor: systemActor('test') })]);
    return legacy.case.id;
  }

  it('are read, keep their working-day due date through a calendar change and later steps, and get no invented instant', async () => {
    const { deps, clock } = caseDeps();
    const id = await storeLegacyCase(deps);
    const view = await getClarificationCase(deps, people.clerk, id);
    expect(view.record.data.case.due).toBe('2026-03-04');
    expect(view.available).toContain('startAssessment');
    expect((await listClarificationCases(deps)).find((r) => r.id === id)).not.toHaveProperty('dueAt');

    // Under the working-day rule a rest day on 03-03 moved it to 03-05; it stays as stored.
    await saveScheduleOverride(deps, people.admin, REST_DAY);
    const after = (await getClarificationCase(deps, people.clerk, id)).record.data;
    expect(after.case.due).toBe('2026-03-04');
    expect(after.openDeadline?.due).toBe('2026-03-04');

    const assessed = await actOnClarification(deps, people.clerk, id, 'startAssessment', {});
    expect(assessed.data.case).toMatchObject({ due: '2026-03-04', handlerId: people.clerk.id });
    expect(assessed.data.case.registeredAt).toBeUndefined();
    expect(assessed.data.case.dueAt).toBeUndefined();
    expect(assessed.data.openDeadline).toMatchObject({ due: '2026-03-04' });
    expect(assessed.data.openDeadline).not.toHaveProperty('dueAt');

    const marked = await actOnClarification(deps, people.head, id, 'markUrgent', { reason: '舆情升温' });
    expect(marked.data.case).toMatchObject({ urgent: true, due: '2026-03-04' });
    expect(marked.data.case.dueAt).toBeUndefined();

    // The hourly sweep leaves it to the daily one.
    at(clock, '2026-03-04T15:00:00.000Z');
    expect(await sweepHourlyDeadlines(deps)).toMatchObject({ examined: 1, hourBased: 0, remindersSent: 0, escalationsSent: 0 });
  });
});
