import { InvalidRedactionSpanError } from './errors';
import { FINDING_KIND_LABELS, type FindingKind } from './kinds';
import { maskMiddle, maskTerm } from './mask';
import { compactForm, compactWithMap } from './normalize';

/** The character that replaces each removed character in a redacted copy. */
export const REDACTION_MARK = '■';

/** A half-open range of UTF-16 code-unit offsets, as scanner findings carry. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Validate and merge spans: overlapping and touching spans become one; empty spans are dropped.
 * Boundaries that split a surrogate pair are widened to the whole character.
 */
export function mergeSpans(text: string, spans: readonly Span[]): Span[] {
  const cleaned: { start: number; end: number }[] = [];
  for (const [i, s] of spans.entries()) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > text.length || s.start > s.end) {
      throw new InvalidRedactionSpanError('删除范围不正确，请重新选择。', { [`spans.${i}`]: `${s.start}-${s.end} (text length ${text.length})` });
    }
    if (s.start === s.end) continue;
    let start = s.start;
    let end = s.end;
    if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
    if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    cleaned.push({ start, end });
  }
  cleaned.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of cleaned) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The redacted copy of `text`: every character inside a span is replaced by ■, one ■ per
 * character (Unicode code point, so a CJK Extension-B character in a name gives one ■, not two).
 * Outside the spans the text is unchanged. Offsets after a redacted astral character shift by
 * one per such character; everything else keeps its offset.
 */
export function redactText(text: string, spans: readonly Span[]): string {
  const merged = mergeSpans(text, spans);
  let out = '';
  let pos = 0;
  for (const s of merged) {
    out += text.slice(pos, s.start);
    out += REDACTION_MARK.repeat([...text.slice(s.start, s.end)].length);
    pos = s.end;
  }
  return out + text.slice(pos);
}

/** Something that was redacted and must not appear in the released copy. */
export interface RedactedItem {
  /** A finding kind, or `span` for text the reviewer marked by hand. */
  readonly kind: FindingKind | 'span';
  /** The text that was removed, from the original. */
  readonly value: string;
  /** Optional reference (e.g. the review's finding id) echoed in the result. */
  readonly ref?: string;
}

/** Build the items to verify from the original text and the spans that were redacted in it. */
export function redactedItems(original: string, spans: readonly (Span & { kind?: FindingKind; id?: string })[]): RedactedItem[] {
  return spans.map((s) => ({
    kind: s.kind ?? 'span',
    value: original.slice(s.start, s.end),
    ...(s.id !== undefined ? { ref: s.id } : {}),
  }));
}

export interface ResidualFinding {
  readonly kind: FindingKind | 'span';
  readonly label: string;
  /** Offsets in the redacted text (UTF-16 code units, end exclusive). */
  readonly start: number;
  readonly end: number;
  readonly preview: string;
  /** Index of the item in the list passed to verifyRedactedText. */
  readonly index: number;
  readonly ref?: string;
}

/** Digit-like kinds are compared on their digits only (a spaced or dashed ID is still the ID). */
const DIGIT_KINDS = new Set<string>(['resident-id', 'resident-id-15', 'mobile', 'landline', 'bank-card']);

function comparable(item: RedactedItem): string {
  const compact = compactForm(item.value);
  if (item.kind === 'mobile') return compact.replace(/\D/g, '').slice(-11);
  if (DIGIT_KINDS.has(item.kind)) return compact.replace(/[^0-9X]/g, '');
  return compact;
}

/** Items shorter than this (in compact form) are not searched: a single character would match everywhere. */
const MIN_COMPARABLE = 2;

/**
 * Which of the redacted items still appear in a redacted copy (typically text re-extracted from
 * the redacted file the reviewer uploaded). Comparison is on a compact form: full-width folded,
 * case-insensitive, separators ignored (spaces, hyphens, dots, brackets), so `110101 1990…`,
 * `１１０１０１…` and a text layer that splits the number into pieces are all caught. Any occurrence
 * counts, even inside a longer number. Returns one entry per occurrence, sorted by position; an
 * empty array means the redaction held.
 */
export function verifyRedactedText(redactedText: string, redacted: readonly RedactedItem[]): ResidualFinding[] {
  const { compact, starts, ends } = compactWithMap(redactedText);
  const out: ResidualFinding[] = [];
  redacted.forEach((item, index) => {
    const needle = comparable(item);
    if (needle.length < MIN_COMPARABLE) return;
    for (let at = compact.indexOf(needle); at >= 0; at = compact.indexOf(needle, at + 1)) {
      const start = starts[at]!;
      const end = ends[at + needle.length - 1]!;
      const value = redactedText.slice(start, end);
      const kindLabel = item.kind === 'span' ? '人工标记的删除内容' : FINDING_KIND_LABELS[item.kind];
      const preview = item.kind === 'span' || item.kind === 'watch-term' ? maskTerm(value) : item.kind === 'classification-marking' ? value : maskMiddle(value, 3, 2);
      out.push({ kind: item.kind, label: kindLabel, start, end, preview, index, ...(item.ref !== undefined ? { ref: item.ref } : {}) });
    }
  });
  return out.sort((a, b) => a.start - b.start || a.index - b.index);
}
