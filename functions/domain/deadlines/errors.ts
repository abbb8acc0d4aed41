/**
 * Named errors of the case clock. They signal an event history that the Regulation does not
 * allow (e.g. a second extension); the application layer should validate a new event with
 * appendClockEvent() before storing it, so stored histories never throw. A rule violation is a
 * conflict with the case's state, so they extend ConflictError (HTTP 409).
 */
import { ConflictError } from '../errors';

export class DeadlineRuleError extends ConflictError {
  override readonly name: string = 'DeadlineRuleError';
  constructor(
    readonly code: string,
    message: string,
    readonly context: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, code);
  }
}

export class MissingReceiptError extends DeadlineRuleError {
  override readonly name = 'MissingReceiptError';
  constructor() {
    super('MISSING_RECEIPT', '案件缺少“收到申请”事件，无法计算期限');
  }
}

export class DuplicateReceiptError extends DeadlineRuleError {
  override readonly name = 'DuplicateReceiptError';
  constructor() {
    super('DUPLICATE_RECEIPT', '案件只能有一个“收到申请”事件');
  }
}

export class EventBeforeReceiptError extends DeadlineRuleError {
  override readonly name = 'EventBeforeReceiptError';
  constructor(type: string, date: string) {
    super('EVENT_BEFORE_RECEIPT', `事件“${type}”的日期${date}早于收到申请之日`, { type, date });
  }
}

export class EventAfterClosureError extends DeadlineRuleError {
  override readonly name = 'EventAfterClosureError';
  constructor(type: string) {
    super('EVENT_AFTER_CLOSURE', `案件已办结，不能再记录“${type}”`, { type });
  }
}

export class SupplementSequenceError extends DeadlineRuleError {
  override readonly name = 'SupplementSequenceError';
  constructor(message: string) {
    super('SUPPLEMENT_SEQUENCE', message);
  }
}

export class SecondExtensionError extends DeadlineRuleError {
  override readonly name = 'SecondExtensionError';
  constructor() {
    super('SECOND_EXTENSION', '答复期限只能延长一次（《条例》第三十三条）');
  }
}

export class ExtensionTooLongError extends DeadlineRuleError {
  override readonly name = 'ExtensionTooLongError';
  constructor(workingDays: number, max: number) {
    super('EXTENSION_TOO_LONG', `延长期限须为1至${max}个工作日的整数，实际为${workingDays}（《条例》第三十三条）`, { workingDays, max });
  }
}

export class ExtensionWithoutApprovalError extends DeadlineRuleError {
  override readonly name = 'ExtensionWithoutApprovalError';
  constructor(reason: string) {
    super('EXTENSION_WITHOUT_APPROVAL', `延长答复期限须经政府信息公开工作机构负责人同意：${reason}`);
  }
}

export class ExtensionAfterDeadlineError extends DeadlineRuleError {
  override readonly name = 'ExtensionAfterDeadlineError';
  constructor(approvedOn: string, due: string) {
    super('EXTENSION_AFTER_DEADLINE', `延期须在答复期限届满前批准：批准日${approvedOn}晚于期限${due}`, { approvedOn, due });
  }
}

export class ConsultationError extends DeadlineRuleError {
  override readonly name = 'ConsultationError';
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('CONSULTATION', message, context);
  }
}

export class FeeNoticeError extends DeadlineRuleError {
  override readonly name = 'FeeNoticeError';
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('FEE_NOTICE', message, context);
  }
}

export class DelayedPeriodError extends DeadlineRuleError {
  override readonly name = 'DelayedPeriodError';
  constructor(message: string) {
    super('DELAYED_PERIOD', message);
  }
}

export class InvalidDeadlineConfigError extends DeadlineRuleError {
  override readonly name = 'InvalidDeadlineConfigError';
  constructor(message: string) {
    super('INVALID_CONFIG', message);
  }
}
