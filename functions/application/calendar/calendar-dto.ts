/**
 * What the calendar's JSON API says: the due-date calculator's answer, a year's holidays and
 * make-up working days, and the schedules administrators stored with the effect of a change.
 * Explicit allow-lists, declared once as schemas that both document the responses (OpenAPI) and
 * build them (`parse` drops every field not listed: the year's day grid and its amendments stay
 * with the pages).
 */
import { z } from '#domain/zod';
import type { DueDateAnswer, ScheduleChangeResult, StoredScheduleOverride, YearCalendar } from './index';

const scope = z.enum(['national', 'local']);
const holidaySpan = z.object({ name: z.string(), from: z.string(), to: z.string(), days: z.number().int(), scope, region: z.string().optional() });
const makeupDay = z.object({ date: z.string(), name: z.string(), scope, region: z.string().optional() });
const source = z.object({ title: z.string(), documentNumber: z.string().optional(), issuedOn: z.string().optional() });
const staffRef = z.object({ id: z.string(), name: z.string() });

export const dueDateSchema = z.object({
  from: z.string(),
  workingDays: z.number().int(),
  due: z.string(),
  provisional: z.boolean(),
  explanation: z
    .object({
      text: z.string(),
      calendarDays: z.number().int(),
      weekendDaysSkipped: z.number().int(),
      holidaysSkipped: z.array(holidaySpan),
      makeupWorkdaysCounted: z.array(makeupDay.extend({ kind: z.string() })),
      pendingNoticeYears: z.array(z.number().int()),
    })
    .optional(),
});

export const yearCalendarSchema = z.object({
  year: z.number().int(),
  covered: z.boolean(),
  source: source.optional(),
  holidays: z.array(holidaySpan),
  makeupWorkdays: z.array(makeupDay.extend({ kind: z.string(), weekday: z.number().int() })),
  localAdjustments: z.array(z.object({ id: z.string(), region: z.string(), source })),
  workingDays: z.number().int(),
});

export const storedOverrideSchema = z.object({
  id: z.string(),
  status: z.enum(['active', 'removed']),
  schedule: z.record(z.string(), z.unknown()),
  savedAt: z.string(),
  savedBy: staffRef,
  removedAt: z.string().optional(),
  removedBy: staffRef.optional(),
});

export const overrideListSchema = z.object({ items: z.array(storedOverrideSchema) });

export const scheduleChangeSchema = z.object({
  override: storedOverrideSchema,
  warnings: z.array(z.string()),
  yearsChanged: z.array(z.number().int()),
  recomputed: z.object({ examined: z.number(), changed: z.number(), unchanged: z.number(), closed: z.number(), unregistered: z.number(), failed: z.number() }),
});

export type DueDateDto = z.infer<typeof dueDateSchema>;
export type YearCalendarDto = z.infer<typeof yearCalendarSchema>;
export type OverrideListDto = z.infer<typeof overrideListSchema>;
export type ScheduleChangeDto = z.infer<typeof scheduleChangeSchema>;

export function toDueDateDto(answer: DueDateAnswer): DueDateDto {
  return dueDateSchema.parse(answer);
}

/** The year's facts without its day grid (months) or the amendments of its notice. */
export function toYearCalendarDto(view: YearCalendar): YearCalendarDto {
  return yearCalendarSchema.parse({
    year: view.year,
    covered: view.covered,
    source: view.source,
    holidays: view.holidays,
    makeupWorkdays: view.makeupWorkdays,
    localAdjustments: view.localAdjustments,
    workingDays: view.workingDays,
  });
}

export function toOverrideListDto(items: readonly StoredScheduleOverride[]): OverrideListDto {
  return overrideListSchema.parse({ items });
}

export function toScheduleChangeDto(change: ScheduleChangeResult): ScheduleChangeDto {
  return scheduleChangeSchema.parse(change);
}
