import type { StoredScheduleOverride } from '#application/calendar';
import type { Urgency } from '#domain/deadlines';
import { shanghaiDateTime } from '#web/page-context';
import { urgencyOf } from '../requests/view-model';

interface OpenDeadline {
  readonly title: string;
  readonly kind: string;
  readonly responsible: { readonly name: string };
  readonly due: string;
  /** A deadline counted in hours: the due instant and the hours left (shown instead of working days). */
  readonly dueAt?: string | undefined;
  readonly hoursLeft?: number | undefined;
  readonly urgency: Urgency;
  readonly workingDaysLeft: number;
  readonly provisional: boolean;
}

/** A row of the reminders page: the case, its deadline's kind (labelled by its case type), who answers for it, the chip. */
export function deadlineRow(d: OpenDeadline, kindLabel: (kind: string) => string) {
  return {
    title: d.title,
    kindLabel: kindLabel(d.kind),
    responsible: d.responsible.name,
    chip: { dueDate: d.due, urgency: urgencyOf(d.urgency), workingDaysLeft: d.workingDaysLeft, provisional: d.provisional, dueAt: d.dueAt, hoursLeft: d.hoursLeft },
  };
}

export type DeadlineRow = ReturnType<typeof deadlineRow>;
/** A reminder: the deadline and the day it was sent. */
export type ReminderRow = DeadlineRow & { date: string };

/** A stored schedule as the administrator's table shows it; only an active one can be removed (removeAction). */
export function scheduleRow({ id, schedule: sc, status, savedAt, savedBy }: StoredScheduleOverride) {
  return {
    year: sc.year,
    region: sc.scope === 'local' ? sc.region : undefined,
    scope: sc.scope === 'local' ? `地方（${sc.region}）` : '全国',
    source: sc.source.documentNumber ? `${sc.source.title}（${sc.source.documentNumber}）` : sc.source.title,
    holidays: sc.holidays.map((h) => (h.from === h.to ? `${h.name} ${h.from}` : `${h.name} ${h.from} 至 ${h.to}`)),
    makeupDays: sc.makeupWorkdays.map((m) => `${m.name} ${m.date}`),
    saved: `${shanghaiDateTime(savedAt)} ${savedBy.name}`,
    removeAction: status === 'active' ? `/staff/calendar/${encodeURIComponent(id)}/remove` : undefined,
  };
}

export type StoredScheduleRow = ReturnType<typeof scheduleRow>;
