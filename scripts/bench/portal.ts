/**
 * Public portal benchmark: N published items (default 10,000; BENCH_PORTAL_ITEMS) with Chinese
 * titles and bodies of 1–3k characters, seeded as public views in DynamoDB Local, then:
 * - search index build time (from the public views in the table, as the daily rebuild does) and
 *   snapshot size; search latency p50/p95 in process and through GET /search;
 * - list page (/proactive, /proactive/:category) and item page (/items/:id) throughput and p99,
 *   each as a ratio to a static route (/static/site.css) of the same server in the same run.
 * Run alone: node --openssl-legacy-provider --import tsx scripts/bench/portal.ts
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { currentSearchIndex, rebuildSearchIndex, SEARCH_SNAPSHOT_KEY } from '../../functions/application/search';
import { bumpCatalogueStamp } from '../../functions/application/catalogue';
import { DISCLOSURE_ATTRIBUTE_LABELS, VALIDITY_LABELS, type PublicItem } from '../../functions/domain/catalogue';
import { freePort, localDynamoClient, startEmulators } from '../../functions/local/emulators';
import { createLocalDependencies } from '../../functions/local/local-runtime';
import { startServer } from '../../functions/local/server';
import { keys } from '../../functions/repositories/keys';
import type { PublicView } from '../../functions/repositories/items';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ORGANS = ['市人民政府办公室', '市财政局', '市发展和改革委员会', '市教育局', '市卫生健康委员会', '市人力资源和社会保障局', '市自然资源和规划局', '市住房和城乡建设局', '市生态环境局', '市市场监督管理局', '市应急管理局', '市民政局'];
const PREFIX = ['市政办发', '财预', '发改投资', '教发', '卫健发', '人社发', '自然资规', '建城', '环发', '市监', '应急', '民发'];
const TOPICS = ['部门预算', '部门决算', '政府信息公开', '行政许可事项', '行政处罚裁量基准', '政府集中采购目录', '重大建设项目', '义务教育招生', '基本医疗保险', '城乡居民养老保险', '就业创业补贴', '突发公共事件应急预案', '安全生产监督检查', '食品安全抽检', '公务员招录', '土地征收补偿', '房屋征收与补偿', '最低生活保障', '城市更新', '营商环境优化', '数字政府建设', '乡村振兴', '老旧小区改造', '生态环境保护', '行政事业性收费'];
const GENRES = ['通知', '意见', '办法', '实施方案', '公告', '规划', '报告', '决定'];
const HEADS = ['关于印发', '关于做好', '关于进一步加强', '关于公布', '关于开展', '关于调整', ''];
const SENTENCES = [
  '为深入贯彻落实党中央、国务院决策部署，结合本市实际，制定本方案。',
  '各区人民政府、市政府各部门要高度重视，切实加强组织领导，明确责任分工。',
  '坚持以人民为中心的发展思想，推动高质量发展，持续优化营商环境。',
  '依据《中华人民共和国政府信息公开条例》有关规定，现将有关情况公开如下。',
  '严格落实保密审查制度，做到先审查、后公开，确保信息安全。',
  '加强监督检查，对工作不力、推诿扯皮的单位和个人依法依规严肃问责。',
  '本年度一般公共预算收入较上年增长百分之五点二，支出结构持续优化。',
  '进一步规范行政权力运行，推进决策公开、执行公开、管理公开、服务公开、结果公开。',
  '建立健全工作机制，完善配套政策，强化资金保障，确保各项任务落到实处。',
  '做好政策解读和舆情回应工作，及时回应社会关切，增进社会认同。',
  '本办法自发布之日起施行，有效期五年。此前有关规定与本办法不一致的，以本办法为准。',
  '加强信息化建设，推动数据共享，实现一网通办、跨省通办。',
];
const CATEGORIES = ['budgets', 'regulations-normative', 'regulations-rules', 'plans', 'licensing', 'procurement', 'livelihood-education', 'livelihood-medical', 'emergencies', 'other'];
const ROOT: Record<string, string> = { 'regulations-normative': 'regulations', 'regulations-rules': 'regulations', 'livelihood-education': 'livelihood', 'livelihood-medical': 'livelihood' };
const QUERIES = ['部门预算', '政府信息公开', '预算', '行政许可', '保密审查', '最低生活保障', '财预', '养老保险', '应急预案', '营商环境', '一网通办', '数字政府建设实施方案', '老旧小区改造', '城市', '不存在的词语组合', '安全生产监督检查'];

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

async function batchPut(client: DynamoDBClient, tableName: string, items: Record<string, unknown>[], parallel = 16): Promise<void> {
  const doc = DynamoDBDocumentClient.from(client);
  type Request = { PutRequest: { Item: Record<string, unknown> } };
  const batches: Request[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: item } })));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending = batches[next++] as Request[] | undefined;
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = out.UnprocessedItems?.[tableName] as Request[] | undefined;
        if (pending?.length) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

async function timed(n: number, concurrency: number, fn: (i: number) => Promise<Response>): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        const res = await fn(i);
        await res.arrayBuffer();
        if (res.status >= 400) throw new Error(`bench request ${i} failed with ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, perSecond: (n / (performance.now() - started)) * 1000 };
}

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
      views.map((v) => {
        const item = v.item!;
        const g1 = keys.publicByCategory(item.categoryId, item.publishedAt, item.id);
        const g2 = keys.publicAll(item.publishedAt, item.id);
        const g3 = keys.publicByRoot(v.rootCategoryId!, item.publishedAt, item.id);
        const k = keys.publicItem(v.id);
        return { PK: k.pk, SK: k.sk, entity: 'public-item', data: v, version: 1, auditHead: '', createdAt: now, updatedAt: now, GSI1PK: g1.pk, GSI1SK: g1.sk, GSI2PK: g2.pk, GSI2SK: g2.sk, GSI3PK: g3.pk, GSI3SK: g3.sk };
      }),
    );
    results.push({ name: `seed ${n} published items (${(chars / 1e6).toFixed(1)} M chars, BatchWriteItem)`, value: Math.round(performance.now() - seedStart), unit: 'ms' });

    // Index build: read every public view from the table, tokenise, write the snapshot to S3.
    const built = await rebuildSearchIndex(deps);
    results.push({ name: `search index build from the table (${built.items} items) + S3 write`, value: built.ms, unit: 'ms' });
    await bumpCatalogueStamp(deps);
    const snapshot = await deps.files.get(SEARCH_SNAPSHOT_KEY);
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
