/**
 * What the public catalogue API says about a full-text search and the catalogue's categories:
 * explicit allow-lists of published facts, declared once as schemas that both document the
 * responses (OpenAPI) and build them (`parse` drops every field not listed).
 */
import { z } from '#domain/zod';
import { VALIDITY_STATUSES } from '#domain/catalogue';
import type { SearchResponse } from '#domain/search';

const hitSchema = z.object({
  id: z.string(),
  indexNumber: z.string(),
  title: z.string(),
  documentNumber: z.string().optional(),
  issuers: z.array(z.string()),
  categoryId: z.string(),
  year: z.number().int(),
  validity: z.enum(VALIDITY_STATUSES),
  publishedAt: z.string(),
  score: z.number(),
  /** Escaped title with <mark> around matches. */
  titleHtml: z.string(),
  /** Escaped excerpt with <mark> around matches. */
  snippetHtml: z.string(),
});

export const searchResultSchema = z.object({
  query: z.string(),
  mode: z.enum(['all', 'any', 'browse']),
  total: z.number(),
  hits: z.array(hitSchema),
  highlightTerms: z.array(z.string()),
  /** When the search was relaxed or found nothing: advice, other queries, categories where the words occur. */
  help: z
    .object({
      message: z.string(),
      suggestions: z.array(z.object({ query: z.string(), count: z.number().int(), reason: z.enum(['spelling', 'shorter', 'no-filters']) })),
      relatedCategories: z.array(z.object({ categoryId: z.string(), count: z.number().int() })),
    })
    .optional(),
});

export const categoriesSchema = z.object({ categories: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable(), depth: z.number() })) });

export type SearchResultDto = z.infer<typeof searchResultSchema>;
export type CategoriesDto = z.infer<typeof categoriesSchema>;

export function toSearchResultDto(result: SearchResponse): SearchResultDto {
  return searchResultSchema.parse(result);
}

/** The category tree, depth first. */
export function toCategoriesDto(nodes: readonly { readonly id: string; readonly name: string; readonly parentId: string | null; readonly depth: number }[]): CategoriesDto {
  return categoriesSchema.parse({ categories: nodes.map((n) => ({ id: n.id, name: n.name, parentId: n.parentId, depth: n.depth })) });
}
