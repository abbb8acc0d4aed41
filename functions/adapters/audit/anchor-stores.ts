import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditAnchorStore } from '#ports/audit-anchors';
import { translate } from '../s3/private-file-store';

const PREFIX = 'audit-heads/';

/**
 * AWS: the audit-anchor bucket has Object Lock in compliance mode with a default retention, so an
 * anchor cannot be overwritten or deleted before it expires, not even by the account root.
 */
export class S3AuditAnchorStore implements AuditAnchorStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async write(name: string, body: string): Promise<void> {
    try {
      // If-None-Match refuses to replace (versioning would keep the old one under Object Lock anyway).
      await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: `${PREFIX}${name}`, Body: body, ContentType: 'application/json', IfNoneMatch: '*', ChecksumAlgorithm: 'SHA256' }));
    } catch (error) {
      throw translate(error);
    }
  }

  async latest(): Promise<{ name: string; body: string } | undefined> {
    let token: string | undefined;
    let last: string | undefined;
    try {
      do {
        const out = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PREFIX, ContinuationToken: token }));
        for (const o of out.Contents ?? []) if (o.Key && (!last || o.Key > last)) last = o.Key;
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
      if (!last) return undefined;
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: last }));
      return { name: last.slice(PREFIX.length), body: (await object.Body?.transformToString()) ?? '' };
    } catch (error) {
      throw translate(error);
    }
  }
}

/** Local mode: files written once (exclusive create) and made read-only, beside the data folder. */
export class FolderAuditAnchorStore implements AuditAnchorStore {
  constructor(private readonly dir: string) {}

  async write(name: string, body: string): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, name), body, { flag: 'wx', mode: 0o444 });
  }

  async latest(): Promise<{ name: string; body: string } | undefined> {
    if (!existsSync(this.dir)) return undefined;
    const name = readdirSync(this.dir)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .at(-1);
    return name ? { name, body: readFileSync(join(this.dir, name), 'utf8') } : undefined;
  }
}

/** Unit tests: the same semantics in memory. */
export class MemoryAuditAnchorStore implements AuditAnchorStore {
  readonly anchors = new Map<string, string>();

  async write(name: string, body: string): Promise<void> {
    if (this.anchors.has(name)) throw new Error(`anchor ${name} exists`);
    this.anchors.set(name, body);
  }

  async latest(): Promise<{ name: string; body: string } | undefined> {
    const name = [...this.anchors.keys()].sort().at(-1);
    return name ? { name, body: this.anchors.get(name)! } : undefined;
  }
}
