import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf as importsIn, layerOffences } from './layers';

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
const importsOf = (file: string) => importsIn(read(file));

describe('architecture', () => {
  it('points every dependency inwards: web → application → domain/ports; adapters implement ports; only repositories build keys', () => {
    const offences = [...sources('functions'), ...sources('web')].flatMap((file) => layerOffences(file, read(file)));
    expect(offences).toEqual([]);
  });

  it('catches a forbidden import (a fixture checked as if it were a use case)', () => {
    const fixture = readFileSync(join(import.meta.dirname, 'fixtures/application-imports-adapter.ts.txt'), 'utf8');
    expect(layerOffences('functions/application/catalogue/leak.ts', fixture)).toEqual([
      'functions/application/catalogue/leak.ts: application imports adapters (../../adapters/s3/public-file-writer)',
      'functions/application/catalogue/leak.ts: builds table keys outside the repositories (../../repositories/keys)',
      'functions/application/catalogue/leak.ts: application imports @aws-sdk/client-s3',
      'functions/application/catalogue/leak.ts: names a physical index',
    ]);
    expect(layerOffences('web/routes/leak.ts', "import { ItemRepository } from '#repositories/items';")).toEqual(['web/routes/leak.ts: web imports repositories (#repositories/items)']);
    expect(layerOffences('functions/domain/leak.ts', "import { loadCalendar } from '../application/calendar';")).toHaveLength(1);
  });

  it('lets no script build table keys: the benchmarks seed through the repositories', () => {
    const offences = sources('scripts').filter((file) => importsOf(file).some((s) => s.endsWith('repositories/keys')));
    expect(offences).toEqual([]);
  });

  it('keeps the domain pure: no environment or wall clock', () => {
    const offences = sources('functions/domain').filter((file) => /process\.env|Date\.now\(\)|new Date\(\)/.test(read(file).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(offences).toEqual([]);
  });

  it('never scans the table on a request path', () => {
    const offences = [...sources('functions'), ...sources('web')].filter((file) => /\bScanCommand\b|new Scan\(/.test(read(file)));
    expect(offences).toEqual([]);
  });

  it('builds the public bucket writer only in the composition roots (the release deployment)', () => {
    const users = [...sources('functions'), ...sources('web'), ...sources('scripts')]
      .filter((file) => importsOf(file).some((s) => s.endsWith('/public-file-writer')))
      .map((file) => relative(root, join(root, file)));
    expect(users.every((file) => /functions\/(config\/dependencies|local\/)/.test(file))).toBe(true);
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
