import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * The keys that guard an applicant's personal data, all derived from the deployment's app secret
 * with HKDF: one salt per case type (`gov-portal/<scope>`, so a correction's key never opens an
 * application's data) and one label per use, so one never stands in for another:
 * - identity hash: HMAC-SHA256 of the canonical identity (ID number or credit code): matching for
 *   duplicates and the monthly fee count without storing the number in clear;
 * - identity encryption: AES-256-GCM of the full number, opened only for an audited staff view;
 * - access codes: a per-case random salt + HMAC, compared in constant time;
 * - submission fingerprints: HMAC of the canonical form + the form's nonce (idempotent submit).
 */
export interface CaseSecrets {
  identityHash(appSecret: string, identity: string): string;
  encryptIdentity(appSecret: string, plain: string): string;
  decryptIdentity(appSecret: string, sealed: string): string;
  hashAccessCode(appSecret: string, code: string, salt?: string): string;
  /** Constant-time: the same work whether or not the record exists (pass `undefined` for none). */
  accessCodeMatches(appSecret: string, code: string, stored: string | undefined): boolean;
  submissionFingerprint(appSecret: string, nonce: string, canonicalForm: string): string;
}

const derived = new Map<string, Buffer>();
const NO_RECORD = 'bm9uZQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function caseSecrets(scope: 'requests' | 'corrections'): CaseSecrets {
  const key = (appSecret: string, label: string): Buffer => {
    const id = `${scope}\u0000${label}\u0000${appSecret}`;
    let k = derived.get(id);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', Buffer.from(appSecret, 'utf8'), Buffer.from(`gov-portal/${scope}`), Buffer.from(label), 32));
      derived.set(id, k);
    }
    return k;
  };
  const hmac = (appSecret: string, label: string, value: string) => createHmac('sha256', key(appSecret, label)).update(value, 'utf8').digest('base64url');
  return {
    identityHash: (appSecret, identity) => hmac(appSecret, 'identity-hash', identity),
    encryptIdentity(appSecret, plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(appSecret, 'identity-encryption'), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
    },
    decryptIdentity(appSecret, sealed) {
      const [iv, body, tag] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
      if (!iv || !body || !tag) throw new Error('malformed sealed identity');
      const decipher = createDecipheriv('aes-256-gcm', key(appSecret, 'identity-encryption'), iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
    hashAccessCode: (appSecret, code, salt = randomBytes(16).toString('base64url')) => `${salt}.${hmac(appSecret, 'access-code', `${salt}:${code}`)}`,
    accessCodeMatches(appSecret, code, stored) {
      const [salt, expected] = (stored ?? NO_RECORD).split('.');
      const a = Buffer.from(hmac(appSecret, 'access-code', `${salt}:${code}`));
      const b = Buffer.from(expected ?? '');
      const same = a.length === b.length && timingSafeEqual(a, b);
      return stored !== undefined && same;
    },
    submissionFingerprint: (appSecret, nonce, canonicalForm) => hmac(appSecret, 'submission', `${nonce}\u0000${canonicalForm}`),
  };
}
