import type { Finding } from '../kinds';
import { maskTerm } from '../mask';
import { foldWidth } from '../normalize';
import { finding } from './types';

/**
 * Terms from the agency-maintained watch list (监控词表): names of protected persons, project code
 * names, internal system names and the like. Matching is literal (no wildcards), insensitive to
 * ASCII case and to full-width/half-width forms; the longest term wins where terms overlap.
 */
export interface CompiledWatchList {
  readonly pattern: RegExp | undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileWatchList(terms: readonly string[]): CompiledWatchList {
  const cleaned = [...new Set(terms.map((t) => foldWidth(t.trim())).filter((t) => t.length > 0))];
  if (cleaned.length === 0) return { pattern: undefined };
  cleaned.sort((a, b) => b.length - a.length);
  return { pattern: new RegExp(cleaned.map(escape).join('|'), 'gi') };
}

export function watchListFindings(list: CompiledWatchList, folded: string, original: string): Finding[] {
  if (!list.pattern) return [];
  const out: Finding[] = [];
  for (const m of folded.matchAll(list.pattern)) {
    const start = m.index;
    out.push(finding('watch-term', original, start, start + m[0].length, maskTerm(original.slice(start, start + m[0].length))));
  }
  return out;
}
