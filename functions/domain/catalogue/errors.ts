import { IllegalTransitionError } from '../case/errors';
import { ConflictError, ValidationError, type FieldErrors } from '../errors';

/*
 * Named errors of the disclosure catalogue. Messages are shown to staff as is (Simplified
 * Chinese); `detail` carries English context for logs. Status codes come from domain/errors.ts.
 */

/**
 * A publishing step the item's current state does not allow (HTTP 409): the kernel's refusal,
 * with the table's hint of what to do instead as its message.
 */
export class IllegalPublishingStepError extends IllegalTransitionError {
  constructor(hint: string, state: string, command: string, stateLabel: string, commandLabel: string) {
    super(state, command, stateLabel, commandLabel);
    this.message = hint;
  }
}

/** Approval attempted with a secrecy review that is not approved, or approved for other content. */
export class SecrecyClearanceError extends ConflictError {}

/** An index number would change, be reused, or overflow its serial width. */
export class IndexNumberConflictError extends ConflictError {}

/** Bad configuration or input (category tree, index-number scheme, agency profile, item form). */
export class CatalogueValidationError extends ValidationError {
  constructor(message: string, fields: FieldErrors = {}) {
    super(message, fields);
  }
}
