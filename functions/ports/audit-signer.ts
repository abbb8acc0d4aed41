/**
 * Keyed MACs for audit events. The key lives outside the table (a KMS HMAC key in AWS, a key file
 * outside the data folder locally), so someone who can edit the table can recompute hashes but not
 * MACs: a re-sealed chain shows up as events whose MAC does not verify.
 */
export interface AuditSigner {
  /** The MAC of an event hash (base64url). */
  sign(eventHash: string): Promise<string>;
  verify(eventHash: string, mac: string): Promise<boolean>;
}
