import { describe, expect, it } from 'vitest';
import { createItem, getStaffItem, publishDueItems, publishItem, submitItem, withdrawItem } from '#application/catalogue';
import { CaseForbiddenError } from '#domain/case';
import { IllegalPublishingStepError } from '#domain/catalogue';
import { ReviewRepository } from '#repositories/reviews';
import { approveReview, catalogueDeps, itemInput, people, publishedItem } from './support';

const historyOf = (deps: ReturnType<typeof catalogueDeps>['deps'], id: string) => deps.records.history({ pk: `ITEM#${id}`, sk: 'ITEM' });

describe('item use cases on the publishing table', () => {
  it('refuses a second submission from the table before a review is opened', async () => {
    const { deps } = catalogueDeps();
    const item = await createItem(deps, people.clerk, itemInput());
    await submitItem(deps, people.clerk, item.record.id);
    const again = submitItem(deps, people.clerk, item.record.id);
    await expect(again).rejects.toBeInstanceOf(IllegalPublishingStepError);
    await expect(submitItem(deps, people.clerk, item.record.id)).rejects.toThrow('信息已提交审核，请勿重复提交。');
    expect(await new ReviewRepository(deps.records).bySubject('publication', item.record.id)).toHaveLength(1);
  });

  it('lists on the item page what the person asking may do, from the table', async () => {
    const { deps } = catalogueDeps();
    const item = await createItem(deps, people.clerk, itemInput());
    const id = item.record.id;
    expect((await getStaffItem(deps, id, people.clerk)).allowed).toEqual(['edit', 'submit', 'discard', 'markValidity', 'markCorrected']);
    expect((await getStaffItem(deps, id, people.head)).allowed).toEqual(['markCorrected']);
    expect((await getStaffItem(deps, id)).allowed).toEqual([]);
    const published = await publishedItem(deps);
    expect((await getStaffItem(deps, published, people.leader)).allowed).toEqual(['markCorrected', 'withdraw']);
    expect((await getStaffItem(deps, published, people.clerk)).allowed).not.toContain('withdraw');
  });

  it('records each commit under the audit names the history has always shown', async () => {
    const { deps } = catalogueDeps();
    const id = await publishedItem(deps);
    const history = await historyOf(deps, id);
    expect(history.map((e) => e.type)).toEqual(['item.created', 'item.submitted', 'item.published']);
    // 发布 on a submitted version approves and publishes in one commit; both steps are named.
    expect(history.at(-1)!.data).toMatchObject({ from: 'submitted', to: 'published', steps: ['item.approved', 'item.published'], indexNumber: '000014349/2026-00001', version: 1 });
    expect(history.at(-1)!.actor).toEqual({ kind: 'staff', id: people.clerk.id, name: people.clerk.displayName });
  });

  it('refuses a withdrawal by someone the table does not name before looking at the reason', async () => {
    const { deps } = catalogueDeps();
    const id = await publishedItem(deps);
    await expect(withdrawItem(deps, people.clerk, id, '撤')).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(withdrawItem(deps, people.head, id, '撤')).rejects.toThrow('请填写撤回理由');
  });

  it('publishes due scheduled items as the scheduled publisher, a system actor', async () => {
    const { deps, clock } = catalogueDeps();
    const item = await createItem(deps, people.clerk, itemInput());
    const id = item.record.id;
    const s = await submitItem(deps, people.clerk, id);
    await approveReview(deps, s.review!.id);
    await publishItem(deps, people.clerk, id, { publishAt: new Date(clock.now().getTime() + 3_600_000).toISOString() });
    clock.advance(120);
    expect(await publishDueItems(deps)).toEqual({ published: 1, failed: 0 });
    const last = (await historyOf(deps, id)).at(-1)!;
    expect(last).toMatchObject({ type: 'item.published', actor: { kind: 'system', id: 'scheduled-publisher' }, data: { from: 'scheduled', to: 'published' } });
  });
});
