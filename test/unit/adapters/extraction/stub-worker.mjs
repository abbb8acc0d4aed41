// A worker for pool.test.ts that speaks the pool's protocol: one WorkerReply per message.
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', (request) => {
  if (request.op === 'spin') {
    // Busy, as a hard document keeps a worker busy: no await, no chance to stop by itself.
    const start = Date.now();
    while (Date.now() < start + request.ms);
    parentPort.postMessage({ ok: true, value: { threadId, start, end: Date.now() } });
  } else if (request.op === 'grow') {
    const kept = [];
    for (;;) kept.push(new Array(100_000).fill(kept.length));
  } else if (request.op === 'fail') {
    parentPort.postMessage({ ok: false, error: { code: 'corrupt', subject: 'PDF', detail: 'stub' } });
  } else {
    parentPort.postMessage({ ok: true, value: { threadId, bytes: request.bytes?.length } });
  }
});
