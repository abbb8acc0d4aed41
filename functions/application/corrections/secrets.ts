import { createCipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Keys for correction requests, derived from the app secret with HKDF under their own labels:
 * the identity number is stored as AES-256-GCM ciphertext (plus a masked copy); access codes as a
 * salted HMAC compared in constant time; form fingerprints as an HMAC (idempotent submit).
 */
const derived = new Map<string, Buffer>();
function key(appSecret: string, label: string): Buffer {
  const id = `${label}\u0000${appSecret}`;
  let k = derived.get(id);
  if (!k) {
    k = Buffer.from(hkdfSync('sha256', Buffer.from(appSecret, 'utf8'), Buffer.from('gov-portal/corrections'), Buffer.from(label), 32));
    derived.set(id, k);
  }
  return k;
}
const hmac = (k: Buffer, value: string) => createHmac('sha256', k).update(value, 'utf8').digest('base64url');

export function encryptIdentity(appSecret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(appSecret, 'identity-encryption'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

export function hashAccessCode(appSecret: string, code: string, salt = randomBytes(16).toString('base64url')): string {
  return `${salt}.${hmac(key(appSecret, 'access-code'), `${salt}:${code}`)}`;
}

/** Constant-time; does the same work whether or not the record exists. */
export function accessCodeMatches(appSecret: string, code: string, stored: string | undefined): boolean {
  const [salt, expected] = (stored ?? 'bm9uZQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').split('.');
  const a = Buffer.from(hmac(key(appSecret, 'access-code'), `${salt}:${code}`));
  const b = Buffer.from(expected ?? '');
  return a.length === b.length && timingSafeEqual(a, b) && stored !== undefined;
}

export function submissionFingerprint(appSecret: string, nonce: string, form: string): string {
  return hmac(key(appSecret, 'submission'), `${nonce}\u0000${form}`);
}
