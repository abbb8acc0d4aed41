import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DocumentTooComplexError, reviveError, type SerializedError } from './errors';
import { MAX_EXTRACTION_MS, MAX_WORKER_HEAP_MB } from './limits';

/*
 * Extraction runs in worker threads so that a hard document costs its own thread, not the
 * event loop that serves everybody else: the wall-time limit is enforced by terminating the
 * worker, the memory limit by V8 (resourceLimits) ending it. A failed worker is dropped and the
 * next job gets a fresh one. Workers are created on first use and reused; idle ones do not keep
 * the process alive.
 */

export interface ExtractionRequest {
  readonly op: 'text' | 'metadata';
  readonly bytes: Uint8Array;
  readonly contentType?: string;
}

export type WorkerReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: SerializedError };

export interface WorkerPoolOptions {
  /** Worker entry; it answers each message with one WorkerReply. */
  readonly url: URL;
  readonly size: number;
  readonly timeoutMs: number;
  readonly maxHeapMb: number;
}

interface Job {
  readonly request: unknown;
  readonly transfer: readonly ArrayBuffer[];
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Runs one job on the next free worker; rejects with the worker's error, revived. */
  run(request: unknown, transfer: readonly ArrayBuffer[] = []): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, transfer, resolve, reject });
      this.pump();
    });
  }

  /** Ends every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    const slots = [...this.slots];
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    for (const slot of slots) this.discard(slot, new Error('worker pool closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot && this.slots.size < this.options.size) {
        try {
          slot = this.spawn();
        } catch (error) {
          this.queue.shift()!.reject(error as Error); // e.g. the entry's URL is unusable
          continue;
        }
      }
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.url, { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } });
    const slot: Slot = { worker };
    worker.on('message', (reply: WorkerReply) => this.finish(slot, reply));
    worker.on('error', (error: NodeJS.ErrnoException) => {
      this.discard(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new DocumentTooComplexError(`处理所需内存超过 ${this.options.maxHeapMb} MB`, error.message) : error);
    });
    worker.on('exit', (code) => this.discard(slot, new Error(`extraction worker exited with code ${code}`)));
    worker.unref();
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    const seconds = this.options.timeoutMs / 1000;
    slot.timer = setTimeout(() => this.discard(slot, new DocumentTooComplexError(`处理时间超过 ${seconds} 秒`, `extraction took longer than ${seconds} s`)), this.options.timeoutMs);
    slot.worker.postMessage(job.request, job.transfer);
  }

  private finish(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    if (reply.ok) job.resolve(reply.value);
    else job.reject(reviveError(reply.error));
    this.pump();
  }

  /** The worker is done for: fail its job with `error` and end it; the next job starts a fresh one. */
  private discard(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    void slot.worker.terminate();
    job?.reject(error);
    this.pump();
  }
}

/** File name of the bundled worker; infra/constructs/app-function.ts writes it next to the handler. */
export const EXTRACTION_WORKER_FILE = 'extraction-worker.mjs';

/**
 * The worker entry, found relative to this module. Run as TypeScript (tsx, vitest), this module is
 * pool.ts and the entry is dev-worker.mjs beside it; in the Lambda bundle this module is inlined
 * into the handler's single .mjs, and the worker bundle sits beside that.
 */
export function extractionWorkerUrl(here: string = import.meta.url): URL {
  return new URL(new URL(here).pathname.endsWith('.ts') ? './dev-worker.mjs' : `./${EXTRACTION_WORKER_FILE}`, here);
}

let pool: WorkerPool | undefined;

/** The process's extraction pool. */
export function extractionPool(): WorkerPool {
  if (pool) return pool;
  // A Lambda function handles one request at a time and has a fixed memory size for the whole
  // process: one worker, with at most half of that memory for its heap.
  const lambdaMb = Number(process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE) || 0;
  pool = new WorkerPool({
    url: extractionWorkerUrl(),
    size: lambdaMb ? 1 : Math.min(2, availableParallelism()),
    timeoutMs: MAX_EXTRACTION_MS,
    maxHeapMb: lambdaMb ? Math.min(MAX_WORKER_HEAP_MB, Math.floor(lambdaMb / 2)) : MAX_WORKER_HEAP_MB,
  });
  return pool;
}
