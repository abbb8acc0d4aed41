import { describe, expect, it } from 'vitest';
import { dueDate, listScheduleOverrides, removeScheduleOverride, saveScheduleOverride, yearCalendar } from '#application/calendar';
import { dueDateSchema, toDueDateDto, toOverrideListDto, toScheduleChangeDto, toYearCalendarDto, yearCalendarSchema } from '#application/calendar/calendar-dto';
import type { StaffMember } from '#domain/staff';
import { memoryDeps, SCHEDULE_2027 } from './support';

const admin: StaffMember = { id: 'id-admin', username: 'admin', displayName: '赵敏', roles: ['admin'] };

describe('the calendar API’s answers', () => {
  it('says a year’s facts without its day grid or its notice’s amendments', async () => {
    const view = await yearCalendar(memoryDeps(), 2026);
    const dto = toYearCalendarDto(view);
    expect(Object.keys(dto).sort()).toEqual(['covered', 'holidays', 'localAdjustments', 'makeupWorkdays', 'source', 'workingDays', 'year']);
    expect(dto).toMatchObject({ year: 2026, covered: true, workingDays: view.workingDays });
    expect(dto.holidays).toEqual(view.holidays);
    expect(dto.makeupWorkdays).toEqual(view.makeupWorkdays);
    expect(yearCalendarSchema.parse(dto)).toEqual(dto);
  });

  it('passes on only what it lists', async () => {
    const view = await yearCalendar(memoryDeps(), 2026);
    const grown = { ...view, internal: '仅内部可见', source: { ...view.source!, fileKey: 'private/notice.pdf' } };
    const text = JSON.stringify(toYearCalendarDto(grown));
    expect(text).not.toContain('仅内部可见');
    expect(text).not.toContain('private/notice.pdf');
    expect(text).not.toContain('"months"');
  });

  it('answers the due date with its explanation when asked', async () => {
    const answer = await dueDate(memoryDeps(), '2026-02-10', 20, true);
    const dto = toDueDateDto(answer);
    expect(dto).toMatchObject({ from: '2026-02-10', workingDays: 20, due: '2026-03-16', provisional: false });
    expect(dto.explanation?.text).toContain('2026年3月16日');
    expect(dueDateSchema.parse(dto)).toEqual(dto);
  });

  it('says what a stored schedule change did', async () => {
    const deps = memoryDeps();
    const saved = toScheduleChangeDto(await saveScheduleOverride(deps, admin, SCHEDULE_2027));
    expect(saved.override).toMatchObject({ id: 'national-2027', status: 'active', savedBy: { id: 'id-admin', name: '赵敏' } });
    expect(saved.yearsChanged).toContain(2027);
    expect(toOverrideListDto(await listScheduleOverrides(deps)).items.map((o) => o.id)).toEqual(['national-2027']);
    const removed = toScheduleChangeDto(await removeScheduleOverride(deps, admin, 'national-2027'));
    expect(removed.override).toMatchObject({ status: 'removed', removedBy: { id: 'id-admin', name: '赵敏' } });
  });
});
