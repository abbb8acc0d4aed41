import { GenerateMacCommand, KMSClient, VerifyMacCommand } from '@aws-sdk/client-kms';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderAuditAnchorStore } from '#adapters/audit/anchor-stores';
import { KmsAuditSigner } from '#adapters/audit/kms-signer';
import { HmacAuditSigner, localAuditKey } from '#adapters/audit/local-signer';
import { StorageUnavailableError } from '#domain/errors';
import { auditAnchorsDir, auditKeyFile } from '#local/local-runtime';

const kms = mockClient(KMSClient);
afterEach(() => kms.reset());

describe('audit MAC signers', () => {
  it('KMS: GenerateMac with the HMAC key, VerifyMac to check; a KMS fault is a 503, a bad MAC is false', async () => {
    kms.on(GenerateMacCommand).resolves({ Mac: new Uint8Array([1, 2, 3]) });
    kms.on(VerifyMacCommand).resolves({ MacValid: true });
    const signer = new KmsAuditSigner('alias/audit', new KMSClient({ region: 'cn-north-1' }));
    expect(await signer.sign('abc')).toBe(Buffer.from([1, 2, 3]).toString('base64url'));
    expect(kms.commandCalls(GenerateMacCommand)[0]!.args[0].input).toMatchObject({ KeyId: 'alias/audit', MacAlgorithm: 'HMAC_SHA_256' });
    expect(await signer.verify('abc', 'AQID')).toBe(true);
    kms.on(VerifyMacCommand).rejects(Object.assign(new Error('bad'), { name: 'KMSInvalidMacException' }));
    expect(await signer.verify('abc', 'AQID')).toBe(false);
    kms.on(GenerateMacCommand).rejects(Object.assign(new Error('down'), { name: 'KMSInternalException' }));
    await expect(signer.sign('abc')).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('local: the key file is created once, owner-only, beside the data folder and never inside it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'audit-key-test-'));
    const dataDir = join(root, '.data');
    const file = auditKeyFile(dataDir);
    expect(file).toBe(join(root, '.audit-key'));
    expect(auditAnchorsDir(dataDir).startsWith(join(root, '.audit-anchors'))).toBe(true);
    const key = localAuditKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(localAuditKey(file)).toEqual(key);
    const signer = new HmacAuditSigner(key);
    const mac = await signer.sign('hash');
    expect(await signer.verify('hash', mac)).toBe(true);
    expect(await signer.verify('other', mac)).toBe(false);
  });

  it('local anchors are written once and read-only', async () => {
    const store = new FolderAuditAnchorStore(join(mkdtempSync(join(tmpdir(), 'anchors-')), '.audit-anchors'));
    await store.write('2026-03-02.json', '{"heads":[]}');
    await expect(store.write('2026-03-02.json', 'forged')).rejects.toThrow();
    expect(await store.latest()).toEqual({ name: '2026-03-02.json', body: '{"heads":[]}' });
  });
});
