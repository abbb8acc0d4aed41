import type { AgencyPolicy } from '#domain/policy';
import type { CaseTypeRegistry } from './case/registry';
import type { Hasher } from '#domain/audit/chain';
import type { AuditAnchorStore } from '#ports/audit-anchors';
import type { Logger } from '#observability/logger';
import type { Clock } from '#ports/clock';
import type { ContentPort } from '#ports/content';
import type { PasswordHasher } from '#ports/passwords';
import type { PrivateFileStore } from '#ports/file-store';
import type { Mailer } from '#ports/mailer';
import type { RecordStore } from '#ports/record-store';
import type { StaffTokenSigner, StaffTokenVerifier } from '#ports/staff-auth';
import type { DocumentFileFormat, DocumentFileWriter } from '#ports/document-file';

/** Deployment facts the app needs; built once from the environment by a composition root. */
export interface AppConfig {
  readonly deployment: 'aws' | 'local';
  readonly agencyName: string;
  readonly agencyCode: string;
  readonly publicBaseUrl: string;
  readonly publicFilesBaseUrl: string;
  readonly appSecret: string;
  readonly appVersion: string;
  /** Cognito hosted UI (AWS only): where /login sends staff. */
  readonly staffSignIn?: { readonly authorizeUrl: string; readonly tokenUrl: string; readonly clientId: string };
}

/**
 * Everything a use case or route may touch, built once per process by one of the two
 * composition roots (functions/handlers/*, functions/local/*) or by tests with fakes.
 */
export interface AppDependencies {
  readonly config: AppConfig;
  /** The agency's rules and periods (domain/policy.ts), passed to every decision. */
  readonly policy: AgencyPolicy;
  /** Every kind of case the platform keeps (application/case-types.ts), built by the composition root. */
  readonly caseTypes: CaseTypeRegistry;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hash: Hasher;
  readonly records: RecordStore;
  readonly files: PrivateFileStore;
  /** Digests, type sniffing, text extraction and Markdown-to-text of file content. */
  readonly content: ContentPort;
  /** Signed documents as files (Word, PDF) for the agency's seal workflow, one writer per format. */
  readonly documentFiles: Readonly<Record<DocumentFileFormat, DocumentFileWriter>>;
  /** Local-mode demo accounts' passwords. */
  readonly passwords: PasswordHasher;
  /** E-mail delivery for the outbox: SES in AWS, the local mailbox locally. */
  readonly mailer: Mailer;
  readonly verifyStaffToken: StaffTokenVerifier;
  /** Local mode only: signs tokens for the demo accounts on the local login page. */
  readonly localSignIn?: StaffTokenSigner;
  /** Checks the storage the app depends on (for /health?deep=1). */
  readonly ping?: () => Promise<void>;
  /**
   * Where this process applies the effects its commits owe (public copies, search entries,
   * applicant copies): in-process locally and in the release function; absent in the HTTP function
   * in AWS, where the table's stream hands every new effect to the release function.
   */
  readonly effects?: { kick(): Promise<void> };
  /** Write-once storage for the daily anchor of the audit chain heads (the sweep's deployment only). */
  readonly anchors?: AuditAnchorStore;
}
