import { afterEach, describe, expect, it } from 'vitest';
import { CorruptDocumentError, DocumentTooComplexError } from '#adapters/extraction/errors';
import { extractionWorkerUrl, WorkerPool } from '#adapters/extraction/pool';

const stub = new URL('./stub-worker.mjs', import.meta.url);
const pools: WorkerPool[] = [];
const pool = (options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}) => {
  const p = new WorkerPool({ url: stub, size: 1, timeoutMs: 10_000, maxHeapMb: 64, ...options });
  pools.push(p);
  return p;
};
const thread = async (p: WorkerPool) => ((await p.run({ op: 'echo' })) as { threadId: number }).threadId;

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('WorkerPool', () => {
  it('reuses its worker for job after job, and revives errors as their classes', async () => {
    const p = pool();
    const first = await thread(p);
    expect(await thread(p)).toBe(first);
    const error = await p.run({ op: 'fail' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptDocumentError);
    expect((error as CorruptDocumentError).message).toBe(new CorruptDocumentError('PDF').message);
    expect(await thread(p)).toBe(first);
  });

  it('ends a job that runs past the time limit by terminating the worker; the next job gets a fresh one', async () => {
    const p = pool({ timeoutMs: 300 });
    const first = await thread(p);
    const started = Date.now();
    const error = await p.run({ op: 'spin', ms: 60_000 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(DocumentTooComplexError);
    expect((error as Error).message).toBe('文件过大或结构过于复杂（处理时间超过 0.3 秒），无法进行保密检查。请拆分或压缩后重新上传。');
    const next = await thread(p);
    expect(next).not.toBe(first);
  });

  it('turns a worker running out of its heap into DocumentTooComplexError and carries on', async () => {
    const p = pool({ maxHeapMb: 32 });
    const error = await p.run({ op: 'grow' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentTooComplexError);
    expect((error as Error).message).toContain('处理所需内存超过 32 MB');
    expect(await thread(p)).toBeGreaterThan(0);
  });

  it('runs up to `size` jobs at once and queues the rest', async () => {
    const p = pool({ size: 2 });
    const runs = (await Promise.all([1, 2, 3].map(() => p.run({ op: 'spin', ms: 1_000 })))) as { threadId: number; start: number; end: number }[];
    expect(new Set(runs.map((r) => r.threadId)).size).toBe(2);
    const [a, b, c] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    // The first two overlap; the third waits for one of them.
    expect(Math.max(a.start, b.start)).toBeLessThan(Math.min(a.end, b.end));
    expect(c.start).toBeGreaterThanOrEqual(Math.min(a.end, b.end));
  });
});

describe('extractionWorkerUrl', () => {
  it('is the tsx bootstrap beside the TypeScript source, and extraction-worker.mjs beside a bundle', () => {
    expect(extractionWorkerUrl('file:///repo/functions/adapters/extraction/pool.ts').href).toBe('file:///repo/functions/adapters/extraction/dev-worker.mjs');
    expect(extractionWorkerUrl('file:///var/task/index.mjs').href).toBe('file:///var/task/extraction-worker.mjs');
  });
});
