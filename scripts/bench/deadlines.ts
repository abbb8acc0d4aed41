/**
 * Throughput of the working-day calculator and the case clock (target: well above 100k/s).
 * Deterministic inputs (a fixed pseudo-random sequence), so runs are comparable.
 * Run alone: node --import tsx scripts/bench/deadlines.ts
 */
import { lcg, type BenchResult } from './support';
import { buildWorkingCalendar, fromDayNumber, shippedWorkingCalendar, toDayNumber, type IsoDate } from '#domain/calendar';
import { deriveCaseDeadlines, type CaseClockEvent } from '#domain/deadlines';

/** Runs fn over the inputs for at least minMs and returns operations per second. */
function opsPerSecond<T>(inputs: readonly T[], fn: (x: T) => unknown, minMs = 400): number {
  let sink = 0;
  for (let i = 0; i < Math.min(inputs.length, 2000); i++) sink ^= fn(inputs[i]!) ? 1 : 0; // warm-up
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const x of inputs) sink ^= fn(x) ? 1 : 0;
    ops += inputs.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  if (sink === 2) console.log(''); // keep the work observable
  return Math.round((ops / elapsed) * 1000);
}

export async function benchDeadlines(): Promise<BenchResult[]> {
  const calendar = shippedWorkingCalendar();
  const rnd = lcg(20260210);
  const first = toDayNumber('2019-01-01');
  const span = toDayNumber('2026-09-30') - first;
  const dates: IsoDate[] = Array.from({ length: 5000 }, () => fromDayNumber(first + Math.floor(rnd() * span)));

  const addInputs = dates.map((d, i) => ({ d, n: [7, 15, 20, 40][i % 4]! }));
  const addOnly = opsPerSecond(addInputs, ({ d, n }) => calendar.addWorkingDaysDn(toDayNumber(d), n));
  const addFull = opsPerSecond(addInputs, ({ d, n }) => calendar.addWorkingDays(d, n).due);

  const histories: CaseClockEvent[][] = dates.map((d, i) => {
    const dn = toDayNumber(d);
    const at = (k: number) => fromDayNumber(dn + k);
    const events: CaseClockEvent[] = [{ type: 'received', date: d }];
    if (i % 3 === 0) {
      events.push({ type: 'consultationStarted', date: at(5), consultationId: 'c', kind: 'third-party' });
      events.push({ type: 'consultationAnswered', date: at(12), consultationId: 'c' });
    }
    if (i % 5 === 0) {
      events.push({ type: 'feeNoticeIssued', date: at(14), feeNoticeId: 'f' });
      events.push({ type: 'feePaid', date: at(18), feeNoticeId: 'f' });
    }
    if (i % 4 === 0) {
      events.push({ type: 'extensionApproved', date: at(20), workingDays: 20, approvedBy: 'bench', approverRole: 'gi-office-head', applicantNotifiedOn: at(20) });
    }
    return events;
  });
  const derive = opsPerSecond(histories, (events) => deriveCaseDeadlines(events, calendar).answer?.due, 600);

  const buildStart = performance.now();
  for (let i = 0; i < 10; i++) buildWorkingCalendar();
  const buildMs = (performance.now() - buildStart) / 10;

  return [
    { name: 'addWorkingDays (due date only)', value: addOnly, unit: 'ops/s' },
    { name: 'addWorkingDays (with explanation)', value: addFull, unit: 'ops/s' },
    { name: 'deriveCaseDeadlines (mixed histories)', value: derive, unit: 'ops/s' },
    { name: 'buildWorkingCalendar (index 2000–2099)', value: Math.round(buildMs * 100) / 100, unit: 'ms' },
  ];
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  for (const r of await benchDeadlines()) console.log(`${r.name}: ${r.value.toLocaleString('en')} ${r.unit}`);
}
