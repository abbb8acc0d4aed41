/**
 * THE published projection: the one function that decides what the public may see of an item.
 * Pages, search, feeds, the sitemap and the public API are all built from its output, so a
 * draft, a version under review, a scheduled version before its time or a withdrawn item can
 * never leak through one surface while another hides it.
 *
 * Rules:
 * - withdrawn → null (everywhere, at once; the record stays for staff);
 * - not 主动公开 → null (those items are not part of the catalogue);
 * - otherwise the newest version that is public at `now`: published (publishedAt ≤ now) or
 *   scheduled with publishAt ≤ now (public from that instant even before the scheduled
 *   publisher has run); while v2 is in draft/review/scheduled for later, v1 stays public;
 * - no such version → null;
 * - 失效/废止 items stay visible with their status and date; 有效期至 in the past shows 失效.
 * Nothing staff-only (review ids, digests, reasons, storage internals) is copied out.
 */
import { addCalendarDays, type IsoDate } from '../calendar';
import { DISCLOSURE_ATTRIBUTE_LABELS, VALIDITY_LABELS, type DisclosureRecord, type ItemVersion, type RelatedItems, type ValidityStatus } from './item';
import { instantMs, shanghaiDateOf, type Instant } from '../calendar/instant';

export interface PublicAttachment {
  readonly key: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

export interface PublicValidity {
  readonly status: ValidityStatus;
  readonly label: string;
  readonly since?: IsoDate;
  readonly note?: string;
}

export interface PublicItem {
  readonly id: string;
  readonly indexNumber: string;
  /** The version shown. */
  readonly version: number;
  readonly title: string;
  readonly issuer: string;
  readonly coIssuers: readonly string[];
  readonly writtenOn?: IsoDate;
  readonly formedOn: IsoDate;
  /** First publication of the item (发布日期). */
  readonly publishedAt: Instant;
  /** Publication of the shown version (equal to publishedAt for v1); feeds use it as "updated". */
  readonly updatedAt: Instant;
  readonly documentNumber?: string;
  readonly subjectCategory?: string;
  readonly categoryId: string;
  readonly genre?: string;
  readonly effectiveOn?: IsoDate;
  readonly validUntil?: IsoDate;
  readonly validity: PublicValidity;
  readonly keywords: readonly string[];
  readonly summary?: string;
  /** Markdown source; render with adapters/markdown. */
  readonly body: string;
  readonly attachments: readonly PublicAttachment[];
  readonly disclosureAttribute: 'proactive';
  readonly disclosureAttributeLabel: string;
  readonly related: RelatedItems;
  /** Public versions so far, oldest first (修订记录). */
  readonly revisions: readonly { readonly version: number; readonly publishedAt: Instant; readonly corrected?: string }[];
}

export interface ProjectionOptions {
  /**
   * Ids of items that are public now. When given, related links to anything else (a withdrawn
   * interpretation, a draft clarification) are dropped, so no surface links to a hidden item.
   */
  readonly visibleIds?: ReadonlySet<string>;
}

/** When a version became or becomes public, or undefined if it never will in its current state. */
function publicFrom(v: ItemVersion): Instant | undefined {
  if (v.status === 'published' || v.status === 'superseded') return v.publishedAt;
  if (v.status === 'scheduled') return v.publishAt;
  return undefined;
}

export function publicProjection(record: DisclosureRecord, now: Instant | Date, options: ProjectionOptions = {}): PublicItem | null {
  if (record.withdrawal) return null;
  const nowMs = instantMs(now);
  const shown: { v: ItemVersion; from: Instant }[] = [];
  for (const v of record.versions) {
    const from = publicFrom(v);
    if (from !== undefined && instantMs(from) <= nowMs) shown.push({ v, from });
  }
  if (shown.length === 0) return null;
  shown.sort((a, b) => a.v.number - b.v.number);
  const current = shown[shown.length - 1]!;
  const c = current.v.content;
  if (c.disclosureAttribute !== 'proactive') return null;
  // Approval assigns the number; a public version without one means a broken record: hide it
  // rather than publish an item without its mandatory identifier.
  if (record.indexNumber === undefined) return null;

  const today = shanghaiDateOf(now);
  let validity: PublicValidity = {
    status: record.validity.status,
    label: VALIDITY_LABELS[record.validity.status],
    ...(record.validity.since ? { since: record.validity.since } : {}),
    ...(record.validity.note ? { note: record.validity.note } : {}),
  };
  if (record.validity.status === 'valid' && c.validUntil && c.validUntil < today) {
    validity = { status: 'invalid', label: VALIDITY_LABELS.invalid, since: addCalendarDays(c.validUntil, 1) };
  }
  const keep = (ids: readonly string[]) => (options.visibleIds ? ids.filter((id) => options.visibleIds!.has(id)) : [...ids]);
  const firstFrom = shown.reduce((min, s) => (instantMs(s.from) < instantMs(min) ? s.from : min), shown[0]!.from);

  return {
    id: record.id,
    indexNumber: record.indexNumber,
    version: current.v.number,
    title: c.title,
    issuer: c.issuer,
    coIssuers: [...c.coIssuers],
    formedOn: c.formedOn,
    publishedAt: firstFrom,
    updatedAt: current.from,
    categoryId: c.categoryId,
    validity,
    keywords: [...c.keywords],
    body: c.body,
    attachments: c.attachments.map((a) => ({ key: a.key, name: a.name, contentType: a.contentType, size: a.size })),
    disclosureAttribute: 'proactive',
    disclosureAttributeLabel: DISCLOSURE_ATTRIBUTE_LABELS.proactive,
    related: { interpretations: keep(c.related.interpretations), clarifications: keep(c.related.clarifications), others: keep(c.related.others) },
    revisions: shown.map((s) => ({ version: s.v.number, publishedAt: s.from, ...(s.v.corrected ? { corrected: s.v.corrected.summary } : {}) })),
    ...(c.writtenOn ? { writtenOn: c.writtenOn } : {}),
    ...(c.documentNumber ? { documentNumber: c.documentNumber } : {}),
    ...(c.subjectCategory ? { subjectCategory: c.subjectCategory } : {}),
    ...(c.genre ? { genre: c.genre } : {}),
    ...(c.effectiveOn ? { effectiveOn: c.effectiveOn } : {}),
    ...(c.validUntil ? { validUntil: c.validUntil } : {}),
    ...(c.summary ? { summary: c.summary } : {}),
  };
}

/**
 * Projects many records at once, with related links limited to items that are public: what list
 * pages, feeds, the sitemap and the search indexer should use.
 */
export function publicProjections(records: readonly DisclosureRecord[], now: Instant | Date): PublicItem[] {
  const first = records.map((r) => publicProjection(r, now)).filter((p): p is PublicItem => p !== null);
  const visibleIds = new Set(first.map((p) => p.id));
  return records.map((r) => publicProjection(r, now, { visibleIds })).filter((p): p is PublicItem => p !== null);
}

/** The next instant at which this record's projection changes by itself (a due schedule), for the sweeper. */
export function nextPublicChange(record: DisclosureRecord, now: Instant | Date): Instant | undefined {
  if (record.withdrawal) return undefined;
  const nowMs = instantMs(now);
  const future = record.versions
    .filter((v) => v.status === 'scheduled' && v.publishAt && instantMs(v.publishAt) > nowMs)
    .map((v) => v.publishAt!)
    .sort((a, b) => instantMs(a) - instantMs(b));
  return future[0];
}
