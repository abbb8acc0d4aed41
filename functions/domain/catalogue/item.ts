/**
 * The disclosure item (domain.md §1.7): the metadata Chinese government sites show in the
 * header block of an item page, the Markdown body and the attachments. A record holds every
 * version; publishing.ts moves versions through the workflow; projection.ts decides what the
 * public sees.
 */
import { z } from '../zod';
import { isIsoDate, type IsoDate } from '../calendar';
import { CatalogueValidationError } from './errors';
import type { Instant } from '../calendar/instant';

export const VALIDITY_STATUSES = ['valid', 'invalid', 'repealed'] as const;
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number];
export const VALIDITY_LABELS: Record<ValidityStatus, string> = { valid: '有效', invalid: '失效', repealed: '废止' };

/** 公开属性. Only 主动公开 items live in the catalogue; the others are recorded at drafting time (§4.2). */
export const DISCLOSURE_ATTRIBUTES = ['proactive', 'on-application', 'not-disclosed'] as const;
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];
export const DISCLOSURE_ATTRIBUTE_LABELS: Record<DisclosureAttribute, string> = {
  proactive: '主动公开',
  'on-application': '依申请公开',
  'not-disclosed': '不予公开',
};

/** Common genres (体裁); free text is allowed because local vocabularies differ. */
export const COMMON_GENRES = ['决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要', '规划', '办法', '规定', '解读', '其他'] as const;

export interface Attachment {
  /** Storage key of the file as uploaded (private bucket); publication copies it. */
  readonly key: string;
  /** File name shown to the public. */
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  /** SHA-256 hex of the bytes, computed at upload; binds the secrecy review to the file. */
  readonly sha256: string;
}

export interface RelatedItems {
  /** 政策解读 items interpreting this one (or, on an interpretation, the documents it interprets). */
  readonly interpretations: readonly string[];
  /** 澄清说明 items. */
  readonly clarifications: readonly string[];
  /** Other links (e.g. the document this one amends or repeals). */
  readonly others: readonly string[];
}

/** The content of one version: everything the secrecy review covers. */
export interface ItemContent {
  readonly title: string;
  /** 发布机构 (lead agency for joint documents, Art. 10). */
  readonly issuer: string;
  readonly coIssuers: readonly string[];
  /** 成文日期. */
  readonly writtenOn?: IsoDate;
  /** 生成日期: formation date; the 20-working-day clock starts here (Art. 26). */
  readonly formedOn: IsoDate;
  /** 文号, brackets normalised to 〔〕. */
  readonly documentNumber?: string;
  /** 主题分类, e.g. 综合政务\政务公开. */
  readonly subjectCategory?: string;
  /** Catalogue category id (categories.ts). */
  readonly categoryId: string;
  /** 体裁. */
  readonly genre?: string;
  /** 实施日期. */
  readonly effectiveOn?: IsoDate;
  /** 有效期至: after this date the item shows as 失效 without anybody marking it. */
  readonly validUntil?: IsoDate;
  readonly keywords: readonly string[];
  /** 内容概述. */
  readonly summary?: string;
  /** Markdown source; rendered by adapters/markdown with raw HTML disabled. */
  readonly body: string;
  readonly attachments: readonly Attachment[];
  readonly disclosureAttribute: DisclosureAttribute;
  /** Reason and legal basis when the attribute is not 主动公开. */
  readonly nonDisclosureReason?: string;
  readonly related: RelatedItems;
}

/** Full-width and ASCII brackets of a 文号 year → 〔〕 (GB/T 9704), e.g. 国办发[2017]47号 → 国办发〔2017〕47号. */
export function normaliseDocumentNumber(raw: string): string {
  let s = raw.normalize('NFKC').replace(/\s+/g, '');
  // NFKC turns ［］（） into ASCII; any bracket pair around a 4-digit year becomes 〔〕.
  s = s.replace(/[[(（【〔〖{]\s*(\d{4})\s*[\])）】〕〗}]/g, '〔$1〕');
  return s;
}

const DOC_NO_RE = /^[\u4e00-\u9fffA-Za-z0-9·]{1,30}〔\d{4}〕[A-Za-z0-9\u4e00-\u9fff-]{0,10}\d+号$/;
/** True for the usual shape 机关代字〔年份〕序号号; other forms are allowed but flagged in the form. */
export function isConventionalDocumentNumber(value: string): boolean {
  return DOC_NO_RE.test(value);
}

const isoDateField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isIsoDate, { error: `${label}格式应为YYYY-MM-DD，且必须是真实存在的日期` })
    .transform((s) => s as IsoDate);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .optional()
    .transform((s) => (s === '' ? undefined : s));

const attachmentSchema = z.object({
  key: z.string().trim().min(1, { error: '附件存储标识缺失' }).max(512),
  name: z.string().trim().min(1, { error: '附件名称不能为空' }).max(200, { error: '附件名称不能超过200个字' }),
  contentType: z.string().trim().min(1).max(120),
  size: z
    .number()
    .int()
    .min(0)
    .max(2 * 1024 ** 3, { error: '附件不能超过2GB' }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: '附件摘要无效，请重新上传' }),
});

const idList = z.array(z.string().trim().min(1).max(64)).max(50).default([]);

/**
 * The staff editing form. Lists may arrive as comma/、-separated text (keywords, co-issuers) or
 * as arrays. Cross-field rules: 成文日期 ≤ 生成日期 is not required (some agencies record them
 * the other way round), but 实施日期 ≤ 有效期至 is.
 */
export const itemFormSchema = z
  .object({
    title: z.string({ error: '请填写标题' }).trim().min(1, { error: '请填写标题' }).max(200, { error: '标题不能超过200个字' }),
    issuer: z.string({ error: '请填写发布机构' }).trim().min(1, { error: '请填写发布机构' }).max(60, { error: '发布机构不能超过60个字' }),
    coIssuers: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => splitList(v)),
    writtenOn: isoDateField('成文日期')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    formedOn: isoDateField('生成日期'),
    documentNumber: z
      .string()
      .trim()
      .max(40, { error: '文号不能超过40个字' })
      .optional()
      .transform((s) => (s ? normaliseDocumentNumber(s) : undefined)),
    subjectCategory: optionalText('主题分类', 60),
    categoryId: z.string({ error: '请选择目录分类' }).trim().min(1, { error: '请选择目录分类' }),
    genre: optionalText('体裁', 20),
    effectiveOn: isoDateField('实施日期')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    validUntil: isoDateField('有效期至')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    keywords: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => splitList(v)),
    summary: optionalText('内容概述', 500),
    body: z.string().max(200_000, { error: '正文不能超过20万字' }).default(''),
    attachments: z.array(attachmentSchema).max(50, { error: '附件不能超过50个' }).default([]),
    disclosureAttribute: z.enum(DISCLOSURE_ATTRIBUTES, { error: '请选择公开属性' }).default('proactive'),
    nonDisclosureReason: optionalText('不公开理由', 500),
    related: z.object({ interpretations: idList, clarifications: idList, others: idList }).default({ interpretations: [], clarifications: [], others: [] }),
  })
  .superRefine((v, ctx) => {
    if (v.keywords.length > 20) ctx.addIssue({ code: 'custom', path: ['keywords'], message: '关键词不能超过20个' });
    if (v.keywords.some((k) => k.length > 20)) ctx.addIssue({ code: 'custom', path: ['keywords'], message: '每个关键词不能超过20个字' });
    if (v.effectiveOn && v.validUntil && v.validUntil < v.effectiveOn) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期至不能早于实施日期' });
    }
    if (v.disclosureAttribute !== 'proactive' && !v.nonDisclosureReason) {
      ctx.addIssue({ code: 'custom', path: ['nonDisclosureReason'], message: '非主动公开的信息必须填写理由和依据' });
    }
    if (v.body.trim() === '' && v.attachments.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: '正文和附件不能都为空' });
    }
    const names = new Set<string>();
    for (const a of v.attachments) {
      if (names.has(a.name)) ctx.addIssue({ code: 'custom', path: ['attachments'], message: `附件名称“${a.name}”重复` });
      names.add(a.name);
    }
  });

function splitList(v: string | readonly string[] | undefined): string[] {
  const list = typeof v === 'string' ? v.split(/[,，、;；\n]/) : (v ?? []);
  return [...new Set(list.map((s) => s.trim()).filter((s) => s.length > 0))];
}

export type ItemFormInput = z.input<typeof itemFormSchema>;

/**
 * Parses the staff form into content; `categoryExists` checks the id against the deployment's
 * tree. Throws CatalogueValidationError with per-field Chinese messages.
 */
export function parseItemForm(input: unknown, categoryExists: (id: string) => boolean): ItemContent {
  const r = itemFormSchema.safeParse(input);
  const fields: Record<string, string> = {};
  if (!r.success) {
    for (const i of r.error.issues) fields[i.path.join('.') || 'form'] ??= i.message;
  } else if (!categoryExists(r.data.categoryId)) {
    fields.categoryId = '所选目录分类不存在';
  }
  if (!r.success || Object.keys(fields).length > 0) throw new CatalogueValidationError('信息填写有误，请检查标出的项目', fields);
  const d = r.data;
  const content: ItemContent = {
    title: d.title,
    issuer: d.issuer,
    coIssuers: d.coIssuers.filter((c) => c !== d.issuer),
    formedOn: d.formedOn,
    categoryId: d.categoryId,
    keywords: d.keywords,
    body: d.body,
    attachments: d.attachments,
    disclosureAttribute: d.disclosureAttribute,
    related: d.related,
    ...(d.writtenOn ? { writtenOn: d.writtenOn } : {}),
    ...(d.documentNumber ? { documentNumber: d.documentNumber } : {}),
    ...(d.subjectCategory ? { subjectCategory: d.subjectCategory } : {}),
    ...(d.genre ? { genre: d.genre } : {}),
    ...(d.effectiveOn ? { effectiveOn: d.effectiveOn } : {}),
    ...(d.validUntil ? { validUntil: d.validUntil } : {}),
    ...(d.summary ? { summary: d.summary } : {}),
    ...(d.nonDisclosureReason ? { nonDisclosureReason: d.nonDisclosureReason } : {}),
  };
  return content;
}

/**
 * The parts whose digest a secrecy review approves: metadata + body + each attachment (by its
 * SHA-256). Pure, so the application layer hashes them with adapters/extraction/digest
 * `contentDigest(contentDigestParts(content))`. Any change to a shown field changes the digest.
 */
export function contentDigestParts(content: ItemContent): { name: string; data: string }[] {
  const { body, attachments, ...meta } = content;
  return [{ name: 'metadata', data: canonicalJson(meta) }, { name: 'body', data: body }, ...attachments.map((a) => ({ name: `attachment:${a.name}`, data: `${a.sha256} ${a.contentType} ${a.size}` }))];
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

// ---------------------------------------------------------------------------------------------
// The record

export const VERSION_STATUSES = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'superseded', 'discarded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '审核通过待发布',
  scheduled: '定时发布',
  published: '已发布',
  superseded: '已被新版本替代',
  discarded: '已放弃',
};

export interface ItemVersion {
  /** 1, 2, …; never reused. */
  readonly number: number;
  readonly status: VersionStatus;
  readonly content: ItemContent;
  /** For v ≥ 2: the date the information changed (变更日期); the publication clock restarts here. */
  readonly changedOn?: IsoDate;
  /** Set at submission; the approval must be for exactly this digest. */
  readonly digest?: string;
  readonly submittedAt?: Instant;
  readonly approval?: { readonly reviewId: string; readonly digest: string; readonly at: Instant; readonly by: string };
  readonly publishAt?: Instant;
  readonly publishedAt?: Instant;
  /**
   * Art. 41: this version was found inaccurate on a correction request and replaced by a later
   * one; it stays in the history, marked as corrected.
   */
  readonly corrected?: { readonly caseId: string; readonly summary: string; readonly at: Instant };
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface ValidityMark {
  readonly status: ValidityStatus;
  /** 失效/废止日期. */
  readonly since?: IsoDate;
  readonly note?: string;
}

export interface Withdrawal {
  readonly at: Instant;
  readonly by: string;
  readonly reason: string;
}

export interface DisclosureRecord {
  readonly id: string;
  /** Assigned at first approval; never changes (domain.md §1.6). */
  readonly indexNumber?: string;
  /** Newest last. At most one version is in the workflow (draft…scheduled) at a time. */
  readonly versions: readonly ItemVersion[];
  readonly validity: ValidityMark;
  readonly withdrawal?: Withdrawal;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}
