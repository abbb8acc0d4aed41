/**
 * Named errors of the working-day calendar. They are all bad input (a malformed date, a count
 * out of range, an invalid schedule), so they extend ValidationError and the web layer answers
 * 400 with the message; ScheduleValidationError also carries one message per field.
 */
import { ValidationError, type FieldErrors } from '../errors';

export class CalendarError extends ValidationError {
  override readonly name: string = 'CalendarError';
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown; fields?: FieldErrors }) {
    super(message, options?.fields);
    this.code = code;
    if (options?.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, configurable: true, writable: true });
  }
}

/** A string is not a real calendar date in YYYY-MM-DD form. */
export class InvalidIsoDateError extends CalendarError {
  override readonly name = 'InvalidIsoDateError';
  constructor(readonly value: unknown) {
    super('INVALID_ISO_DATE', `日期无效：${String(value)}（应为YYYY-MM-DD格式的真实日期）`);
  }
}

/** The calculator's index spans 2000-01-01..2099-12-31; anything outside is a data error. */
export class DateOutOfRangeError extends CalendarError {
  override readonly name = 'DateOutOfRangeError';
  constructor(readonly value: string) {
    super('DATE_OUT_OF_RANGE', `日期超出工作日历支持的范围（2000年至2099年）：${value}`);
  }
}

export class InvalidWorkingDayCountError extends CalendarError {
  override readonly name = 'InvalidWorkingDayCountError';
  constructor(readonly value: number) {
    super('INVALID_WORKING_DAY_COUNT', `工作日数必须是非负整数：${value}`);
  }
}

export interface ScheduleIssue {
  /** Dotted path into the submitted schedule, e.g. "holidays.2.to". */
  readonly path: string;
  /** Plain-Chinese message for the administrator. */
  readonly message: string;
}

/** A submitted holiday schedule or local adjustment failed validation. */
export class ScheduleValidationError extends CalendarError {
  override readonly name = 'ScheduleValidationError';
  constructor(readonly issues: readonly ScheduleIssue[]) {
    super('SCHEDULE_INVALID', `节假日安排校验未通过：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')}`, { fields: issueFields(issues) });
  }
}

/** First message per path ('' → '_'), the shape ValidationError.fields has everywhere. */
function issueFields(issues: readonly ScheduleIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const i of issues) fields[i.path || '_'] ??= i.message;
  return fields;
}
