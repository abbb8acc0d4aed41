/**
 * Search index benchmark: 10,000 synthetic items with Chinese titles and bodies of 1–3k
 * characters built from government phrases (deterministic pseudo-random), then build time,
 * serialised size, load time and query latency (p50/p95).
 * Run alone: node --import tsx scripts/bench/search.ts
 */
import { GENRES, HEADS, lcg, ORGANS, PREFIX, SENTENCES, TOPICS, type BenchResult } from './support';
import { SearchIndex, type SearchDocument } from '#domain/search';

function makeItems(n: number): SearchDocument[] {
  const rnd = lcg(20260210);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const o = Math.floor(rnd() * ORGANS.length);
    const topic = pick(TOPICS);
    const year = 2015 + Math.floor(rnd() * 12);
    const title = `${pick(HEADS)}${year}年${topic}${pick(['工作', '管理', '实施', ''])}${pick(GENRES)}`;
    const target = 1000 + Math.floor(rnd() * 2000);
    let body = '';
    let section = 1;
    while (body.length < target) {
      if (rnd() < 0.12) body += `\n${['一', '二', '三', '四', '五', '六', '七', '八'][section++ % 8]}、${pick(TOPICS)}\n`;
      body += rnd() < 0.25 ? `${pick(TOPICS)}工作取得积极进展。` : pick(SENTENCES);
    }
    return {
      id: `item-${i}`,
      indexNumber: `000014349/${year}-${String(i + 1).padStart(5, '0')}`,
      title,
      documentNumber: `${PREFIX[o]}〔${year}〕${1 + Math.floor(rnd() * 120)}号`,
      keywords: [topic, pick(TOPICS)],
      summary: `${topic}相关${pick(GENRES)}。`,
      body,
      categoryId: pick(['budgets', 'regulations-normative', 'plans', 'licensing', 'procurement', 'livelihood-education', 'emergencies', 'other']),
      issuers: [ORGANS[o]!],
      year,
      validity: rnd() < 0.9 ? 'valid' : 'repealed',
      publishedAt: new Date(Date.UTC(year, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28), 1)).toISOString(),
    };
  });
}

const QUERIES = [
  '部门预算',
  '公开',
  '政府信息公开',
  '预算',
  '行政许可',
  '保密审查',
  '社会救助 最低生活保障',
  '市财预〔2020〕',
  '财预',
  '养老保险',
  '应急预案',
  '营商环境',
  '一网通办',
  '数字政府建设实施方案',
  '老旧小区改造',
  '城市',
  '不存在的词语组合',
  '预箕',
  '2024年 部门决算',
  '安全生产监督检查',
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchSearch(): Promise<BenchResult[]> {
  const items = makeItems(10_000);
  const chars = items.reduce((s, d) => s + d.body.length + d.title.length, 0);

  let t = performance.now();
  const index = new SearchIndex();
  for (const d of items) index.add(d);
  const buildMs = performance.now() - t;

  t = performance.now();
  const json = index.serialize();
  const serializeMs = performance.now() - t;
  const bytes = Buffer.byteLength(json, 'utf8');
  const { gzipSync } = await import('node:zlib');
  const gzBytes = gzipSync(json).length;

  t = performance.now();
  const loaded = SearchIndex.deserialize(json);
  const loadMs = performance.now() - t;

  const latencies: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const s = performance.now();
      loaded.search(q, { limit: 10 });
      latencies.push(performance.now() - s);
    }
  }
  latencies.sort((a, b) => a - b);

  t = performance.now();
  loaded.remove('item-42');
  loaded.add({ ...items[42]!, title: `${items[42]!.title}（修订）` });
  const updateMs = performance.now() - t;

  const r = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  return [
    { name: 'search: items indexed', value: items.length, unit: 'items' },
    { name: 'search: text indexed', value: r(chars / 1e6, 2), unit: 'M chars' },
    { name: 'search: vocabulary', value: loaded.vocabularySize, unit: 'terms' },
    { name: 'search: index build', value: r(buildMs), unit: 'ms' },
    { name: 'search: serialise', value: r(serializeMs), unit: 'ms' },
    { name: 'search: serialised size', value: r(bytes / 1024 / 1024, 2), unit: 'MB' },
    { name: 'search: serialised size gzip', value: r(gzBytes / 1024 / 1024, 2), unit: 'MB' },
    { name: 'search: load (JSON.parse + maps)', value: r(loadMs), unit: 'ms' },
    { name: 'search: query latency p50', value: r(percentile(latencies, 50), 2), unit: 'ms' },
    { name: 'search: query latency p95', value: r(percentile(latencies, 95), 2), unit: 'ms' },
    { name: 'search: update one item (remove + add)', value: r(updateMs, 2), unit: 'ms' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchSearch()) console.log(`${row.name.padEnd(44)} ${String(row.value).padStart(10)} ${row.unit}`);
}
