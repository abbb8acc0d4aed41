import { describe, expect, it } from 'vitest';
import { isoDate } from '#domain/calendar';
import { TABLE_B_ROWS, buildTableB, checkTableB, type ReportCase } from '#domain/requests';

const c = (column: ReportCase['column'], received: string, concluded?: string, row?: ReportCase['outcomeRow']): ReportCase => ({
  column,
  receivedOn: isoDate(received),
  ...(concluded ? { concludedOn: isoDate(concluded) } : {}),
  ...(row ? { outcomeRow: row } : {}),
});

describe('annual report Table B', () => {
  const cases = [
    c('citizen', '2025-12-20', '2026-01-10', 'disclosed'), // carried over, concluded
    c('citizen', '2025-11-01', '2025-12-01', 'disclosed'), // previous year only
    c('citizen', '2026-03-01', '2026-03-20', 'partial'),
    c('commercial', '2026-04-01', '2026-04-20', 'withheld-4'),
    c('legal-service', '2026-12-10'), // carried forward
    c('research', '2026-05-01', '2026-05-30', 'other-1'),
    c('citizen', '2027-01-02'), // next year
  ];
  const t = buildTableB(2026, cases);

  it('has 2 + 22 + 1 rows and 7 columns', () => {
    expect(TABLE_B_ROWS).toHaveLength(25);
    expect(Object.keys(t.rows.new)).toHaveLength(7);
  });

  it('counts by applicant column and row', () => {
    expect(t.rows.new).toMatchObject({ citizen: 1, commercial: 1, research: 1, 'legal-service': 1, total: 4 });
    expect(t.rows['carried-over']).toMatchObject({ citizen: 1, total: 1 });
    expect(t.rows.disclosed.citizen).toBe(1);
    expect(t.rows.partial.total).toBe(1);
    expect(t.rows['withheld-4'].commercial).toBe(1);
    expect(t.rows['results-total'].total).toBe(4);
    expect(t.rows['carried-forward']).toMatchObject({ 'legal-service': 1, total: 1 });
  });

  it('passes the template checks: 一 + 二 = 三(七) + 四', () => expect(checkTableB(t)).toEqual([]));

  it('reports a broken cross-check or column total', () => {
    const bad = { ...t, rows: { ...t.rows, new: { ...t.rows.new, citizen: 5 } } };
    const issues = checkTableB(bad);
    expect(issues.map((i) => i.check)).toEqual(expect.arrayContaining(['column-total', 'cross-check']));
  });

  it('an opening balance replaces the computed carry-over', () => {
    const t2 = buildTableB(2026, [c('citizen', '2026-03-01', '2026-03-20', 'disclosed')], { openingBalance: { citizen: 2 } });
    expect(t2.rows['carried-over'].total).toBe(2);
  });
});
