import { benchDeadlines } from './bench/deadlines';
import { benchPortal } from './bench/portal';
import { benchRequests } from './bench/requests';
import { benchScanner } from './bench/scanner';
import { benchSearch } from './bench/search';
import { benchSweep } from './bench/sweep';

/**
 * `npm run bench`: speed and memory targets live here, not in timed tests. Each suite returns
 * named measurements; the runner prints them as a table. BENCH_ONLY=name,name runs a subset.
 */
type Measurement = { name: string; value: number; unit: string };
const suites: Record<string, () => Promise<Measurement[]>> = {
  deadlines: benchDeadlines,
  scanner: benchScanner,
  search: benchSearch,
  requests: benchRequests,
  sweep: benchSweep,
  portal: benchPortal,
};

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
for (const [suite, run] of Object.entries(suites)) {
  if (only && !only.includes(suite)) continue;
  const started = performance.now();
  const results = await run();
  process.stdout.write(`\n${suite} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  for (const r of results) process.stdout.write(`  ${r.name.padEnd(58)} ${formatValue(r.value).padStart(14)} ${r.unit}\n`);
  process.stdout.write(`  rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB\n`);
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
