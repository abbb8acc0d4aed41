import type { Child } from 'hono/jsx';
import type { DueDateAnswer, YearCalendar } from '#application/calendar';
import { CsrfField } from '#web/views/components/CsrfField';
import { FormPanel } from '#web/views/components/FormPanel';
import { DataTable, type Column } from '#web/views/components/DataTable';
import { DeadlineChip } from '#web/views/components/DeadlineChip';
import { ErrorSummary } from '#web/views/components/ErrorSummary';
import { Notice } from '#web/views/components/Notice';
import { Section } from '#web/views/components/Section';
import { StatusBadge } from '#web/views/components/StatusBadge';
import { formatDateZh, formatMonthDayZh, inclusiveDays, parseIsoDate, weekdayName, weekdayOf } from '#web/views/format';
import { Layout } from '#web/views/layouts/Layout';
import { ROUTES } from '#web/views/layouts/nav';
import { StaffPage } from '#web/views/layouts/StaffPage';
import { CALCULATOR_FIELDS, CONFIRM_FIELD, SCHEDULE_FIELDS, SCHEDULE_FORM_FIELDS } from './forms';
import type { DeadlineRow, ReminderRow, StoredScheduleRow } from './view-model';

export type CalendarDay = YearCalendar['months'][number]['days'][number];
export type DayKind = CalendarDay['kind'];

export interface CalendarPageProps {
  year: number;
  /** false when the State Council holiday notice for the year is not loaded yet. */
  covered: boolean;
  months: YearCalendar['months'];
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
  /** The answer with its explanation, the same as GET /api/calendar/due?…&explain=1. */
  result?: DueDateAnswer;
}

const WEEK_HEADERS = ['一', '二', '三', '四', '五', '六', '日'];

export const NOT_COVERED_TEXT = '该年度节假日安排尚未发布，涉及该年度的期限按周一至周五暂定计算，安排发布后自动重新计算。';

/** How statutory periods are counted: [the rule in bold, its explanation]. */
const RULES: [string, Child][] = [
  ['第二天起算。', '期限自收到申请之日的第二天开始计算，收到申请的当天不计入；答复期限届满日为第 20 个工作日。'],
  [
    '只算工作日。',
    <>
      周六、周日和法定节假日不计入期限；国务院办公厅安排的<strong>调休上班日计入工作日</strong>。
    </>,
  ],
  ['补正重新计算。', '申请内容不明确、本机关一次性告知补正的，答复期限自收到补正后申请之日的第二天起重新计算。'],
  ['征求意见期间不计算。', '征求第三方或者其他机关意见所需的时间，不计算在答复期限内。'],
  ['延长须经批准。', '不能在 20 个工作日内答复的，经政府信息公开工作机构负责人同意并告知申请人，可以延长答复期限，延长的期限最长不超过 20 个工作日。'],
  ['尚未发布安排的年度暂定计算。', '期限涉及节假日安排尚未发布的年度时，暂按周一至周五计算并标注“暂定”，安排发布后自动重新计算。'],
];

const HOLIDAY_COLUMNS: Column<{ name: string; from: string; to: string }>[] = [
  { header: '节日', cell: (h) => h.name, rowHeader: true },
  {
    header: '放假时间',
    cell: (h) => (
      <>
        <time datetime={h.from}>{formatMonthDayZh(h.from)}</time>
        {h.to !== h.from ? (
          <>
            至<time datetime={h.to}>{formatMonthDayZh(h.to)}</time>
          </>
        ) : null}
      </>
    ),
  },
  { header: '天数', cell: (h) => `${inclusiveDays(h.from, h.to)} 天`, numeric: true },
];

/** The legend of the month tables: the marks of the day cells, then the weekend's colour. */
const LEGEND: [DayKind, string][] = [
  ['HOLIDAY', '法定节假日（休息）'],
  ['MAKEUP_WORKDAY', '调休上班日（计入工作日）'],
  ['WEEKEND', '周六、周日（休息）'],
];

/** Each kind of day: its class, and the text mark of a holiday (休) or a make-up working day (班); the colour is never the only sign. */
const DAY: Record<DayKind, { modifier: string; mark?: string }> = {
  WORKDAY: { modifier: 'workday' },
  WEEKEND: { modifier: 'weekend' },
  HOLIDAY: { modifier: 'holiday', mark: '休' },
  MAKEUP_WORKDAY: { modifier: 'makeup', mark: '班' },
};

function Mark({ kind }: { kind: DayKind }) {
  const m = DAY[kind];
  return (
    <span class={`cal-mark cal-mark--${m.modifier}`} aria-hidden="true">
      {m.mark}
    </span>
  );
}

/** Public working-day calendar used for statutory periods, with an explanation of how periods are counted. */
export function CalendarPage({ year, covered, months, holidays, makeupDays, prevYearHref, nextYearHref, calculator }: CalendarPageProps) {
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
        <Section name="holidays" title="法定节假日安排" class="panel">
          <DataTable
            id="holidays"
            caption={`${year}年法定节假日放假安排`}
            captionHidden
            stack={false}
            rows={holidays}
            empty={<p class="muted">{covered ? '该年度无法定节假日记录。' : '尚未发布。'}</p>}
            columns={HOLIDAY_COLUMNS}
          />
        </Section>
        <Section name="makeup" title="调休上班日" class="panel">
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
        </Section>
      </div>

      <Section name="months" title="全年日历">
        <ul class="legend" aria-label="图例">
          {LEGEND.map(([kind, text]) => (
            <li class="legend__item">
              {kind === 'WEEKEND' ? <span class="legend__swatch legend__swatch--weekend" aria-hidden="true"></span> : <Mark kind={kind} />}
              {text}
            </li>
          ))}
        </ul>
        <div class="months">
          {months.map((m) => (
            <MonthTable year={year} month={m.month} days={m.days} />
          ))}
        </div>
      </Section>

      {calculator ? <Calculator calculator={calculator} /> : null}

      <Section name="rules" title="期限如何计算" class="section panel">
        <ol class="rules">
          {RULES.map(([rule, text]) => (
            <li>
              <strong>{rule}</strong>
              {text}
            </li>
          ))}
        </ol>
        <p class="small">示例：{formatDateZh('2026-02-10')}（星期二）收到申请，因 2 月 14 日、2 月 28 日调休上班计入工作日，春节假期不计入，答复期限为 2026年3月16日。</p>
      </Section>
    </Layout>
  );
}

function MonthTable({ year, month, days }: { year: number; month: number; days: CalendarDay[] }) {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const lead = sorted[0] ? (weekdayOf(sorted[0].date) + 6) % 7 : 0;
  const cells: (CalendarDay | null)[] = [...Array.from({ length: lead }, () => null), ...sorted];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <table class="cal">
      <caption class="cal__caption" id={`month-${year}-${month}`}>
        {year}年{month}月
      </caption>
      <thead>
        <tr>
          {WEEK_HEADERS.map((short, i) => (
            <th scope="col" class={i >= 5 ? 'cal__wd cal__wd--weekend' : 'cal__wd'}>
              <abbr title={`星期${short}`}>{short}</abbr>
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
  const holiday = day.kind === 'HOLIDAY';
  return (
    <td class={`cal__day cal__day--${DAY[day.kind].modifier}`} title={holiday ? day.holidayName : day.kind === 'MAKEUP_WORKDAY' ? '调休上班' : undefined}>
      <time class="cal__num" datetime={day.date}>
        {parseIsoDate(day.date)?.day ?? ''}
      </time>
      {DAY[day.kind].mark ? (
        <>
          <Mark kind={day.kind} />
          <span class="visually-hidden">{holiday ? `（${day.holidayName ? `${day.holidayName}，` : ''}法定节假日休息）` : '（调休上班日）'}</span>
        </>
      ) : null}
    </td>
  );
}

function Calculator({ calculator }: { calculator: DueDateCalculator }) {
  const { action, values, errors, result } = calculator;
  return (
    <Section name="calculator" anchor="calculator" title="期限计算器" class="section panel calc">
      <p>输入起算日期（如收到申请之日）和工作日数，计算期限的截止日期。起算当日不计入。</p>
      <FormPanel method="get" class="calc__form" action={`${action}#calculator`} button="计算截止日期" errors={errors} fields={CALCULATOR_FIELDS} values={values} />
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
          <p class="calc__why">{result.explanation?.text}</p>
          <p class="small">
            <a href={`/api/calendar/due?from=${result.from}&workingDays=${result.workingDays}&explain=1`}>以 JSON 格式查看（API）</a>
          </p>
        </div>
      ) : null}
    </Section>
  );
}

// ---- the administrator's schedules ----

export interface CalendarAdminPageProps {
  rows: StoredScheduleRow[];
  values?: Record<string, string>;
  /** A confirmReplace message asks for the confirmation: the schedule replaces a year's national arrangement. */
  errors?: Record<string, string>;
  flash?: string;
}

/** An active schedule's status with its 删除 button; a removed one's status. */
function RemoveButton({ r }: { r: StoredScheduleRow }) {
  if (!r.removeAction) return <StatusBadge label="已删除" tone="neutral" />;
  return (
    <form method="post" action={r.removeAction} class="inline-form">
      <CsrfField />
      <StatusBadge label="生效中" tone="success" />{' '}
      <button class="button button--secondary button--small" type="submit">
        删除
        <span class="visually-hidden">
          {r.year}年{r.region ?? ''}安排
        </span>
      </button>
    </form>
  );
}

/** 节假日安排管理: stored schedules and the form to add next year's notice or a local adjustment. */
export function CalendarAdminPage({ rows, values = {}, errors, flash }: CalendarAdminPageProps) {
  return (
    <StaffPage
      title="节假日安排管理"
      navHref={ROUTES.staffCalendar}
      flash={flash}
      lead="系统内置国务院办公厅已发布的节假日安排。次年安排发布后，或本省、本市另有调整时，在此录入即可生效，无需重新部署；保存后，受影响的未办结期限将自动重新计算。"
    >
      <ErrorSummary errors={errors} order={[...SCHEDULE_FORM_FIELDS, '_']} />
      <Section name="stored" title="已录入的安排">
        <DataTable
          id="schedules"
          caption="已录入的节假日安排"
          captionHidden
          rows={rows}
          empty={
            <>
              <p class="empty-state__title">尚未录入任何安排</p>
              <p>目前使用系统内置的全国节假日安排。</p>
            </>
          }
          columns={[
            { header: '年度', cell: (r) => `${r.year}年`, rowHeader: true },
            { header: '范围', cell: (r) => r.scope },
            { header: '依据文件', cell: (r) => r.source },
            {
              header: '内容',
              cell: (r) => (
                <ul class="schedule-days">
                  {r.holidays.map((h) => (
                    <li>放假：{h}</li>
                  ))}
                  {r.makeupDays.map((d) => (
                    <li>调休上班：{d}</li>
                  ))}
                </ul>
              ),
            },
            { header: '录入', cell: (r) => r.saved },
            { header: '状态', cell: (r) => <RemoveButton r={r} /> },
          ]}
        />
      </Section>

      <Section name="add" title="录入安排" class="section panel">
        <FormPanel
          class="schedule-form"
          action={ROUTES.staffCalendar}
          button="保存安排"
          noSummary
          errors={errors}
          fields={errors?.confirmReplace ? [...SCHEDULE_FIELDS, CONFIRM_FIELD] : SCHEDULE_FIELDS}
          values={{ ...values, scope: values.scope ?? 'national', confirmReplace: undefined }}
        />
      </Section>
    </StaffPage>
  );
}

// ---- reminders ----

export interface RemindersPageProps {
  reminders: ReminderRow[];
  /** Shown to leaders only (undefined otherwise). */
  escalations?: ReminderRow[];
  /** Open deadlines due within 5 working days, due today or overdue, earliest first. */
  urgent: DeadlineRow[];
}

const DEADLINE_COLUMNS: Column<DeadlineRow>[] = [
  { header: '事项', cell: (r) => r.title, rowHeader: true },
  { header: '类别', cell: (r) => r.kindLabel },
  { header: '承办人', cell: (r) => r.responsible },
  { header: '截止日期', cell: (r) => <DeadlineChip {...r.chip} /> },
];
const REMINDER_COLUMNS: Column<ReminderRow>[] = [...DEADLINE_COLUMNS, { header: '提醒日期', cell: (r) => <time datetime={r.date}>{r.date}</time> }];

/** One table of the reminders page, in its section. */
function DeadlineTable<Row>({ name, title, rows, empty, columns }: { name: string; title: string; rows: Row[]; empty: string; columns: Column<Row>[] }) {
  return (
    <Section name={name} title={title}>
      <DataTable id={name} caption={title} captionHidden rows={rows} empty={<p class="empty-state__title">{empty}</p>} columns={columns} />
    </Section>
  );
}

/** 期限提醒: the staff member's reminders, escalations for leaders, and the urgent deadlines of the office. */
export function RemindersPage({ reminders, escalations, urgent }: RemindersPageProps) {
  return (
    <StaffPage
      title="期限提醒"
      navHref={ROUTES.staffReminders}
      lead="系统每天检查未办结事项的期限：5 个工作日内到期、今日到期的提醒承办人，已逾期的同时报送分管领导。按小时计算的期限（澄清案件）另按小时检查：临近截止时间提醒承办人，超过截止时间即报送分管领导。"
    >
      <DeadlineTable name="urgent" title="即将到期和已逾期的事项" rows={urgent} empty="目前没有 5 个工作日内到期或已逾期的事项" columns={DEADLINE_COLUMNS} />
      <DeadlineTable name="mine" title="发给我的提醒" rows={reminders} empty="暂无提醒" columns={REMINDER_COLUMNS} />
      {escalations ? <DeadlineTable name="escalations" title="逾期报送（分管领导）" rows={escalations} empty="暂无逾期事项" columns={REMINDER_COLUMNS} /> : null}
    </StaffPage>
  );
}
