import type { Actor } from '../domain/staff';

/**
 * The release step (先审查、后公开): the only way content leaves the agency. It refuses anything
 * without an approved secrecy review bound to exactly the content about to leave.
 *
 * Local mode runs it in-process; in AWS the HTTP function invokes the release function, which
 * alone may write to the public bucket.
 */
export interface ReleaseAttachmentRef {
  /** Private-bucket key of the original, as the subject holds it now. */
  readonly fileKey: string;
  readonly fileName: string;
  readonly contentType: string;
}

export interface ReleaseRequest {
  readonly reviewId: string;
  /** The review's version when the caller saw it approved; a later change voids the release. */
  readonly reviewVersion: number;
  readonly subject: { readonly type: string; readonly id: string };
  /** The content as the subject holds it now (originals); must be what was reviewed. */
  readonly parts: { readonly text: string; readonly attachments: readonly ReleaseAttachmentRef[] };
  readonly requestedBy: Actor;
}

export interface ReleasedPart {
  readonly part: string;
  readonly key: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** Public releases: where the released copy is served. */
  readonly url?: string;
}

export interface ReleaseReceipt {
  readonly releaseId: string;
  readonly target: 'public' | 'applicant';
  readonly digest: string;
  /** The released text (the redacted copy where redaction applies). */
  readonly text: string;
  readonly files: readonly ReleasedPart[];
}

/** Taking released copies back off the public bucket when an item is withdrawn (撤回). */
export interface WithdrawalRequest {
  readonly subject: { readonly type: string; readonly id: string };
  /** Public URLs of the released copies, as the release receipts gave them. */
  readonly urls: readonly string[];
  readonly reason: string;
  readonly requestedBy: Actor;
}

export interface Releaser {
  /** Publish: writes the released copies under `files/` in the public bucket. */
  releaseToPublic(request: ReleaseRequest): Promise<ReleaseReceipt>;
  /** Provide to an applicant: copies to `outgoing/` in the private bucket for short-lived links. */
  releaseToApplicant(request: ReleaseRequest): Promise<ReleaseReceipt>;
  /** Withdraw: deletes released copies from the public bucket (only keys under `files/`). */
  withdrawFromPublic(request: WithdrawalRequest): Promise<{ readonly removed: number }>;
}
