import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, publishItem, submitItem, type CatalogueDeps } from '#application/catalogue';
import { signReviewStage } from '#application/secrecy';
import { bypassCsp, seriousViolations, startPortal } from '#support/browser';
import { checklist, itemInput, people } from '../unit/application/catalogue/support';

/** axe-core on the public portal pages: no serious or critical violations, desktop and phone. */
describe('accessibility of the public portal', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let itemId = '';
  beforeAll(async () => {
    portal = await startPortal();
    const deps = portal.deps as CatalogueDeps;
    const item = await createItem(deps, people.clerk, itemInput({ body: '# 一、总则\n\n为规范生活垃圾分类工作，制定本办法。\n\n| 类别 | 投放时间 |\n| --- | --- |\n| 厨余垃圾 | 7:00-9:00 |' }));
    itemId = item.record.id;
    const s = await submitItem(deps, people.clerk, itemId);
    const sign = (who: typeof people.clerk, stage: 'self' | 'head' | 'secrecy' | 'leader') =>
      signReviewStage(deps, who, s.review!.id, { stage, checklist: checklist(), conclusion: { type: 'disclose' } });
    await sign(people.clerk, 'self');
    await sign(people.head, 'head');
    const r = await sign(people.reviewer, 'secrecy');
    if (r.data.review.status !== 'approved') await sign(people.leader, 'leader');
    await publishItem(deps, people.clerk, itemId);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('home, listing, item and search pages have no serious or critical violations', async () => {
    const page = await portal.context.newPage();
    await bypassCsp(page);
    const paths = ['/', '/proactive', '/proactive/regulations-normative', `/items/${itemId}`, '/search?q=垃圾分类', '/search?q=火星探测', '/guide'];
    const report: string[] = [];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        const res = await page.goto(`${portal.baseUrl}${path}`);
        expect(res?.status(), path).toBe(200);
        for (const v of await seriousViolations(page)) report.push(`${width}px ${path}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    expect(report).toEqual([]);
  });
});
