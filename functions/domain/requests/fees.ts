/**
 * The information processing fee (信息处理费, 《条例》第四十二条, 国办函〔2020〕109号; domain.md §2.11).
 * All amounts are integer yuan (元); every tier rate is a whole number of yuan.
 */
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { CaseValidationError } from '../case/errors';

export type FeeMethod = 'per-application' | 'per-volume';
export const FEE_METHOD_LABELS: Record<FeeMethod, string> = { 'per-application': '按件计收', 'per-volume': '按量计收' };

/**
 * The officer's explicit choice (the fee is optional, "可以"). One method per application,
 * never combined (109号 Art. 3): the union admits exactly one.
 */
export type FeeChoice =
  /** ordinal: this application's number among the applicant's applications in the natural month. */
  | { readonly method: 'per-application'; readonly monthlyOrdinal: number }
  /** pages of this application (per application; no monthly aggregation for 按量 [M?]). */
  | { readonly method: 'per-volume'; readonly pages: number };

export interface FeeTierLine {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly rateYuan: number;
  readonly subtotalYuan: number;
}

export interface FeeAssessment {
  readonly method: FeeMethod;
  readonly amountYuan: number;
  readonly lines: readonly FeeTierLine[];
  /** Plain-Chinese basis for the fee notice (收费通知书). */
  readonly basis: string;
}

function positiveInt(v: number, field: string, label: string): void {
  if (!Number.isInteger(v) || v < 1) throw new CaseValidationError(`${label}须为正整数。`, { [field]: `${label}须为正整数。` });
}

/**
 * 109号 Art. 4: per applicant per natural month, cumulative: 1–10 free; 11–30 ¥100 each; from
 * 31 in tiers of 10, each tier +¥100 (31–40 ¥200, 41–50 ¥300, …). The tier arithmetic is the
 * common reading of "以10件为一档，每增加一档，收费标准提高100元/件".
 */
export function perApplicationRateYuan(ordinal: number): number {
  positiveInt(ordinal, 'monthlyOrdinal', '本月累计申请件数');
  if (ordinal <= 10) return 0;
  if (ordinal <= 30) return 100;
  return 100 * (2 + Math.floor((ordinal - 31) / 10));
}

/** The month's total for applications 1..n (e.g. 35 → ¥3,000). */
export function perApplicationMonthTotalYuan(n: number): number {
  let total = 0;
  for (let i = 1; i <= n; i++) total += perApplicationRateYuan(i);
  return total;
}

const VOLUME_TIERS: readonly { from: number; to: number; rateYuan: number }[] = [
  { from: 1, to: 30, rateYuan: 0 },
  { from: 31, to: 100, rateYuan: 10 },
  { from: 101, to: 200, rateYuan: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, rateYuan: 40 },
];

/** 109号 Art. 5: per application, excess-progressive by pages (250 pages → ¥4,700). */
export function perVolumeLines(pages: number): FeeTierLine[] {
  positiveInt(pages, 'pages', '页数');
  const lines: FeeTierLine[] = [];
  for (const t of VOLUME_TIERS) {
    if (pages < t.from) break;
    const to = Math.min(pages, t.to);
    const count = to - t.from + 1;
    lines.push({ from: t.from, to, count, rateYuan: t.rateYuan, subtotalYuan: count * t.rateYuan });
  }
  return lines;
}

export function perVolumeFeeYuan(pages: number): number {
  return perVolumeLines(pages).reduce((s, l) => s + l.subtotalYuan, 0);
}

export function assessFee(choice: FeeChoice): FeeAssessment {
  const keys = Object.keys(choice).sort().join(',');
  if (keys !== 'method,monthlyOrdinal' && keys !== 'method,pages') {
    throw new CaseValidationError('按件计收和按量计收只能选择一种，不得同时适用。', { method: '只能选择一种计收方式。' });
  }
  if (choice.method === 'per-application') {
    const rate = perApplicationRateYuan(choice.monthlyOrdinal);
    return {
      method: choice.method,
      amountYuan: rate,
      lines: [{ from: choice.monthlyOrdinal, to: choice.monthlyOrdinal, count: 1, rateYuan: rate, subtotalYuan: rate }],
      basis: `依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）按件计收：本申请为申请人本自然月内第${choice.monthlyOrdinal}件申请，收费标准为${rate}元/件。`,
    };
  }
  const lines = perVolumeLines(choice.pages);
  const amountYuan = lines.reduce((s, l) => s + l.subtotalYuan, 0);
  return {
    method: choice.method,
    amountYuan,
    lines,
    basis: `依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）按量计收：本申请共${choice.pages}页，${lines
      .map((l) => `第${l.from}至${l.to}页${l.rateYuan === 0 ? '免费' : `${l.rateYuan}元/页`}`)
      .join('，')}，合计${amountYuan}元。`,
  };
}

export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);

/** The natural month a per-application count belongs to ("2026-03"), from the receipt date. */
export function feeMonthKey(receivedOn: IsoDate): string {
  return (receivedOn as string).slice(0, 7);
}

/**
 * 109号 / 四川 implementing notice: pay within 20 working days starting the day after receiving
 * the notice, i.e. the 20th working day strictly after receipt (calendar.addWorkingDays).
 */
export function paymentDeadline(noticeReceivedOn: IsoDate, calendar: WorkingCalendar, workingDays = 20): { due: IsoDate; provisional: boolean } {
  const r = calendar.addWorkingDays(noticeReceivedOn, workingDays);
  return { due: r.due, provisional: r.provisional };
}

/**
 * Waiver (减免). The national grounds are unconfirmed [M?]: reason codes are configuration, and
 * the 2008-era 低保 exemptions are deliberately not reused (that regime was abolished).
 */
export const DEFAULT_WAIVER_REASONS: Readonly<Record<string, string>> = {
  'financial-hardship': '申请人经济困难',
  'public-interest': '申请涉及公共利益',
  'agency-error': '因本机关原因需重新提供',
  other: '其他（须说明）',
};
