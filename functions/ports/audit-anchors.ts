/**
 * Write-once storage for anchors of the audit chains: once written, an anchor cannot be changed or
 * deleted by anyone who can write the table (S3 Object Lock in compliance mode in AWS; files
 * written once and read-only beside the data folder locally).
 */
export interface AuditAnchorStore {
  /** Writes a new anchor; refuses to replace an existing name. */
  write(name: string, body: string): Promise<void>;
  /** The newest anchor, by name (names sort by time). */
  latest(): Promise<{ readonly name: string; readonly body: string } | undefined>;
}
