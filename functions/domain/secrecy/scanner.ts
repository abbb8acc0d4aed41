import { FINDING_KINDS, type Finding, type FindingKind, type PublicFinding, toPublicFinding } from './kinds';
import { compactForm, foldWidth } from './normalize';
import { markingRule } from './rules/markings';
import { bankCardRule, emailRule, landlineRule, mobileRule, passportRule, residentId15Rule, residentIdRule, usccRule } from './rules/numbers';
import type { Rule } from './rules/types';
import { compileWatchList, type CompiledWatchList, watchListFindings } from './rules/watch-list';

export interface ScanOptions {
  /** Agency watch-list terms (监控词). Pass a compiled list when scanning many texts. */
  readonly watchList?: readonly string[] | CompiledWatchList;
  /**
   * Values that are public on purpose and need no review, e.g. the agency's own hotline or
   * disclosure mailbox. Compared in compact form (separators and case ignored).
   */
  readonly allowList?: readonly string[];
  /** Only these kinds (default: all). */
  readonly kinds?: readonly FindingKind[];
}

/*
 * Personal-data and identifier kinds compete for the same characters. Where two candidates
 * overlap, the earlier kind in this list wins, so an ID that also passes Luhn is reported once,
 * as an ID, and the mobile number inside `13812345678@163.com` is reported as part of the e-mail.
 */
const IDENTIFIER_RULES: readonly [FindingKind, Rule][] = [
  ['email', emailRule],
  ['resident-id', residentIdRule],
  ['resident-id-15', residentId15Rule],
  ['uscc', usccRule],
  ['bank-card', bankCardRule],
  ['passport', passportRule],
  ['mobile', mobileRule],
  ['landline', landlineRule],
];

const KIND_ORDER = new Map(FINDING_KINDS.map((k, i) => [k, i]));
const PRIORITY = new Map(IDENTIFIER_RULES.map(([k], i) => [k, i]));

/** Keep candidates in the given order, dropping any that overlaps one already kept. */
function keepNonOverlapping(candidates: readonly Finding[], length: number): Finding[] {
  if (candidates.length === 0) return [];
  const claimed = new Uint8Array(length);
  const kept: Finding[] = [];
  outer: for (const f of candidates) {
    for (let i = f.start; i < f.end; i++) if (claimed[i]) continue outer;
    claimed.fill(1, f.start, f.end);
    kept.push(f);
  }
  return kept;
}

/** Array push without spreading (a spread of 100 000+ findings overflows the call stack). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

const byLengthDesc = (a: Finding, b: Finding) => b.end - b.start - (a.end - a.start) || a.start - b.start;

/**
 * Scan a text for personal data, identifiers, classification markings and watch-list terms.
 *
 * Findings are sorted by position (then by end, then kind). Positions are UTF-16 code-unit
 * offsets into `text` (JavaScript string indices), end exclusive. Full-width digits and
 * punctuation are recognised (`１３８…`, `（０１０）`). Numbers that fail their checksum are not
 * reported. The function is pure and does not throw for any string input.
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const wanted = options.kinds ? new Set(options.kinds) : undefined;
  const want = (k: FindingKind) => !wanted || wanted.has(k);
  const folded = foldWidth(text);

  const identifiers: Finding[] = [];
  for (const [kind, rule] of IDENTIFIER_RULES) if (want(kind)) append(identifiers, rule(folded, text));
  identifiers.sort((a, b) => PRIORITY.get(a.kind)! - PRIORITY.get(b.kind)! || byLengthDesc(a, b));
  const results = keepNonOverlapping(identifiers, text.length);

  if (want('classification-marking')) {
    append(results, keepNonOverlapping(markingRule(folded, text).sort(byLengthDesc), text.length));
  }
  if (want('watch-term') && options.watchList) {
    const list = Array.isArray(options.watchList) ? compileWatchList(options.watchList as readonly string[]) : (options.watchList as CompiledWatchList);
    append(results, watchListFindings(list, folded, text));
  }

  const allowed = new Set((options.allowList ?? []).map(compactForm).filter(Boolean));
  return results.filter((f) => !allowed.has(compactForm(f.value))).sort((a, b) => a.start - b.start || a.end - b.end || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!);
}

/** What `POST /api/secrecy/scan` returns: `{ findings: [{ kind, label, start, end, preview }] }`. */
export function scanForApi(text: string, options: ScanOptions = {}): { findings: PublicFinding[] } {
  return { findings: scanText(text, options).map(toPublicFinding) };
}

export { compileWatchList };
