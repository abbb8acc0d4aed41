/**
 * What the staff JSON API says about the annual report's Table B (收到和处理政府信息公开申请情况):
 * an explicit schema, row by row and column by column with the template's labels, that both
 * documents the response (OpenAPI) and builds it.
 */
import { z } from '#domain/zod';
import { TABLE_B_COLUMN_LABELS, TABLE_B_COLUMNS, TABLE_B_ROW_LABELS, TABLE_B_ROWS, type TableB, type TableBColumn, type TableBIssue, type TableBRowCode } from '#domain/requests';

const count = z.number().int().min(0);

/** One row: a count per applicant column (自然人 … 其他) and the total (总计). */
const countsSchema = z.object(Object.fromEntries(TABLE_B_COLUMNS.map((col) => [col, count.describe(TABLE_B_COLUMN_LABELS[col])])) as Record<TableBColumn, typeof count>);

const rowsSchema = z.object(Object.fromEntries(TABLE_B_ROWS.map((row) => [row, countsSchema.describe(TABLE_B_ROW_LABELS[row])])) as Record<TableBRowCode, typeof countsSchema>);

const ROW_CODES = TABLE_B_ROWS as [TableBRowCode, ...TableBRowCode[]];

export const annualReportSchema = z.object({
  table: z.object({ year: z.number().int(), rows: rowsSchema }),
  /** The template's checks that fail (总计 = 各类之和; (七)总计 = 各项结果之和; 一 + 二 = 三(七) + 四); empty when the table adds up. */
  issues: z.array(
    z.object({
      check: z.enum(['column-total', 'results-total', 'cross-check']),
      row: z.enum(ROW_CODES).optional(),
      column: z.enum(TABLE_B_COLUMNS).optional(),
      message: z.string(),
    }),
  ),
  /** Applications counted (every one with a date of receipt). */
  cases: z.number().int(),
});

export type AnnualReportDto = z.infer<typeof annualReportSchema>;

/** Table B of a year with its failed checks, as the staff API returns it. */
export function toAnnualReportDto(report: { readonly table: TableB; readonly issues: readonly TableBIssue[]; readonly cases: number }): AnnualReportDto {
  return annualReportSchema.parse({
    table: { year: report.table.year, rows: report.table.rows },
    issues: report.issues.map((i) => ({ check: i.check, row: i.row, column: i.column, message: i.message })),
    cases: report.cases,
  });
}
