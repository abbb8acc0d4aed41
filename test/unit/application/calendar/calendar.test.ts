import { describe, expect, it } from 'vitest';
import { dueDate, listScheduleOverrides, loadCalendar, removeScheduleOverride, saveScheduleOverride, yearCalendar } from '#application/calendar';
import { ScheduleValidationError, shippedWorkingCalendar } from '#domain/calendar';
import { ConflictError, ValidationError } from '#domain/errors';
import { SecondExtensionError } from '#domain/deadlines';
import type { StaffMember } from '#domain/staff';
import { keys } from '#repositories/keys';
import { memoryDeps, SCHEDULE_2027 } from './support';
import { addTestEvent, getTestCase, openTestCase } from './test-kind';

const admin: StaffMember = { id: 'id-admin', username: 'admin', displayName: '赵敏', roles: ['admin'] };

describe('dueDate', () => {
  it('counts working days after the start day with the shipped schedule', async () => {
    // Given the shipped 2026 schedule (Spring Festival, make-up Saturdays)
    const deps = memoryDeps();
    // When
    const answer = await dueDate(deps, '2026-02-10', '20');
    // Then
    expect(answer).toEqual({ from: '2026-02-10', workingDays: 20, due: '2026-03-16', provisional: false });
  });

  it('explains itself on request', async () => {
    const answer = await dueDate(memoryDeps(), '2026-02-10', 20, true);
    expect(answer.explanation?.text).toContain('2026年3月16日');
    expect(answer.explanation?.holidaysSkipped.map((h) => h.name)).toContain('春节');
    expect(answer.explanation?.makeupWorkdaysCounted.map((m) => m.date)).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('marks a due date reaching an unpublished year as provisional, counted on weekdays', async () => {
    const answer = await dueDate(memoryDeps(), '2026-12-15', 20, true);
    expect(answer).toMatchObject({ due: '2027-01-12', provisional: true });
    expect(answer.explanation?.pendingNoticeYears).toContain(2027);
    expect(answer.explanation?.text).toContain('暂定');
  });

  it('refuses bad input with field-level Chinese messages', async () => {
    const error = await dueDate(memoryDeps(), '2026-02-30', 'abc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({ from: expect.stringContaining('YYYY-MM-DD'), workingDays: expect.stringContaining('整数') });
  });
});

describe('yearCalendar', () => {
  it('reports holidays, make-up days and coverage', async () => {
    const y = await yearCalendar(memoryDeps(), 2026);
    expect(y.covered).toBe(true);
    expect(y.holidays.some((h) => h.name === '春节')).toBe(true);
    expect(y.months).toHaveLength(12);
    expect(y.months.flatMap((m) => m.days)).toHaveLength(365);
    expect((await yearCalendar(memoryDeps(), 2027)).covered).toBe(false);
  });
});

describe('saveScheduleOverride', () => {
  it('stores next year’s schedule versioned and audited, and recomputes the open deadlines it affects', async () => {
    // Given an open case whose deadline reaches the unpublished year 2027
    const deps = memoryDeps();
    await openTestCase(deps, { id: 'c1', receivedOn: '2026-12-15' });
    await openTestCase(deps, { id: 'c2', receivedOn: '2026-03-02' }); // due in 2026: not affected
    expect((await getTestCase(deps, 'c1'))?.openDeadline).toMatchObject({ due: '2027-01-12', provisional: true });
    const untouched = (await getTestCase(deps, 'c2'))?.openDeadline;

    // When the administrator stores the 2027 notice
    const result = await saveScheduleOverride(deps, admin, SCHEDULE_2027);

    // Then the case is recomputed with New Year's Day off, and no longer provisional
    expect(result.recomputed).toMatchObject({ examined: 1, changed: 1, failed: 0, unregistered: 0 });
    expect(result.yearsChanged).toContain(2027);
    expect((await getTestCase(deps, 'c1'))?.openDeadline).toMatchObject({ due: '2027-01-13', provisional: false });
    expect((await getTestCase(deps, 'c2'))?.openDeadline).toEqual(untouched);
    expect((await dueDate(deps, '2026-12-15', 20)).provisional).toBe(false);
    const history = await deps.records.history(keys.calendarOverride('national-2027'));
    expect(history.map((e) => e.type)).toEqual(['calendar.override.added']);
    expect(history[0]?.actor).toEqual({ kind: 'staff', id: 'id-admin', name: '赵敏' });
  });

  it('recomputes again when the schedule is removed (the stored record stays, marked removed)', async () => {
    const deps = memoryDeps();
    await saveScheduleOverride(deps, admin, SCHEDULE_2027);
    await openTestCase(deps, { id: 'c1', receivedOn: '2026-12-15' });
    const result = await removeScheduleOverride(deps, admin, 'national-2027');
    expect(result.recomputed.changed).toBe(1);
    expect((await getTestCase(deps, 'c1'))?.openDeadline).toMatchObject({ due: '2027-01-12', provisional: true });
    expect((await listScheduleOverrides(deps)).map((s) => s.status)).toEqual(['removed']);
    expect((await deps.records.history(keys.calendarOverride('national-2027'))).map((e) => e.type)).toEqual(['calendar.override.added', 'calendar.override.removed']);
    await expect(removeScheduleOverride(deps, admin, 'national-2027')).rejects.toThrow('不存在');
  });

  it('refuses an invalid schedule with messages per field', async () => {
    const error = await saveScheduleOverride(memoryDeps(), admin, { ...SCHEDULE_2027, holidays: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScheduleValidationError);
    expect((error as ValidationError).fields['holidays.0.to']).toContain('不能早于');
  });

  it('refuses a local adjustment that contradicts a national make-up day', async () => {
    const local = {
      scope: 'local',
      year: 2026,
      region: '某某省',
      source: { title: '某某省关于调整的通知' },
      holidays: [{ name: '地方节日', from: '2026-02-14', to: '2026-02-14' }],
      makeupWorkdays: [],
    };
    const error = await saveScheduleOverride(memoryDeps(), admin, local).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('调休上班日');
  });

  it('asks for confirmation before replacing a year’s national arrangement', async () => {
    const deps = memoryDeps();
    const replacement = { ...SCHEDULE_2027, year: 2026, source: { title: '2026年更正' }, holidays: [{ name: '春节', from: '2026-02-15', to: '2026-02-23' }], makeupWorkdays: [] };
    const error = await saveScheduleOverride(deps, admin, replacement).catch((e: unknown) => e);
    expect((error as ValidationError).fields.confirmReplace).toContain('替换');
    const saved = await saveScheduleOverride(deps, admin, replacement, { confirmReplace: true });
    expect(saved.warnings).toHaveLength(1);
    expect((await loadCalendar(deps)).isWorkingDay('2026-02-14' as never)).toBe(false);
  });

  it('adds a local adjustment on top of the national schedule', async () => {
    const deps = memoryDeps();
    const local = {
      scope: 'local',
      year: 2026,
      region: '广西壮族自治区',
      source: { title: '广西壮族自治区“三月三”放假通知' },
      holidays: [{ name: '壮族三月三', from: '2026-04-20', to: '2026-04-21' }],
      makeupWorkdays: [],
    };
    const saved = await saveScheduleOverride(deps, admin, local);
    expect(saved.override.id).toMatch(/^local-2026-/);
    const cal = await loadCalendar(deps);
    expect(cal.isWorkingDay('2026-04-20' as never)).toBe(false);
    expect(shippedWorkingCalendar().isWorkingDay('2026-04-20' as never)).toBe(true);
  });
});

describe('domain errors map to HTTP statuses', () => {
  it('keeps the calendar and deadline error names on DomainError subclasses', () => {
    const v = new ScheduleValidationError([{ path: 'year', message: '年份必须是数字' }]);
    expect(v).toBeInstanceOf(ValidationError);
    expect(v.status).toBe(400);
    expect(v.name).toBe('ScheduleValidationError');
    expect(v.fields).toEqual({ year: '年份必须是数字' });
    const c = new SecondExtensionError();
    expect(c).toBeInstanceOf(ConflictError);
    expect(c.status).toBe(409);
    expect(c.name).toBe('SecondExtensionError');
    expect(c.code).toBe('SECOND_EXTENSION');
  });
});

describe('a deadline kind recomputes when an event is added', () => {
  it('moves the stored due date and its index entry with a consultation pause, and drops it when closed', async () => {
    const deps = memoryDeps();
    await openTestCase(deps, { id: 'c1', receivedOn: '2026-03-02' });
    const before = (await getTestCase(deps, 'c1'))!.openDeadline!.due;
    await addTestEvent(deps, 'c1', { type: 'consultationStarted', date: '2026-03-05' as never, consultationId: 'k1', kind: 'third-party' });
    const after = (await getTestCase(deps, 'c1'))!.openDeadline!.due;
    expect(after > before).toBe(true);
    await addTestEvent(deps, 'c1', { type: 'closed', date: '2026-03-10' as never, outcome: 'decided' } as never);
    expect((await getTestCase(deps, 'c1'))!.openDeadline).toBeNull();
    const index = await deps.records.query({ index: 'GSI2', pk: keys.openDeadlinePk() });
    expect(index.items).toHaveLength(0);
  });
});
