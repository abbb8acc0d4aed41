/**
 * Duplicate detection (Art. 36(6) 重复申请): flags, never refuses. Applicants are compared by a
 * hash of their verified identity (ID number or credit code) computed by the application layer;
 * raw identifiers never reach this module.
 */
import { foldWidth } from '../secrecy/normalize';

export interface EarlierApplication {
  readonly trackingNumber: string;
  readonly applicantHash: string;
  readonly text: string;
  readonly documentNumber?: string;
}

export interface NewApplication {
  readonly applicantHash: string;
  readonly text: string;
  readonly documentNumber?: string;
}

export interface DuplicateFlag {
  readonly earlierTrackingNumber: string;
  /** Character-bigram Jaccard similarity of the normalised texts, 0–1. */
  readonly similarity: number;
  readonly sameDocumentNumber: boolean;
  /** Always advisory: a clerk decides whether Art. 36(6) applies. */
  readonly advisory: true;
}

export interface DuplicateOptions {
  /** Flag when similarity ≥ this (default 0.6). */
  readonly threshold?: number;
  /** With the same 文号, flag from this lower similarity (default 0.3). */
  readonly thresholdWithSameDocumentNumber?: number;
}

/** Width-folded, lower-cased, without whitespace, punctuation and common filler words. */
export function normaliseRequestText(text: string): string {
  return foldWidth(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/(申请公开|请求公开|请提供|申请获取|我想|本人|贵单位|贵机关|关于|有关|的)/g, '');
}

/** 文号 in one form: brackets unified to 〔〕, spaces removed, 第…号 kept. */
export function normaliseDocumentNumber(v: string): string {
  return foldWidth(v)
    .replace(/\s/g, '')
    .replace(/[[【(（〔]/g, '〔')
    .replace(/[\]】)）〕]/g, '〕');
}

export function bigrams(text: string): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export function textSimilarity(a: string, b: string): number {
  return jaccard(bigrams(normaliseRequestText(a)), bigrams(normaliseRequestText(b)));
}

/** How much two applications look alike: the similarity of their texts and whether they name the same 文号. */
export function likeness(a: NewApplication, b: NewApplication, options: DuplicateOptions = {}): { similarity: number; sameDocumentNumber: boolean; alike: boolean } {
  const similarity = Math.round(textSimilarity(a.text, b.text) * 1000) / 1000;
  const docNo = a.documentNumber ? normaliseDocumentNumber(a.documentNumber) : '';
  const sameDocumentNumber = docNo !== '' && b.documentNumber !== undefined && normaliseDocumentNumber(b.documentNumber) === docNo;
  const alike = similarity >= (options.threshold ?? 0.6) || (sameDocumentNumber && similarity >= (options.thresholdWithSameDocumentNumber ?? 0.3));
  return { similarity, sameDocumentNumber, alike };
}

/** Earlier applications of the same applicant that look like the new one, most similar first. */
export function findDuplicates(candidate: NewApplication, earlier: readonly EarlierApplication[], options: DuplicateOptions = {}): DuplicateFlag[] {
  const flags: DuplicateFlag[] = [];
  for (const e of earlier) {
    if (e.applicantHash !== candidate.applicantHash) continue;
    const { similarity, sameDocumentNumber, alike } = likeness(candidate, e, options);
    if (alike) flags.push({ earlierTrackingNumber: e.trackingNumber, similarity, sameDocumentNumber, advisory: true });
  }
  return flags.sort((a, b) => b.similarity - a.similarity);
}
