/**
 * Index numbers (索引号), domain.md §1.6. One deployment uses one scheme; every scheme is a
 * template of tokens and literal text:
 *
 *   {org}          agency code (9-char organisation code or 18-char USCC, from the profile)
 *   {year} {month} {day}   parts of the numbering date (YYYY, MM, DD)
 *   {date}         YYYYMMDD (宁波-style schemes)
 *   {category}     the catalogue category's `code`
 *   {serial:N}     the serial, zero-padded to N digits (exactly one per template)
 *
 * Uniqueness: the serial comes from an atomic counter owned by the caller (a DynamoDB counter
 * item, incremented conditionally). `counterKey()` names that counter; the counter's scope
 * (per year, per month, per category…) is part of the scheme, and compileIndexScheme() refuses
 * a scheme whose rendered number would not distinguish two scopes (e.g. a per-category
 * counter without {category} in the template), because that would repeat numbers.
 *
 * Immutability: a number, once given, never changes (not on republication, edits, withdrawal or
 * when the issuing agency changes). publishing.ts enforces that; nothing here renumbers.
 */
import { isIsoDate, type IsoDate } from '../calendar';
import { normaliseAgencyCode, type AgencyCodeKind } from './agency-profile';
import { CatalogueValidationError, IndexNumberConflictError } from './errors';

export type CounterScope = 'year' | 'month' | 'day' | 'category' | 'year-category' | 'month-category' | 'all';

export interface IndexNumberScheme {
  /** Shown in the settings page and stored with each number (so a later scheme change is visible). */
  readonly id: string;
  readonly template: string;
  readonly counterScope: CounterScope;
  /** Which agency code the {org} token expects; 'any' accepts both. */
  readonly orgCode: AgencyCodeKind | 'any';
}

/** Presets seen on Chinese portals. `national` is the default (实施指引: 20 characters). */
export const INDEX_SCHEMES = {
  /** 000014349/2026-00001 */
  national: { id: 'national', template: '{org}/{year}-{serial:5}', counterScope: 'year', orgCode: 'org9' },
  /** 11341702486344515H/2026-00001 */
  usccYear: { id: 'uscc-year', template: '{org}/{year}-{serial:5}', counterScope: 'year', orgCode: 'uscc18' },
  /** 11341702486344515H/202602-00013 (serial per month) */
  usccMonth: { id: 'uscc-month', template: '{org}/{year}{month}-{serial:5}', counterScope: 'month', orgCode: 'uscc18' },
  /** 000014349-2026-00001 */
  hyphen: { id: 'hyphen', template: '{org}-{year}-{serial:5}', counterScope: 'year', orgCode: 'any' },
  /** 01527918X-2020-153077 (怒江: six-digit serial) */
  hyphen6: { id: 'hyphen-6', template: '{org}-{year}-{serial:6}', counterScope: 'year', orgCode: 'any' },
} as const satisfies Record<string, IndexNumberScheme>;

export const DEFAULT_INDEX_SCHEME: IndexNumberScheme = INDEX_SCHEMES.national;

type Token = { readonly t: 'lit'; readonly v: string } | { readonly t: 'org' | 'year' | 'month' | 'day' | 'date' | 'category' } | { readonly t: 'serial'; readonly width: number };

export interface CompiledIndexScheme extends IndexNumberScheme {
  readonly tokens: readonly Token[];
  readonly serialWidth: number;
  readonly pattern: RegExp;
}

export interface IndexNumberContext {
  /** Agency code from the profile. */
  readonly orgCode: string;
  /** The numbering date (Beijing civil date of first publication, unless the agency decides otherwise). */
  readonly date: IsoDate;
  /** Category code, required when the scheme has {category} or a per-category counter. */
  readonly categoryCode?: string;
}

export interface ParsedIndexNumber {
  readonly org?: string;
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly category?: string;
  readonly serial: number;
}

const TOKEN_RE = /\{([a-z]+)(?::(\d+))?\}/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Validates a scheme and precompiles its parser; throws CatalogueValidationError in Chinese. */
export function compileIndexScheme(scheme: IndexNumberScheme): CompiledIndexScheme {
  const tokens: Token[] = [];
  let last = 0;
  let serialWidth = 0;
  const problems: string[] = [];
  for (const m of scheme.template.matchAll(TOKEN_RE)) {
    if (m.index > last) tokens.push({ t: 'lit', v: scheme.template.slice(last, m.index) });
    last = m.index + m[0].length;
    const name = m[1]!;
    if (name === 'serial') {
      const w = Number(m[2] ?? '5');
      if (serialWidth) problems.push('模板中只能有一个{serial}');
      if (w < 3 || w > 10) problems.push('流水号位数应为3至10位');
      serialWidth = w;
      tokens.push({ t: 'serial', width: w });
    } else if (['org', 'year', 'month', 'day', 'date', 'category'].includes(name) && m[2] === undefined) {
      tokens.push({ t: name as 'org' });
    } else {
      problems.push(`不认识的占位符${m[0]}`);
    }
  }
  if (last < scheme.template.length) tokens.push({ t: 'lit', v: scheme.template.slice(last) });
  if (
    /[{}]/.test(
      tokens
        .filter((x) => x.t === 'lit')
        .map((x) => (x as { v: string }).v)
        .join(''),
    )
  )
    problems.push('模板中有未闭合的花括号');
  if (!serialWidth) problems.push('模板必须包含流水号{serial:N}');
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.t !== 'lit' && tokens[i - 1]!.t !== 'lit' && (tokens[i]!.t === 'category' || tokens[i - 1]!.t === 'category')) {
      problems.push('{category}前后需要分隔符，否则无法解析');
    }
  }
  const has = (t: Token['t']) => tokens.some((x) => x.t === t);
  // Every component of the counter's scope must show in the number, or two scopes repeat numbers.
  const needYear = ['year', 'month', 'day', 'year-category', 'month-category'].includes(scheme.counterScope);
  const needMonth = ['month', 'day', 'month-category'].includes(scheme.counterScope);
  const needDay = scheme.counterScope === 'day';
  const needCategory = ['category', 'year-category', 'month-category'].includes(scheme.counterScope);
  if (needYear && !has('year') && !has('date')) problems.push('流水号按年（或月、日）编号时，模板必须包含{year}或{date}');
  if (needMonth && !(has('year') && has('month')) && !has('date')) problems.push('流水号按月编号时，模板必须包含{year}{month}或{date}');
  if (needDay && !has('date') && !(has('year') && has('month') && has('day'))) problems.push('流水号按日编号时，模板必须包含{date}');
  if (needCategory && !has('category')) problems.push('流水号按分类编号时，模板必须包含{category}');
  if (problems.length) throw new CatalogueValidationError(`索引号规则“${scheme.id}”有误：${problems.join('；')}`, { template: problems.join('；') });

  const orgRe = scheme.orgCode === 'org9' ? '[0-9A-Z]{9}' : scheme.orgCode === 'uscc18' ? '[0-9A-Z]{18}' : '[0-9A-Z]{18}|[0-9A-Z]{9}';
  const source = tokens
    .map((x) => {
      switch (x.t) {
        case 'lit':
          return escapeRe(x.v);
        case 'org':
          return `(?<org>${orgRe})`;
        case 'year':
          return '(?<year>\\d{4})';
        case 'month':
          return '(?<month>\\d{2})';
        case 'day':
          return '(?<day>\\d{2})';
        case 'date':
          return '(?<date>\\d{8})';
        case 'category':
          return '(?<category>[0-9A-Za-z]{1,12})';
        case 'serial':
          return `(?<serial>\\d{${x.width}})`;
      }
    })
    .join('');
  return { ...scheme, tokens, serialWidth, pattern: new RegExp(`^${source}$`) };
}

function compiled(scheme: IndexNumberScheme | CompiledIndexScheme): CompiledIndexScheme {
  return 'pattern' in scheme ? scheme : compileIndexScheme(scheme);
}

function checkContext(s: CompiledIndexScheme, ctx: IndexNumberContext): { org: string; category?: string } {
  if (!isIsoDate(ctx.date)) throw new CatalogueValidationError(`编号日期无效：${String(ctx.date)}`);
  const usesOrg = s.tokens.some((x) => x.t === 'org');
  const n = normaliseAgencyCode(ctx.orgCode);
  if (usesOrg && (!n || (s.orgCode !== 'any' && n.kind !== s.orgCode))) {
    throw new CatalogueValidationError(s.orgCode === 'uscc18' ? '索引号规则要求18位统一社会信用代码' : s.orgCode === 'org9' ? '索引号规则要求9位组织机构代码' : '机关代码无效', {
      orgCode: '机关代码与索引号规则不符',
    });
  }
  const usesCategory = s.tokens.some((x) => x.t === 'category') || s.counterScope.includes('category');
  if (usesCategory && !(ctx.categoryCode && /^[0-9A-Za-z]{1,12}$/.test(ctx.categoryCode))) {
    throw new CatalogueValidationError('该索引号规则需要目录分类代码，请先为分类设置代码', { categoryCode: '缺少分类代码' });
  }
  return { org: n?.code ?? ctx.orgCode, ...(usesCategory ? { category: ctx.categoryCode! } : {}) };
}

/**
 * Name of the atomic counter that supplies the serial for this context, e.g.
 * "index:national:000014349:2026". The caller increments it atomically and passes the new
 * value to formatIndexNumber().
 */
export function counterKey(scheme: IndexNumberScheme | CompiledIndexScheme, ctx: IndexNumberContext): string {
  const s = compiled(scheme);
  const { org, category } = checkContext(s, ctx);
  const [y, m, d] = (ctx.date as string).split('-');
  const scope: Record<CounterScope, string[]> = {
    all: [],
    year: [y!],
    month: [`${y}${m}`],
    day: [`${y}${m}${d}`],
    category: [category ?? ''],
    'year-category': [y!, category ?? ''],
    'month-category': [`${y}${m}`, category ?? ''],
  };
  return ['index', s.id, org, ...scope[s.counterScope]].join(':');
}

/** Renders a number. Throws IndexNumberConflictError when the serial does not fit (never wraps). */
export function formatIndexNumber(scheme: IndexNumberScheme | CompiledIndexScheme, ctx: IndexNumberContext & { readonly serial: number }): string {
  const s = compiled(scheme);
  const { org, category } = checkContext(s, ctx);
  if (!Number.isSafeInteger(ctx.serial) || ctx.serial < 1) throw new CatalogueValidationError(`流水号无效：${ctx.serial}`);
  if (String(ctx.serial).length > s.serialWidth) {
    throw new IndexNumberConflictError(`流水号已超过${s.serialWidth}位（${ctx.serial}），请调整索引号规则`, `serial overflow in ${s.id}`);
  }
  const [y, m, d] = (ctx.date as string).split('-') as [string, string, string];
  return s.tokens
    .map((x) => {
      switch (x.t) {
        case 'lit':
          return x.v;
        case 'org':
          return org;
        case 'year':
          return y;
        case 'month':
          return m;
        case 'day':
          return d;
        case 'date':
          return `${y}${m}${d}`;
        case 'category':
          return category!;
        case 'serial':
          return String(ctx.serial).padStart(x.width, '0');
      }
    })
    .join('');
}

/** Parses a number of this scheme; undefined when it does not match (wrong shape, date or code). */
export function parseIndexNumber(scheme: IndexNumberScheme | CompiledIndexScheme, value: string): ParsedIndexNumber | undefined {
  const s = compiled(scheme);
  const g = s.pattern.exec(value.trim())?.groups;
  if (!g) return undefined;
  let year = g.year === undefined ? undefined : Number(g.year);
  let month = g.month === undefined ? undefined : Number(g.month);
  let day = g.day === undefined ? undefined : Number(g.day);
  if (g.date !== undefined) {
    const iso = `${g.date.slice(0, 4)}-${g.date.slice(4, 6)}-${g.date.slice(6, 8)}`;
    if (!isIsoDate(iso)) return undefined;
    [year, month, day] = [Number(g.date.slice(0, 4)), Number(g.date.slice(4, 6)), Number(g.date.slice(6, 8))];
  }
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  if (g.org !== undefined && !normaliseAgencyCode(g.org)) return undefined;
  const serial = Number(g.serial);
  if (serial < 1) return undefined;
  return {
    ...(g.org !== undefined ? { org: g.org } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(month !== undefined ? { month } : {}),
    ...(day !== undefined ? { day } : {}),
    ...(g.category !== undefined ? { category: g.category } : {}),
    serial,
  };
}

export function isValidIndexNumber(scheme: IndexNumberScheme | CompiledIndexScheme, value: string): boolean {
  return parseIndexNumber(scheme, value) !== undefined;
}

/**
 * The only way an item gets its number: keeps an existing one, otherwise takes the new one.
 * Callers must not draw a serial for an item that already has a number (see needsIndexNumber in
 * publishing.ts); if they did, the drawn serial is simply unused (a gap, never a duplicate).
 */
export function keepOrAssignIndexNumber(existing: string | undefined, fresh: () => string): string {
  return existing ?? fresh();
}
