import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Keys for the applicant's personal data, all derived from the deployment's app secret with HKDF
 * under separate labels, so one never stands in for another:
 * - identity hash: HMAC-SHA256 of the canonical identity (ID number or credit code): matching for
 *   duplicates and the monthly fee count without storing the number in clear;
 * - identity encryption: AES-256-GCM of the full number, opened only for an audited staff view;
 * - access codes: a per-application random salt + HMAC with a pepper, compared in constant time;
 * - submission fingerprints: HMAC of the canonical form + the form's nonce (idempotent submit).
 */
const derived = new Map<string, Buffer>();

function key(appSecret: string, label: string): Buffer {
  const id = `${label}\u0000${appSecret}`;
  let k = derived.get(id);
  if (!k) {
    k = Buffer.from(hkdfSync('sha256', Buffer.from(appSecret, 'utf8'), Buffer.from('gov-portal/requests'), Buffer.from(label), 32));
    derived.set(id, k);
  }
  return k;
}

const hmac = (k: Buffer, value: string) => createHmac('sha256', k).update(value, 'utf8').digest('base64url');

export function identityHash(appSecret: string, identity: string): string {
  return hmac(key(appSecret, 'identity-hash'), identity);
}

export function encryptIdentity(appSecret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(appSecret, 'identity-encryption'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

export function decryptIdentity(appSecret: string, sealed: string): string {
  const [iv, body, tag] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !body || !tag) throw new Error('malformed sealed identity');
  const decipher = createDecipheriv('aes-256-gcm', key(appSecret, 'identity-encryption'), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

export function hashAccessCode(appSecret: string, code: string, salt = randomBytes(16).toString('base64url')): string {
  return `${salt}.${hmac(key(appSecret, 'access-code'), `${salt}:${code}`)}`;
}

/** Constant-time: the same work whether or not the record exists (pass `undefined` for none). */
export function accessCodeMatches(appSecret: string, code: string, stored: string | undefined): boolean {
  const [salt, expected] = (stored ?? 'bm9uZQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').split('.');
  const actual = hmac(key(appSecret, 'access-code'), `${salt}:${code}`);
  const a = Buffer.from(actual);
  const b = Buffer.from(expected ?? '');
  const same = a.length === b.length && timingSafeEqual(a, b);
  return stored !== undefined && same;
}

export function submissionFingerprint(appSecret: string, nonce: string, canonicalForm: string): string {
  return hmac(key(appSecret, 'submission'), `${nonce}\u0000${canonicalForm}`);
}

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
