/**
 * What the search index stores for an item. Built ONLY from the published projection
 * (catalogue/projection.ts), so search can never show what the public may not see.
 */
import type { ValidityStatus } from '../catalogue/item';
import type { PublicItem } from '../catalogue/projection';
import { shanghaiDateOf } from '../calendar/instant';

export interface SearchDocument {
  readonly id: string;
  readonly indexNumber: string;
  readonly title: string;
  readonly documentNumber?: string;
  readonly keywords: readonly string[];
  readonly summary?: string;
  /** Plain text of the body (adapters/markdown markdownToPlainText), not Markdown. */
  readonly body: string;
  /** Extracted text of the attachments (adapters/extraction), if any. */
  readonly attachmentText?: string;
  readonly categoryId: string;
  /** 发布机构 first, then co-issuers. */
  readonly issuers: readonly string[];
  /** Year of first publication, Beijing time. */
  readonly year: number;
  readonly validity: ValidityStatus;
  readonly publishedAt: string;
}

/**
 * The search document of a public item. The caller supplies the plain texts because Markdown
 * rendering and file extraction are adapters (domain code stays pure).
 */
export function searchDocumentFromProjection(item: PublicItem, texts: { readonly body: string; readonly attachments?: string }): SearchDocument {
  return {
    id: item.id,
    indexNumber: item.indexNumber,
    title: item.title,
    keywords: item.keywords,
    body: texts.body,
    categoryId: item.categoryId,
    issuers: [item.issuer, ...item.coIssuers],
    year: Number(shanghaiDateOf(item.publishedAt).slice(0, 4)),
    validity: item.validity.status,
    publishedAt: item.publishedAt,
    ...(item.documentNumber ? { documentNumber: item.documentNumber } : {}),
    ...(item.summary ? { summary: item.summary } : {}),
    ...(texts.attachments ? { attachmentText: texts.attachments } : {}),
  };
}
