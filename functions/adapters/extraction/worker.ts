import { parentPort } from 'node:worker_threads';
import { serializeError } from './errors';
import type { ExtractionRequest, WorkerReply } from './pool';
import { readMetadata, readText } from './read';

/*
 * Entry of the extraction worker (pool.ts): one request at a time, one reply each. Bundled for
 * Lambda as extraction-worker.mjs next to the handler (infra/constructs/app-function.ts).
 */

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread only');

port.on('message', async (request: ExtractionRequest) => {
  let reply: WorkerReply;
  try {
    const value = request.op === 'text' ? await readText(request.bytes, request.contentType) : await readMetadata(request.bytes, request.contentType);
    reply = { ok: true, value };
  } catch (error) {
    reply = { ok: false, error: serializeError(error) };
  }
  port.postMessage(reply);
});
