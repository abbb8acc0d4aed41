import { describe, expect, it } from 'vitest';
import {
  createItem,
  getPublicItem,
  getStaffItem,
  listPublicItems,
  markItemValidity,
  publishDueItems,
  publishItem,
  reviseItem,
  editItem,
  staffWorkList,
  submitItem,
  withdrawItem,
} from '#application/catalogue';
import { searchCatalogue, rebuildSearchIndex } from '#application/search';
import { DeadlineIndex } from '#repositories/deadline-index';
import { approveReview, catalogueDeps, itemInput, people, publishedItem, uploadedAttachment } from './support';

describe('publishing through the secrecy gate', () => {
  it('drafts carry an open publication deadline and are invisible to the public', async () => {
    const { deps } = catalogueDeps();
    const item = await createItem(deps, people.clerk, itemInput());
    expect(item.openDeadline?.kind).toBe('publication');
    expect(item.openDeadline?.due).toBe('2026-03-20');
    const due = await new DeadlineIndex(deps.records).dueThrough('2026-12-31');
    expect(due.items.map((d) => d.caseId)).toContain(item.record.id);
    await expect(getPublicItem(deps, item.record.id)).rejects.toThrow('不存在');
    expect((await listPublicItems(deps, {})).items).toEqual([]);
  });

  it('refuses to publish before the review is approved, then publishes with an index number and released files', async () => {
    const { deps, publicFiles } = catalogueDeps();
    const item = await createItem(deps, people.clerk, itemInput({ attachments: [await uploadedAttachment(deps, people.clerk, '投放指南.txt', '附件：垃圾分类投放指南 全文')] }));
    const id = item.record.id;
    const submitted = await submitItem(deps, people.clerk, id);
    await expect(publishItem(deps, people.clerk, id)).rejects.toThrow('保密审查尚未通过');
    await approveReview(deps, submitted.review!.id);
    const published = await publishItem(deps, people.clerk, id);
    expect(published.record.indexNumber).toBe('000014349/2026-00001');
    expect(published.openDeadline).toBeNull();
    const view = await getPublicItem(deps, id);
    expect(view.item.title).toContain('垃圾分类');
    expect(view.files).toHaveLength(1);
    expect(view.files[0]!.url).toMatch(/^http:\/\/localhost\/files\/.+\/1\.txt$/);
    expect([...publicFiles.objects.keys()].some((k) => k.endsWith('/1.txt'))).toBe(true);
    const found = await searchCatalogue(deps, '投放指南');
    expect(found.hits.map((h) => h.id)).toEqual([id]);
    const listed = await listPublicItems(deps, { categoryId: 'regulations' });
    expect(listed.items.map((v) => v.id)).toEqual([id]);
  });

  it('editing a published item makes a new version; the old one stays public until the new one is published', async () => {
    const { deps } = catalogueDeps();
    const id = await publishedItem(deps);
    await reviseItem(deps, people.clerk, id, '2026-03-02');
    await editItem(deps, people.clerk, id, itemInput({ title: '关于印发示例市生活垃圾分类管理办法（修订）的通知' }));
    expect((await getPublicItem(deps, id)).item.version).toBe(1);
    const s = await submitItem(deps, people.clerk, id);
    await approveReview(deps, s.review!.id);
    await publishItem(deps, people.clerk, id);
    const view = await getPublicItem(deps, id);
    expect(view.item.version).toBe(2);
    expect(view.item.indexNumber).toBe('000014349/2026-00001');
    expect(view.item.revisions.map((r) => r.version)).toEqual([1, 2]);
    expect((await searchCatalogue(deps, '修订')).hits).toHaveLength(1);
  });

  it('validity marks keep the item public; withdrawal removes it from every read', async () => {
    const { deps, publicFiles } = catalogueDeps();
    const id = await publishedItem(deps);
    const released = [...publicFiles.objects.keys()];
    expect(released.length).toBeGreaterThan(0);
    await markItemValidity(deps, people.clerk, id, { status: 'repealed', since: '2026-03-02' });
    expect((await getPublicItem(deps, id)).item.validity.label).toBe('废止');
    expect((await listPublicItems(deps, { validity: 'repealed' })).items).toHaveLength(1);
    expect((await listPublicItems(deps, { validity: 'valid' })).items).toHaveLength(0);
    await withdrawItem(deps, people.head, id, '内容有误，撤回');
    await expect(getPublicItem(deps, id)).rejects.toThrow();
    expect((await listPublicItems(deps, {})).items).toHaveLength(0);
    expect((await searchCatalogue(deps, '垃圾分类')).hits).toHaveLength(0);
    const staffView = await getStaffItem(deps, id);
    expect(staffView.state).toBe('withdrawn');
    expect(staffView.stored.record.withdrawal?.reason).toBe('内容有误，撤回');
    expect(staffView.stored.record.indexNumber).toBe('000014349/2026-00001');
    // …and its released copies are gone from the public bucket.
    for (const key of released) expect(publicFiles.objects.has(key)).toBe(false);
    await rebuildSearchIndex(deps);
    expect((await searchCatalogue(deps, '垃圾分类')).hits).toHaveLength(0);
  });

  it('scheduled publication becomes public when the publisher runs after its time', async () => {
    const { deps, clock } = catalogueDeps();
    const item = await createItem(deps, people.clerk, itemInput());
    const s = await submitItem(deps, people.clerk, item.record.id);
    await approveReview(deps, s.review!.id);
    await publishItem(deps, people.clerk, item.record.id, { publishAt: '2026-03-03T01:00:00.000Z' });
    expect((await staffWorkList(deps, 'scheduled')).items).toHaveLength(1);
    expect(await publishDueItems(deps)).toEqual({ published: 0, failed: 0 });
    await expect(getPublicItem(deps, item.record.id)).rejects.toThrow();
    clock.advance(24 * 60);
    expect(await publishDueItems(deps)).toEqual({ published: 1, failed: 0 });
    expect((await getPublicItem(deps, item.record.id)).item.publishedAt).toBe('2026-03-03T01:00:00.000Z');
  });

  it('lists with cursor pagination, newest first, both directions', async () => {
    const { deps, clock } = catalogueDeps();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await publishedItem(deps, { title: `通知第${i}号` }));
      clock.advance(1);
    }
    const p1 = await listPublicItems(deps, { limit: 2 });
    expect(p1.items.map((v) => v.id)).toEqual([ids[4], ids[3]]);
    const p2 = await listPublicItems(deps, { limit: 2, cursor: p1.next });
    expect(p2.items.map((v) => v.id)).toEqual([ids[2], ids[1]]);
    const p3 = await listPublicItems(deps, { limit: 2, cursor: p2.next });
    expect(p3.items.map((v) => v.id)).toEqual([ids[0]]);
    expect(p3.next).toBeUndefined();
    const back = await listPublicItems(deps, { limit: 2, cursor: p3.prev });
    expect(back.items.map((v) => v.id)).toEqual([ids[2], ids[1]]);
    const oldest = await listPublicItems(deps, { limit: 2, order: 'oldest' });
    expect(oldest.items.map((v) => v.id)).toEqual([ids[0], ids[1]]);
    expect((await listPublicItems(deps, { year: 2025 })).items).toHaveLength(0);
    expect((await listPublicItems(deps, { year: 2026 })).items).toHaveLength(5);
  });
});

describe('the daily job', () => {
  it('publishes due scheduled items and rebuilds the search snapshot once a day', async () => {
    const { runScheduledJobs } = await import('#application/scheduled-jobs');
    const { localMailbox } = await import('#adapters/mail/local-mailbox');
    const { deps, clock } = catalogueDeps();
    const item = await createItem(deps, people.clerk, itemInput({ title: '关于森林防火期的通告' }));
    const s = await submitItem(deps, people.clerk, item.record.id);
    await approveReview(deps, s.review!.id);
    await publishItem(deps, people.clerk, item.record.id, { publishAt: '2026-03-02T03:00:00.000Z' });
    clock.advance(120);
    const report = await runScheduledJobs({ ...deps, mailer: localMailbox });
    expect(report.catalogue).toEqual({ published: 1, failed: 0, validityExpired: 0, searchRebuilt: 1 });
    expect((await searchCatalogue(deps, '森林防火')).hits).toHaveLength(1);
    const again = await runScheduledJobs({ ...deps, mailer: localMailbox });
    expect(again.catalogue).toEqual({ published: 0, failed: 0 });
  });

  it('发布 on a scheduled version publishes it at once', async () => {
    const { deps } = catalogueDeps();
    const item = await createItem(deps, people.clerk, itemInput());
    const s = await submitItem(deps, people.clerk, item.record.id);
    await approveReview(deps, s.review!.id);
    await publishItem(deps, people.clerk, item.record.id, { publishAt: '2026-04-01T00:00:00.000Z' });
    const done = await publishItem(deps, people.clerk, item.record.id);
    expect(done.releases).toHaveLength(1);
    expect((await getPublicItem(deps, item.record.id)).item.publishedAt).toBe('2026-03-02T02:00:00.000Z');
  });
});

describe('record size', () => {
  it('refuses a body that would not fit in one table item, with advice', async () => {
    const { deps } = catalogueDeps();
    await expect(createItem(deps, people.clerk, itemInput({ body: '长'.repeat(150_000) }))).rejects.toThrow('请将长篇正文改为附件');
  });
});

describe('validity expiry', () => {
  it('turns lapsed items 失效 in the stored view and in search, not only on the page', async () => {
    const { expireLapsedValidity } = await import('#application/catalogue');
    const { deps, clock } = catalogueDeps();
    const id = await publishedItem(deps, { title: '关于临时交通管制的通告', validUntil: '2026-03-05' });
    expect((await searchCatalogue(deps, '交通管制', { validity: 'valid' })).hits).toHaveLength(1);
    clock.advance(5 * 24 * 60);
    expect((await getPublicItem(deps, id)).item.validity.label).toBe('失效');
    expect(await expireLapsedValidity(deps)).toEqual({ expired: 1 });
    expect((await searchCatalogue(deps, '交通管制', { validity: 'valid' })).hits).toHaveLength(0);
    expect((await searchCatalogue(deps, '交通管制', { validity: 'invalid' })).hits).toHaveLength(1);
    expect(await expireLapsedValidity(deps)).toEqual({ expired: 0 });
  });
});
