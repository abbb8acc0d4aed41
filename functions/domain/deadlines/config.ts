/**
 * Deadline configuration. Statutory numbers are defaults and legal maxima (《条例》2019);
 * the open points flagged in domain.md are switches.
 */
import { InvalidDeadlineConfigError } from './errors';

/**
 * Which boundary days of a pause (consultation or fee notice) are excluded from the answer period.
 * - 'after-start-through-end' (default): paused days are (start, end]. The pause is counted like
 *   every period in §2.13: its first day is the day after the letter/notice, its last day is the
 *   day the answer/payment arrives. A consultation that runs its full 15 working days excludes
 *   exactly 15 working days, matching Art. 32. Compared with domain.md §2.11's sketch
 *   "[fee_notice_issued_date, paid_date]" (both days excluded) it excludes one working day
 *   less, i.e. it is the reading that protects the applicant; the start day was a day the agency
 *   worked on the case (it sent the letter).
 * - 'start-through-end': [start, end], the literal §2.11 sketch.
 * - 'between': (start, end), most favourable to the applicant.
 */
export type PauseBoundary = 'after-start-through-end' | 'start-through-end' | 'between';

export interface DeadlineConfig {
  /** Art. 33: 20 working days from receipt. */
  readonly answerWorkingDays: number;
  /** Art. 30: one-time supplement notice within 7 working days of receipt. */
  readonly supplementNoticeWorkingDays: number;
  /** Art. 33: extension of at most 20 working days (legal maximum, config may only lower it). */
  readonly maxExtensionWorkingDays: number;
  /** Art. 32/34: a consulted third party or agency answers within 15 working days. */
  readonly consultationWorkingDays: number;
  /** 109号: the applicant pays within 20 working days of receiving the fee notice. */
  readonly feePaymentWorkingDays: number;
  /** Art. 26: proactive disclosure within 20 working days of formation or change. */
  readonly proactiveDisclosureWorkingDays: number;
  /** domain.md §11: the fee notice stops the clock until payment; on by default until 109号 is checked. */
  readonly feeNoticePausesClock: boolean;
  readonly pauseBoundary: PauseBoundary;
  /** Roles whose approval makes an extension valid (Art. 33: head of the GI work unit). */
  readonly extensionApproverRoles: readonly string[];
  /** Urgency: "due soon" when at most this many working days are left. */
  readonly dueSoonWorkingDays: number;
  /**
   * Deadlines counted in clock hours (a clarification's 48 or 24 hours): the hourly sweep reminds the
   * responsible person when at most this many hours are left.
   */
  readonly dueSoonHours: number;
}

export const STATUTORY_LIMITS = {
  answerWorkingDays: 20,
  supplementNoticeWorkingDays: 7,
  maxExtensionWorkingDays: 20,
  consultationWorkingDays: 15,
  feePaymentWorkingDays: 20,
  proactiveDisclosureWorkingDays: 20,
} as const;

/** 政府信息公开工作机构负责人 */
export const GI_OFFICE_HEAD_ROLE = 'gi-office-head';

export const DEFAULT_DEADLINE_CONFIG: DeadlineConfig = {
  ...STATUTORY_LIMITS,
  feeNoticePausesClock: true,
  pauseBoundary: 'after-start-through-end',
  extensionApproverRoles: [GI_OFFICE_HEAD_ROLE],
  dueSoonWorkingDays: 5,
  dueSoonHours: 4,
};

/**
 * Builds a config from overrides. A local rule may shorten a statutory period (that protects the
 * applicant) but never lengthen it.
 */
export function deadlineConfig(overrides: Partial<DeadlineConfig> = {}): DeadlineConfig {
  const c = { ...DEFAULT_DEADLINE_CONFIG, ...overrides };
  for (const key of Object.keys(STATUTORY_LIMITS) as (keyof typeof STATUTORY_LIMITS)[]) {
    const v = c[key];
    if (!Number.isInteger(v) || v < 1 || v > STATUTORY_LIMITS[key]) {
      throw new InvalidDeadlineConfigError(`${key}须为1至${STATUTORY_LIMITS[key]}的整数，实际为${v}`);
    }
  }
  if (!Number.isInteger(c.dueSoonWorkingDays) || c.dueSoonWorkingDays < 0) {
    throw new InvalidDeadlineConfigError(`dueSoonWorkingDays须为非负整数，实际为${c.dueSoonWorkingDays}`);
  }
  if (!Number.isInteger(c.dueSoonHours) || c.dueSoonHours < 0) {
    throw new InvalidDeadlineConfigError(`dueSoonHours须为非负整数，实际为${c.dueSoonHours}`);
  }
  if (c.extensionApproverRoles.length === 0) throw new InvalidDeadlineConfigError('extensionApproverRoles不能为空');
  return c;
}
