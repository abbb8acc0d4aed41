import type { Hono } from 'hono';
import { z } from '#domain/zod';
import { dueDate, listScheduleOverrides, removeScheduleOverride, saveScheduleOverride, yearCalendar } from '#application/calendar';
import type { AppDependencies } from '#application/context';
import {
  dueDateSchema,
  overrideListSchema,
  scheduleChangeSchema,
  toDueDateDto,
  toOverrideListDto,
  toScheduleChangeDto,
  toYearCalendarDto,
  yearCalendarSchema,
} from '#application/calendar/calendar-dto';
import type { ApiRegistry } from '../api-registry';
import type { WebEnv } from '../env';
import { refusals } from './responses';

// The calendar's JSON API; its pages are in web/features/calendar.

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

/**
 * The calendar API, registered from apiRoutes so it appears in /api/openapi.json. Static paths
 * (/due, /overrides) are registered before /{year}.
 */
export function registerCalendarApi(app: Hono<WebEnv>, api: ApiRegistry, deps: AppDependencies): void {
  const open = api.area(app, 'calendar', refusals([400]));
  const admin = api.staffArea(app, 'calendar', refusals([400, 401, 403], { 403: '无权限（仅管理员）' }));

  open.get('/api/calendar/due', {
    summary: '期限计算：起算日期后第 N 个工作日（explain=1 时附“为什么是这一天”）',
    query: z.object({ from: z.string().optional(), workingDays: z.string().optional(), explain: z.enum(['0', '1']).optional() }),
    responses: { 200: { description: '截止日期', schema: dueDateSchema } },
    run: async (c, { query }) => {
      const answer = toDueDateDto(await dueDate(deps, query.from, query.workingDays, query.explain === '1'));
      c.header('Cache-Control', 'public, max-age=60');
      return c.json(answer);
    },
  });

  admin.get('/api/calendar/overrides', {
    summary: '已录入的节假日安排（管理员）',
    responses: { 200: { description: '安排列表', schema: overrideListSchema } },
    run: async (c) => c.json(toOverrideListDto(await listScheduleOverrides(deps))),
  });

  admin.post('/api/calendar/overrides', {
    summary: '录入次年全国安排或地方调整（管理员）；受影响的未办结期限自动重新计算',
    body: overrideBody,
    responses: { 201: { description: '已保存', schema: scheduleChangeSchema } },
    run: async (c, { body, staff }) => {
      const { confirmReplace, ...schedule } = body;
      return c.json(toScheduleChangeDto(await saveScheduleOverride(deps, staff, schedule, { confirmReplace })), 201);
    },
  });

  admin.delete('/api/calendar/overrides/{id}', {
    summary: '删除已录入的安排（管理员；记录保留并标记为已删除）',
    responses: { 200: { description: '已删除', schema: scheduleChangeSchema }, ...refusals([404], { 404: '安排不存在' }) },
    run: async (c, { staff }) => c.json(toScheduleChangeDto(await removeScheduleOverride(deps, staff, c.req.param('id')!))),
  });

  open.get('/api/calendar/{year}', {
    summary: '某年的法定节假日、调休上班日及该年安排是否已发布',
    responses: { 200: { description: '年度日历', schema: yearCalendarSchema } },
    run: async (c) => {
      const view = toYearCalendarDto(await yearCalendar(deps, c.req.param('year')));
      c.header('Cache-Control', 'public, max-age=60');
      return c.json(view);
    },
  });
}
