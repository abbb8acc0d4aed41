/**
 * Search index benchmark: 10,000 synthetic items with Chinese titles and bodies of 1–3k
 * characters built from government phrases (deterministic pseudo-random), then build time,
 * serialised size, load time and query latency (p50/p95).
 * Run alone: node --import tsx scripts/bench/search.ts
 */
import { SearchIndex, type SearchDocument } from '../../functions/domain/search';

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
  '申请人可以通过互联网、信函、当面等方式提出政府信息公开申请。',
  '建立健全工作机制，完善配套政策，强化资金保障，确保各项任务落到实处。',
  '做好政策解读和舆情回应工作，及时回应社会关切，增进社会认同。',
  '对符合条件的困难群众按规定及时纳入社会救助范围，做到应保尽保。',
  '本办法自发布之日起施行，有效期五年。此前有关规定与本办法不一致的，以本办法为准。',
  '各地要统筹推进城乡基础设施建设，提升公共服务水平。',
  '鼓励社会资本参与，创新投融资模式，拓宽资金来源渠道。',
  '加强信息化建设，推动数据共享，实现一网通办、跨省通办。',
];

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

const QUERIES = ['部门预算', '公开', '政府信息公开', '预算', '行政许可', '保密审查', '社会救助 最低生活保障', '市财预〔2020〕', '财预', '养老保险', '应急预案', '营商环境', '一网通办', '数字政府建设实施方案', '老旧小区改造', '城市', '不存在的词语组合', '预箕', '2024年 部门决算', '安全生产监督检查'];

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
