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

/** A part withheld to protect a third party's privacy after it objected (Arts. 15, 32, 37). */
export const privacyPart = {
  part: '第3页个人联系方式',
  withholding: {
    ground: 'third-party',
    interest: 'privacy',
    consultation: 'objected',
    publicInterestAssessment: '不公开不会对公共利益造成重大影响',
    reason: '第三方以保护个人隐私为由提出异议',
  },
} as const;

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
