/**
 * Disclosure on application in local mode (DynamoDB Local + s3rver, the real local server) with
 * N open applications (default 10,000; BENCH_REQUEST_CASES): submission throughput, the staff
 * queue page's p95 and the daily sweep's reads, each against a static route of the same server
 * measured in the same run.
 * Run alone: node --openssl-legacy-provider --import tsx scripts/bench/requests.ts
 */
import { batchPut, percentile, postJsonFrom, timed, type BenchResult } from './support';
import { caseDeadlines, deadlineSummary } from '#application/requests';
import { loadCalendar } from '#application/calendar';
import { sweepDeadlines } from '#application/deadlines';
import { addCalendarDays, shanghaiDate, type IsoDate } from '#domain/calendar';
import { openCase, requestWorkflow, type RequestCase } from '#domain/requests';
import { freePort, localDynamoClient, startEmulators } from '#local/emulators';
import { createLocalDependencies } from '#local/local-runtime';
import { startServer } from '#local/server';
import { RequestRepository } from '#repositories/requests';
import { seedItem } from '#adapters/dynamodb/record-store';
import type { StoredRequest } from '#repositories/requests';

export async function benchRequests(): Promise<BenchResult[]> {
  const cases = Number(process.env.BENCH_REQUEST_CASES ?? 10_000);
  const results: BenchResult[] = [];
  const emulators = await startEmulators({});
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const tableName = `bench-requests-${Date.now().toString(36)}`;
    const { deps } = await createLocalDependencies(emulators, { baseUrl, tableName, logLevel: 'silent', seed: false });
    const client = localDynamoClient(emulators.dynamodbEndpoint);
    const calendar = await loadCalendar(deps);
    const today = shanghaiDate(new Date());
    const nowIso = new Date().toISOString();

    // Seed N open applications (registered or in assessment, received over the last 25 days).
    const seedStart = performance.now();
    const items: Record<string, unknown>[] = [];
    const year = Number(today.slice(0, 4));
    for (let i = 0; i < cases; i++) {
      const tn = `YSQ-${year}-${String(900_000 + i).padStart(6, '0')}`;
      const receivedOn = addCalendarDays(today, -(i % 25)) as IsoDate;
      const actor = { kind: 'staff' as const, id: `clerk-${i % 20}`, roles: ['clerk' as const] };
      const ctx = { actor, today, at: nowIso, calendar, policy: deps.policy };
      let c: RequestCase = requestWorkflow.decide(openCase({ id: tn, trackingNumber: tn, receivedOn }), { type: 'register' }, ctx).next;
      if (i % 2 === 0) c = requestWorkflow.decide(c, { type: 'startAssessment' }, ctx).next;
      const summary = deadlineSummary(c, caseDeadlines(c, calendar, deps.policy), `经办人${i % 20}`);
      const data: StoredRequest = {
        case: c,
        channel: 'online',
        submittedAt: nowIso,
        applicant: { kind: 'citizen', column: 'citizen', name: `申请人${i}`, idType: 'resident-id', idMasked: '110105********0000', idEncrypted: 'bench' },
        identityHash: `bench-${i % 3000}`,
        requested: { documentTitle: `压测申请所需信息${i}` },
        provisionForm: 'electronic',
        deliveryMethod: 'download',
        attachments: [],
        accessCodeHash: 'bench',
        receiptRule: 'bench',
        handlerName: `经办人${i % 20}`,
        duplicates: [],
        timeline: [],
        supplementReplies: [],
        openDeadline: summary,
      };
      items.push(seedItem(RequestRepository.write(data), nowIso));
    }
    await batchPut(client, tableName, items);
    results.push({ name: `seed ${cases} open applications (BatchWriteItem)`, value: Math.round(performance.now() - seedStart), unit: 'ms' });

    const server = await startServer(deps, port, '127.0.0.1');
    try {
      const token = await deps.localSignIn!.sign({ id: 'local-clerk', username: 'clerk', displayName: '王晓明', roles: ['clerk'] }, 3600);
      const get = (path: string, auth = false) => fetch(`${baseUrl}${path}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
      await timed(20, 4, () => get('/static/site.css'));
      await timed(3, 1, () => get('/staff/requests', true));

      const staticSeq = await timed(200, 1, () => get('/static/site.css'));
      const staticPar = await timed(400, 8, () => get('/static/site.css'));
      const staticP95 = percentile(staticSeq.latencies, 95);
      results.push({ name: 'static route /static/site.css p95 (sequential)', value: Math.round(staticP95 * 100) / 100, unit: 'ms' });
      results.push({ name: 'static route throughput (8 in flight)', value: Math.round(staticPar.perSecond), unit: 'req/s' });

      const form = {
        applicantKind: 'citizen',
        name: '压测申请人',
        idType: 'passport',
        idNumber: 'E12345678',
        contact: { phone: '13812345678' },
        requested: { documentTitle: '压测所需信息' },
        provisionForm: 'electronic',
        deliveryMethod: 'download',
      };
      // 200 applicants on 50 addresses: 4 each, well inside the per-address submission limit.
      const submit = await timed(200, 8, (i) =>
        postJsonFrom(`127.0.1.${1 + (i % 50)}`, `${baseUrl}/api/requests`, { nonce: `bench-nonce-${i}-${Date.now()}`, form: { ...form, idNumber: `E${String(10_000_000 + i)}` } }),
      );
      results.push({ name: 'submission throughput POST /api/requests (8 in flight)', value: Math.round(submit.perSecond * 10) / 10, unit: 'req/s' });
      results.push({ name: 'submission throughput ÷ static throughput', value: Math.round((submit.perSecond / staticPar.perSecond) * 1000) / 1000, unit: 'ratio' });

      const queue = await timed(40, 1, () => get('/staff/requests', true));
      const queueP95 = percentile(queue.latencies, 95);
      results.push({ name: `staff queue page p95 (${cases} open, first 100 by due date)`, value: Math.round(queueP95), unit: 'ms' });
      results.push({ name: 'staff queue p95 ÷ static p95', value: Math.round(queueP95 / staticP95), unit: 'ratio' });
    } finally {
      server.close();
    }

    const sweepStart = performance.now();
    const report = await sweepDeadlines(deps, { pageSize: 500, concurrency: 32 });
    const sweepMs = performance.now() - sweepStart;
    results.push({ name: `sweep over ${cases} open applications`, value: Math.round(sweepMs), unit: 'ms' });
    results.push({ name: 'sweep: open deadlines read (index items)', value: report.examined, unit: 'items' });
    results.push({ name: 'sweep: items read ÷ open applications', value: Math.round((report.examined / cases) * 1000) / 1000, unit: 'ratio' });
  } finally {
    await emulators.stop();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchRequests()) console.log(`${r.name}: ${r.value.toLocaleString('en')} ${r.unit}`);
}
