import { ConflictError, ValidationError, type FieldErrors } from '../errors';

/*
 * Named errors of the disclosure catalogue. Messages are shown to staff as is (Simplified
 * Chinese); `detail` carries English context for logs. Status codes come from domain/errors.ts.
 */

/** A publishing step the item's current state does not allow (HTTP 409). */
export class IllegalPublishingStepError extends ConflictError {
  constructor(
    message: string,
    readonly command: string,
    readonly from: string,
  ) {
    super(message, `command ${command} not allowed from ${from}`);
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
