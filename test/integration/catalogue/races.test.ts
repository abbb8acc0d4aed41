import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createItem, getStaffItem, submitItem } from '#application/catalogue';
import { drainPendingEffects } from '#application/effects';
import { currentSearchIndex, forgetSearchIndex } from '#application/search';
import { LOCAL_PUBLIC_BUCKET, type LocalDependencies } from '#local/local-runtime';
import { STATIC_DIR } from '#local/server';
import { keys } from '#repositories/keys';
import { createApp } from '#web/app';
import { localDeps, s3Client } from '#support/local-stack';
import { approveReview, itemInput, people, uploadedAttachment } from '../../unit/application/catalogue/support';

/**
 * Races on the real adapters (DynamoDB Local, s3rver), through the HTTP API as a double-clicking
 * or scripted client would send them (issue: hardening). What must hold afterwards is checked
 * where it really is: the public bucket is listed, the search snapshot and the public pages read.
 */
async function portal() {
  const { deps } = await localDeps({ seed: false });
  const app = createApp(deps, { staticDir: STATIC_DIR, publicFiles: deps.publicFileReader });
  return { deps, app };
}

async function publicReleases(): Promise<Map<string, string[]>> {
  const out = await s3Client().send(new ListObjectsV2Command({ Bucket: LOCAL_PUBLIC_BUCKET, Prefix: 'files/' }));
  const byRelease = new Map<string, string[]>();
  for (const o of out.Contents ?? []) {
    const [, release] = o.Key!.split('/');
    byRelease.set(release!, [...(byRelease.get(release!) ?? []), o.Key!]);
  }
  return byRelease;
}

async function approvedItem(deps: LocalDependencies, title: string, withAttachment = false) {
  const created = await createItem(deps, people.clerk, itemInput({ title, ...(withAttachment ? { attachments: [await uploadedAttachment(deps, people.clerk, '附件.txt', `附件：${title}`)] } : {}) }));
  const s = await submitItem(deps, people.clerk, created.record.id);
  await approveReview(deps, s.review!.id);
  return created.record.id;
}

/** A member of staff who may press 发布 and 撤回. */
const token = (deps: LocalDependencies) => deps.localSignIn!.sign({ ...people.clerk, roles: ['clerk', 'leader'] }, 600);

describe('races on DynamoDB Local and s3rver', () => {
  it('twenty parallel publishes of one item: one succeeds, one set of public objects, no serial burned', async () => {
    const { deps, app } = await portal();
    const before = await publicReleases();
    const id = await approvedItem(deps, '关于湿地保护区管理的通告', true);
    const version = (await getStaffItem(deps, id)).version;
    const auth = { authorization: `Bearer ${await token(deps)}`, 'content-type': 'application/json' };
    const responses = await Promise.all(Array.from({ length: 20 }, async () => app.request(`/api/items/${id}/publish`, { method: 'POST', headers: auth, body: JSON.stringify({ version }) })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    await drainPendingEffects(deps);
    const after = await publicReleases();
    const added = [...after.keys()].filter((r) => !before.has(r));
    expect(added).toHaveLength(1);
    expect(
      after
        .get(added[0]!)!
        .sort()
        .map((k) => k.split('/')[2]),
    ).toEqual(['1.txt', 'content.txt']);
    const counter = await deps.records.getPlain(keys.counter('index-number', 'index:national:000014349:2026'));
    expect(counter?.value).toBe(1);

    const withdrawn = await app.request(`/api/items/${id}/withdraw`, { method: 'POST', headers: auth, body: JSON.stringify({ reason: '内容有误，撤回' }) });
    expect(withdrawn.status).toBe(200);
    expect([...(await publicReleases()).keys()].filter((r) => !before.has(r))).toEqual([]);
    const page = await app.request(`/items/${id}`, { headers: { 'if-none-match': '*' } });
    expect(page.status).toBe(404);
  });

  it('publishing while withdrawing leaves search, pages, feeds, sitemap and the bucket consistent', async () => {
    const { deps, app } = await portal();
    const auth = { authorization: `Bearer ${await token(deps)}`, 'content-type': 'application/json' };
    const victim = await approvedItem(deps, '将被撤回的防汛通知', true);
    expect((await app.request(`/api/items/${victim}/publish`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
    const fresh: string[] = [];
    for (let i = 0; i < 6; i++) fresh.push(await approvedItem(deps, `防汛值班安排第${i + 1}期${'。'.repeat(i)}`, i % 2 === 0));
    const results = await Promise.all([
      ...fresh.map((id) => app.request(`/api/items/${id}/publish`, { method: 'POST', headers: auth, body: '{}' })),
      app.request(`/api/items/${victim}/withdraw`, { method: 'POST', headers: auth, body: JSON.stringify({ reason: '内容有误，撤回' }) }),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(7).fill(200));
    await drainPendingEffects(deps);

    forgetSearchIndex(deps);
    const index = await currentSearchIndex(deps);
    const indexed = index.search('防汛', { limit: 50 }).hits.map((h) => h.id);
    expect(indexed.sort()).toEqual([...fresh].sort());
    const search = await (await app.request('/search?q=%E9%98%B2%E6%B1%9B')).text();
    expect(search).not.toContain('将被撤回');
    for (const path of ['/', '/proactive', '/feeds/all.atom', '/feeds/all.rss', '/sitemap.xml', '/api/catalogue/items']) {
      const body = await (await app.request(path)).text();
      expect(body, path).not.toContain(victim);
      for (const id of fresh.slice(0, 3)) expect(body.includes(id) || path === '/' || path === '/proactive', path).toBe(true);
    }
    const releases = await publicReleases();
    for (const id of [...fresh, victim]) {
      const view = (await deps.records.get<{ releaseId?: string; item: unknown }>(keys.publicItem(id)))!.data;
      if (id === victim) expect(view.item).toBeNull();
      else expect(releases.has(view.releaseId!)).toBe(true);
    }
    const victimRelease = (await getStaffItem(deps, victim)).stored.releases[0]!.releaseId;
    expect(releases.has(victimRelease)).toBe(false);
  });
});
