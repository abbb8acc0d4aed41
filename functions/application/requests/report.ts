import { ForbiddenError, ValidationError } from '#domain/errors';
import { buildTableB, checkTableB, REQUEST_STATUSES, type ReportCase, type TableB, type TableBIssue } from '#domain/requests';
import type { StaffMember } from '#domain/staff';
import { RequestRepository } from '#repositories/requests';
import type { RequestDeps } from './common';

/** Who reads the annual report's Table B: the head of the disclosure office, the leader and administrators. */
export function mayReadAnnualReport(staff: Pick<StaffMember, 'roles'>): boolean {
  return staff.roles.some((r) => r === 'head' || r === 'leader' || r === 'admin');
}

/**
 * Annual report Table B (国办公开办函〔2021〕30号) as a query over recorded facts: every
 * application's applicant column, receipt date, conclusion date and outcome row, read with one
 * paginated GSI1 Query per status partition (no scan).
 */
export async function annualTableB(deps: Pick<RequestDeps, 'records'>, staff: Pick<StaffMember, 'roles'>, year: number): Promise<{ table: TableB; issues: TableBIssue[]; cases: number }> {
  if (!mayReadAnnualReport(staff)) throw new ForbiddenError('年度报告由政府信息公开工作机构负责人、分管领导或管理员查看。');
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new ValidationError('年份无效。', { year: '请填写2000至2099之间的年份。' });
  const repo = new RequestRepository(deps.records);
  const cases: ReportCase[] = [];
  for (const status of REQUEST_STATUSES) {
    let cursor: string | undefined;
    do {
      const page = await repo.queue(status, 200, cursor);
      for (const r of page.items) {
        const c = r.data.case;
        if (!c.receivedOn) continue;
        cases.push({ column: r.data.applicant.column, receivedOn: c.receivedOn, ...(c.concludedOn ? { concludedOn: c.concludedOn } : {}), ...(c.outcomeRow ? { outcomeRow: c.outcomeRow } : {}) });
      }
      cursor = page.cursor;
    } while (cursor);
  }
  const table = buildTableB(year, cases);
  return { table, issues: checkTableB(table), cases: cases.length };
}
