/**
 * Chinese tokenisation for the portal's search. Text is NFKC-normalised (full-width letters and
 * digits become ASCII, ［］ become [ ]) and lower-cased, then split by Intl.Segmenter('zh')
 * (ICU's dictionary segmenter, built into Node: no package, no dictionary file to ship).
 *
 * Each Han word is indexed as itself plus, for words of 3+ characters, its inner character
 * bigrams, so a query for part of a word the dictionary keeps whole (一步 in 进一步, 伦贝 in
 * 呼伦贝尔) still matches. Query words the index does not know are covered by known terms
 * (信息公开 → 信息 + 公开), which handles segmentation that differs between query and text.
 */
import { normaliseDocumentNumber } from '../catalogue/item';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
const MAX_TERM_LENGTH = 32;

export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Terms of a text in order, with repeats (term frequency counts them). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(normaliseText(text))) {
    if (!s.isWordLike) continue;
    const w = s.segment;
    if (w.length > MAX_TERM_LENGTH) continue;
    out.push(w);
    if (w.length >= 3 && HAN.test(w)) {
      const chars = Array.from(w);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    }
  }
  return out;
}

/** 文号 such as 国办发〔2017〕47号: the whole number, its organ prefix and "47号", plus the ordinary tokens. */
export function documentNumberTerms(documentNumber: string): string[] {
  const dn = normaliseText(normaliseDocumentNumber(documentNumber));
  const out = tokenize(dn);
  out.push(dn);
  const m = /^(.+?)〔(\d{4})〕(.*?)(\d+)号$/.exec(dn);
  if (m) {
    out.push(m[1]!, `${m[1]}〔${m[2]}〕`, `${m[4]}号`);
    if (m[3]) out.push(m[3]);
  }
  return out;
}

/** Frequent function words: scored but not required (a query 关于预算的通知 must not demand 的). */
export const STOPWORDS: ReadonlySet<string> = new Set(['的', '了', '和', '与', '及', '或', '在', '是', '对', '于', '等', '之', '其', '为', '以', '将', '把', '被', '并', '关于', 'the', 'of', 'and']);

/** One thing the user asked for: all its terms must occur (an approximation of a phrase). */
export interface QueryConcept {
  /** The words as typed (normalised), for highlighting and suggestions. */
  readonly text: string;
  readonly terms: readonly string[];
  /** A stopword: scored, never required. */
  readonly optional: boolean;
}

const DOC_NO_LIKE = /[〔[(（【].*\d{4}.*[〕\])）】]/;

/** Query → concepts, using the index vocabulary (`known`) to resolve words the segmenter split differently. */
export function parseQuery(query: string, known: (term: string) => boolean): QueryConcept[] {
  const out: QueryConcept[] = [];
  const seen = new Set<string>();
  const push = (c: QueryConcept) => {
    const key = c.terms.join('\u0000');
    if (!seen.has(key)) out.push(c);
    seen.add(key);
  };
  for (const raw of query.split(/[\s,，;；、]+/)) {
    if (!raw) continue;
    let chunk = normaliseText(raw);
    if (DOC_NO_LIKE.test(chunk)) chunk = normaliseText(normaliseDocumentNumber(raw));
    if (known(chunk)) {
      push({ text: chunk, terms: [chunk], optional: false });
      continue;
    }
    for (const s of segmenter.segment(chunk)) {
      if (!s.isWordLike) continue;
      const w = s.segment.slice(0, MAX_TERM_LENGTH);
      if (known(w) || !HAN.test(w) || w.length === 1) {
        push({ text: w, terms: [w], optional: STOPWORDS.has(w) });
        continue;
      }
      push({ text: w, terms: coverWithKnownTerms(w, known) ?? [w], optional: false });
    }
  }
  // If everything is a stopword, require them after all.
  if (out.length > 0 && out.every((c) => c.optional)) return out.map((c) => ({ ...c, optional: false }));
  return out;
}

/**
 * Splits a word into the fewest known terms (longer pieces first), e.g. 信息公开 → 信息 公开;
 * undefined when some part is unknown. Dynamic programming over character positions.
 */
export function coverWithKnownTerms(word: string, known: (term: string) => boolean, maxPiece = 8): string[] | undefined {
  const chars = Array.from(word);
  const n = chars.length;
  const best: (string[] | undefined)[] = new Array(n + 1);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const prefix = best[i];
    if (!prefix) continue;
    for (let len = Math.min(maxPiece, n - i); len >= 1; len--) {
      const piece = chars.slice(i, i + len).join('');
      if (!known(piece)) continue;
      const cand = [...prefix, piece];
      const cur = best[i + len];
      if (!cur || cand.length < cur.length) best[i + len] = cand;
    }
  }
  const r = best[n];
  return r && r.length > 0 ? r : undefined;
}
