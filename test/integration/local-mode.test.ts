import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDocuments, uploadDocument, documentDownloadUrl } from '#application/documents';
import { seedDemoData } from '#application/seed';
import { startEmulators } from '#local/emulators';
import { readDynamoPidFile } from '#local/dynamodb-pid-file';
import { createLocalDependencies } from '#local/local-runtime';
import { staff } from '#support/memory-deps';

/**
 * Local mode as `npm start` runs it: emulators persisting in a data folder, table and buckets
 * created when missing, demo data seeded once, and everything still there after a restart.
 */
describe('local mode persistence', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds once, keeps documents and files across a restart', async () => {
    const baseUrl = 'http://localhost:3998';
    let emulators = await startEmulators({ dataDir });
    let { deps } = await createLocalDependencies(emulators, { dataDir, baseUrl, logLevel: 'silent' });
    const pidFile = join(dataDir, 'dynamodb.pid');
    // Which Java holds the files, so a start after a crash can stop it (see dynamodb-pid-file.ts).
    expect(readDynamoPidFile(pidFile)).toEqual(expect.objectContaining({ pid: emulators.dynamodbPid(), parentPid: process.pid, dbPath: join(dataDir, 'dynamodb') }));
    try {
      expect((await seedDemoData(deps)).added).toEqual([]); // already seeded by the first start
      const pdf = new TextEncoder().encode('%PDF-1.4\npersisted\n%%EOF\n');
      await uploadDocument(deps, staff(['clerk']), { title: '重启后仍在', fileName: '保留.pdf', bytes: pdf });
    } finally {
      await emulators.stop();
    }
    expect(existsSync(pidFile)).toBe(false);

    emulators = await startEmulators({ dataDir });
    ({ deps } = await createLocalDependencies(emulators, { dataDir, baseUrl, logLevel: 'silent' }));
    try {
      expect((await seedDemoData(deps)).added).toEqual([]);
      const page = await listDocuments(deps);
      expect(page.items.map((d) => d.title)).toEqual(['重启后仍在']);
      const response = await fetch(await documentDownloadUrl(deps, page.items[0]!.id));
      expect(await response.text()).toContain('persisted');
    } finally {
      await emulators.stop();
    }
  }, 120_000);
});
