/**
 * What the public JSON API says about published clarifications (澄清说明): the released text and
 * where it is shown, an explicit allow-list declared once as a schema that both documents the
 * response (OpenAPI) and builds it. Earlier publications and everything of the case stay inside.
 */
import { z } from '#domain/zod';
import type { PublicClarification } from './cases';

export const publishedClarificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  relatedItemIds: z.array(z.string()),
  publishedAt: z.string(),
  /** The page that shows it: the item's page when it is attached to one, else its own. */
  url: z.string(),
  itemId: z.string().optional(),
});

/** A list entry: the whole clarification, or (for one item's notices) its id, title and page only. */
export const clarificationListSchema = z.object({ items: z.array(publishedClarificationSchema.partial({ text: true, relatedItemIds: true, publishedAt: true })) });

export type PublishedClarificationDto = z.infer<typeof publishedClarificationSchema>;
export type ClarificationListDto = z.infer<typeof clarificationListSchema>;

export function toPublishedClarificationDto(p: PublicClarification): PublishedClarificationDto {
  return publishedClarificationSchema.parse({
    id: p.id,
    title: p.title,
    text: p.text,
    relatedItemIds: [...p.relatedItemIds],
    publishedAt: p.publishedAt,
    url: p.itemId ? `/items/${encodeURIComponent(p.itemId)}` : `/clarifications/${p.id}`,
    ...(p.itemId ? { itemId: p.itemId } : {}),
  });
}

export function toClarificationListDto(list: readonly PublicClarification[]): ClarificationListDto {
  return clarificationListSchema.parse({ items: list.map(toPublishedClarificationDto) });
}

/** The notices shown on one item's page. */
export function toClarificationNoticesDto(notices: readonly { id: string; title: string; href: string }[]): ClarificationListDto {
  return clarificationListSchema.parse({ items: notices.map((n) => ({ id: n.id, title: n.title, url: n.href })) });
}
