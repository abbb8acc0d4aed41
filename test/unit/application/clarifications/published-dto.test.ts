import { describe, expect, it } from 'vitest';
import type { PublicClarification } from '#application/clarifications';
import { clarificationListSchema, publishedClarificationSchema, toClarificationListDto, toClarificationNoticesDto, toPublishedClarificationDto } from '#application/clarifications/published-dto';

const published = (more: Partial<PublicClarification> = {}): PublicClarification =>
  ({ id: 'CQ-1', title: '关于网传消息的澄清', text: '【网传说法】…', relatedItemIds: ['item-1'], publishedAt: '2026-03-01T08:00:00.000Z', earlier: [], ...more }) as PublicClarification;

describe('the public API’s clarifications', () => {
  it('says the released text and the page that shows it', () => {
    expect(toPublishedClarificationDto(published())).toEqual({
      id: 'CQ-1',
      title: '关于网传消息的澄清',
      text: '【网传说法】…',
      relatedItemIds: ['item-1'],
      publishedAt: '2026-03-01T08:00:00.000Z',
      url: '/clarifications/CQ-1',
    });
    const onItem = toPublishedClarificationDto(published({ itemId: 'item 2' }));
    expect(onItem).toMatchObject({ url: '/items/item%202', itemId: 'item 2' });
    expect(publishedClarificationSchema.parse(onItem)).toEqual(onItem);
  });

  it('passes on only what it lists: no earlier publications, nothing of the case', () => {
    const text = JSON.stringify(toClarificationListDto([published({ earlier: [{ title: '旧版', text: '旧文' }], caseNote: '内部意见' } as never)]));
    expect(text).not.toContain('旧文');
    expect(text).not.toContain('内部意见');
  });

  it('lists one item’s notices by id, title and page', () => {
    const dto = toClarificationNoticesDto([{ id: 'CQ-1', title: '澄清', href: '/clarifications/CQ-1' }]);
    expect(dto).toEqual({ items: [{ id: 'CQ-1', title: '澄清', url: '/clarifications/CQ-1' }] });
    expect(clarificationListSchema.parse(dto)).toEqual(dto);
  });
});
