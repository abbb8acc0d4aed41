/**
 * What the staff JSON API says about the secrecy review queue: an explicit allow-list, declared
 * once as a schema that both documents the response (OpenAPI) and builds it (`parse` drops every
 * field not listed).
 */
import { z } from '#domain/zod';
import type { QueueItem } from './reviews';

const queueItemSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  subjectType: z.string(),
  status: z.string(),
  stage: z.string(),
  author: z.string(),
  waitingSince: z.string(),
  waitingMinutes: z.number().int(),
  findingCount: z.number().int(),
  unresolvedCount: z.number().int(),
  round: z.number().int(),
});

/** What waits for the person asking, and what they submitted that is still in review. */
export const reviewQueueSchema = z.object({ waiting: z.array(queueItemSchema), mine: z.array(queueItemSchema) });

export type ReviewQueueDto = z.infer<typeof reviewQueueSchema>;

export function toReviewQueueDto(queue: { readonly waiting: readonly QueueItem[]; readonly mine: readonly QueueItem[] }): ReviewQueueDto {
  return reviewQueueSchema.parse(queue);
}
