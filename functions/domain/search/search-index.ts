/**
 * Full-text search for the public portal, built for a serverless deployment: the whole index is
 * one plain object that serialises to JSON, lives in S3 (gzip-encoded), and is loaded once per
 * warm search Lambda. The indexer function applies one add/remove per publish/withdraw event and
 * writes the snapshot back.
 *
 * WHERE IT STOPS SCALING (measured by scripts/bench/search.ts on 10,000 items of 1–3k characters,
 * 20 M characters in all): snapshot 27 MB JSON (2.1 MB gzip; about two thirds is the stored
 * snippet text, tunable with storedTextChars), load 0.1 s, query p50 ≈ 20 ms / p95 ≈ 55 ms,
 * one add/remove ≈ 10 ms, full rebuild ≈ 25 s (half of it Intl.Segmenter at ~1.6 M chars/s).
 * Everything grows linearly with the text. Around 50k items (≈ 100–150 MB JSON, ~1 s cold
 * load, ~1 GB heap, multi-minute rebuilds) a Lambda is no longer comfortable, and the
 * single-object read-modify-write update needs serialising (one indexer, reserved concurrency
 * 1) long before that. The replacement is Amazon OpenSearch Service (or OpenSearch
 * Serverless) with the IK or smartcn analyzer, fed from the same published projections: the
 * SearchDocument shape, filters and field weights map onto a multi_match query with boosts.
 *
 * Ranking: BM25 per field, summed with field weights (title ≫ 文号 > keywords > body >
 * attachment text), so a title match outranks any number of body matches. Queries are AND over
 * concepts (tokenizer.ts); when nothing matches all of them the search relaxes to OR and says so.
 *
 * Removal is by tombstone (immediate for results); document frequencies are corrected by
 * compact(), which toJSON() runs when there are tombstones.
 */
import type { ValidityStatus } from '../catalogue/item';
import { documentNumberTerms, normaliseText, parseQuery, tokenize, type QueryConcept } from './tokenizer';
import { highlightHtml, snippetHtml } from './snippet';
import type { SearchDocument } from './document';

export const SEARCH_FIELDS = ['title', 'documentNumber', 'keywords', 'body', 'attachments'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
const NF = SEARCH_FIELDS.length;

export interface FieldSetting {
  readonly weight: number;
  /** BM25 length normalisation. */
  readonly b: number;
}

export const DEFAULT_FIELD_SETTINGS: Readonly<Record<SearchField, FieldSetting>> = {
  title: { weight: 10, b: 0.5 },
  documentNumber: { weight: 6, b: 0.2 },
  keywords: { weight: 4, b: 0.3 },
  body: { weight: 1, b: 0.75 },
  attachments: { weight: 0.5, b: 0.75 },
};
const K1 = 1.2;

export const SEARCH_INDEX_FORMAT = 'gov-disclosure-search/v1';

// ---- compact posting lists: base-64 varints, JSON-safe ----------------------------------------
// Each posting: docDelta, fieldMask (5 bits), then one tf per field set in the mask.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

function encodeVarint(v: number): string {
  let s = '';
  while (v >= 32) {
    s += ALPHABET[32 + (v & 31)];
    v = Math.floor(v / 32);
  }
  return s + ALPHABET[v];
}

interface TermEntry {
  df: number;
  /** Ordinal of the last posting (appends are delta-coded from it). */
  last: number;
  data: string;
}

/** Decodes a posting list into parallel arrays: ordinals and packed per-field tfs. */
function decodePostings(data: string, onPosting: (ord: number, tfs: Uint16Array) => void): void {
  const tfs = new Uint16Array(NF);
  let i = 0;
  let ord = -1;
  const next = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const c = DECODE[data.charCodeAt(i++)]!;
      if (c < 32) return v + c * mul;
      v += (c - 32) * mul;
      mul *= 32;
    }
  };
  while (i < data.length) {
    ord += next();
    const mask = next();
    for (let f = 0; f < NF; f++) tfs[f] = mask & (1 << f) ? next() : 0;
    onPosting(ord, tfs);
  }
}

// ---- stored documents ------------------------------------------------------------------------

interface StoredDoc {
  readonly id: string;
  readonly title: string;
  readonly documentNumber: string;
  readonly issuers: readonly string[];
  readonly categoryId: string;
  readonly year: number;
  readonly validity: ValidityStatus;
  readonly publishedAt: string;
  readonly indexNumber: string;
  /** Start of the text, for snippets. */
  readonly text: string;
  readonly lens: readonly number[];
}

type StoredDocRow = [string, string, string, string[], string, number, ValidityStatus, string, string, string, number[]];
const toRow = (d: StoredDoc): StoredDocRow => [d.id, d.title, d.documentNumber, [...d.issuers], d.categoryId, d.year, d.validity, d.publishedAt, d.indexNumber, d.text, [...d.lens]];
const fromRow = (r: StoredDocRow): StoredDoc => ({
  id: r[0],
  title: r[1],
  documentNumber: r[2],
  issuers: r[3],
  categoryId: r[4],
  year: r[5],
  validity: r[6],
  publishedAt: r[7],
  indexNumber: r[8],
  text: r[9],
  lens: r[10],
});

export interface SerializedSearchIndex {
  readonly format: typeof SEARCH_INDEX_FORMAT;
  readonly storedTextChars: number;
  readonly docs: readonly StoredDocRow[];
  readonly terms: readonly string[];
  readonly df: readonly number[];
  readonly last: readonly number[];
  readonly postings: readonly string[];
}

// ---- queries ---------------------------------------------------------------------------------

export interface SearchFilters {
  /** Matches any of these catalogue categories (expand subtrees with CategoryTree.subtreeIds). */
  readonly categoryIds?: readonly string[];
  /** Year of first publication (Beijing time). */
  readonly year?: number;
  /** 发布机构 or a co-issuer, exact name. */
  readonly issuer?: string;
  readonly validity?: ValidityStatus | readonly ValidityStatus[];
}

export interface SearchOptions extends SearchFilters {
  readonly offset?: number;
  readonly limit?: number;
  readonly sort?: 'relevance' | 'date';
  readonly snippetChars?: number;
}

export interface SearchHit {
  readonly id: string;
  readonly indexNumber: string;
  readonly title: string;
  readonly documentNumber?: string;
  readonly issuers: readonly string[];
  readonly categoryId: string;
  readonly year: number;
  readonly validity: ValidityStatus;
  readonly publishedAt: string;
  readonly score: number;
  /** Escaped title with <mark> around matches. */
  readonly titleHtml: string;
  /** Escaped excerpt with <mark> around matches. */
  readonly snippetHtml: string;
}

export interface NoResultHelp {
  /** Plain Chinese advice for the results page. */
  readonly message: string;
  /** Other queries that do have results, with their counts (did you mean / shorter query). */
  readonly suggestions: readonly { readonly query: string; readonly count: number; readonly reason: 'spelling' | 'shorter' | 'no-filters' }[];
  /** Categories where the words occur, with counts. */
  readonly relatedCategories: readonly { readonly categoryId: string; readonly count: number }[];
}

export interface SearchResponse {
  readonly query: string;
  /** 'all': every word matched; 'any': relaxed to some words; 'browse': empty query, newest first. */
  readonly mode: 'all' | 'any' | 'browse';
  readonly total: number;
  readonly hits: readonly SearchHit[];
  /** Terms highlighted in the results (for client-side highlighting of other fields). */
  readonly highlightTerms: readonly string[];
  /** Set when the search was relaxed or found nothing. */
  readonly help?: NoResultHelp;
}

export interface SearchIndexOptions {
  /** Characters of body text kept per item for snippets (trade-off: snapshot size). */
  readonly storedTextChars?: number;
  readonly fields?: Partial<Record<SearchField, FieldSetting>>;
}

export class SearchIndex {
  private docs: (StoredDoc | null)[] = [];
  private readonly byId = new Map<string, number>();
  private terms = new Map<string, TermEntry>();
  private readonly lenSums = new Float64Array(NF);
  private live = 0;
  private tombstones = 0;
  private readonly storedTextChars: number;
  private readonly weights: number[];
  private readonly bs: number[];

  constructor(options: SearchIndexOptions = {}) {
    this.storedTextChars = options.storedTextChars ?? 600;
    const s = { ...DEFAULT_FIELD_SETTINGS, ...options.fields };
    this.weights = SEARCH_FIELDS.map((f) => s[f].weight);
    this.bs = SEARCH_FIELDS.map((f) => s[f].b);
  }

  get size(): number {
    return this.live;
  }

  get vocabularySize(): number {
    return this.terms.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds or replaces one item (on publish, new version, validity change). */
  add(doc: SearchDocument): void {
    if (this.byId.has(doc.id)) this.remove(doc.id);
    const fieldTerms: string[][] = [
      tokenize(doc.title),
      doc.documentNumber ? documentNumberTerms(doc.documentNumber) : [],
      doc.keywords.flatMap((k) => [normaliseText(k.trim()), ...tokenize(k)]).filter((t) => t.length > 0),
      tokenize(doc.summary ? `${doc.summary}\n${doc.body}` : doc.body),
      doc.attachmentText ? tokenize(doc.attachmentText) : [],
    ];
    const perTerm = new Map<string, Uint16Array>();
    fieldTerms.forEach((terms, f) => {
      for (const t of terms) {
        let tfs = perTerm.get(t);
        if (!tfs) perTerm.set(t, (tfs = new Uint16Array(NF)));
        if (tfs[f]! < 65535) tfs[f]!++;
      }
    });
    const ord = this.docs.length;
    const lens = fieldTerms.map((t) => t.length);
    const text = (doc.summary ? `${doc.summary} ${doc.body}` : doc.body).replace(/\s+/g, ' ').trim().slice(0, this.storedTextChars);
    this.docs.push({
      id: doc.id,
      title: doc.title,
      documentNumber: doc.documentNumber ?? '',
      issuers: doc.issuers,
      categoryId: doc.categoryId,
      year: doc.year,
      validity: doc.validity,
      publishedAt: doc.publishedAt,
      indexNumber: doc.indexNumber,
      text,
      lens,
    });
    this.byId.set(doc.id, ord);
    lens.forEach((l, f) => (this.lenSums[f] = this.lenSums[f]! + l));
    this.live++;
    for (const [term, tfs] of perTerm) {
      let e = this.terms.get(term);
      if (!e) this.terms.set(term, (e = { df: 0, last: -1, data: '' }));
      let mask = 0;
      let tail = '';
      for (let f = 0; f < NF; f++) {
        if (tfs[f]) {
          mask |= 1 << f;
          tail += encodeVarint(tfs[f]!);
        }
      }
      e.data += encodeVarint(ord - e.last) + encodeVarint(mask) + tail;
      e.last = ord;
      e.df++;
    }
  }

  /** Removes one item (on withdrawal or when it stops being public). Returns false if absent. */
  remove(id: string): boolean {
    const ord = this.byId.get(id);
    if (ord === undefined) return false;
    const d = this.docs[ord]!;
    d.lens.forEach((l, f) => (this.lenSums[f] = this.lenSums[f]! - l));
    this.docs[ord] = null;
    this.byId.delete(id);
    this.live--;
    this.tombstones++;
    return true;
  }

  /** Drops tombstones from posting lists, renumbers documents and corrects document frequencies. */
  compact(): void {
    if (this.tombstones === 0) return;
    const remap = new Int32Array(this.docs.length).fill(-1);
    const docs: StoredDoc[] = [];
    this.docs.forEach((d, i) => {
      if (d) {
        remap[i] = docs.length;
        docs.push(d);
      }
    });
    const terms = new Map<string, TermEntry>();
    for (const [term, e] of this.terms) {
      let data = '';
      let last = -1;
      let df = 0;
      decodePostings(e.data, (ord, tfs) => {
        const n = remap[ord]!;
        if (n < 0) return;
        let mask = 0;
        let tail = '';
        for (let f = 0; f < NF; f++) {
          if (tfs[f]) {
            mask |= 1 << f;
            tail += encodeVarint(tfs[f]!);
          }
        }
        data += encodeVarint(n - last) + encodeVarint(mask) + tail;
        last = n;
        df++;
      });
      if (df > 0) terms.set(term, { df, last, data });
    }
    this.docs = docs;
    this.terms = terms;
    this.byId.clear();
    docs.forEach((d, i) => this.byId.set(d.id, i));
    this.tombstones = 0;
  }

  toJSON(): SerializedSearchIndex {
    this.compact();
    const terms: string[] = [];
    const df: number[] = [];
    const last: number[] = [];
    const postings: string[] = [];
    for (const [t, e] of this.terms) {
      terms.push(t);
      df.push(e.df);
      last.push(e.last);
      postings.push(e.data);
    }
    return { format: SEARCH_INDEX_FORMAT, storedTextChars: this.storedTextChars, docs: this.docs.map((d) => toRow(d!)), terms, df, last, postings };
  }

  serialize(): string {
    return JSON.stringify(this.toJSON());
  }

  static fromJSON(data: SerializedSearchIndex, options: Omit<SearchIndexOptions, 'storedTextChars'> = {}): SearchIndex {
    if (data.format !== SEARCH_INDEX_FORMAT) throw new Error(`Unsupported search index format: ${String(data.format)}`);
    const idx = new SearchIndex({ ...options, storedTextChars: data.storedTextChars });
    idx.docs = data.docs.map(fromRow);
    idx.docs.forEach((d, i) => {
      idx.byId.set(d!.id, i);
      d!.lens.forEach((l, f) => (idx.lenSums[f] = idx.lenSums[f]! + l));
    });
    idx.live = idx.docs.length;
    for (let i = 0; i < data.terms.length; i++) idx.terms.set(data.terms[i]!, { df: data.df[i]!, last: data.last[i]!, data: data.postings[i]! });
    return idx;
  }

  static deserialize(json: string, options: Omit<SearchIndexOptions, 'storedTextChars'> = {}): SearchIndex {
    return SearchIndex.fromJSON(JSON.parse(json) as SerializedSearchIndex, options);
  }

  // ---- querying ------------------------------------------------------------------------------

  private readonly known = (t: string) => this.terms.has(t);

  private passes(d: StoredDoc, f: SearchFilters): boolean {
    if (f.categoryIds && f.categoryIds.length > 0 && !f.categoryIds.includes(d.categoryId)) return false;
    if (f.year !== undefined && d.year !== f.year) return false;
    if (f.issuer && !d.issuers.includes(f.issuer)) return false;
    if (f.validity !== undefined) {
      const v = typeof f.validity === 'string' ? [f.validity] : f.validity;
      if (!v.includes(d.validity)) return false;
    }
    return true;
  }

  /** Per-term scores by ordinal (BM25 per field × weight, summed). */
  private termScores(term: string): Map<number, number> {
    const out = new Map<number, number>();
    const e = this.terms.get(term);
    if (!e) return out;
    const n = Math.max(this.live, 1);
    const idf = Math.log(1 + (n - e.df + 0.5) / (e.df + 0.5));
    const avg = Array.from(this.lenSums, (s) => Math.max(s / n, 1));
    decodePostings(e.data, (ord, tfs) => {
      const d = this.docs[ord];
      if (!d) return; // tombstone
      let s = 0;
      for (let f = 0; f < NF; f++) {
        const tf = tfs[f]!;
        if (!tf) continue;
        const norm = 1 - this.bs[f]! + (this.bs[f]! * d.lens[f]!) / avg[f]!;
        s += this.weights[f]! * ((tf * (K1 + 1)) / (tf + K1 * norm));
      }
      out.set(ord, idf * s);
    });
    return out;
  }

  /** Docs (ordinal → score) that contain every term of the concept. */
  private conceptScores(c: QueryConcept, cache: Map<string, Map<number, number>>): Map<number, number> {
    const lists = c.terms.map((t) => {
      let m = cache.get(t);
      if (!m) cache.set(t, (m = this.termScores(t)));
      return m;
    });
    lists.sort((a, b) => a.size - b.size);
    const out = new Map<number, number>();
    const [first, ...rest] = lists;
    if (!first) return out;
    for (const [ord, s] of first) {
      let total = s;
      let ok = true;
      for (const l of rest) {
        const x = l.get(ord);
        if (x === undefined) {
          ok = false;
          break;
        }
        total += x;
      }
      if (ok) out.set(ord, total);
    }
    return out;
  }

  /** Matching ordinals and scores: all required concepts (mode all) or any concept (mode any). */
  private match(concepts: readonly QueryConcept[], mode: 'all' | 'any', filters: SearchFilters, cache: Map<string, Map<number, number>>): Map<number, number> {
    const per = concepts.map((c) => ({ c, m: this.conceptScores(c, cache) }));
    const required = per.filter((p) => !p.c.optional);
    const scores = new Map<number, number>();
    if (mode === 'all') {
      required.sort((a, b) => a.m.size - b.m.size);
      const [first, ...rest] = required;
      if (!first) return scores;
      for (const [ord, s] of first.m) {
        let total = s;
        let ok = true;
        for (const r of rest) {
          const x = r.m.get(ord);
          if (x === undefined) {
            ok = false;
            break;
          }
          total += x;
        }
        if (ok && this.passes(this.docs[ord]!, filters)) scores.set(ord, total);
      }
    } else {
      for (const r of required) {
        for (const [ord, s] of r.m) {
          if (!this.passes(this.docs[ord]!, filters)) continue;
          scores.set(ord, (scores.get(ord) ?? 0) + s);
        }
      }
    }
    for (const p of per) {
      if (!p.c.optional) continue;
      for (const [ord, s] of p.m) if (scores.has(ord)) scores.set(ord, scores.get(ord)! + s);
    }
    return scores;
  }

  private count(concepts: readonly QueryConcept[], filters: SearchFilters, cache: Map<string, Map<number, number>>): number {
    return this.match(concepts, 'all', filters, cache).size;
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const limit = Math.min(100, Math.max(1, Math.floor(options.limit ?? 10)));
    const concepts = parseQuery(query, this.known);
    const highlightTerms = [...new Set(concepts.filter((c) => !c.optional).flatMap((c) => [c.text, ...c.terms]))];
    const cache = new Map<string, Map<number, number>>();

    let mode: SearchResponse['mode'];
    let scores: Map<number, number>;
    if (concepts.length === 0) {
      mode = 'browse';
      scores = new Map();
      this.docs.forEach((d, i) => {
        if (d && this.passes(d, options)) scores.set(i, 0);
      });
    } else {
      mode = 'all';
      scores = this.match(concepts, 'all', options, cache);
      if (scores.size === 0 && concepts.filter((c) => !c.optional).length > 1) {
        const relaxed = this.match(concepts, 'any', options, cache);
        if (relaxed.size > 0) {
          mode = 'any';
          scores = relaxed;
        }
      }
    }

    const ranked = [...scores].sort((a, b) => {
      const da = this.docs[a[0]]!;
      const db = this.docs[b[0]]!;
      const byDate = db.publishedAt < da.publishedAt ? -1 : db.publishedAt > da.publishedAt ? 1 : 0;
      if (options.sort === 'date' || mode === 'browse') return byDate || b[1] - a[1];
      return b[1] - a[1] || byDate;
    });
    const hits = ranked.slice(offset, offset + limit).map(([ord, score]) => {
      const d = this.docs[ord]!;
      return {
        id: d.id,
        indexNumber: d.indexNumber,
        title: d.title,
        ...(d.documentNumber ? { documentNumber: d.documentNumber } : {}),
        issuers: d.issuers,
        categoryId: d.categoryId,
        year: d.year,
        validity: d.validity,
        publishedAt: d.publishedAt,
        score: Math.round(score * 1000) / 1000,
        titleHtml: highlightHtml(d.title, highlightTerms),
        snippetHtml: snippetHtml(d.text, highlightTerms, options.snippetChars ?? 120),
      };
    });

    const response: SearchResponse = { query, mode, total: ranked.length, hits, highlightTerms };
    if (mode === 'any' || (mode === 'all' && ranked.length === 0)) {
      return { ...response, help: this.help(query, concepts, options, cache, mode) };
    }
    return response;
  }

  /** Advice when nothing (or only part of the query) matched. */
  private help(query: string, concepts: readonly QueryConcept[], filters: SearchFilters, cache: Map<string, Map<number, number>>, mode: 'all' | 'any'): NoResultHelp {
    const suggestions: { query: string; count: number; reason: 'spelling' | 'shorter' | 'no-filters' }[] = [];
    const required = concepts.filter((c) => !c.optional);
    const asQuery = (cs: readonly QueryConcept[]) => cs.map((c) => c.text).join(' ');

    // Did you mean: replace an unknown word (as typed, or as segmented) by a known term one character away.
    const chunks = query.split(/[\s,，;；、]+/).filter(Boolean);
    const tried = new Set<string>();
    const trySpelling = (wrong: string, alt: string, replaced: string) => {
      if (tried.has(replaced)) return;
      tried.add(replaced);
      const count = this.count(parseQuery(replaced, this.known), filters, cache);
      if (count > 0) suggestions.push({ query: replaced, count, reason: 'spelling' });
    };
    chunks.forEach((chunk, i) => {
      const n = normaliseText(chunk);
      if (this.known(n)) return;
      const alt = this.nearestKnownTerm(n);
      if (alt) trySpelling(n, alt, chunks.map((c, j) => (j === i ? alt : c)).join(' '));
    });
    required.forEach((c, i) => {
      if (c.terms.every(this.known)) return;
      const alt = this.nearestKnownTerm(c.text);
      if (alt) trySpelling(c.text, alt, required.map((x, j) => (j === i ? alt : x.text)).join(' '));
    });
    // Shorter queries: leave one word out.
    if (required.length > 1) {
      required.forEach((_, i) => {
        const cs = required.filter((__, j) => j !== i);
        const count = this.count(cs, filters, cache);
        if (count > 0) suggestions.push({ query: asQuery(cs), count, reason: 'shorter' });
      });
    }
    // Long single word: its known parts.
    if (required.length === 1 && required[0]!.terms.length > 1) {
      for (const t of required[0]!.terms) {
        const count = this.count([{ text: t, terms: [t], optional: false }], filters, cache);
        if (count > 0 && t.length > 1) suggestions.push({ query: t, count, reason: 'shorter' });
      }
    }
    const hasFilters = Boolean(filters.categoryIds?.length || filters.year !== undefined || filters.issuer || filters.validity !== undefined);
    if (hasFilters) {
      const count = this.count(concepts, {}, cache);
      if (count > 0) suggestions.push({ query: asQuery(concepts), count, reason: 'no-filters' });
    }
    // Related categories: where any of the words occur, whatever the filters.
    const anyMatches = this.match(concepts, 'any', {}, cache);
    const byCategory = new Map<string, number>();
    for (const ord of anyMatches.keys()) {
      const cat = this.docs[ord]!.categoryId;
      byCategory.set(cat, (byCategory.get(cat) ?? 0) + 1);
    }
    const relatedCategories = [...byCategory]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([categoryId, count]) => ({ categoryId, count }));
    const seen = new Set<string>();
    const unique = suggestions
      .sort((a, b) => (a.reason === 'spelling' ? -1 : 0) - (b.reason === 'spelling' ? -1 : 0) || b.count - a.count)
      .filter((s) => !seen.has(s.reason + s.query) && (seen.add(s.reason + s.query), true))
      .slice(0, 5);
    const message =
      mode === 'any'
        ? '没有同时包含全部检索词的信息，以下是包含部分检索词的结果。可以减少检索词或换用其他说法。'
        : hasFilters
          ? '在当前筛选条件下没有找到相关信息。建议去掉部分筛选条件、减少检索词或换用其他说法。'
          : '没有找到相关信息。建议检查错别字、使用更短或更常用的词语，或按目录分类浏览。';
    return { message, suggestions: unique, relatedCategories };
  }

  /** A known term of the same length differing in one character (Han) or one edit (ASCII), most frequent first. */
  private nearestKnownTerm(word: string): string | undefined {
    const w = Array.from(word);
    if (w.length < 2 || w.length > 8) return undefined;
    let best: string | undefined;
    let bestDf = 0;
    for (const [t, e] of this.terms) {
      if (e.df <= bestDf) continue;
      const c = Array.from(t);
      if (c.length === w.length) {
        let diff = 0;
        for (let i = 0; i < c.length && diff < 2; i++) if (c[i] !== w[i]) diff++;
        if (diff === 1) {
          best = t;
          bestDf = e.df;
        }
      } else if (/^[a-z0-9]+$/.test(word) && Math.abs(c.length - w.length) === 1 && oneInsertApart(t, word)) {
        best = t;
        bestDf = e.df;
      }
    }
    return best;
  }
}

function oneInsertApart(a: string, b: string): boolean {
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}
