import type { ScheduleIssue } from '#domain/calendar';
import type { FormBody } from '#web/form-body';
import type { PanelField } from '#web/views/components/FormPanel';

const NARROW_NUMBER = { inputmode: 'numeric', class: 'field--narrow' } as const;

/** The public due-date calculator. */
export const CALCULATOR_FIELDS: PanelField[] = [
  { name: 'from', label: '起算日期', kind: 'date', required: true, hint: '格式：YYYY-MM-DD，例如 2026-02-10', input: { class: 'field--narrow' } },
  { name: 'workingDays', label: '工作日数', kind: 'text', required: true, hint: '答复期限为 20 个工作日；延长最多再加 20 个工作日', input: { ...NARROW_NUMBER, maxlength: 3 } },
];

/** The schedule form; 替换 is asked for only when the schedule replaces a year's national arrangement. */
export const SCHEDULE_FIELDS: PanelField[] = [
  { name: 'year', label: '年度', kind: 'text', required: true, hint: '例如 2027', input: { ...NARROW_NUMBER, maxlength: 4 } },
  {
    name: 'scope',
    label: '范围',
    kind: 'select',
    required: true,
    options: [
      { value: 'national', label: '全国（国务院办公厅通知）' },
      { value: 'local', label: '地方调整（省、市规定）' },
    ],
  },
  { name: 'region', label: '地区', kind: 'text', hint: '仅地方调整填写，例如：广西壮族自治区', input: { maxlength: 60 } },
  { name: 'title', label: '文件标题', kind: 'text', required: true, hint: '例如：国务院办公厅关于2027年部分节假日安排的通知', input: { maxlength: 200 } },
  { name: 'documentNumber', label: '文号', kind: 'text', hint: '例如：国办发明电〔2026〕1号', input: { maxlength: 60 } },
  { name: 'issuedOn', label: '成文日期', kind: 'date', hint: '格式：YYYY-MM-DD', input: { class: 'field--narrow' } },
  { name: 'holidays', label: '放假安排', kind: 'textarea', rows: 8, hint: '每行一段假期：名称 开始日期 结束日期，例如“春节 2027-02-05 2027-02-11”；只放一天可只写一个日期。' },
  { name: 'makeupWorkdays', label: '调休上班日', kind: 'textarea', rows: 4, hint: '每行一天：名称 日期，例如“春节 2027-02-14”（名称为对应的节日）。' },
];
export const CONFIRM_FIELD: PanelField = {
  name: 'confirmReplace',
  label: '替换全国安排',
  kind: 'checkbox',
  options: [{ value: 'yes', label: '我确认以本次录入的安排替换该年度原有的全国安排' }],
};

/** Field names of the administrator's schedule form, in display order. */
export const SCHEDULE_FORM_FIELDS = [...SCHEDULE_FIELDS, CONFIRM_FIELD].map((f) => f.name);

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

/** One entry a non-blank line, with its line number; a line `entry` refuses is reported in the `format` it should have. */
function parseLines<T>(text: string | undefined, format: string, entry: (name: string, dates: string[]) => T | undefined) {
  const entries: T[] = [];
  const lines: number[] = [];
  const wrong: string[] = [];
  (text ?? '').split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const { name, dates } = splitLine(line);
    const parsed = entry(name, dates);
    if (parsed === undefined) wrong.push(`第${i + 1}行：格式应为“${format}”，日期写作YYYY-MM-DD`);
    else {
      entries.push(parsed);
      lines.push(i + 1);
    }
  });
  return { entries, lines, error: wrong.length ? wrong.join('；') : undefined };
}

/**
 * The form's text fields → the schedule shape the domain validates, with the line number (1-based)
 * of holidays[i] and makeupWorkdays[i]; only line syntax is checked here.
 */
export function scheduleFromForm(body: FormBody) {
  const values: Record<string, string> = {};
  for (const name of SCHEDULE_FORM_FIELDS) if (typeof body[name] === 'string') values[name] = body[name] as string;
  const holidays = parseLines(values.holidays, '名称 开始日期 结束日期', (name, [from, to, ...more]) => (from && !more.length ? { name, from, to: to ?? from } : undefined));
  const makeups = parseLines(values.makeupWorkdays, '名称 日期', (name, [date, ...more]) => (date && !more.length ? { name, date } : undefined));
  const errors: Record<string, string> = {};
  if (holidays.error) errors.holidays = holidays.error;
  if (makeups.error) errors.makeupWorkdays = makeups.error;
  const year = (values.year ?? '').trim();
  if (!/^\d{4}$/.test(year)) errors.year = '请填写四位数字的年度，例如 2027。';
  const scope = values.scope;
  const source: Record<string, string> = { title: values.title ?? '' };
  if (values.documentNumber?.trim()) source.documentNumber = values.documentNumber.trim();
  if (values.issuedOn?.trim()) source.issuedOn = normaliseDate(values.issuedOn.trim()) ?? values.issuedOn.trim();
  const schedule: Record<string, unknown> = { scope, year: Number(year), source, holidays: holidays.entries, makeupWorkdays: makeups.entries };
  if (scope === 'local') schedule.region = values.region ?? '';
  return { values, schedule, lines: { holidays: holidays.lines, makeupWorkdays: makeups.lines }, ...(Object.keys(errors).length ? { errors } : {}) };
}

const PATH_FIELD: Record<string, string> = {
  year: 'year',
  scope: 'scope',
  region: 'region',
  id: '_',
  'source.title': 'title',
  'source.documentNumber': 'documentNumber',
  'source.issuedOn': 'issuedOn',
  confirmReplace: 'confirmReplace',
};

/** Schedule issues (paths like holidays.2.to) → one message per form field, with line numbers (`_` for what no field shows). */
export function scheduleErrors(issues: readonly ScheduleIssue[], lines: ReturnType<typeof scheduleFromForm>['lines']): Record<string, string> {
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
