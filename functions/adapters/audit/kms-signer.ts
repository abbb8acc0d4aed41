import { GenerateMacCommand, KMSClient, VerifyMacCommand } from '@aws-sdk/client-kms';
import { StorageUnavailableError } from '#domain/errors';
import type { AuditSigner } from '#ports/audit-signer';

const encoder = new TextEncoder();

/**
 * AWS: an HMAC_256 KMS key. The key never leaves KMS; the functions may GenerateMac (and the
 * verifier VerifyMac) and nothing else, so table access alone cannot forge an event.
 */
export class KmsAuditSigner implements AuditSigner {
  constructor(
    private readonly keyId: string,
    private readonly client: KMSClient,
  ) {}

  async sign(eventHash: string): Promise<string> {
    try {
      const out = await this.client.send(new GenerateMacCommand({ KeyId: this.keyId, MacAlgorithm: 'HMAC_SHA_256', Message: encoder.encode(`audit-event:${eventHash}`) }));
      return Buffer.from(out.Mac ?? new Uint8Array()).toString('base64url');
    } catch (error) {
      throw new StorageUnavailableError(`KMS: ${(error as Error).name}`, { cause: error });
    }
  }

  async verify(eventHash: string, mac: string): Promise<boolean> {
    try {
      const out = await this.client.send(
        new VerifyMacCommand({ KeyId: this.keyId, MacAlgorithm: 'HMAC_SHA_256', Message: encoder.encode(`audit-event:${eventHash}`), Mac: Buffer.from(mac, 'base64url') }),
      );
      return out.MacValid === true;
    } catch (error) {
      if ((error as Error).name === 'KMSInvalidMacException') return false;
      throw new StorageUnavailableError(`KMS: ${(error as Error).name}`, { cause: error });
    }
  }
}
