/** Urgency of a deadline counted in clock hours (a clarification's `dueAt`); runs under three server time zones. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_CONFIG, deadlineConfig, hourUrgency } from '#domain/deadlines';

// Due Sunday 2026-03-08 17:00 in Beijing.
const DUE = '2026-03-08T09:00:00.000Z';

describe('hourUrgency', () => {
  it.each([
    ['2026-03-06T09:00:00.000Z', 'normal', 48, '剩余48小时'], // Friday 17:00
    ['2026-03-08T00:00:00.000Z', 'due-today', 9, '剩余9小时'], // Sunday 08:00: today's date, more than 4 hours
    ['2026-03-08T05:30:00.000Z', 'due-today', 3, '剩余3小时'],
    ['2026-03-08T08:30:00.000Z', 'due-today', 0, '剩余不足1小时'],
    [DUE, 'due-today', 0, '剩余不足1小时'], // at the instant itself: not yet passed
    ['2026-03-08T09:00:00.001Z', 'overdue', 0, '已超期不足1小时'],
    ['2026-03-08T11:10:00.000Z', 'overdue', -2, '已超期2小时'],
    ['2026-03-09T09:00:00.000Z', 'overdue', -24, '已超期24小时'],
  ] as const)('seen at %s: %s, %i hours left, “%s”', (now, urgency, hoursLeft, label) => {
    expect(hourUrgency(DUE, now)).toEqual({ urgency, hoursLeft, label });
  });

  it('is due soon within the lead time across midnight, by the Beijing date, whatever the server zone', () => {
    // Due Monday 01:00 in Beijing (Sunday 17:00 UTC), seen on Sunday 21:30 in Beijing: another Beijing date, 3.5 hours left.
    expect(hourUrgency('2026-03-08T17:00:00.000Z', '2026-03-08T13:30:00.000Z')).toEqual({ urgency: 'due-soon', hoursLeft: 3, label: '剩余3小时' });
    // Seen at Monday 00:05 in Beijing (still Sunday in UTC): the same Beijing date.
    expect(hourUrgency('2026-03-08T17:00:00.000Z', '2026-03-08T16:05:00.000Z').urgency).toBe('due-today');
    expect(hourUrgency('2026-03-08T17:00:00.000Z', '2026-03-08T13:30:00.000Z', { dueSoonHours: 3 }).urgency).toBe('normal');
  });

  it('takes its lead time from the deadline configuration (default 4 hours, a non-negative integer)', () => {
    expect(DEFAULT_DEADLINE_CONFIG.dueSoonHours).toBe(4);
    expect(deadlineConfig({ dueSoonHours: 8 }).dueSoonHours).toBe(8);
    expect(() => deadlineConfig({ dueSoonHours: -1 })).toThrow('dueSoonHours');
    expect(() => deadlineConfig({ dueSoonHours: 1.5 })).toThrow('dueSoonHours');
  });
});
