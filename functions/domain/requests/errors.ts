import { ConflictError, ForbiddenError, ValidationError } from '../errors';

/*
 * Named errors of disclosure on application. Messages are for staff or the applicant, in
 * Simplified Chinese; `detail` carries English context for logs.
 */

/** The command is not allowed in the case's current state (409). */
export class IllegalTransitionError extends ConflictError {
  constructor(
    readonly state: string,
    readonly command: string,
    stateLabel: string,
    commandLabel: string,
  ) {
    super(`当前状态为「${stateLabel}」，不能执行「${commandLabel}」。`, `illegal transition: ${state} -/-> ${command}`);
  }
}

/** The command is allowed in this state, but a rule of the Regulation forbids it now (409). */
export class TransitionGuardError extends ConflictError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message, `guard failed: ${code}`);
  }
}

/** The actor lacks the role (or the responsibility) the command needs (403). */
export class RequestForbiddenError extends ForbiddenError {}

/** The command's input or the application form is incomplete or malformed (400, with fields). */
export class RequestValidationError extends ValidationError {}
