import { describe, expect, it } from 'vitest';
import { isoDate, shippedWorkingCalendar } from '#domain/calendar';
import { CaseValidationError } from '#domain/case';
import {
  ACCESS_CODE_ALPHABET,
  assessFee,
  findDuplicates,
  formatTrackingNumber,
  generateAccessCode,
  isWellFormedAccessCode,
  maskIdNumber,
  maskPhone,
  parseTrackingNumber,
  paymentDeadline,
  perApplicationMonthTotalYuan,
  perApplicationRateYuan,
  perVolumeFeeYuan,
  type FeeChoice,
} from '#domain/requests';

describe('information processing fee (109号)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [35, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [60, 400],
    [61, 500],
  ])('application #%i costs ¥%i', (n, yuan) => expect(perApplicationRateYuan(n)).toBe(yuan));
  it('month total for 1–35 is ¥3,000', () => expect(perApplicationMonthTotalYuan(35)).toBe(3000));
  it.each([
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('%i pages cost ¥%i', (p, yuan) => expect(perVolumeFeeYuan(p)).toBe(yuan));
  it('one method only, never combined', () => {
    expect(assessFee({ method: 'per-volume', pages: 250 }).amountYuan).toBe(4700);
    expect(() => assessFee({ method: 'per-volume', pages: 250, monthlyOrdinal: 35 } as unknown as FeeChoice)).toThrow(CaseValidationError);
    expect(assessFee({ method: 'per-application', monthlyOrdinal: 35 }).basis).toContain('第35件');
  });
  it('payment deadline: 20 working days from the day after receipt of the notice', () => {
    expect(paymentDeadline(isoDate('2026-02-10'), shippedWorkingCalendar()).due).toBe('2026-03-16');
  });
});

describe('duplicate detection', () => {
  const earlier = [
    { trackingNumber: 'YSQ-2026-000001', applicantHash: 'h-a', text: '申请公开示例市2025年度部门预算及“三公”经费支出情况', documentNumber: '示财发〔2025〕3号' },
    { trackingNumber: 'YSQ-2026-000002', applicantHash: 'h-b', text: '申请公开示例市2025年度部门预算及“三公”经费支出情况' },
    { trackingNumber: 'YSQ-2026-000003', applicantHash: 'h-a', text: '某路段拆迁补偿安置方案' },
  ];
  it('flags the same applicant with near-identical text, never other applicants', () => {
    const f = findDuplicates({ applicantHash: 'h-a', text: '请提供示例市 2025 年度部门预算、三公经费支出情况' }, earlier);
    expect(f.map((x) => x.earlierTrackingNumber)).toEqual(['YSQ-2026-000001']);
    expect(f[0]!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(f[0]!.advisory).toBe(true);
  });
  it('same 文号 lowers the threshold; unrelated text is not flagged', () => {
    const f = findDuplicates({ applicantHash: 'h-a', text: '示例市2025年度部门预算文件', documentNumber: '示财发[2025]3号' }, earlier);
    expect(f[0]).toMatchObject({ earlierTrackingNumber: 'YSQ-2026-000001', sameDocumentNumber: true });
    expect(findDuplicates({ applicantHash: 'h-a', text: '食品安全抽检结果' }, earlier)).toEqual([]);
  });
});

describe('tracking numbers, access codes, masking', () => {
  it('formats and parses YSQ-YYYY-NNNNNN', () => {
    expect(formatTrackingNumber(2026, 123)).toBe('YSQ-2026-000123');
    expect(parseTrackingNumber('ysq-2026-000123')).toEqual({ year: 2026, counter: 123 });
    expect(parseTrackingNumber('YSQ-2026-000000')).toBeNull();
    expect(() => formatTrackingNumber(2026, 1_000_000)).toThrow(CaseValidationError);
  });
  it('access codes: 10 unambiguous characters, rejection sampling', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 250) % 256);
    const code = generateAccessCode(bytes);
    expect(code).toHaveLength(10);
    expect([...code].every((c) => ACCESS_CODE_ALPHABET.includes(c))).toBe(true);
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(isWellFormedAccessCode(code.toLowerCase().slice(0, 5) + '-' + code.slice(5))).toBe(true);
    expect(() => generateAccessCode(new Uint8Array(5))).toThrow(RangeError);
    expect(() => generateAccessCode(new Uint8Array(32).fill(255))).toThrow(RangeError);
  });
  it('masks ID numbers and phones', () => {
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
