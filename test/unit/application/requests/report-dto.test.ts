import { describe, expect, it } from 'vitest';
import { act, annualTableB, submitOnline } from '#application/requests';
import { annualReportSchema, toAnnualReportDto } from '#application/requests/report-dto';
import { TABLE_B_COLUMNS, TABLE_B_ROWS, type TableB } from '#domain/requests';
import { citizenForm, people, requestDeps } from './support';

describe('the staff API’s annual report (Table B)', () => {
  it('has every row and column of the template, with the counts and the checks', async () => {
    const f = requestDeps();
    const { trackingNumber } = await submitOnline(f.deps, { form: citizenForm(), nonce: 'nonce-report-dto-1' });
    await act(f.deps, people.clerk, trackingNumber, { command: 'register' });
    const report = await annualTableB(f.deps, people.head, 2026);
    const dto = toAnnualReportDto(report);
    expect(dto).toEqual({ table: report.table, issues: report.issues, cases: 1 });
    expect(Object.keys(dto.table.rows)).toEqual([...TABLE_B_ROWS]);
    for (const row of TABLE_B_ROWS) expect(Object.keys(dto.table.rows[row])).toEqual([...TABLE_B_COLUMNS]);
    expect(dto.table.rows.new).toMatchObject({ citizen: 1, total: 1 });
    expect(annualReportSchema.parse(dto)).toEqual(dto);
  });

  it('passes on only what it lists', async () => {
    const report = await annualTableB(requestDeps().deps, people.head, 2026);
    const grown = {
      ...report,
      internal: '仅内部可见',
      table: { ...report.table, caseIds: ['YSQ-2026-000001'] } as TableB,
      issues: [{ check: 'cross-check' as const, message: '不符', caseId: 'YSQ-2026-000001' }],
    };
    const text = JSON.stringify(toAnnualReportDto(grown));
    expect(text).not.toContain('仅内部可见');
    expect(text).not.toContain('YSQ-2026-000001');
    expect(text).toContain('不符');
  });
});
