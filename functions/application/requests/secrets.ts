import { caseSecrets } from '../case-secrets';

/** Applications' keys (application/case-secrets.ts), under the `requests` HKDF salt. */
export const { identityHash, encryptIdentity, decryptIdentity, hashAccessCode, accessCodeMatches, submissionFingerprint } = caseSecrets('requests');

/** Seals a short-lived value (the access code in the idempotency guard, for a retried submit). */
export const sealShortLived = encryptIdentity;
export const openShortLived = decryptIdentity;

/** Stable JSON (sorted keys) for fingerprints. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
