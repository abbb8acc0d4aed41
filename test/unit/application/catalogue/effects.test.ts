import { describe, expect, it } from 'vitest';
import { RecordingCdn } from '#adapters/memory/cdn';
import { getPublicItem, getStaffItem, publishDueItems, publishItem, reopenItem, createItem, submitItem, unscheduleItem, withdrawItem } from '#application/catalogue';
import { drainPendingEffects, MAX_ATTEMPTS, withEffects } from '#application/effects';
import { reconcilePublicBucket } from '#application/effects/reconcile';
import { forgetSearchIndex, searchCatalogue, currentSearchIndex } from '#application/search';
import { EffectRepository } from '#repositories/effects';
import { keys } from '#repositories/keys';
import { approveReview, catalogueDeps, itemInput, people, uploadedAttachment } from './support';

/**
 * External effects happen only after the state change commits (issue: hardening). Each test
 * reproduces what the attacker saw on the code before: public copies written before the commit
 * that failed, copies of scheduled versions that outlived unscheduling, serials burned, a
 * withdrawn item left in search.
 */
async function approvedItem(deps: ReturnType<typeof catalogueDeps>['deps'], files: ReturnType<typeof catalogueDeps>['files'], title = '关于印发示例市生活垃圾分类管理办法的通知') {
  const created = await createItem(deps, people.clerk, itemInput({ title, attachments: [await uploadedAttachment(deps, people.clerk, '投放指南.txt', '附件：投放指南全文')] }));
  const id = created.record.id;
  const submitted = await submitItem(deps, people.clerk, id);
  await approveReview(deps, submitted.review!.id);
  return id;
}

const publicKeys = (writer: { objects: Map<string, unknown> }) => [...writer.objects.keys()].filter((k) => k.startsWith('files/')).sort();
const releasePrefixes = (writer: { objects: Map<string, unknown> }) => new Set(publicKeys(writer).map((k) => k.split('/')[1]));

describe('publishing: nothing public before the commit that makes it so', () => {
  it('twenty parallel 发布 leave one published version, one set of public copies and one index number', async () => {
    const { deps, files, publicFiles } = catalogueDeps();
    const id = await approvedItem(deps, files);
    const version = (await getStaffItem(deps, id)).version;
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => publishItem(deps, people.clerk, id, { expectedVersion: version })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as Error).name).toMatch(/ConflictError/);
    await drainPendingEffects(deps);
    expect(releasePrefixes(publicFiles).size).toBe(1);
    expect((await getPublicItem(deps, id)).item.indexNumber).toBe('000014349/2026-00001');
    const counters = await deps.records.getPlain(keys.counter('index-number', 'index:national:000014349:2026'));
    expect(counters?.value).toBe(1);

    await withdrawItem(deps, people.leader, id, '内容有误，撤回');
    expect(publicKeys(publicFiles)).toEqual([]);
  });

  it('two items published at once draw consecutive index numbers (a lost counter race draws again)', async () => {
    const { deps, files } = catalogueDeps();
    const a = await approvedItem(deps, files, '甲');
    const b = await approvedItem(deps, files, '乙乙');
    await Promise.all([publishItem(deps, people.clerk, a), publishItem(deps, people.clerk, b)]);
    const numbers = [(await getPublicItem(deps, a)).item.indexNumber, (await getPublicItem(deps, b)).item.indexNumber].sort();
    expect(numbers).toEqual(['000014349/2026-00001', '000014349/2026-00002']);
  });

  it('a scheduled version has no public copies until it is published; unscheduling and reopening leave none', async () => {
    const { deps, files, publicFiles, clock } = catalogueDeps();
    const id = await approvedItem(deps, files);
    await publishItem(deps, people.clerk, id, { publishAt: '2026-03-03T01:00:00.000Z' });
    expect(publicKeys(publicFiles)).toEqual([]);
    await unscheduleItem(deps, people.clerk, id);
    expect(publicKeys(publicFiles)).toEqual([]);
    await publishItem(deps, people.clerk, id, { publishAt: '2026-03-03T01:00:00.000Z' });
    await reopenItem(deps, people.clerk, id, '需要修改');
    expect(publicKeys(publicFiles)).toEqual([]);

    const again = await approvedItem(deps, files, '另一条定时发布的信息');
    await publishItem(deps, people.clerk, again, { publishAt: '2026-03-03T01:00:00.000Z' });
    clock.advance(24 * 60);
    expect((await publishDueItems(deps)).published).toBe(1);
    expect(releasePrefixes(publicFiles).size).toBe(1);
    expect(publicKeys(publicFiles).some((k) => k.endsWith('/content.txt'))).toBe(true);
  });

  it('withdrawal takes the copies off the bucket and invalidates them and the pages in the CDN', async () => {
    const f = catalogueDeps();
    const cdn = new RecordingCdn();
    const deps = withEffects(f.deps, f.publicFiles, cdn);
    const id = await approvedItem(deps, f.files);
    await publishItem(deps, people.clerk, id);
    const [release] = [...releasePrefixes(f.publicFiles)];
    expect(cdn.paths).toEqual([]);
    await withdrawItem(deps, people.leader, id, '依法撤回该信息');
    expect(publicKeys(f.publicFiles)).toEqual([]);
    expect(cdn.paths).toEqual(expect.arrayContaining([`/files/${release}/*`, `/items/${id}`, '/', '/proactive*', '/search*', '/feeds/*', '/sitemap.xml']));
  });
});

describe('search follows the commits, one ordered writer at a time', () => {
  it('publishing several items while withdrawing another keeps every published item and never the withdrawn one', async () => {
    const { deps, files } = catalogueDeps();
    const withdrawn = await approvedItem(deps, files, '将被撤回的巡查记录');
    await publishItem(deps, people.clerk, withdrawn);
    const others = [];
    for (let i = 0; i < 6; i++) others.push(await approvedItem(deps, files, `第${'一二三四五六'[i]}批巡查记录公示${'。'.repeat(i)}`));
    await Promise.all([...others.map((id) => publishItem(deps, people.clerk, id)), withdrawItem(deps, people.leader, withdrawn, '内容有误，撤回')]);
    await drainPendingEffects(deps);
    forgetSearchIndex(deps);
    const index = await currentSearchIndex(deps);
    const all = index.search('巡查记录', { limit: 50 }).hits.map((h) => h.id);
    expect(all.sort()).toEqual([...others].sort());
    expect((await searchCatalogue(deps, '将被撤回')).hits).toEqual([]);
  });

  it('never shows a withdrawn item as a result, even before its effect has run', async () => {
    const { deps, files } = catalogueDeps();
    const id = await approvedItem(deps, files, '临时停水通知');
    await publishItem(deps, people.clerk, id);
    expect((await searchCatalogue(deps, '临时停水')).hits.map((h) => h.id)).toEqual([id]);
    // The withdrawal commits, but its effect does not run (no processor in this process).
    await withdrawItem({ ...deps, effects: undefined }, people.leader, id, '内容有误，撤回');
    expect((await searchCatalogue(deps, '临时停水')).hits).toEqual([]);
  });
});

describe('the effects processor', () => {
  it('retries a failing effect with backoff and gives it up after the last attempt', async () => {
    const f = catalogueDeps();
    const failing = {
      ...f.publicFiles,
      put: async () => Promise.reject(Object.assign(new Error('S3 down'), { name: 'ServiceUnavailable' })),
      list: f.publicFiles.list.bind(f.publicFiles),
      delete: f.publicFiles.delete.bind(f.publicFiles),
    };
    const deps = withEffects(f.deps, failing);
    const id = await approvedItem(deps, f.files);
    await publishItem(deps, people.clerk, id);
    const repo = new EffectRepository(deps.records);
    let pending = (await repo.pending(10)).items;
    expect(pending).toHaveLength(1);
    expect(pending[0]!.data).toMatchObject({ attempts: 1, lastError: expect.stringContaining('S3 down') });
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      f.clock.advance(120);
      await drainPendingEffects(deps);
    }
    pending = (await repo.pending(10)).items;
    expect(pending).toHaveLength(0);
    const dead = (await repo.dead(10)).items;
    expect(dead.map((d) => d.data.status)).toEqual(['dead']);
    // Nothing half-public: the view says published, the bucket has nothing, the operators are told.
    expect(publicKeys(f.publicFiles)).toEqual([]);
  });

  it('applies what a failure left pending on the next drain, once', async () => {
    const f = catalogueDeps();
    const id = await approvedItem(f.deps, f.files);
    await publishItem({ ...f.deps, effects: undefined }, people.clerk, id);
    expect(publicKeys(f.publicFiles)).toEqual([]);
    expect(await drainPendingEffects(f.deps)).toMatchObject({ done: 1 });
    expect(releasePrefixes(f.publicFiles).size).toBe(1);
    expect(await drainPendingEffects(f.deps)).toMatchObject({ done: 0 });
  });

  it('the daily reconciliation removes public copies no public version references', async () => {
    const f = catalogueDeps();
    const id = await approvedItem(f.deps, f.files);
    await publishItem(f.deps, people.clerk, id);
    await f.publicFiles.put('files/orphan-release/1.pdf', new Uint8Array([1]), 'application/pdf', 'x.pdf');
    const [live] = [...releasePrefixes(f.publicFiles)].filter((r) => r !== 'orphan-release');
    const result = await reconcilePublicBucket(f.deps);
    expect(result.removed).toBe(1);
    expect([...releasePrefixes(f.publicFiles)]).toEqual([live]);
  });
});
