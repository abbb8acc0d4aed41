import { ErrorSummary } from '../components/ErrorSummary';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import { formatDateZh, formatMonthDayZh, inclusiveDays, parseIsoDate, weekdayName, weekdayOf } from '../format';
import { Layout } from '../layouts/Layout';
import { ROUTES } from '../layouts/nav';

export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKEUP_WORKDAY';

export interface CalendarDay {
  /** "YYYY-MM-DD" */
  date: string;
  kind: DayKind;
  holidayName?: string;
}

export interface CalendarPageProps {
  year: number;
  /** false when the State Council holiday notice for the year is not loaded yet. */
  covered: boolean;
  /** 12 entries, each with every day of the month. */
  months: { month: number; days: CalendarDay[] }[];
  holidays: { name: string; from: string; to: string }[];
  makeupDays: string[];
  prevYearHref?: string;
  nextYearHref?: string;
  /** The due-date calculator (a GET form; works without JavaScript). */
  calculator?: DueDateCalculator;
}

export interface DueDateCalculator {
  /** Form action (the page itself). */
  action: string;
  /** What was typed, shown again as is. */
  values: { from?: string; workingDays?: string };
  /** Field errors keyed "from", "workingDays". */
  errors?: Record<string, string>;
  result?: {
    from: string;
    workingDays: number;
    due: string;
    provisional: boolean;
    /** "why this date" in plain Chinese. */
    explanation: string;
    /** The same answer as JSON (GET /api/calendar/due?…&explain=1). */
    apiHref: string;
  };
}

const WEEK_HEADERS = [
  ['一', '星期一'],
  ['二', '星期二'],
  ['三', '星期三'],
  ['四', '星期四'],
  ['五', '星期五'],
  ['六', '星期六'],
  ['日', '星期日'],
] as const;

export const NOT_COVERED_TEXT = '该年度节假日安排尚未发布，涉及该年度的期限按周一至周五暂定计算，安排发布后自动重新计算。';

/** Public working-day calendar used for statutory periods, with an explanation of how periods are counted. */
export function CalendarPage(props: CalendarPageProps) {
  const { year, covered, months, holidays, makeupDays, prevYearHref, nextYearHref, calculator } = props;
  return (
    <Layout title={`${year}年工作日日历`} section="apply" breadcrumbs={[{ href: ROUTES.home, label: '首页' }, { href: ROUTES.apply, label: '依申请公开' }, { label: `${year}年工作日日历` }]}>
      <div class="page-head">
        <h1 class="page-title">{year}年工作日日历</h1>
        {prevYearHref || nextYearHref ? (
          <nav class="year-nav" aria-label="切换年度">
            {prevYearHref ? (
              <a class="button button--secondary button--small" href={prevYearHref} rel="prev">
                ‹ {year - 1}年
              </a>
            ) : null}
            {nextYearHref ? (
              <a class="button button--secondary button--small" href={nextYearHref} rel="next">
                {year + 1}年 ›
              </a>
            ) : null}
          </nav>
        ) : null}
      </div>
      <p class="lead">
        政府信息公开申请的答复期限以工作日计算。
        {covered ? `本日历依据国务院办公厅公布的${year}年部分节假日安排编制，标明法定节假日和调休上班日。` : '该年度节假日安排发布前，本日历仅区分周一至周五和周六、周日。'}
      </p>

      {covered ? null : (
        <Notice kind="warning" title={`${year}年节假日安排尚未发布`}>
          <p>{NOT_COVERED_TEXT}</p>
        </Notice>
      )}

      <div class="calendar-summary">
        <section class="panel" aria-labelledby="holidays-title">
          <h2 class="section__title" id="holidays-title">
            法定节假日安排
          </h2>
          {holidays.length > 0 ? (
            <table class="data-table data-table--compact">
              <caption class="visually-hidden">{year}年法定节假日放假安排</caption>
              <thead>
                <tr>
                  <th scope="col">节日</th>
                  <th scope="col">放假时间</th>
                  <th scope="col" class="data-table__num">
                    天数
                  </th>
                </tr>
              </thead>
              <tbody>
                {holidays.map((h) => (
                  <tr>
                    <th scope="row">{h.name}</th>
                    <td>
                      <time datetime={h.from}>{formatMonthDayZh(h.from)}</time>
                      {h.to !== h.from ? (
                        <>
                          至<time datetime={h.to}>{formatMonthDayZh(h.to)}</time>
                        </>
                      ) : null}
                    </td>
                    <td class="data-table__num">{inclusiveDays(h.from, h.to)} 天</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">{covered ? '该年度无法定节假日记录。' : '尚未发布。'}</p>
          )}
        </section>
        <section class="panel" aria-labelledby="makeup-title">
          <h2 class="section__title" id="makeup-title">
            调休上班日
          </h2>
          {makeupDays.length > 0 ? (
            <ul class="makeup-list">
              {makeupDays.map((d) => (
                <li>
                  <time datetime={d}>{formatMonthDayZh(d)}</time>（{weekdayName(d)}）上班
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{covered ? '该年度无调休上班日。' : '尚未发布。'}</p>
          )}
          <p class="small">调休上班日计入工作日。</p>
        </section>
      </div>

      <section aria-labelledby="months-title" class="section">
        <h2 class="section__title" id="months-title">
          全年日历
        </h2>
        <ul class="legend" aria-label="图例">
          <li class="legend__item">
            <span class="cal-mark cal-mark--holiday" aria-hidden="true">
              休
            </span>
            法定节假日（休息）
          </li>
          <li class="legend__item">
            <span class="cal-mark cal-mark--makeup" aria-hidden="true">
              班
            </span>
            调休上班日（计入工作日）
          </li>
          <li class="legend__item">
            <span class="legend__swatch legend__swatch--weekend" aria-hidden="true"></span>
            周六、周日（休息）
          </li>
        </ul>
        <div class="months">
          {months.map((m) => (
            <MonthTable year={year} month={m.month} days={m.days} />
          ))}
        </div>
      </section>

      {calculator ? <Calculator calculator={calculator} /> : null}

      <section class="section panel" aria-labelledby="rules-title">
        <h2 class="section__title" id="rules-title">
          期限如何计算
        </h2>
        <ol class="rules">
          <li>
            <strong>第二天起算。</strong>期限自收到申请之日的第二天开始计算，收到申请的当天不计入；答复期限届满日为第 20 个工作日。
          </li>
          <li>
            <strong>只算工作日。</strong>周六、周日和法定节假日不计入期限；国务院办公厅安排的<strong>调休上班日计入工作日</strong>。
          </li>
          <li>
            <strong>补正重新计算。</strong>申请内容不明确、本机关一次性告知补正的，答复期限自收到补正后申请之日的第二天起重新计算。
          </li>
          <li>
            <strong>征求意见期间不计算。</strong>征求第三方或者其他机关意见所需的时间，不计算在答复期限内。
          </li>
          <li>
            <strong>延长须经批准。</strong>不能在 20 个工作日内答复的，经政府信息公开工作机构负责人同意并告知申请人，可以延长答复期限，延长的期限最长不超过 20 个工作日。
          </li>
          <li>
            <strong>尚未发布安排的年度暂定计算。</strong>期限涉及节假日安排尚未发布的年度时，暂按周一至周五计算并标注“暂定”，安排发布后自动重新计算。
          </li>
        </ol>
        <p class="small">示例：{formatDateZh('2026-02-10')}（星期二）收到申请，因 2 月 14 日、2 月 28 日调休上班计入工作日，春节假期不计入，答复期限为 2026年3月16日。</p>
      </section>
    </Layout>
  );
}

function MonthTable({ year, month, days }: { year: number; month: number; days: CalendarDay[] }) {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const first = sorted[0];
  const lead = first ? (weekdayOf(first.date) + 6) % 7 : 0;
  const cells: (CalendarDay | null)[] = [...Array.from({ length: lead }, () => null), ...sorted];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const captionId = `month-${year}-${month}`;

  return (
    <table class="cal">
      <caption class="cal__caption" id={captionId}>
        {year}年{month}月
      </caption>
      <thead>
        <tr>
          {WEEK_HEADERS.map(([short, full], i) => (
            <th scope="col" class={i >= 5 ? 'cal__wd cal__wd--weekend' : 'cal__wd'}>
              <abbr title={full}>{short}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr>{week.map((day) => (day ? <DayCell day={day} /> : <td class="cal__day cal__day--blank"></td>))}</tr>
        ))}
      </tbody>
    </table>
  );
}

function DayCell({ day }: { day: CalendarDay }) {
  const n = parseIsoDate(day.date)?.day ?? '';
  const kindClass = {
    WORKDAY: 'cal__day--workday',
    WEEKEND: 'cal__day--weekend',
    HOLIDAY: 'cal__day--holiday',
    MAKEUP_WORKDAY: 'cal__day--makeup',
  }[day.kind];
  return (
    <td class={`cal__day ${kindClass}`} title={day.kind === 'HOLIDAY' ? day.holidayName : day.kind === 'MAKEUP_WORKDAY' ? '调休上班' : undefined}>
      <time class="cal__num" datetime={day.date}>
        {n}
      </time>
      {day.kind === 'HOLIDAY' ? (
        <>
          <span class="cal-mark cal-mark--holiday" aria-hidden="true">
            休
          </span>
          <span class="visually-hidden">（{day.holidayName ? `${day.holidayName}，` : ''}法定节假日休息）</span>
        </>
      ) : null}
      {day.kind === 'MAKEUP_WORKDAY' ? (
        <>
          <span class="cal-mark cal-mark--makeup" aria-hidden="true">
            班
          </span>
          <span class="visually-hidden">（调休上班日）</span>
        </>
      ) : null}
    </td>
  );
}

function Calculator({ calculator }: { calculator: DueDateCalculator }) {
  const { action, values, errors, result } = calculator;
  return (
    <section class="section panel calc" id="calculator" aria-labelledby="calculator-title">
      <h2 class="section__title" id="calculator-title">
        期限计算器
      </h2>
      <p>输入起算日期（如收到申请之日）和工作日数，计算期限的截止日期。起算当日不计入。</p>
      <ErrorSummary errors={errors} order={['from', 'workingDays']} />
      <form class="calc__form" method="get" action={`${action}#calculator`}>
        <FormField name="from" label="起算日期" type="date" required value={values.from} error={errors?.from} hint="格式：YYYY-MM-DD，例如 2026-02-10" class="field--narrow" />
        <FormField
          name="workingDays"
          label="工作日数"
          inputmode="numeric"
          required
          maxlength={3}
          value={values.workingDays}
          error={errors?.workingDays}
          hint="答复期限为 20 个工作日；延长最多再加 20 个工作日"
          class="field--narrow"
        />
        <button class="button button--primary" type="submit">
          计算截止日期
        </button>
      </form>
      {result ? (
        <div class="calc__result" role="status">
          <p class="calc__due">
            自 <time datetime={result.from}>{formatDateZh(result.from)}</time> 起 {result.workingDays} 个工作日，截止日期为
            <strong>
              <time datetime={result.due}>{formatDateZh(result.due)}</time>（{weekdayName(result.due)}）
            </strong>
            {result.provisional ? <span class="deadline__provisional">暂定</span> : null}
          </p>
          <h3 class="calc__why-title">为什么是这一天</h3>
          <p class="calc__why">{result.explanation}</p>
          <p class="small">
            <a href={result.apiHref}>以 JSON 格式查看（API）</a>
          </p>
        </div>
      ) : null}
    </section>
  );
}
