/**
 * The one error family of every case workflow. Each carries a Chinese message for the person who
 * reads it and English `detail` for logs; web/http-errors.ts maps the base classes to statuses.
 */
import { ConflictError, ForbiddenError, ValidationError, type FieldErrors } from '../errors';

/** The command does not exist in this state (409): "当前状态为「…」，不能执行「…」". */
export class IllegalTransitionError extends ConflictError {
  constructor(
    readonly state: string,
    readonly command: string,
    stateLabel: string,
    commandLabel: string,
    options?: ErrorOptions,
  ) {
    super(`当前状态为「${stateLabel}」，不能执行「${commandLabel}」。`, `illegal transition: ${state} -/-> ${command}`, options);
  }
}

/** The step exists in this state, but a rule forbids it now (409), with a code for tests and logs. */
export class GuardRefusedError extends ConflictError {
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, `guard refused: ${code}`, options);
  }
}

/** The actor lacks the role, or the responsibility, the step needs (403). */
export class CaseForbiddenError extends ForbiddenError {}

/** The command's input is incomplete or malformed (400, with a message per field). */
export class CaseValidationError extends ValidationError {
  constructor(message: string, fields: FieldErrors = {}, options?: ErrorOptions) {
    super(message, fields);
    if (options?.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
  }
}

export type CaseRefusal = IllegalTransitionError | GuardRefusedError | CaseForbiddenError;
