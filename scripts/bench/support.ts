import { request } from 'node:http';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Shared pieces of the benchmark suites (scripts/bench.ts runs them). */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Vocabulary of Chinese government documents for realistic synthetic titles and bodies. */
export const ORGANS = [
  '市人民政府办公室',
  '市财政局',
  '市发展和改革委员会',
  '市教育局',
  '市卫生健康委员会',
  '市人力资源和社会保障局',
  '市自然资源和规划局',
  '市住房和城乡建设局',
  '市生态环境局',
  '市市场监督管理局',
  '市应急管理局',
  '市民政局',
];
export const PREFIX = ['市政办发', '财预', '发改投资', '教发', '卫健发', '人社发', '自然资规', '建城', '环发', '市监', '应急', '民发'];
export const TOPICS = [
  '部门预算',
  '部门决算',
  '政府信息公开',
  '行政许可事项',
  '行政处罚裁量基准',
  '政府集中采购目录',
  '重大建设项目',
  '义务教育招生',
  '基本医疗保险',
  '城乡居民养老保险',
  '就业创业补贴',
  '突发公共事件应急预案',
  '安全生产监督检查',
  '食品安全抽检',
  '公务员招录',
  '土地征收补偿',
  '房屋征收与补偿',
  '最低生活保障',
  '城市更新',
  '营商环境优化',
  '数字政府建设',
  '乡村振兴',
  '老旧小区改造',
  '生态环境保护',
  '行政事业性收费',
];
export const GENRES = ['通知', '意见', '办法', '实施方案', '公告', '规划', '报告', '决定'];
export const HEADS = ['关于印发', '关于做好', '关于进一步加强', '关于公布', '关于开展', '关于调整', ''];
export const SENTENCES = [
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

/** p-th percentile of unsorted samples. */
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Bench-only: raw items (no audit events), 25 per BatchWriteItem, `parallel` batches in flight. */
export async function batchPut(client: DynamoDBClient, tableName: string, items: Record<string, unknown>[], parallel = 16): Promise<void> {
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

/** Sends n requests with `concurrency` in flight; latencies in ms and throughput per second. */
export async function timed(n: number, concurrency: number, fn: (i: number) => Promise<Response>): Promise<{ latencies: number[]; perSecond: number }> {
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

/**
 * A JSON POST from a given loopback address (127.x.y.z all reach the local server), so a load of
 * submissions comes from many applicants, as in life, and not from one address the per-client
 * submission limit rightly stops.
 */
export function postJsonFrom(localAddress: string, url: string, body: unknown): Promise<Response> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
