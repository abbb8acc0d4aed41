import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryFileStore } from '#adapters/memory/file-store';
import { S3PrivateFileStore } from '#adapters/s3/private-file-store';
import { MemoryPublicFileWriter } from '#adapters/memory/public-file-writer';
import { S3PublicFileWriter } from '#adapters/s3/public-file-writer';
import { ensureBucket } from '#local/emulators';
import type { PrivateFileStore, PublicFileWriter } from '#ports/file-store';
import { s3Client } from '#support/local-stack';

const adapters: Array<[string, () => Promise<PrivateFileStore>]> = [
  ['memory', async () => new MemoryFileStore()],
  [
    's3rver',
    async () => {
      const bucket = `files-${randomBytes(4).toString('hex')}`;
      await ensureBucket(s3Client(), bucket);
      return new S3PrivateFileStore(s3Client(), bucket);
    },
  ],
];

describe.each(adapters)('PrivateFileStore contract (%s)', (_name, make) => {
  let files: PrivateFileStore;
  beforeEach(async () => {
    files = await make();
  });

  it('stores, reads, heads and deletes objects byte for byte', async () => {
    const body = new Uint8Array(randomBytes(70_000));
    await files.put('documents/a', body, 'application/pdf');
    expect(await files.get('documents/a')).toEqual(body);
    expect(await files.head('documents/a')).toEqual({ key: 'documents/a', contentType: 'application/pdf', sizeBytes: 70_000 });
    expect(await files.readStart('documents/a', 16)).toEqual(body.slice(0, 16));
    await files.delete('documents/a');
    expect(await files.get('documents/a')).toBeUndefined();
    expect(await files.head('documents/a')).toBeUndefined();
  });

  it('copies objects', async () => {
    await files.put('a', new Uint8Array([1, 2, 3]), 'text/plain');
    await files.copy('a', 'b');
    expect(await files.get('b')).toEqual(new Uint8Array([1, 2, 3]));
  });
});

const publicWriters: Array<[string, () => Promise<PublicFileWriter>]> = [
  ['memory', async () => new MemoryPublicFileWriter()],
  [
    's3rver',
    async () => {
      const bucket = `public-${randomBytes(4).toString('hex')}`;
      await ensureBucket(s3Client(), bucket);
      return new S3PublicFileWriter(s3Client(), bucket);
    },
  ],
];

describe.each(publicWriters)('PublicFileWriter contract (%s)', (_name, make) => {
  it('writes, lists by prefix and deletes released copies', async () => {
    const writer = await make();
    await writer.put('files/r1/content.txt', new TextEncoder().encode('正文'), 'text/plain; charset=utf-8', '正文.txt');
    await writer.put('files/r1/1.pdf', new Uint8Array([0x25, 0x50]), 'application/pdf', '附件.pdf');
    await writer.put('files/r2/content.txt', new Uint8Array([1]), 'text/plain', 'x.txt');
    expect((await writer.list('files/r1/')).sort()).toEqual(['files/r1/1.pdf', 'files/r1/content.txt']);
    await writer.delete('files/r1/1.pdf');
    await writer.delete('files/r1/missing');
    expect(await writer.list('files/r1/')).toEqual(['files/r1/content.txt']);
    expect(await writer.list('files/none/')).toEqual([]);
  });
});

describe('presigned URLs against s3rver', () => {
  it('uploads with the signed PUT and downloads with the signed GET, Chinese file name intact', async () => {
    const bucket = `files-${randomBytes(4).toString('hex')}`;
    await ensureBucket(s3Client(), bucket);
    const files = new S3PrivateFileStore(s3Client(), bucket);
    const body = new TextEncoder().encode('%PDF-1.4 presigned\n');
    const slot = await files.presignUpload('incoming/x', 'application/pdf', body.byteLength);
    expect(slot.url).toContain('X-Amz-Signature=');
    expect(decodeURIComponent(slot.url)).toMatch(/X-Amz-SignedHeaders=[^&]*content-length[^&]*content-type/);
    const put = await fetch(slot.url, { method: 'PUT', headers: slot.headers, body });
    expect(put.status).toBe(200);
    expect(await files.get('incoming/x')).toEqual(body);

    const url = await files.presignDownload('incoming/x', '答复书.pdf', 60);
    expect(url).toMatch(/X-Amz-Expires=60/);
    const get = await fetch(url);
    expect(get.status).toBe(200);
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(body);
    expect(get.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('答复书.pdf')}`);
  });
});
