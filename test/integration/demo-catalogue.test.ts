import { describe, expect, it } from 'vitest';
import { listPublicItems } from '#application/catalogue';
import { seedDemoCatalogue } from '#application/demo-catalogue';
import { localDeps } from '#support/local-stack';

/** `npm start` shows a portal with content: demo items published through the real review workflow. */
describe('demo catalogue', () => {
  it('publishes the demo items once, through review and release', async () => {
    const { deps } = await localDeps();
    expect(await seedDemoCatalogue(deps)).toHaveLength(3);
    expect(await seedDemoCatalogue(deps)).toEqual([]);
    const page = await listPublicItems(deps, {});
    expect(page.items.map((i) => i.item.title)).toContain('关于开展2026年春季义务植树活动的通知');
    expect(page.items.every((i) => /^000014349\/\d{4}-\d{5}$/.test(i.item.indexNumber))).toBe(true);
  });
});
