/**
 * The catalogue (政府信息公开目录) category tree, domain.md §1.2 and §1.5. Configurable per
 * deployment (Art. 22: each agency sets its own list); the seed follows 条例 Art. 20 and, for
 * districted-city and county governments, Art. 21. Validation rejects duplicate ids, unknown
 * parents, cycles and depth > 3 (deeper trees are unusable as navigation).
 */
import { z } from '../zod';
import { CatalogueValidationError } from './errors';

export interface CatalogueCategory {
  /** Stable id used in URLs and stored on items; never reuse an id for another meaning. */
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  /** Sort order among siblings (ascending). */
  readonly order: number;
  readonly description?: string;
  /** Short alphanumeric code for local index-number schemes that contain a category ({category}). */
  readonly code?: string;
  /** e.g. 条例第二十条第（七）项; shown in the guide (指南). */
  readonly legalBasis?: string;
}

export const MAX_CATEGORY_DEPTH = 3;

type Seed = Omit<CatalogueCategory, 'order' | 'parentId'> & { readonly children?: readonly Seed[] };

const ART20 = '《中华人民共和国政府信息公开条例》第二十条';
const ART21 = '《中华人民共和国政府信息公开条例》第二十一条';

/** Art. 20 items in the order of the Regulation (item numbers in legalBasis). */
const NATIONAL_SEED: readonly Seed[] = [
  {
    id: 'institution',
    name: '机构职能',
    code: 'JGZN',
    legalBasis: `${ART20}第（二）项`,
    description: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
    children: [
      { id: 'institution-functions', name: '机关职能', code: 'JGZN1' },
      { id: 'institution-structure', name: '机构设置', code: 'JGZN2' },
      { id: 'institution-leaders', name: '领导信息', code: 'JGZN3', description: '负责人姓名及分工' },
    ],
  },
  {
    id: 'regulations',
    name: '法规文件',
    code: 'FGWJ',
    legalBasis: `${ART20}第（一）项`,
    description: '行政法规、规章和规范性文件',
    children: [
      { id: 'regulations-rules', name: '规章', code: 'FGWJ1' },
      { id: 'regulations-normative', name: '行政规范性文件', code: 'FGWJ2' },
      { id: 'regulations-other', name: '其他文件', code: 'FGWJ3' },
    ],
  },
  { id: 'plans', name: '规划计划', code: 'GHJH', legalBasis: `${ART20}第（三）项`, description: '国民经济和社会发展规划、专项规划、区域规划及相关政策' },
  { id: 'statistics', name: '统计信息', code: 'TJXX', legalBasis: `${ART20}第（四）项`, description: '国民经济和社会发展统计信息' },
  { id: 'licensing', name: '行政许可', code: 'XZXK', legalBasis: `${ART20}第（五）项`, description: '行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果' },
  { id: 'penalty-enforcement', name: '行政处罚与行政强制', code: 'XZCF', legalBasis: `${ART20}第（六）项`, description: '行政处罚、行政强制的依据、条件、程序以及有一定社会影响的行政处罚决定' },
  { id: 'budgets', name: '财政预决算', code: 'CZYJS', legalBasis: `${ART20}第（七）项`, description: '财政预算、决算信息' },
  { id: 'fees', name: '行政事业性收费', code: 'XZSF', legalBasis: `${ART20}第（八）项`, description: '行政事业性收费项目及其依据、标准' },
  { id: 'procurement', name: '政府采购', code: 'ZFCG', legalBasis: `${ART20}第（九）项`, description: '政府集中采购项目的目录、标准及实施情况' },
  { id: 'major-projects', name: '重大建设项目', code: 'ZDXM', legalBasis: `${ART20}第（十）项`, description: '重大建设项目的批准和实施情况' },
  {
    id: 'livelihood',
    name: '民生政策',
    code: 'MSZC',
    legalBasis: `${ART20}第（十一）项`,
    description: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
    children: [
      { id: 'livelihood-poverty', name: '扶贫', code: 'MSZC1' },
      { id: 'livelihood-education', name: '教育', code: 'MSZC2' },
      { id: 'livelihood-medical', name: '医疗', code: 'MSZC3' },
      { id: 'livelihood-social-security', name: '社会保障', code: 'MSZC4' },
      { id: 'livelihood-employment', name: '促进就业', code: 'MSZC5' },
    ],
  },
  { id: 'emergencies', name: '突发公共事件应急', code: 'TFSJ', legalBasis: `${ART20}第（十二）项`, description: '突发公共事件的应急预案、预警信息及应对情况' },
  { id: 'supervision', name: '监督检查', code: 'JDJC', legalBasis: `${ART20}第（十三）项`, description: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况' },
  { id: 'civil-service', name: '公务员招考', code: 'GWYZK', legalBasis: `${ART20}第（十四）项`, description: '公务员招考的职位、名额、报考条件等事项以及录用结果' },
];

/** Art. 21: districted-city and county governments and their departments. */
const LOCAL_SEED: readonly Seed[] = [
  { id: 'municipal-construction', name: '市政建设', code: 'SZJS', legalBasis: ART21 },
  { id: 'public-services', name: '公共服务', code: 'GGFW', legalBasis: ART21 },
  { id: 'public-welfare', name: '公益事业', code: 'GYSY', legalBasis: ART21 },
  { id: 'land-expropriation', name: '土地征收', code: 'TDZS', legalBasis: ART21 },
  { id: 'housing-expropriation', name: '房屋征收', code: 'FWZS', legalBasis: ART21 },
  { id: 'public-security', name: '治安管理', code: 'ZAGL', legalBasis: ART21 },
  { id: 'social-assistance', name: '社会救助', code: 'SHJZ', legalBasis: ART21 },
];

const TAIL_SEED: readonly Seed[] = [
  { id: 'interpretation', name: '政策解读', code: 'ZCJD', description: '对政策文件的解读材料，与被解读文件互相关联' },
  { id: 'clarification', name: '澄清说明', code: 'CQSM', legalBasis: '《中华人民共和国政府信息公开条例》第六条', description: '对虚假或者不完整信息的澄清' },
  {
    id: 'annual-reports',
    name: '政府信息公开工作年度报告',
    code: 'NDBG',
    legalBasis: '《中华人民共和国政府信息公开条例》第四十九条、第五十条',
    description: '本机关政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）',
  },
  { id: 'converted', name: '依申请公开转主动公开', code: 'ZZD', legalBasis: '《中华人民共和国政府信息公开条例》第四十四条' },
  { id: 'other', name: '其他', code: 'QT', legalBasis: `${ART20}第（十五）项`, description: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息' },
];

function flatten(seeds: readonly Seed[], parentId: string | null, out: CatalogueCategory[]): void {
  seeds.forEach((s, i) => {
    const { children, ...rest } = s;
    out.push({ ...rest, parentId, order: (i + 1) * 10 });
    if (children) flatten(children, s.id, out);
  });
}

/**
 * The seed tree. `includeLocal` adds the Art. 21 items (on by default: most portals are run by
 * districted cities and counties; a ministry deployment turns it off).
 */
export function defaultCategories(options: { includeLocal?: boolean } = {}): CatalogueCategory[] {
  const out: CatalogueCategory[] = [];
  flatten([...NATIONAL_SEED, ...(options.includeLocal === false ? [] : LOCAL_SEED), ...TAIL_SEED], null, out);
  return out;
}

export const categorySchema = z.object({
  id: z
    .string({ error: '分类标识必须填写' })
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, { error: '分类标识只能包含小写字母、数字和连字符，长度不超过48个字符' }),
  name: z.string({ error: '分类名称必须填写' }).trim().min(1, { error: '分类名称不能为空' }).max(30, { error: '分类名称不能超过30个字' }),
  parentId: z.string().trim().min(1).nullable(),
  order: z.number({ error: '排序号必须是数字' }).int({ error: '排序号必须是整数' }),
  description: z.string().trim().max(200, { error: '分类说明不能超过200个字' }).optional(),
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{1,12}$/, { error: '分类代码只能包含字母和数字，不超过12位' })
    .optional(),
  legalBasis: z.string().trim().max(200).optional(),
});

export interface CategoryNode extends CatalogueCategory {
  readonly depth: number;
  readonly children: readonly CategoryNode[];
}

/** A validated, immutable tree with the queries the pages and search filters need. */
export class CategoryTree {
  readonly roots: readonly CategoryNode[];
  private readonly byId: ReadonlyMap<string, CategoryNode>;

  private constructor(roots: CategoryNode[], byId: Map<string, CategoryNode>) {
    this.roots = roots;
    this.byId = byId;
  }

  /** Validates (throws CatalogueValidationError listing every problem) and builds the tree. */
  static build(categories: readonly CatalogueCategory[]): CategoryTree {
    const issues = validateCategories(categories);
    if (issues.length > 0) {
      throw new CatalogueValidationError(`目录分类设置有误：${issues.join('；')}`);
    }
    const kids = new Map<string | null, CatalogueCategory[]>();
    for (const c of categories) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c]);
    const byId = new Map<string, CategoryNode>();
    const make = (c: CatalogueCategory, depth: number): CategoryNode => {
      const children = sortSiblings(kids.get(c.id) ?? []).map((k) => make(k, depth + 1));
      const node: CategoryNode = { ...c, depth, children };
      byId.set(c.id, node);
      return node;
    };
    const roots = sortSiblings(kids.get(null) ?? []).map((c) => make(c, 1));
    return new CategoryTree(roots, byId);
  }

  get(id: string): CategoryNode | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Root first, the category itself last (for breadcrumbs). */
  path(id: string): CategoryNode[] {
    const out: CategoryNode[] = [];
    for (let n = this.byId.get(id); n; n = n.parentId === null ? undefined : this.byId.get(n.parentId)) out.unshift(n);
    return out;
  }

  /** The category and everything below it (a search filter on 民生政策 includes 教育). */
  subtreeIds(id: string): string[] {
    const n = this.byId.get(id);
    if (!n) return [];
    const out: string[] = [];
    const walk = (x: CategoryNode) => {
      out.push(x.id);
      x.children.forEach(walk);
    };
    walk(n);
    return out;
  }

  /** Depth-first, in display order. */
  all(): CategoryNode[] {
    const out: CategoryNode[] = [];
    const walk = (x: CategoryNode) => {
      out.push(x);
      x.children.forEach(walk);
    };
    this.roots.forEach(walk);
    return out;
  }

  /** Breadcrumb label, e.g. 民生政策 > 教育. */
  label(id: string): string {
    return this.path(id)
      .map((n) => n.name)
      .join(' > ');
  }
}

function sortSiblings(list: readonly CatalogueCategory[]): CatalogueCategory[] {
  return [...list].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every problem in a category list, in Chinese; empty when the list is a valid tree. */
export function validateCategories(input: readonly unknown[]): string[] {
  const issues: string[] = [];
  const byId = new Map<string, CatalogueCategory>();
  // Entries come from an administrator's JSON: each is parsed before anything reads its fields,
  // and only the well-formed ones take part in the tree checks below.
  const categories: CatalogueCategory[] = [];
  input.forEach((raw, i) => {
    const parsed = categorySchema.safeParse(raw);
    if (!parsed.success) {
      const label = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? `（${(raw as { id: string }).id}）` : '';
      for (const issue of parsed.error.issues) issues.push(`第${i + 1}项${label}：${issue.message}`);
      return;
    }
    const c = raw as CatalogueCategory;
    categories.push(c);
    if (byId.has(c.id)) issues.push(`分类标识“${c.id}”重复`);
    byId.set(c.id, c);
  });
  const codes = new Map<string, string>();
  for (const c of categories) {
    if (c.code === undefined) continue;
    const prev = codes.get(c.code.toUpperCase());
    if (prev !== undefined && prev !== c.id) issues.push(`分类代码“${c.code}”被“${prev}”和“${c.id}”重复使用`);
    codes.set(c.code.toUpperCase(), c.id);
  }
  const reported = new Set<string>();
  for (const c of byId.values()) {
    if (c.parentId !== null && !byId.has(c.parentId)) {
      issues.push(`分类“${c.name}”的上级分类“${c.parentId}”不存在`);
      continue;
    }
    // Walk up; a revisit means a cycle, a long chain means the tree is too deep.
    const seen = new Set<string>([c.id]);
    let depth = 1;
    for (let p = c.parentId; p !== null;) {
      if (seen.has(p)) {
        const key = [...seen].sort().join(',');
        if (!reported.has(key)) issues.push(`分类“${c.name}”的上下级关系形成循环`);
        reported.add(key);
        depth = -1;
        break;
      }
      seen.add(p);
      depth++;
      const parent = byId.get(p);
      if (!parent) break;
      p = parent.parentId;
    }
    if (depth > MAX_CATEGORY_DEPTH) issues.push(`分类“${c.name}”层级为${depth}级，最多允许${MAX_CATEGORY_DEPTH}级`);
  }
  return issues;
}
