import { describe, expect, it } from 'vitest';
import { isoDate } from '#domain/calendar';
import { assessFee, DEFAULT_WAIVER_REASONS, FEE_METHOD_LABELS, feeMonthKey, perApplicationRateYuan, perVolumeFeeYuan, perVolumeLines, yuanToFen, type FeeChoice } from '#domain/requests';
import { validationError } from './support';

const BASIS = '依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

describe('fee inputs are positive whole numbers, and the error names the field', () => {
  it.each([0, -1, 1.5, 10.5, Number.NaN, Number.POSITIVE_INFINITY])('monthly ordinal %d is refused (109号 Art. 4 counts whole applications)', (n) => {
    const e = validationError(() => perApplicationRateYuan(n));
    expect(e.message).toBe('本月累计申请件数须为正整数。');
    expect(e.fields).toEqual({ monthlyOrdinal: '本月累计申请件数须为正整数。' });
  });

  it.each([0, -3, 30.5, Number.NaN])('page count %d is refused (109号 Art. 5 counts whole pages)', (n) => {
    const e = validationError(() => perVolumeFeeYuan(n));
    expect(e.message).toBe('页数须为正整数。');
    expect(e.fields).toEqual({ pages: '页数须为正整数。' });
  });

  it('the first application and the first page are valid inputs', () => {
    expect(perApplicationRateYuan(1)).toBe(0);
    expect(perVolumeFeeYuan(1)).toBe(0);
  });

  it('assessFee validates through the same rules', () => {
    expect(validationError(() => assessFee({ method: 'per-application', monthlyOrdinal: 0 })).fields).toEqual({ monthlyOrdinal: '本月累计申请件数须为正整数。' });
    expect(validationError(() => assessFee({ method: 'per-volume', pages: 2.5 })).fields).toEqual({ pages: '页数须为正整数。' });
  });
});

describe('one method per application (109号 Art. 3)', () => {
  it('combining both methods is refused with a message naming the method field', () => {
    const e = validationError(() => assessFee({ method: 'per-application', monthlyOrdinal: 12, pages: 40 } as unknown as FeeChoice));
    expect(e.message).toBe('按件计收和按量计收只能选择一种，不得同时适用。');
    expect(e.fields).toEqual({ method: '只能选择一种计收方式。' });
  });

  it('a choice with neither count is refused', () => {
    expect(validationError(() => assessFee({ method: 'per-volume' } as unknown as FeeChoice)).fields).toEqual({ method: '只能选择一种计收方式。' });
  });

  it('the order in which the choice was written does not matter', () => {
    expect(assessFee({ monthlyOrdinal: 11, method: 'per-application' } as FeeChoice).amountYuan).toBe(100);
    expect(assessFee({ pages: 31, method: 'per-volume' } as FeeChoice).amountYuan).toBe(10);
  });
});

describe('按件计收 assessment (109号 Art. 4)', () => {
  it('one line for this application at its tier rate, and the notice basis', () => {
    expect(assessFee({ method: 'per-application', monthlyOrdinal: 35 })).toEqual({
      method: 'per-application',
      amountYuan: 200,
      lines: [{ from: 35, to: 35, count: 1, rateYuan: 200, subtotalYuan: 200 }],
      basis: `${BASIS}按件计收：本申请为申请人本自然月内第35件申请，收费标准为200元/件。`,
    });
  });

  it('a free application (1–10) still states its ordinal and a ¥0 rate', () => {
    expect(assessFee({ method: 'per-application', monthlyOrdinal: 10 })).toEqual({
      method: 'per-application',
      amountYuan: 0,
      lines: [{ from: 10, to: 10, count: 1, rateYuan: 0, subtotalYuan: 0 }],
      basis: `${BASIS}按件计收：本申请为申请人本自然月内第10件申请，收费标准为0元/件。`,
    });
  });

  it.each([
    [29, 100],
    [30, 100],
    [31, 200],
    [39, 200],
    [40, 200],
    [41, 300],
    [100, 800],
    [101, 900],
  ])('application #%i is charged ¥%i', (n, yuan) => expect(assessFee({ method: 'per-application', monthlyOrdinal: n }).amountYuan).toBe(yuan));
});

describe('按量计收 assessment (109号 Art. 5: excess-progressive by pages)', () => {
  it('250 pages: every tier is a line, and the basis lists them', () => {
    expect(assessFee({ method: 'per-volume', pages: 250 })).toEqual({
      method: 'per-volume',
      amountYuan: 4700,
      lines: [
        { from: 1, to: 30, count: 30, rateYuan: 0, subtotalYuan: 0 },
        { from: 31, to: 100, count: 70, rateYuan: 10, subtotalYuan: 700 },
        { from: 101, to: 200, count: 100, rateYuan: 20, subtotalYuan: 2000 },
        { from: 201, to: 250, count: 50, rateYuan: 40, subtotalYuan: 2000 },
      ],
      basis: `${BASIS}按量计收：本申请共250页，第1至30页免费，第31至100页10元/页，第101至200页20元/页，第201至250页40元/页，合计4700元。`,
    });
  });

  it('30 pages or fewer are free: one line, ¥0', () => {
    expect(assessFee({ method: 'per-volume', pages: 30 })).toEqual({
      method: 'per-volume',
      amountYuan: 0,
      lines: [{ from: 1, to: 30, count: 30, rateYuan: 0, subtotalYuan: 0 }],
      basis: `${BASIS}按量计收：本申请共30页，第1至30页免费，合计0元。`,
    });
  });

  it('a tier starts at its first page: 31 pages reach the ¥10 tier, 101 the ¥20 tier, 201 the ¥40 tier', () => {
    expect(perVolumeLines(31).map((l) => [l.from, l.to, l.rateYuan])).toEqual([
      [1, 30, 0],
      [31, 31, 10],
    ]);
    expect(perVolumeLines(101).at(-1)).toEqual({ from: 101, to: 101, count: 1, rateYuan: 20, subtotalYuan: 20 });
    expect(perVolumeLines(201).at(-1)).toEqual({ from: 201, to: 201, count: 1, rateYuan: 40, subtotalYuan: 40 });
    expect(assessFee({ method: 'per-volume', pages: 31 }).basis).toBe(`${BASIS}按量计收：本申请共31页，第1至30页免费，第31至31页10元/页，合计10元。`);
  });
});

describe('amounts and months', () => {
  it('yuan convert to fen exactly', () => {
    expect(yuanToFen(4700)).toBe(470000);
    expect(yuanToFen(12.34)).toBe(1234);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });

  it('the per-application count belongs to the natural month of receipt', () => {
    expect(feeMonthKey(isoDate('2026-03-31'))).toBe('2026-03');
    expect(feeMonthKey(isoDate('2026-04-01'))).toBe('2026-04');
  });
});

describe('labels and waiver reasons', () => {
  it('the two methods carry the names of 109号', () => expect(FEE_METHOD_LABELS).toEqual({ 'per-application': '按件计收', 'per-volume': '按量计收' }));

  it('the default waiver reason codes (configuration; no 低保 exemption of the abolished 2008 regime)', () => {
    expect(DEFAULT_WAIVER_REASONS).toEqual({
      'financial-hardship': '申请人经济困难',
      'public-interest': '申请涉及公共利益',
      'agency-error': '因本机关原因需重新提供',
      other: '其他（须说明）',
    });
    expect(Object.values(DEFAULT_WAIVER_REASONS).join('')).not.toContain('低保');
  });
});
