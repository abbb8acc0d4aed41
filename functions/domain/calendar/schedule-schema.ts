/**
 * Validation of administrator-entered schedules (next year's national notice, or a local
 * adjustment). Messages are plain Chinese because they are shown to the administrator as is.
 */
import { z } from '../zod';
import { ScheduleValidationError, type ScheduleIssue } from './errors';
import { fromDayNumber, isIsoDate, toDayNumber, weekdayOfDayNumber, type IsoDate } from './iso-date';
import { NATIONAL_FESTIVALS, type LocalAdjustment, type NationalSchedule, type ScheduleOverride } from './schedule';

// 2001: a national schedule may reach back to December of the previous year, and the index starts in 2000.
export const MIN_SCHEDULE_YEAR = 2001;
export const MAX_SCHEDULE_YEAR = 2099;
/**
 * The notice for year Y may start New Year's Day in late December of Y-1 (2019: from
 * 2018-12-29; 2023: from 2022-12-31). Allow national dates from December 20 of Y-1.
 */
const NATIONAL_EARLIEST_MONTH_DAY = '12-20';
/** Longest plausible single holiday range (2020's extended Spring Festival was 10 days). */
const MAX_RANGE_DAYS = 31;

const isoDateSchema = z
  .string({ error: '日期必须填写为文本，格式为YYYY-MM-DD' })
  .refine(isIsoDate, { error: '日期格式应为YYYY-MM-DD，且必须是真实存在的日期' })
  .transform((s) => s as IsoDate);

const nameSchema = z.string({ error: '名称必须填写' }).trim().min(1, { error: '名称不能为空' }).max(40, { error: '名称不能超过40个字' });

const holidayRangeSchema = z.object({ name: nameSchema, from: isoDateSchema, to: isoDateSchema });
const makeupSchema = z.object({ name: nameSchema, date: isoDateSchema });

const sourceSchema = z.object({
  title: z.string({ error: '文件标题必须填写' }).trim().min(1, { error: '文件标题不能为空' }).max(200, { error: '文件标题过长' }),
  issuedOn: isoDateSchema.optional(),
  documentNumber: z.string().trim().max(60, { error: '文号过长' }).optional(),
});

const yearSchema = z
  .number({ error: '年份必须是数字' })
  .int({ error: '年份必须是整数' })
  .min(MIN_SCHEDULE_YEAR, { error: `年份不能早于${MIN_SCHEDULE_YEAR}年` })
  .max(MAX_SCHEDULE_YEAR, { error: `年份不能晚于${MAX_SCHEDULE_YEAR}年` });

type Ctx = z.RefinementCtx;

/** Cross-field rules shared by national and local schedules. */
function checkDates(
  s: { year: number; holidays: readonly { name: string; from: string; to: string }[]; makeupWorkdays: readonly { date: string }[] },
  earliest: string,
  earliestLabel: string,
  ctx: Ctx,
): void {
  const latest = `${s.year}-12-31`;
  const holidayDays = new Map<number, number>(); // day → index of range
  s.holidays.forEach((r, i) => {
    // Field-level issues are already reported; Zod 4 may still run this refinement.
    if (!isIsoDate(r.from) || !isIsoDate(r.to)) return;
    for (const [key, value] of [
      ['from', r.from],
      ['to', r.to],
    ] as const) {
      if (value < earliest || value > latest) {
        ctx.addIssue({ code: 'custom', path: ['holidays', i, key], message: `日期${value}不在${earliestLabel}至${s.year}年12月31日的范围内` });
      }
    }
    if (r.from > r.to) {
      ctx.addIssue({ code: 'custom', path: ['holidays', i, 'to'], message: `结束日期${r.to}不能早于开始日期${r.from}` });
      return;
    }
    const a = toDayNumber(r.from);
    const b = toDayNumber(r.to);
    if (b - a + 1 > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `一段假期不能超过${MAX_RANGE_DAYS}天` });
      return;
    }
    for (let d = a; d <= b; d++) {
      const other = holidayDays.get(d);
      if (other !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `假期与第${other + 1}段假期重叠（${fromDayNumber(d)}）` });
        break;
      }
      holidayDays.set(d, i);
    }
  });
  const seen = new Set<string>();
  s.makeupWorkdays.forEach((mk, i) => {
    if (!isIsoDate(mk.date)) return;
    if (mk.date < earliest || mk.date > latest) {
      ctx.addIssue({ code: 'custom', path: ['makeupWorkdays', i, 'date'], message: `日期${mk.date}不在${earliestLabel}至${s.year}年12月31日的范围内` });
    }
    if (seen.has(mk.date)) {
      ctx.addIssue({ code: 'custom', path: ['makeupWorkdays', i, 'date'], message: `调休上班日${mk.date}重复` });
    }
    seen.add(mk.date);
    const dn = toDayNumber(mk.date);
    const wd = weekdayOfDayNumber(dn);
    if (wd !== 0 && wd !== 6) {
      ctx.addIssue({ code: 'custom', path: ['makeupWorkdays', i, 'date'], message: `调休上班日${mk.date}不是星期六或星期日，本来就是工作日` });
    }
    if (holidayDays.has(dn)) {
      ctx.addIssue({ code: 'custom', path: ['makeupWorkdays', i, 'date'], message: `${mk.date}不能同时是放假日和调休上班日` });
    }
  });
}

function isNationalName(name: string): boolean {
  return name.split('、').every((part) => (NATIONAL_FESTIVALS as readonly string[]).includes(part));
}

export const nationalScheduleSchema = z
  .object({
    scope: z.literal('national', { error: '范围必须是national（全国）或local（地方）' }),
    year: yearSchema,
    source: sourceSchema,
    amendments: z.array(sourceSchema.extend({ summary: z.string().trim().min(1, { error: '修订说明不能为空' }).max(500, { error: '修订说明不能超过500个字' }) })).optional(),
    holidays: z.array(holidayRangeSchema).min(1, { error: '全国安排至少应有一段假期' }),
    makeupWorkdays: z.array(makeupSchema),
  })
  .superRefine((s, ctx) => {
    if (!Array.isArray(s.holidays) || !Array.isArray(s.makeupWorkdays)) return;
    checkDates(s, `${s.year - 1}-${NATIONAL_EARLIEST_MONTH_DAY}`, `${s.year - 1}年12月20日`, ctx);
    s.holidays.forEach((r, i) => {
      if (typeof r.name === 'string' && !isNationalName(r.name)) {
        ctx.addIssue({ code: 'custom', path: ['holidays', i, 'name'], message: `全国假期名称应为${NATIONAL_FESTIVALS.join('、')}之一（合并放假用“、”连接）` });
      }
    });
    s.makeupWorkdays.forEach((mk, i) => {
      if (typeof mk.name === 'string' && !isNationalName(mk.name)) {
        ctx.addIssue({ code: 'custom', path: ['makeupWorkdays', i, 'name'], message: `调休上班日应注明对应的节日（${NATIONAL_FESTIVALS.join('、')}）` });
      }
    });
  });

export const localAdjustmentSchema = z
  .object({
    scope: z.literal('local', { error: '范围必须是national（全国）或local（地方）' }),
    id: z.string({ error: '编号必须填写' }).trim().min(1, { error: '编号不能为空' }).max(100, { error: '编号过长' }),
    year: yearSchema,
    region: z.string({ error: '地区必须填写' }).trim().min(1, { error: '地区不能为空' }).max(60, { error: '地区名称过长' }),
    source: sourceSchema,
    holidays: z.array(holidayRangeSchema),
    makeupWorkdays: z.array(makeupSchema),
  })
  .superRefine((s, ctx) => {
    if (!Array.isArray(s.holidays) || !Array.isArray(s.makeupWorkdays)) return;
    if (s.holidays.length === 0 && s.makeupWorkdays.length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: '地方调整至少应包含一段假期或一个调休上班日' });
    }
    // A local decree only concerns its own year (no New Year spill-over).
    checkDates(s, `${s.year}-01-01`, `${s.year}年1月1日`, ctx);
  });

export const scheduleOverrideSchema = z.discriminatedUnion('scope', [nationalScheduleSchema, localAdjustmentSchema], {
  error: '范围必须是national（全国）或local（地方）',
});

function toIssues(error: z.ZodError): ScheduleIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export type ScheduleParseResult = { readonly ok: true; readonly value: ScheduleOverride } | { readonly ok: false; readonly issues: readonly ScheduleIssue[] };

export function safeParseScheduleOverride(input: unknown): ScheduleParseResult {
  const r = scheduleOverrideSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data as ScheduleOverride } : { ok: false, issues: toIssues(r.error) };
}

/** Parses untrusted input (admin form / stored item); throws ScheduleValidationError. */
export function parseScheduleOverride(input: unknown): ScheduleOverride {
  const r = safeParseScheduleOverride(input);
  if (!r.ok) throw new ScheduleValidationError(r.issues);
  return r.value;
}

export function parseNationalSchedule(input: unknown): NationalSchedule {
  const r = nationalScheduleSchema.safeParse(input);
  if (!r.success) throw new ScheduleValidationError(toIssues(r.error));
  return r.data as NationalSchedule;
}

export function parseLocalAdjustment(input: unknown): LocalAdjustment {
  const r = localAdjustmentSchema.safeParse(input);
  if (!r.success) throw new ScheduleValidationError(toIssues(r.error));
  return r.data as LocalAdjustment;
}
