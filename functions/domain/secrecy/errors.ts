import { ConflictError, ForbiddenError, ValidationError } from '../errors';

/*
 * Named errors of the secrecy review. Messages are for staff, in Simplified Chinese; `detail`
 * carries English context for logs. Status codes come from the shared bases in domain/errors.ts.
 */

/** The command does not fit the review's current stage or status (e.g. signing a later stage). */
export class ReviewStageError extends ConflictError {
  constructor(
    message: string,
    detail?: string,
    /** The workflow guard that refused, when one did (REVIEW_NO_PENDING_REFERRAL, …). */
    readonly code?: string,
  ) {
    super(message, detail);
  }
}

/** Somebody would approve their own work, or sign a second stage of the same review. */
export class SeparationOfDutiesError extends ForbiddenError {
  constructor(
    message: string,
    detail?: string,
    /** REVIEW_AUTHOR_MAY_NOT_SIGN or REVIEW_ONE_STAGE_PER_PERSON. */
    readonly code?: string,
  ) {
    super(message, detail);
  }
}

/** The actor lacks the role the stage needs (科室负责人 for the head's review, and so on). */
export class ReviewPermissionError extends ForbiddenError {
  constructor(
    message: string,
    detail?: string,
    /** The workflow guard that refused, when one did (REVIEW_AUTHOR_ONLY, REVIEW_STAGE_ROLE). */
    readonly code?: string,
  ) {
    super(message, detail);
  }
}

/** Approval was attempted while some scanner findings have not been resolved. */
export class UnresolvedFindingsError extends ConflictError {
  constructor(readonly findingIds: readonly string[]) {
    super(`还有 ${findingIds.length} 处检测结果未处理（删除或说明保留理由），不能通过审查。`, `unresolved: ${findingIds.join(', ')}`);
  }
}

/** The content changed since it was reviewed (the digest no longer matches). */
export class StaleContentError extends ConflictError {
  constructor(detail?: string) {
    super('内容已在审查后被修改，原审查结论失效，请重新审查。', detail);
  }
}

/** A redacted file still contains text that was meant to be removed. */
export class RedactionLeakError extends ConflictError {
  constructor(readonly residualCount: number) {
    super(`删除处理后的文件中仍有 ${residualCount} 处应删除的内容，请重新处理后再上传。`, `residual findings: ${residualCount}`);
  }
}

/** The review input is incomplete or malformed (missing checklist item, legal basis, reason…). */
export class ReviewValidationError extends ValidationError {}

/** A redaction span is out of bounds or malformed. */
export class InvalidRedactionSpanError extends ValidationError {}
