/**
 * Annual report Table B (收到和处理政府信息公开申请情况, 国办公开办函〔2021〕30号; domain.md §6.3):
 * a pure aggregation of recorded cases, applicant column × row, with the template's checks.
 */
import type { IsoDate } from '../calendar/iso-date';
import type { ApplicantColumn } from './application';
import { OUTCOME_ROWS, OUTCOME_ROW_LABELS, type OutcomeRow } from './responses';

export const TABLE_B_COLUMNS = ['citizen', 'commercial', 'research', 'public-welfare', 'legal-service', 'other', 'total'] as const;
export type TableBColumn = (typeof TABLE_B_COLUMNS)[number];
export const TABLE_B_COLUMN_LABELS: Record<TableBColumn, string> = {
  citizen: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  'public-welfare': '社会公益组织',
  'legal-service': '法律服务机构',
  other: '其他',
  total: '总计',
};

export type TableBRowCode = 'new' | 'carried-over' | OutcomeRow | 'results-total' | 'carried-forward';
export const TABLE_B_ROWS: readonly TableBRowCode[] = ['new', 'carried-over', ...OUTCOME_ROWS, 'results-total', 'carried-forward'];
export const TABLE_B_ROW_LABELS: Record<TableBRowCode, string> = {
  new: '一、本年新收政府信息公开申请数量',
  'carried-over': '二、上年结转政府信息公开申请数量',
  ...OUTCOME_ROW_LABELS,
  'results-total': '（七）总计',
  'carried-forward': '四、结转下年度继续办理',
};

export type Counts = Record<TableBColumn, number>;

export interface TableB {
  readonly year: number;
  readonly rows: Readonly<Record<TableBRowCode, Counts>>;
}

/** One case as the report sees it; `concludedOn`/`outcomeRow` are set once the case ends. */
export interface ReportCase {
  readonly column: ApplicantColumn;
  readonly receivedOn: IsoDate;
  readonly concludedOn?: IsoDate;
  readonly outcomeRow?: OutcomeRow;
}

const zero = (): Counts => ({ citizen: 0, commercial: 0, research: 0, 'public-welfare': 0, 'legal-service': 0, other: 0, total: 0 });

/**
 * Counts by the receipt date (一), cases open at the start of the year (二), outcomes concluded
 * in the year (三), cases still open at the end of the year (四). `openingBalance` replaces the
 * computed 二 when earlier years were not kept in this system (first year of operation).
 */
export function buildTableB(year: number, cases: readonly ReportCase[], options: { openingBalance?: Partial<Record<ApplicantColumn, number>> } = {}): TableB {
  const rows = Object.fromEntries(TABLE_B_ROWS.map((r) => [r, zero()])) as Record<TableBRowCode, Counts>;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const add = (row: TableBRowCode, col: ApplicantColumn) => {
    rows[row][col]++;
    rows[row].total++;
  };
  for (const c of cases) {
    if (c.receivedOn > end) continue;
    const concludedBefore = c.concludedOn !== undefined && c.concludedOn < start;
    if (concludedBefore) continue;
    if (c.receivedOn >= start) add('new', c.column);
    else if (!options.openingBalance) add('carried-over', c.column);
    if (c.concludedOn !== undefined && c.concludedOn <= end) {
      add(c.outcomeRow ?? 'other-3', c.column);
      add('results-total', c.column);
    } else add('carried-forward', c.column);
  }
  if (options.openingBalance) {
    for (const [col, n] of Object.entries(options.openingBalance) as [ApplicantColumn, number][]) {
      rows['carried-over'][col] += n;
      rows['carried-over'].total += n;
    }
  }
  return { year, rows };
}

export interface TableBIssue {
  readonly check: 'column-total' | 'results-total' | 'cross-check';
  readonly row?: TableBRowCode;
  readonly column?: TableBColumn;
  readonly message: string;
}

/** The template's checks: 总计 = sum of categories; (七)总计 = sum of results; 一 + 二 = 三(七) + 四. */
export function checkTableB(t: TableB): TableBIssue[] {
  const issues: TableBIssue[] = [];
  const parts = TABLE_B_COLUMNS.filter((c) => c !== 'total');
  for (const row of TABLE_B_ROWS) {
    const sum = parts.reduce((s, c) => s + t.rows[row][c], 0);
    if (sum !== t.rows[row].total) issues.push({ check: 'column-total', row, message: `「${TABLE_B_ROW_LABELS[row]}」各类申请人之和${sum}与总计${t.rows[row].total}不符` });
  }
  for (const col of TABLE_B_COLUMNS) {
    const sum = OUTCOME_ROWS.reduce((s, r) => s + t.rows[r][col], 0);
    if (sum !== t.rows['results-total'][col])
      issues.push({ check: 'results-total', column: col, message: `「${TABLE_B_COLUMN_LABELS[col]}」列办理结果之和${sum}与（七）总计${t.rows['results-total'][col]}不符` });
    const left = t.rows.new[col] + t.rows['carried-over'][col];
    const right = t.rows['results-total'][col] + t.rows['carried-forward'][col];
    if (left !== right) issues.push({ check: 'cross-check', column: col, message: `「${TABLE_B_COLUMN_LABELS[col]}」列：一＋二（${left}）不等于三（七）＋四（${right}）` });
  }
  return issues;
}
