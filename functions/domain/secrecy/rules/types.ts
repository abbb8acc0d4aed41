import { FINDING_KIND_LABELS, type Finding, type FindingKind } from '../kinds';

/**
 * A detection rule. It runs on `folded` (the input with full-width ASCII folded to ASCII, same
 * length, see normalize.ts) and builds findings from `original`, so values and previews show
 * what the document really says.
 */
export type Rule = (folded: string, original: string) => Finding[];

export function finding(kind: FindingKind, original: string, start: number, end: number, preview: string): Finding {
  return { kind, label: FINDING_KIND_LABELS[kind], start, end, preview, value: original.slice(start, end) };
}

/** Letters and digits that must not touch a number: a number inside a longer run is not a match. */
export const NB = '(?<![0-9A-Za-z])';
export const NA = '(?![0-9A-Za-z])';
