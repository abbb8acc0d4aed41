import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditSigner } from '#ports/audit-signer';

/** HMAC-SHA256 with a key held in memory: local mode (from a key file) and tests. */
export class HmacAuditSigner implements AuditSigner {
  constructor(private readonly key: Uint8Array) {
    if (key.byteLength < 32) throw new Error('audit MAC key must be at least 32 bytes');
  }

  async sign(eventHash: string): Promise<string> {
    return createHmac('sha256', this.key).update(`audit-event:${eventHash}`).digest('base64url');
  }

  async verify(eventHash: string, mac: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(eventHash));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/**
 * Local mode's key file, created on first use, readable by its owner only. It lives outside the
 * data folder: whoever copies or edits .data/ does not get it, and `npm run reset` keeps it.
 */
export function localAuditKey(file: string): Uint8Array {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** A fixed key for unit tests and fakes (never used by a composition root). */
export const testAuditSigner = new HmacAuditSigner(new Uint8Array(32).fill(7));
