/**
 * Named domain errors. Adapters translate storage failures into these; web/http-errors.ts maps
 * them to HTTP statuses in one place. Messages are written for the person who will read them
 * (a clerk or a citizen), in Simplified Chinese; `detail` carries English context for logs.
 */
export abstract class DomainError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;
  constructor(
    message: string,
    readonly detail?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type FieldErrors = Record<string, string>;

export class ValidationError extends DomainError {
  readonly status = 400;
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
}

/** A state change that the current state does not allow (an illegal workflow step). */
export class ConflictError extends DomainError {
  readonly status = 409;
}

/** Optimistic locking: somebody else changed the record since it was read. */
export class VersionConflictError extends ConflictError {
  constructor(
    detail?: string,
    /** The key whose condition failed, when the store can tell (e.g. a counter drawn in the commit). */
    readonly key?: { readonly pk: string; readonly sk: string },
  ) {
    super('该记录已被他人修改，请刷新页面后重试。', detail);
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
}

export class RateLimitedError extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A dependency (DynamoDB, S3) failed in a way the user cannot fix; nothing was half-written. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}
