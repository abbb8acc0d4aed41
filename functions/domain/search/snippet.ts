/**
 * Highlighted excerpts. Match positions are found on the raw text; each piece is then
 * HTML-escaped on its own and matches are wrapped in <mark>, so a mark can never split an
 * entity and nothing from the text is ever emitted unescaped.
 */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Range {
  readonly start: number;
  readonly end: number;
  readonly term: string;
}

/** Non-overlapping match ranges, longest terms first. */
function findMatches(text: string, terms: readonly string[]): Range[] {
  const usable = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return [];
  const re = new RegExp(usable.map(escapeRe).join('|'), 'giu');
  const out: Range[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, term: m[0].toLowerCase() });
  }
  return out;
}

function render(text: string, from: number, to: number, ranges: readonly Range[]): string {
  let html = '';
  let pos = from;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue;
    const s = Math.max(r.start, from);
    const e = Math.min(r.end, to);
    html += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    pos = e;
  }
  return html + escapeHtml(text.slice(pos, to));
}

/** The whole text, escaped, with matches marked (titles). */
export function highlightHtml(text: string, terms: readonly string[]): string {
  return render(text, 0, text.length, findMatches(text, terms));
}

/**
 * An excerpt of about `maxChars` characters around the densest cluster of distinct matches,
 * escaped and marked; "…" where text was cut. Without matches, the start of the text.
 */
export function snippetHtml(rawText: string, terms: readonly string[], maxChars = 120): string {
  const text = rawText.replace(/\s+/g, ' ').trim();
  const ranges = findMatches(text, terms);
  let start = 0;
  if (ranges.length > 0 && text.length > maxChars) {
    const lead = Math.min(20, Math.floor(maxChars / 4));
    let bestScore = -1;
    for (const r of ranges) {
      const s = Math.max(0, Math.min(r.start - lead, text.length - maxChars));
      const distinct = new Set(ranges.filter((x) => x.start >= s && x.end <= s + maxChars).map((x) => x.term)).size;
      if (distinct > bestScore) {
        bestScore = distinct;
        start = s;
      }
    }
  }
  const end = Math.min(text.length, start + maxChars);
  return (start > 0 ? '…' : '') + render(text, start, end, ranges) + (end < text.length ? '…' : '');
}
