import { expect } from 'vitest';
import { isoDate } from '#domain/calendar';
import { CaseValidationError } from '#domain/case';

/** The letterhead and application the letter tests share. */
export const agency = {
  name: '示例市示例局',
  letterPrefix: '示例公开',
  address: '示例市人民路1号',
  phone: '010-12345678',
  reconsiderationBody: '示例市人民政府',
  court: '示例市示例区人民法院',
};
export const application = { trackingNumber: 'YSQ-2026-000001', applicantName: '张三', receivedOn: isoDate('2026-02-10'), requestSummary: '2025年度部门预算的相关信息' };

/** The error thrown by `f`, for asserting its message and the field it names. */
export function validationError(f: () => unknown): CaseValidationError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CaseValidationError);
    return e as CaseValidationError;
  }
  throw new Error('expected a CaseValidationError');
}
