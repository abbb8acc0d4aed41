import { Hono, type Context } from 'hono';
import { z } from '#domain/zod';
import { dueDate, listScheduleOverrides, removeScheduleOverride, saveScheduleOverride, yearCalendar, type StoredScheduleOverride } from '#application/calendar';
import type { AppDependencies } from '#application/context';
import { remindersFor, urgentDeadlines, type DeadlineReminder } from '#application/deadlines';
import { FIRST_INDEXED_YEAR, LAST_INDEXED_YEAR, ScheduleValidationError, shanghaiDate, type ScheduleIssue } from '#domain/calendar';
import type { Urgency } from '#domain/deadlines';
import { ValidationError } from '#domain/errors';
import { ApiRegistry, errorSchema } from '../api-registry';
import type { StaffEnv, WebEnv } from '../env';
import { formStep } from '../form-step';
import type { DeadlineChipProps, DeadlineUrgency } from '../views/components/DeadlineChip';
import { CalendarPage, type DueDateCalculator } from '../views/pages/CalendarPage';
import { CalendarAdminPage, SCHEDULE_FORM_FIELDS } from '../views/pages/calendar/CalendarAdminPage';
import { RemindersPage, type ReminderRow } from '../views/pages/calendar/RemindersPage';

const LAST_YEAR = LAST_INDEXED_YEAR - 1;

/** Domain urgency → the chip's class names. */
const CHIP_URGENCY: Record<Urgency, DeadlineUrgency> = { normal: 'normal', 'due-soon': 'soon', 'due-today': 'today', overdue: 'overdue' };

export function deadlineChip(due: string, urgency: Urgency, workingDaysLeft: number, provisional: boolean): DeadlineChipProps {
  return { dueDate: due, urgency: CHIP_URGENCY[urgency], workingDaysLeft, provisional };
}

/** Pages: the public calendar with its due-date calculator, the administrator's schedules, staff reminders. */
export function calendarRoutes(deps: AppDependencies) {
  const app = new Hono<WebEnv>();
  const calendarPage = async (c: Context<WebEnv>, year: number) => {
    const view = await yearCalendar(deps, year);
    const action = c.req.path;
    const values = { from: c.req.query('from'), workingDays: c.req.query('workingDays') };
    const calculator: DueDateCalculator = { action, values };
    if (values.from !== undefined || values.workingDays !== undefined) {
      try {
        const answer = await dueDate(deps, values.from, values.workingDays, true);
        calculator.result = {
          from: answer.from,
          workingDays: answer.workingDays,
          due: answer.due,
          provisional: answer.provisional,
          explanation: answer.explanation!.text,
          apiHref: `/api/calendar/due?from=${answer.from}&workingDays=${answer.workingDays}&explain=1`,
        };
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        calculator.errors = Object.keys(error.fields).length ? error.fields : { from: error.message };
      }
    }
    c.header('Cache-Control', calculator.errors ? 'no-store' : 'public, max-age=60');
    return c.render(
      <CalendarPage
        year={view.year}
        covered={view.covered}
        months={view.months}
        holidays={view.holidays.map((h) => ({ name: h.scope === 'local' ? `${h.name}（${h.region ?? '地方'}）` : h.name, from: h.from, to: h.to }))}
        makeupDays={view.makeupWorkdays.map((m) => m.date)}
        prevYearHref={year > FIRST_INDEXED_YEAR ? `/calendar/${year - 1}` : undefined}
        nextYearHref={year < LAST_YEAR ? `/calendar/${year + 1}` : undefined}
        calculator={calculator}
      />,
      calculator.errors ? 400 : 200,
    );
  };

  app.get('/calendar', (c) => calendarPage(c, +shanghaiDate(deps.clock.now()).slice(0, 4)));
  app.get('/calendar/:year', (c) => {
    const year = c.req.param('year');
    if (!/^\d{4}$/.test(year) || +year < FIRST_INDEXED_YEAR || +year > LAST_YEAR) {
      throw new ValidationError(`年份须为${FIRST_INDEXED_YEAR}至${LAST_YEAR}之间的四位数字。`);
    }
    return calendarPage(c, +year);
  });

  return app;
}

/** The administrator's holiday schedules and every member of staff's reminders. */
export function staffCalendarRoutes(deps: AppDependencies) {
  const app = new Hono<StaffEnv>();
  const adminPage = async (c: Context<StaffEnv>, extra: { values?: Record<string, string>; errors?: Record<string, string>; needsConfirm?: boolean; flash?: string } = {}) => {
    const stored = await listScheduleOverrides(deps);
    return <CalendarAdminPage rows={stored.map(toRow)} action="/staff/calendar" {...extra} />;
  };

  app.get('/staff/calendar', async (c) => {
    const flash = c.req.query('saved') ? '节假日安排已保存，受影响的期限已重新计算。' : c.req.query('removed') ? '节假日安排已删除，受影响的期限已重新计算。' : undefined;
    return c.render(await adminPage(c, { flash }));
  });

  const scheduleForm = (body: Record<string, unknown>) => {
    const values: Record<string, string> = {};
    for (const name of SCHEDULE_FORM_FIELDS) if (typeof body[name] === 'string') values[name] = body[name] as string;
    return { values, ...scheduleFromForm(values) };
  };

  formStep(app, '/staff/calendar', {
    run: async (c, body) => {
      const form = scheduleForm(body);
      try {
        if (form.errors) throw new ValidationError('提交的信息有误，请按提示修改。', form.errors);
        await saveScheduleOverride(deps, c.get('staff'), form.schedule, { confirmReplace: form.values.confirmReplace === '1' });
      } catch (error) {
        // The refusal names the form's own fields: a schedule's issues per line, other paths mapped.
        if (error instanceof ScheduleValidationError) throw new ValidationError(error.message, formErrors(error.issues, form.lines));
        if (error instanceof ValidationError) throw new ValidationError(error.message, mapFields(error.fields, error.message));
        throw error;
      }
      return '/staff/calendar?saved=1';
    },
    again: async (c, refusal, body) => {
      const errors = refusal.errors();
      return c.render(await adminPage(c, { values: scheduleForm(body).values, errors, needsConfirm: !!errors.confirmReplace }));
    },
  });

  app.post('/staff/calendar/:id/remove', async (c) => {
    await removeScheduleOverride(deps, c.get('staff'), c.req.param('id'));
    return c.redirect('/staff/calendar?removed=1', 303);
  });

  app.get('/staff/reminders', async (c) => {
    const staff = c.get('staff');
    const [mine, urgent] = await Promise.all([remindersFor(deps, staff), urgentDeadlines(deps)]);
    return c.render(
      <RemindersPage
        reminders={mine.mine.map((r) => reminderRow(r, deps))}
        escalations={staff.roles.includes('leader') ? mine.escalations.map((r) => reminderRow(r, deps)) : undefined}
        urgent={urgent.items.map(({ summary, status }) => ({
          title: summary.title,
          kindLabel: deps.caseTypes.deadlineLabel(summary.kind),
          responsible: summary.responsible.name,
          chip: deadlineChip(summary.due, status.urgency, status.workingDaysLeft, summary.provisional),
        }))}
      />,
    );
  });

  return app;
}

function reminderRow(r: DeadlineReminder, deps: Pick<AppDependencies, 'caseTypes'>): ReminderRow {
  return { date: r.date, title: r.title, kindLabel: deps.caseTypes.deadlineLabel(r.kind), responsible: r.responsible.name, chip: deadlineChip(r.due, r.urgency, r.workingDaysLeft, r.provisional) };
}

function toRow(s: StoredScheduleOverride) {
  const sc = s.schedule;
  return {
    id: s.id,
    year: sc.year,
    scopeLabel: sc.scope === 'national' ? '全国' : '地方',
    region: sc.scope === 'local' ? sc.region : undefined,
    title: sc.source.title,
    documentNumber: sc.source.documentNumber,
    holidays: sc.holidays.map((h) => (h.from === h.to ? `${h.name} ${h.from}` : `${h.name} ${h.from} 至 ${h.to}`)),
    makeupDays: sc.makeupWorkdays.map((m) => `${m.name} ${m.date}`),
    active: s.status === 'active',
    savedAt: s.savedAt,
    savedBy: s.savedBy.name,
    removeAction: s.status === 'active' ? `/staff/calendar/${encodeURIComponent(s.id)}/remove` : undefined,
  };
}

// ---- the administrator's form ----

const DATE_TOKEN = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

function normaliseDate(token: string): string | undefined {
  const m = DATE_TOKEN.exec(token);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

/** Splits a line into its name and dates ("春节 2027-02-05 至 2027-02-11", "春节，2027年2月14日"). */
function splitLine(line: string): { name: string; dates: string[] } {
  const tokens = line.split(/[\s,，;；~～]+|至|到/).filter(Boolean);
  const dates: string[] = [];
  const names: string[] = [];
  for (const t of tokens) {
    const d = normaliseDate(t);
    if (d) dates.push(d);
    else names.push(t);
  }
  return { name: names.join(''), dates };
}

interface ParsedForm {
  schedule: Record<string, unknown>;
  /** Line number (1-based) of holidays[i] and makeupWorkdays[i]. */
  lines: { holidays: number[]; makeupWorkdays: number[] };
  errors?: Record<string, string>;
}

/** The form's text fields → the schedule shape the domain validates; only line syntax is checked here. */
export function scheduleFromForm(values: Record<string, string>): ParsedForm {
  const errors: Record<string, string> = {};
  const lines = { holidays: [] as number[], makeupWorkdays: [] as number[] };
  const holidays: { name: string; from: string; to: string }[] = [];
  const lineErrors: string[] = [];
  (values.holidays ?? '').split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const { name, dates } = splitLine(line);
    if (dates.length < 1 || dates.length > 2) {
      lineErrors.push(`第${i + 1}行：格式应为“名称 开始日期 结束日期”，日期写作YYYY-MM-DD`);
      return;
    }
    holidays.push({ name, from: dates[0]!, to: dates[1] ?? dates[0]! });
    lines.holidays.push(i + 1);
  });
  if (lineErrors.length) errors.holidays = lineErrors.join('；');
  const makeups: { name: string; date: string }[] = [];
  const makeupErrors: string[] = [];
  (values.makeupWorkdays ?? '').split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const { name, dates } = splitLine(line);
    if (dates.length !== 1) {
      makeupErrors.push(`第${i + 1}行：格式应为“名称 日期”，日期写作YYYY-MM-DD`);
      return;
    }
    makeups.push({ name, date: dates[0]! });
    lines.makeupWorkdays.push(i + 1);
  });
  if (makeupErrors.length) errors.makeupWorkdays = makeupErrors.join('；');
  const year = (values.year ?? '').trim();
  if (!/^\d{4}$/.test(year)) errors.year = '请填写四位数字的年度，例如 2027。';
  const scope = values.scope === 'local' ? 'local' : values.scope === 'national' ? 'national' : values.scope;
  const source: Record<string, string> = { title: values.title ?? '' };
  if (values.documentNumber?.trim()) source.documentNumber = values.documentNumber.trim();
  if (values.issuedOn?.trim()) source.issuedOn = normaliseDate(values.issuedOn.trim()) ?? values.issuedOn.trim();
  const schedule: Record<string, unknown> = { scope, year: Number(year), source, holidays, makeupWorkdays: makeups };
  if (scope === 'local') schedule.region = values.region ?? '';
  return { schedule, lines, ...(Object.keys(errors).length ? { errors } : {}) };
}

const PATH_FIELD: Record<string, string> = {
  year: 'year',
  scope: 'scope',
  region: 'region',
  id: '_',
  'source.title': 'title',
  'source.documentNumber': 'documentNumber',
  'source.issuedOn': 'issuedOn',
};

/** Schedule issues (paths like holidays.2.to) → one message per form field, with line numbers. */
function formErrors(issues: readonly ScheduleIssue[], lines: ParsedForm['lines']): Record<string, string> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) {
    const [head, index] = issue.path.split('.');
    let field = PATH_FIELD[issue.path] ?? '_';
    let message = issue.message;
    if (head === 'holidays' || head === 'makeupWorkdays') {
      field = head;
      const line = index !== undefined ? lines[head][Number(index)] : undefined;
      if (line !== undefined) message = `第${line}行：${message}`;
    }
    (grouped[field] ??= []).includes(message) || grouped[field]!.push(message);
  }
  return Object.fromEntries(Object.entries(grouped).map(([f, ms]) => [f, ms.slice(0, 3).join('；') + (ms.length > 3 ? `；另有${ms.length - 3}处问题` : '')]));
}

function mapFields(fields: Record<string, string>, message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, m] of Object.entries(fields)) out[PATH_FIELD[path] ?? (SCHEDULE_FORM_FIELDS.includes(path as never) ? path : '_')] ??= m;
  if (Object.keys(out).length === 0) out._ = message;
  return out;
}

// ---- JSON API ----

const holidaySpan = z.object({ name: z.string(), from: z.string(), to: z.string(), days: z.number().int(), scope: z.enum(['national', 'local']), region: z.string().optional() });
const makeupDay = z.object({ date: z.string(), name: z.string(), scope: z.enum(['national', 'local']), region: z.string().optional() });
const source = z.object({ title: z.string(), documentNumber: z.string().optional(), issuedOn: z.string().optional() });

const dueAnswer = z.object({
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

const yearAnswer = z.object({
  year: z.number().int(),
  covered: z.boolean(),
  source: source.optional(),
  holidays: z.array(holidaySpan),
  makeupWorkdays: z.array(makeupDay),
  localAdjustments: z.array(z.object({ id: z.string(), region: z.string(), source })),
  workingDays: z.number().int(),
});

const storedOverride = z.object({
  id: z.string(),
  status: z.enum(['active', 'removed']),
  schedule: z.record(z.string(), z.unknown()),
  savedAt: z.string(),
  savedBy: z.object({ id: z.string(), name: z.string() }),
  removedAt: z.string().optional(),
  removedBy: z.object({ id: z.string(), name: z.string() }).optional(),
});

const overrideBody = z
  .object({
    scope: z.enum(['national', 'local'], { error: '范围必须是national（全国）或local（地方）' }),
    year: z.number({ error: '年份必须是数字' }).int({ error: '年份必须是整数' }),
    region: z.string().optional(),
    source: z.object({ title: z.string(), documentNumber: z.string().optional(), issuedOn: z.string().optional() }, { error: '请提供依据文件（source.title）' }),
    holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() }), { error: '放假安排（holidays）须为数组' }),
    makeupWorkdays: z.array(z.object({ name: z.string(), date: z.string() }), { error: '调休上班日（makeupWorkdays）须为数组' }),
    confirmReplace: z.boolean().optional(),
  })
  .loose();

const changeAnswer = z.object({
  override: storedOverride,
  warnings: z.array(z.string()),
  yearsChanged: z.array(z.number().int()),
  recomputed: z.object({ examined: z.number(), changed: z.number(), unchanged: z.number(), closed: z.number(), unregistered: z.number(), failed: z.number() }),
});

const invalid = { 400: { description: '请求无效', schema: errorSchema } };
const adminOnly = { ...invalid, 401: { description: '未登录', schema: errorSchema }, 403: { description: '无权限（仅管理员）', schema: errorSchema } };

/**
 * The calendar API, registered from apiRoutes so it appears in /api/openapi.json. Static paths
 * (/due, /overrides) are registered before /{year}.
 */
export function registerCalendarApi(app: Hono<WebEnv>, api: ApiRegistry, deps: AppDependencies): void {
  api.define(
    app,
    {
      method: 'get',
      path: '/api/calendar/due',
      tag: 'calendar',
      summary: '期限计算：起算日期后第 N 个工作日（explain=1 时附“为什么是这一天”）',
      query: z.object({ from: z.string().optional(), workingDays: z.string().optional(), explain: z.enum(['0', '1']).optional() }),
      responses: { 200: { description: '截止日期', schema: dueAnswer }, ...invalid },
    },
    async (c, { query }) => {
      const answer = await dueDate(deps, query.from, query.workingDays, query.explain === '1');
      c.header('Cache-Control', 'public, max-age=60');
      return c.json(answer);
    },
  );

  api.defineStaff(
    app,
    {
      method: 'get',
      path: '/api/calendar/overrides',
      tag: 'calendar',
      summary: '已录入的节假日安排（管理员）',
      responses: { 200: { description: '安排列表', schema: z.object({ items: z.array(storedOverride) }) }, ...adminOnly },
    },
    async (c) => c.json({ items: await listScheduleOverrides(deps) }),
  );

  api.defineStaff(
    app,
    {
      method: 'post',
      path: '/api/calendar/overrides',
      tag: 'calendar',
      summary: '录入次年全国安排或地方调整（管理员）；受影响的未办结期限自动重新计算',
      body: overrideBody,
      responses: { 201: { description: '已保存', schema: changeAnswer }, ...adminOnly },
    },
    async (c, { body, staff }) => {
      const { confirmReplace, ...schedule } = body;
      return c.json(await saveScheduleOverride(deps, staff, schedule, { confirmReplace }), 201);
    },
  );

  api.defineStaff(
    app,
    {
      method: 'delete',
      path: '/api/calendar/overrides/{id}',
      tag: 'calendar',
      summary: '删除已录入的安排（管理员；记录保留并标记为已删除）',
      responses: { 200: { description: '已删除', schema: changeAnswer }, 404: { description: '安排不存在', schema: errorSchema }, ...adminOnly },
    },
    async (c, { staff }) => c.json(await removeScheduleOverride(deps, staff, c.req.param('id')!)),
  );

  api.define(
    app,
    {
      method: 'get',
      path: '/api/calendar/{year}',
      tag: 'calendar',
      summary: '某年的法定节假日、调休上班日及该年安排是否已发布',
      responses: { 200: { description: '年度日历', schema: yearAnswer }, ...invalid },
    },
    async (c) => {
      const { months: _grid, amendments: _amendments, ...view } = await yearCalendar(deps, c.req.param('year'));
      c.header('Cache-Control', 'public, max-age=60');
      return c.json(view);
    },
  );
}
