/** Plain-Chinese renderings of calendar explanations (UI text). */
import { formatDateZh, weekdayNameZh, type IsoDate } from './iso-date';
import { DayKind, type HolidaySpan, type SpanExplanation, type WorkingDayExplanation } from './working-calendar';

const KIND_ZH: Record<DayKind, string> = {
  WORKDAY: '工作日',
  WEEKEND: '休息日',
  HOLIDAY: '法定节假日',
  MAKEUP_WORKDAY: '调休上班日',
};

export function dayKindZh(kind: DayKind): string {
  return KIND_ZH[kind];
}

/** "2026年2月26日（星期四）" */
export function dateWithWeekdayZh(date: IsoDate): string {
  return `${formatDateZh(date)}（${weekdayNameZh(date)}）`;
}

/** "2月23日" when in the same year as `from`, else the full date. */
function shortEnd(from: IsoDate, to: IsoDate): string {
  return from.slice(0, 4) === to.slice(0, 4) ? formatDateZh(to).slice(5) : formatDateZh(to);
}

function holidaySpanZh(h: HolidaySpan): string {
  const where = h.scope === 'local' ? `，${h.region ?? '地方'}规定` : '';
  return h.from === h.to ? `${h.name}（${formatDateZh(h.from)}${where}）` : `${h.name}（${formatDateZh(h.from)}至${shortEnd(h.from, h.to)}，共${h.days}天${where}）`;
}

/** Sentences about skipped and counted days in a span; empty parts are left out. */
export function renderSpanDetails(span: SpanExplanation): string[] {
  const out: string[] = [];
  if (span.weekendDaysSkipped > 0) out.push(`跳过周末${span.weekendDaysSkipped}天`);
  if (span.holidaysSkipped.length > 0) out.push(`跳过节假日：${span.holidaysSkipped.map(holidaySpanZh).join('、')}`);
  if (span.makeupWorkdaysCounted.length > 0) {
    out.push(
      `计入调休上班日：${span.makeupWorkdaysCounted
        .map((m) => `${formatDateZh(m.date)}（${weekdayNameZh(m.date)}，${m.name}调休${m.scope === 'local' ? `，${m.region ?? '地方'}规定` : ''}）`)
        .join('、')}`,
    );
  }
  return out;
}

export function renderProvisionalNote(pendingNoticeYears: readonly number[]): string {
  const years = pendingNoticeYears.length > 0 ? pendingNoticeYears.map((y) => `${y}年`).join('、') : '部分年份';
  return `注意：${years}的节假日安排尚未发布，涉及的日期暂按周一至周五计算，此日期为暂定日期，安排发布后将自动重新计算。`;
}

/**
 * "why this date" for one working-day count.
 * @param eventLabel what happened on `from`, e.g. "收到申请".
 */
export function renderWorkingDayExplanation(e: WorkingDayExplanation, eventLabel = '起算事件'): string {
  const fromNote = e.fromKind === DayKind.WORKDAY ? '' : `，该日为${KIND_ZH[e.fromKind]}`;
  let text = `自${dateWithWeekdayZh(e.from).replace('）', `，${eventLabel}之日）`)}的次日起计算${e.requestedWorkingDays}个工作日（当日不计入${fromNote}），截止日期为${dateWithWeekdayZh(e.due)}。`;
  const details = renderSpanDetails(e);
  if (details.length > 0) text += `期间${details.join('；')}。`;
  if (e.provisional) text += renderProvisionalNote(e.pendingNoticeYears);
  return text;
}
