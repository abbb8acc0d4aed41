import { describe, expect, it } from 'vitest';
import { isoDate } from '#domain/calendar';
import { OUTCOME_ROWS, TABLE_B_COLUMNS, TABLE_B_ROWS, buildTableB, checkTableB, type Counts, type ReportCase, type TableB, type TableBRowCode } from '#domain/requests';

/*
 * Table B of the 30号 annual report (domain.md §6.3), rule by rule: 一 counts by the receipt date,
 * 二 the cases open on 1 January, 三 the outcomes concluded in the year (row by outcome, column by
 * applicant, 总计 for both), 四 the cases still open on 31 December; and the template's checks
 * (总计 = the applicant columns; （七）总计 = the result rows; 一 + 二 = 三（七）+ 四).
 */
const c = (column: ReportCase['column'], received: string, concluded?: string, row?: ReportCase['outcomeRow']): ReportCase => ({
  column,
  receivedOn: isoDate(received),
  ...(concluded ? { concludedOn: isoDate(concluded) } : {}),
  ...(row ? { outcomeRow: row } : {}),
});

const zero: Counts = { citizen: 0, commercial: 0, research: 0, 'public-welfare': 0, 'legal-service': 0, other: 0, total: 0 };
const counts = (more: Partial<Counts>): Counts => ({ ...zero, ...more });
/** Every row's counts, zero where the test does not say otherwise. */
const rowsWith = (more: Partial<Record<TableBRowCode, Partial<Counts>>>) => Object.fromEntries(TABLE_B_ROWS.map((r) => [r, counts(more[r] ?? {})]));

describe('Table B rows and columns', () => {
  it('a year without cases is every row of the template, every column zero', () => {
    const t = buildTableB(2026, []);
    expect(t.year).toBe(2026);
    expect(Object.keys(t.rows)).toEqual([...TABLE_B_ROWS]);
    expect(t.rows).toEqual(rowsWith({}));
    expect(checkTableB(t)).toEqual([]);
  });

  it('each outcome is counted in its own row and in （七）总计, by applicant column and in 总计', () => {
    const columns = TABLE_B_COLUMNS.filter((col) => col !== 'total');
    // One case per outcome row, the applicant columns taken in turn; all received and concluded in 2026.
    const cases = OUTCOME_ROWS.map((row, i) => c(columns[i % columns.length]!, '2026-03-02', '2026-03-30', row));
    const t = buildTableB(2026, cases);
    OUTCOME_ROWS.forEach((row, i) => expect(t.rows[row], row).toEqual(counts({ [columns[i % columns.length]!]: 1, total: 1 })));
    // 21 outcomes over 6 columns: 4 for the first three columns, 3 for the others.
    const perColumn = counts({ citizen: 4, commercial: 4, research: 4, 'public-welfare': 3, 'legal-service': 3, other: 3, total: 21 });
    expect(t.rows.new).toEqual(perColumn);
    expect(t.rows['results-total']).toEqual(perColumn);
    expect(t.rows['carried-over']).toEqual(zero);
    expect(t.rows['carried-forward']).toEqual(zero);
    expect(checkTableB(t)).toEqual([]);
  });

  it('several cases in one cell add up', () => {
    const t = buildTableB(2026, [
      c('research', '2026-02-02', '2026-03-02', 'withheld-6'),
      c('research', '2026-02-03', '2026-03-03', 'withheld-6'),
      c('research', '2026-02-04', '2026-03-04', 'withheld-6'),
    ]);
    expect(t.rows['withheld-6']).toEqual(counts({ research: 3, total: 3 }));
    expect(t.rows.new).toEqual(counts({ research: 3, total: 3 }));
  });

  it('a case concluded without an outcome row is reported under 其他处理-3 其他', () => {
    const t = buildTableB(2026, [c('other', '2026-05-06', '2026-05-20')]);
    expect(t.rows['other-3']).toEqual(counts({ other: 1, total: 1 }));
    expect(t.rows['results-total']).toEqual(counts({ other: 1, total: 1 }));
    expect(checkTableB(t)).toEqual([]);
  });
});

describe('the year’s boundaries: 1 January and 31 December are in the year', () => {
  // Built inside each test: Stryker credits a mutant only to the tests that run its code (docs/testing.md).
  const cases = [
    c('citizen', '2026-01-01', '2026-01-20', 'disclosed'), // first day: new
    c('commercial', '2026-12-31'), // last day: new, and still open at the end of the year
    c('research', '2027-01-01', '2027-01-05', 'disclosed'), // next year: not in the table
    c('public-welfare', '2025-12-31'), // open across the whole year: 二 and 四
    c('legal-service', '2025-06-01', '2025-12-31', 'partial'), // concluded last year: not in the table
    c('other', '2025-12-15', '2026-01-01', 'unavailable-1'), // carried over, concluded on the first day
    c('citizen', '2026-11-02', '2026-12-31', 'not-processed-2'), // concluded on the last day
    c('commercial', '2026-11-03', '2027-01-01', 'other-2'), // concluded the day after: still open on 31 December
  ];
  const table = () => buildTableB(2026, cases);

  it('counts 一 by the receipt date', () => expect(table().rows.new).toEqual(counts({ citizen: 2, commercial: 2, total: 4 })));
  it('counts 二 as the cases received earlier and open on 1 January', () => expect(table().rows['carried-over']).toEqual(counts({ 'public-welfare': 1, other: 1, total: 2 })));
  it('counts 三 by the conclusion date', () => {
    const t = table();
    expect(t.rows.disclosed).toEqual(counts({ citizen: 1, total: 1 }));
    expect(t.rows['unavailable-1']).toEqual(counts({ other: 1, total: 1 }));
    expect(t.rows['not-processed-2']).toEqual(counts({ citizen: 1, total: 1 }));
    expect(t.rows.partial).toEqual(zero);
    expect(t.rows['other-2']).toEqual(zero);
    expect(t.rows['results-total']).toEqual(counts({ citizen: 2, other: 1, total: 3 }));
  });
  it('counts 四 as the cases still open on 31 December', () => expect(table().rows['carried-forward']).toEqual(counts({ commercial: 2, 'public-welfare': 1, total: 3 })));
  it('balances: 一 + 二 = 三（七）+ 四', () => expect(checkTableB(table())).toEqual([]));
});

describe('the opening balance of the first year in this system', () => {
  const cases = [
    c('citizen', '2025-12-20', '2026-01-10', 'disclosed'), // an earlier case the system does hold
    c('citizen', '2026-03-01', '2026-03-20', 'disclosed'),
    c('commercial', '2025-11-20'), // open all year
  ];

  it('replaces the computed 二 (the earlier cases it holds are not counted again) and adds to 总计', () => {
    const t = buildTableB(2026, cases, { openingBalance: { citizen: 3, commercial: 2 } });
    expect(t.rows['carried-over']).toEqual(counts({ citizen: 3, commercial: 2, total: 5 }));
    expect(t.rows.new).toEqual(counts({ citizen: 1, total: 1 }));
    // The earlier cases still count where they end: in 三 or 四.
    expect(t.rows.disclosed).toEqual(counts({ citizen: 2, total: 2 }));
    expect(t.rows['carried-forward']).toEqual(counts({ commercial: 1, total: 1 }));
  });

  it('without one, 二 is computed from the cases', () => {
    const t = buildTableB(2026, cases);
    expect(t.rows['carried-over']).toEqual(counts({ citizen: 1, commercial: 1, total: 2 }));
    expect(checkTableB(t)).toEqual([]);
  });

  it('an opening balance that matches the earlier cases passes the checks', () => {
    expect(checkTableB(buildTableB(2026, cases, { openingBalance: { citizen: 1, commercial: 1 } }))).toEqual([]);
  });

  it('an empty opening balance still replaces the computed 二', () => {
    const t = buildTableB(2026, cases, { openingBalance: {} });
    expect(t.rows['carried-over']).toEqual(zero);
  });
});

describe('the template’s checks', () => {
  const t = buildTableB(2026, [
    c('citizen', '2026-03-01', '2026-03-20', 'disclosed'),
    c('citizen', '2026-03-02', '2026-03-21', 'partial'),
    c('commercial', '2026-04-01', '2026-04-20', 'withheld-4'),
    c('legal-service', '2026-12-10'),
    c('research', '2025-12-01', '2026-01-30', 'other-1'),
  ]);
  const tamper = (row: TableBRowCode, more: Partial<Counts>): TableB => ({ ...t, rows: { ...t.rows, [row]: { ...t.rows[row], ...more } } });

  it('a table built from cases passes every check', () => expect(checkTableB(t)).toEqual([]));

  it('总计 that is not the sum of the applicant columns', () => {
    expect(checkTableB(tamper('carried-forward', { total: 3 }))).toEqual([
      { check: 'column-total', row: 'carried-forward', message: '「四、结转下年度继续办理」各类申请人之和1与总计3不符' },
      { check: 'cross-check', column: 'total', message: '「总计」列：一＋二（5）不等于三（七）＋四（7）' },
    ]);
  });

  it('a result row that （七）总计 does not include', () => {
    expect(checkTableB(tamper('withheld-4', { commercial: 2, total: 2 }))).toEqual([
      { check: 'results-total', column: 'commercial', message: '「商业企业」列办理结果之和2与（七）总计1不符' },
      { check: 'results-total', column: 'total', message: '「总计」列办理结果之和5与（七）总计4不符' },
    ]);
  });

  it('a result row whose applicant columns do not add up to its 总计', () => {
    expect(checkTableB(tamper('disclosed', { citizen: 2 }))).toEqual([
      { check: 'column-total', row: 'disclosed', message: '「（一）予以公开」各类申请人之和2与总计1不符' },
      { check: 'results-total', column: 'citizen', message: '「自然人」列办理结果之和3与（七）总计2不符' },
    ]);
  });

  it('一 + 二 that is not 三（七）+ 四', () => {
    expect(checkTableB(tamper('new', { citizen: 3, total: 5 }))).toEqual([
      { check: 'cross-check', column: 'citizen', message: '「自然人」列：一＋二（3）不等于三（七）＋四（2）' },
      { check: 'cross-check', column: 'total', message: '「总计」列：一＋二（6）不等于三（七）＋四（5）' },
    ]);
    expect(checkTableB(tamper('carried-over', { research: 0, total: 0 }))).toEqual([
      { check: 'cross-check', column: 'research', message: '「科研机构」列：一＋二（0）不等于三（七）＋四（1）' },
      { check: 'cross-check', column: 'total', message: '「总计」列：一＋二（4）不等于三（七）＋四（5）' },
    ]);
  });

  it('a （七）总计 that is not the sum of the result rows', () => {
    // Its own columns add up (2 + 1 + 1 + 1 = 5), so only the result rows and the cross-check disagree.
    expect(checkTableB(tamper('results-total', { 'legal-service': 1, total: 5 }))).toEqual([
      { check: 'results-total', column: 'legal-service', message: '「法律服务机构」列办理结果之和0与（七）总计1不符' },
      { check: 'cross-check', column: 'legal-service', message: '「法律服务机构」列：一＋二（1）不等于三（七）＋四（2）' },
      { check: 'results-total', column: 'total', message: '「总计」列办理结果之和4与（七）总计5不符' },
      { check: 'cross-check', column: 'total', message: '「总计」列：一＋二（5）不等于三（七）＋四（6）' },
    ]);
  });
});

/*
 * Equivalent mutants that survive (Stryker, --mutate functions/domain/requests/annual-report.ts):
 * - line 63, `c.concludedOn !== undefined && c.concludedOn < start` → `true && c.concludedOn < start`:
 *   for an open case `undefined < '2026-01-01'` is false in JavaScript, so the guard changes nothing.
 * - line 67, `c.concludedOn !== undefined && c.concludedOn <= end` → `true && c.concludedOn <= end`:
 *   likewise `undefined <= '2026-12-31'` is false, and the open case goes to 四 either way.
 * The guards are there for the reader and the type checker; no sequence of cases can tell them apart.
 */
