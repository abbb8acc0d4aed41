import { describe, expect, it } from 'vitest';
import type { QueueItem } from '#application/secrecy';
import { reviewQueueSchema, toReviewQueueDto } from '#application/secrecy/queue-dto';

const row: QueueItem = {
  id: 'rv-1',
  version: 2,
  title: '公示',
  subjectType: 'publication',
  status: 'in-review',
  stage: 'head',
  author: '李明',
  waitingSince: '2026-03-01T08:00:00.000Z',
  waitingMinutes: 30,
  findingCount: 1,
  unresolvedCount: 1,
  round: 1,
} as QueueItem;

describe('the staff API’s review queue', () => {
  it('lists what waits and what I submitted, row by row', () => {
    const dto = toReviewQueueDto({ waiting: [row], mine: [] });
    expect(dto).toEqual({ waiting: [row], mine: [] });
    expect(reviewQueueSchema.parse(dto)).toEqual(dto);
  });

  it('passes on only what it lists', () => {
    const text = JSON.stringify(toReviewQueueDto({ waiting: [{ ...row, content: '身份证 110101…', authorId: 'id-clerk' } as QueueItem], mine: [] }));
    expect(text).not.toContain('身份证');
    expect(text).not.toContain('id-clerk');
  });
});
