import { platformCaseTypes } from '#application/case-types';
import { DEFAULT_AGENCY_POLICY } from '#domain/policy';
/**
 * Cost of the daily deadline sweep in local mode: seeds N open deadlines (default 100,000;
 * BENCH_SWEEP_CASES) into a fresh table on DynamoDB Local started for the run, then times one
 * sweep. Due dates are spread over ~13 months around today, so a few percent match; the sweep
 * reads only those through the open-deadline index. Also reports due-date computations per second
 * through the application (cached calendar).
 * Run alone: node --import tsx scripts/bench/sweep.ts
 */
import { testAuditSigner } from '#adapters/audit/local-signer';
import { batchPut, type BenchResult } from './support';
import { DynamoRecordStore } from '#adapters/dynamodb/record-store';
import { MemoryRecordStore } from '#adapters/memory/record-store';
import { dueDate } from '#application/calendar';
import { sweepDeadlines } from '#application/deadlines';
import { sha256 } from '#config/dependencies';
import { addCalendarDays, fromDayNumber, shanghaiDate, toDayNumber, type IsoDate } from '#domain/calendar';
import { ensureTable, localDynamoClient, startEmulators } from '#local/emulators';
import { createLogger } from '#observability/logger';
import { fixedClock } from '#ports/clock';
import { openDeadlineIndexes, type DeadlineSummary } from '#repositories/deadline-index';
import { seedItem } from '#adapters/dynamodb/record-store';

const NOW = '2026-03-02T02:00:00.000Z';

function openDeadlineItem(i: number, today: IsoDate): Record<string, unknown> {
  // Due dates from 10 days ago to ~13 months ahead.
  const due = addCalendarDays(today, (i % 400) - 10);
  const summary: DeadlineSummary = {
    kind: 'bench.answer',
    caseId: `b${i}`,
    title: `压测案件${i}`,
    due,
    provisional: false,
    calendarVersion: 'bench',
    responsible: { id: `clerk-${i % 20}`, name: `经办人${i % 20}` },
  };
  // A case of a made-up type, indexed by its open deadline exactly as every repository indexes one.
  const { GSI2 } = openDeadlineIndexes(summary);
  return seedItem({ key: { pk: `BENCHCASE#b${i}`, sk: 'CASE' }, entity: 'bench-case', data: { openDeadline: summary }, indexes: GSI2 ? { GSI2 } : {} }, NOW);
}

async function benchDueDates(): Promise<BenchResult> {
  const clock = fixedClock(NOW);
  const deps = { records: new MemoryRecordStore(clock, sha256), clock, logger: createLogger('silent'), policy: DEFAULT_AGENCY_POLICY, caseTypes: platformCaseTypes() };
  const base = toDayNumber('2024-01-01');
  const inputs = Array.from({ length: 5000 }, (_, i) => [fromDayNumber(base + ((i * 7919) % 1000)), (i % 40) + 1] as const);
  for (const [from, n] of inputs.slice(0, 500)) await dueDate(deps, from, n);
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < 500) {
    for (const [from, n] of inputs) await dueDate(deps, from, n);
    ops += inputs.length;
  }
  return { name: 'due-date computations (application, cached calendar)', value: Math.round((ops / (performance.now() - start)) * 1000), unit: 'ops/s' };
}

export async function benchSweep(): Promise<BenchResult[]> {
  const cases = Number(process.env.BENCH_SWEEP_CASES ?? 100_000);
  const results: BenchResult[] = [await benchDueDates()];
  const emulators = await startEmulators({});
  try {
    const client = localDynamoClient(emulators.dynamodbEndpoint);
    const tableName = `bench-sweep-${Date.now().toString(36)}`;
    await ensureTable(client, tableName);
    const today = shanghaiDate(new Date(NOW));
    const seedStart = performance.now();
    const chunk = 10_000;
    for (let i = 0; i < cases; i += chunk) {
      await batchPut(
        client,
        tableName,
        Array.from({ length: Math.min(chunk, cases - i) }, (_, j) => openDeadlineItem(i + j, today)),
      );
    }
    results.push({ name: `seed ${cases} open deadlines (BatchWriteItem)`, value: Math.round(performance.now() - seedStart), unit: 'ms' });

    const clock = fixedClock(NOW);
    const deps = {
      records: new DynamoRecordStore(client, tableName, clock, sha256, testAuditSigner),
      clock,
      logger: createLogger('silent'),
      policy: DEFAULT_AGENCY_POLICY,
      caseTypes: platformCaseTypes(),
    };
    const start = performance.now();
    const report = await sweepDeadlines(deps, { pageSize: 500, concurrency: 32 });
    results.push({ name: `sweep over ${cases} open cases (local mode)`, value: Math.round(performance.now() - start), unit: 'ms' });
    results.push({ name: 'sweep: matching deadlines read', value: report.examined, unit: 'items' });
    results.push({ name: 'sweep: reminders + escalations written', value: report.remindersSent + report.escalationsSent, unit: 'items' });
    const again = performance.now();
    const second = await sweepDeadlines(deps, { pageSize: 500, concurrency: 32 });
    results.push({ name: 'second sweep the same day (writes nothing)', value: Math.round(performance.now() - again), unit: 'ms' });
    if (second.remindersSent + second.escalationsSent !== 0) throw new Error('second sweep sent reminders again');
  } finally {
    await emulators.stop();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchSweep()) console.log(`${r.name}: ${r.value.toLocaleString('en')} ${r.unit}`);
}
