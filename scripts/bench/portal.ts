/**
 * Public portal benchmark: N published items (default 10,000; BENCH_PORTAL_ITEMS) with Chinese
 * titles and bodies of 1–3k characters, seeded as public views in DynamoDB Local, then:
 * - search index build time (from the public views in the table, as the daily rebuild does) and
 *   snapshot size; search latency p50/p95 in process and through GET /search;
 * - list page (/proactive, /proactive/:category) and item page (/items/:id) throughput and p99,
 *   each as a ratio to a static route (/static/site.css) of the same server in the same run.
 * Run alone: node --openssl-legacy-provider --import tsx scripts/bench/portal.ts
 */
import { batchPut, GENRES, HEADS, lcg, ORGANS, percentile, PREFIX, SENTENCES, timed, TOPICS, type BenchResult } from './support';
import { currentSearchIndex, currentSnapshotKey, forgetSearchIndex, rebuildSearchIndex } from '#application/search';
import { bumpCatalogueStamp } from '#application/catalogue';
import { DISCLOSURE_ATTRIBUTE_LABELS, VALIDITY_LABELS, type PublicItem } from '#domain/catalogue';
import { freePort, localDynamoClient, startEmulators } from '#local/emulators';
import { createLocalDependencies } from '#local/local-runtime';
import { startServer } from '#local/server';
import { ItemRepository } from '#repositories/items';
import { seedItem } from '#adapters/dynamodb/record-store';
import type { PublicView } from '#repositories/items';

const CATEGORIES = ['budgets', 'regulations-normative', 'regulations-rules', 'plans', 'licensing', 'procurement', 'livelihood-education', 'livelihood-medical', 'emergencies', 'other'];
const ROOT: Record<string, string> = { 'regulations-normative': 'regulations', 'regulations-rules': 'regulations', 'livelihood-education': 'livelihood', 'livelihood-medical': 'livelihood' };
const QUERIES = [
  '部门预算',
  '政府信息公开',
  '预算',
  '行政许可',
  '保密审查',
  '最低生活保障',
  '财预',
  '养老保险',
  '应急预案',
  '营商环境',
  '一网通办',
  '数字政府建设实施方案',
  '老旧小区改造',
  '城市',
  '不存在的词语组合',
  '安全生产监督检查',
];

function makeViews(n: number): PublicView[] {
  const rnd = lcg(20261126);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const o = Math.floor(rnd() * ORGANS.length);
    const topic = pick(TOPICS);
    const year = 2017 + Math.floor(rnd() * 10);
    const title = `${pick(HEADS)}${year}年${topic}${pick(['工作', '管理', '实施', ''])}${pick(GENRES)}`;
    const target = 1000 + Math.floor(rnd() * 2000);
    let body = '';
    let section = 1;
    while (body.length < target) {
      if (rnd() < 0.12) body += `\n\n## ${['一', '二', '三', '四', '五', '六', '七', '八'][section++ % 8]}、${pick(TOPICS)}\n\n`;
      body += rnd() < 0.25 ? `${pick(TOPICS)}工作取得积极进展。` : pick(SENTENCES);
    }
    const publishedAt = new Date(Date.UTC(year, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28), 1, Math.floor(rnd() * 60))).toISOString();
    const categoryId = pick(CATEGORIES);
    const id = `bench${String(i).padStart(6, '0')}`;
    const repealed = rnd() < 0.08;
    const item: PublicItem = {
      id,
      indexNumber: `000014349/${year}-${String(i + 1).padStart(5, '0')}`,
      version: 1,
      title,
      issuer: ORGANS[o]!,
      coIssuers: [],
      formedOn: publishedAt.slice(0, 10) as never,
      writtenOn: publishedAt.slice(0, 10) as never,
      publishedAt,
      updatedAt: publishedAt,
      documentNumber: `${PREFIX[o]}〔${year}〕${1 + Math.floor(rnd() * 120)}号`,
      categoryId,
      validity: repealed ? { status: 'repealed', label: VALIDITY_LABELS.repealed, since: `${year + 1}-01-01` as never } : { status: 'valid', label: VALIDITY_LABELS.valid },
      keywords: [topic, pick(TOPICS)],
      summary: `${topic}相关${pick(GENRES)}。`,
      body,
      attachments: [],
      disclosureAttribute: 'proactive',
      disclosureAttributeLabel: DISCLOSURE_ATTRIBUTE_LABELS.proactive,
      related: { interpretations: [], clarifications: [], others: [] },
      revisions: [{ version: 1, publishedAt }],
    };
    return { id, item, files: [], rootCategoryId: ROOT[categoryId] ?? categoryId };
  });
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function benchPortal(): Promise<BenchResult[]> {
  const n = Number(process.env.BENCH_PORTAL_ITEMS ?? 10_000);
  const requests = Number(process.env.BENCH_PORTAL_REQUESTS ?? 400);
  const results: BenchResult[] = [];
  const emulators = await startEmulators({});
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const tableName = `bench-portal-${Date.now().toString(36)}`;
    const { deps } = await createLocalDependencies(emulators, { baseUrl, tableName, logLevel: 'silent', seed: false });
    const client = localDynamoClient(emulators.dynamodbEndpoint);

    const views = makeViews(n);
    const chars = views.reduce((s, v) => s + v.item!.body.length, 0);
    const seedStart = performance.now();
    const now = new Date().toISOString();
    await batchPut(
      client,
      tableName,
      views.map((v) => seedItem(ItemRepository.viewWrite(v), now)),
    );
    results.push({ name: `seed ${n} published items (${(chars / 1e6).toFixed(1)} M chars, BatchWriteItem)`, value: Math.round(performance.now() - seedStart), unit: 'ms' });

    // Index build: read every public view from the table, tokenise, write the snapshot to S3.
    const built = await rebuildSearchIndex(deps);
    results.push({ name: `search index build from the table (${built.items} items) + S3 write`, value: built.ms, unit: 'ms' });
    await bumpCatalogueStamp(deps);
    const snapshotKey = await currentSnapshotKey(deps);
    const snapshot = snapshotKey ? await deps.files.get(snapshotKey) : undefined;
    forgetSearchIndex(deps);
    results.push({ name: 'search snapshot size (gzip)', value: round((snapshot?.byteLength ?? 0) / 1024 / 1024), unit: 'MB' });
    const loadStart = performance.now();
    const index = await currentSearchIndex(deps);
    results.push({ name: 'search snapshot load (S3 get + gunzip + parse)', value: Math.round(performance.now() - loadStart), unit: 'ms' });

    const inProcess: number[] = [];
    for (let round_ = 0; round_ < 5; round_++) {
      for (const q of QUERIES) {
        const t = performance.now();
        index.search(q, { limit: 10 });
        inProcess.push(performance.now() - t);
      }
    }
    results.push({ name: 'search latency in process p50', value: round(percentile(inProcess, 50)), unit: 'ms' });
    results.push({ name: 'search latency in process p95', value: round(percentile(inProcess, 95)), unit: 'ms' });

    const server = await startServer(deps, port, '127.0.0.1');
    try {
      const get = (path: string) => fetch(`${baseUrl}${path}`);
      await timed(50, 4, () => get('/static/site.css'));
      await timed(20, 4, () => get('/proactive'));
      await timed(20, 4, (i) => get(`/items/${views[i]!.id}`));

      const staticRun = await timed(requests, 8, () => get('/static/site.css'));
      const staticP99 = percentile(staticRun.latencies, 99);
      results.push({ name: 'static route /static/site.css throughput (8 in flight)', value: Math.round(staticRun.perSecond), unit: 'req/s' });
      results.push({ name: 'static route p99', value: round(staticP99), unit: 'ms' });

      const pages: [string, (i: number) => string][] = [
        ['list page /proactive', () => '/proactive'],
        ['list page /proactive/:category?year=…', (i) => `/proactive/${CATEGORIES[i % CATEGORIES.length]}?year=${2017 + (i % 10)}`],
        ['item page /items/:id', (i) => `/items/${views[(i * 7919) % views.length]!.id}`],
        ['search page /search?q=…', (i) => `/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`],
      ];
      for (const [label, path] of pages) {
        const run = await timed(requests, 8, (i) => get(path(i)));
        const p99 = percentile(run.latencies, 99);
        results.push({ name: `${label} throughput (8 in flight)`, value: round(run.perSecond, 1), unit: 'req/s' });
        results.push({ name: `${label} throughput ÷ static`, value: round(run.perSecond / staticRun.perSecond, 3), unit: 'ratio' });
        results.push({ name: `${label} p99`, value: round(p99), unit: 'ms' });
        results.push({ name: `${label} p99 ÷ static p99`, value: round(p99 / staticP99, 1), unit: 'ratio' });
        if (label.startsWith('search')) {
          results.push({ name: 'search page p50 (HTTP, 8 in flight)', value: round(percentile(run.latencies, 50)), unit: 'ms' });
          results.push({ name: 'search page p95 (HTTP, 8 in flight)', value: round(percentile(run.latencies, 95)), unit: 'ms' });
        }
      }
      // A revalidation with the current ETag: 304 without a table read (stamp cached in memory).
      const etag = (await get('/proactive')).headers.get('etag')!;
      const revalidate = await timed(requests, 8, () => fetch(`${baseUrl}/proactive`, { headers: { 'if-none-match': etag } }));
      results.push({ name: 'list page revalidation (304) throughput ÷ static', value: round(revalidate.perSecond / staticRun.perSecond, 3), unit: 'ratio' });
    } finally {
      server.close();
    }
  } finally {
    await emulators.stop();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchPortal()) console.log(`${r.name}: ${r.value.toLocaleString('en')} ${r.unit}`);
}
