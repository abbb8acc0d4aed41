import { Hono, type Context } from 'hono';
import { dueDate, listScheduleOverrides, removeScheduleOverride, saveScheduleOverride, yearCalendar } from '#application/calendar';
import type { AppDependencies } from '#application/context';
import { remindersFor, urgentDeadlines, type DeadlineReminder } from '#application/deadlines';
import { FIRST_INDEXED_YEAR, LAST_INDEXED_YEAR, ScheduleValidationError, shanghaiDate } from '#domain/calendar';
import { ValidationError } from '#domain/errors';
import type { StaffEnv, WebEnv } from '#web/env';
import { formStep } from '#web/form-step';
import { scheduleErrors, scheduleFromForm } from './forms';
import { CalendarAdminPage, CalendarPage, RemindersPage, type CalendarAdminPageProps, type DueDateCalculator } from './pages';
import { deadlineRow, scheduleRow } from './view-model';

/** The due-date calculator on the calendar page: what was typed, and the answer or why there is none. */
async function calculator(deps: AppDependencies, c: Context<WebEnv>): Promise<DueDateCalculator> {
  const form = { action: c.req.path, values: { from: c.req.query('from'), workingDays: c.req.query('workingDays') } };
  const { from, workingDays } = form.values;
  if (from === undefined && workingDays === undefined) return form;
  try {
    return { ...form, result: await dueDate(deps, from, workingDays, true) };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { ...form, errors: Object.keys(error.fields).length ? error.fields : { from: error.message } };
  }
}

/** Pages: the public calendar with its due-date calculator. */
export function calendarRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  // An unknown year is the use case's 400 (checkYear).
  const calendarPage = async (c: Context<WebEnv>, year: unknown) => {
    const [view, calc] = await Promise.all([yearCalendar(deps, year), calculator(deps, c)]);
    c.header('Cache-Control', calc.errors ? 'no-store' : 'public, max-age=60');
    return c.render(
      <CalendarPage
        year={view.year}
        covered={view.covered}
        months={view.months}
        holidays={view.holidays.map((h) => ({ name: h.scope === 'local' ? `${h.name}（${h.region ?? '地方'}）` : h.name, from: h.from, to: h.to }))}
        makeupDays={view.makeupWorkdays.map((m) => m.date)}
        prevYearHref={view.year > FIRST_INDEXED_YEAR ? `/calendar/${view.year - 1}` : undefined}
        nextYearHref={view.year < LAST_INDEXED_YEAR - 1 ? `/calendar/${view.year + 1}` : undefined}
        calculator={calc}
      />,
      calc.errors ? 400 : 200,
    );
  };

  app.get('/calendar', (c) => calendarPage(c, +shanghaiDate(deps.clock.now()).slice(0, 4)));
  app.get('/calendar/:year', (c) => calendarPage(c, c.req.param('year')));
  return app;
}

/** The administrator's holiday schedules and every member of staff's reminders. */
export function staffCalendarRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  const adminPage = async (c: Context<StaffEnv>, extra: Omit<CalendarAdminPageProps, 'rows'>) => c.render(<CalendarAdminPage rows={(await listScheduleOverrides(deps)).map(scheduleRow)} {...extra} />);

  app.get('/staff/calendar', (c) => {
    const flash = c.req.query('saved') ? '节假日安排已保存，受影响的期限已重新计算。' : c.req.query('removed') ? '节假日安排已删除，受影响的期限已重新计算。' : undefined;
    return adminPage(c, { flash });
  });

  formStep(app, '/staff/calendar', {
    run: async (c, body) => {
      const form = scheduleFromForm(body);
      try {
        if (form.errors) throw new ValidationError('提交的信息有误，请按提示修改。', form.errors);
        await saveScheduleOverride(deps, c.get('staff'), form.schedule, { confirmReplace: form.values.confirmReplace === 'yes' });
      } catch (error) {
        // The refusal names the form's own fields: a schedule's issues per line, other paths mapped.
        if (!(error instanceof ValidationError)) throw error;
        const issues = error instanceof ScheduleValidationError ? error.issues : Object.entries(error.fields).map(([path, message]) => ({ path, message }));
        throw new ValidationError(error.message, scheduleErrors(issues, form.lines));
      }
      return '/staff/calendar?saved=1';
    },
    again: (c, refusal, body) => adminPage(c, { values: scheduleFromForm(body).values, errors: refusal.errors() }),
  });

  app.post('/staff/calendar/:id/remove', async (c) => {
    await removeScheduleOverride(deps, c.get('staff'), c.req.param('id'));
    return c.redirect('/staff/calendar?removed=1', 303);
  });

  app.get('/staff/reminders', async (c) => {
    const staff = c.get('staff');
    const [mine, urgent] = await Promise.all([remindersFor(deps, staff), urgentDeadlines(deps)]);
    const label = (kind: string) => deps.caseTypes.deadlineLabel(kind);
    const row = (r: DeadlineReminder) => ({ date: r.date, ...deadlineRow(r, label) });
    return c.render(
      <RemindersPage
        reminders={mine.mine.map(row)}
        escalations={staff.roles.includes('leader') ? mine.escalations.map(row) : undefined}
        urgent={urgent.items.map(({ summary, status }) => deadlineRow({ ...summary, ...status }, label))}
      />,
    );
  });

  return app;
}
