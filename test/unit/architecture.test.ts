import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layering rules of docs/architecture.md, enforced on the source rather than by review. */
const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const read = (file: string) => readFileSync(join(root, file), 'utf8');
const importsOf = (file: string) => [...read(file).matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('architecture', () => {
  it('keeps the domain pure: no AWS, Hono, Node I/O, environment or wall clock', () => {
    const offences = sources('functions/domain').flatMap((file) => {
      const text = read(file);
      const bad = importsOf(file).filter((s) => /^(@aws-sdk|hono|@hono|node:|fs$|path$|crypto$|jose|@middy)/.test(s) || s.includes('/adapters/') || s.includes('/application/'));
      if (/process\.env|Date\.now\(\)|new Date\(\)/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) bad.push('reads the environment or the wall clock');
      return bad.map((b) => `${file}: ${b}`);
    });
    expect(offences).toEqual([]);
  });

  it('keeps the web layer free of the AWS SDK (one app for Lambda and Node)', () => {
    const offences = sources('web').flatMap((file) => importsOf(file).filter((s) => s.startsWith('@aws-sdk')).map((s) => `${file}: ${s}`));
    expect(offences).toEqual([]);
  });

  it('never scans the table on a request path', () => {
    const offences = [...sources('functions'), ...sources('web')].filter((file) => /\bScanCommand\b|new Scan\(/.test(read(file)));
    expect(offences).toEqual([]);
  });

  it('lets only the release step construct the public bucket writer', () => {
    const users = [...sources('functions'), ...sources('web'), ...sources('scripts')]
      .filter((file) => importsOf(file).some((s) => s.endsWith('/public-file-writer')))
      .map((file) => relative(root, join(root, file)));
    expect(users.every((file) => /functions\/(handlers\/release|application\/release|local\/)/.test(file))).toBe(true);
  });

  it('lets only the release step write through the public bucket writer, and only after a commit', () => {
    const users = [...sources('functions'), ...sources('web')].filter((file) => /publicFiles\.(put|delete)\(/.test(read(file)));
    expect(users).toEqual(['functions/application/release.ts']);
  });

  it('keeps external effects out of the request before the commit: no use case writes the public bucket or the CDN itself', () => {
    const cdnUsers = [...sources('functions'), ...sources('web')].filter((file) => /\bcdn\.invalidate\(/.test(read(file)));
    expect(cdnUsers.every((f) => f.startsWith('functions/application/effects/'))).toBe(true);
  });
});
