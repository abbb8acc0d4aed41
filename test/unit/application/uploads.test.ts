import { describe, expect, it } from 'vitest';
import { uploadDocument } from '#application/documents';
import { submitOnline } from '#application/requests';
import { putStaged, removeOrphanedFiles } from '#application/staged-files';
import { memoryApp, staff } from '#support/memory-deps';
import { citizenForm } from './requests/support';
import { mutableClock } from './secrecy/support';

/** Files and references to them (issue: hardening). */
describe('attachments of catalogue items are documents the same member of staff uploaded', () => {
  it('refuses a storage key sent by the client (an applicant’s ID scan published this way before)', async () => {
    const { app, deps, files, tokenFor } = await memoryApp();
    const receipt = await submitOnline(deps, { form: citizenForm(), nonce: 'uploads-1', attachments: [{ fileName: '身份证.png', bytes: PNG }] });
    const scan = [...files.objects.keys()].find((k) => k.startsWith(`requests/${receipt.trackingNumber}/`))!;
    const clerk = staff(['clerk'], 'clerk');
    const auth = { authorization: `Bearer ${await tokenFor(clerk)}`, 'content-type': 'application/json' };
    const item = (attachments: unknown[]) => JSON.stringify({ title: '测试公开信息', issuer: '示例市人民政府办公室', formedOn: '2026-03-01', categoryId: 'plans', body: '正文', attachments });
    const byKey = await app.request('/api/items', { method: 'POST', headers: auth, body: item([{ key: scan, name: 'x.png', contentType: 'image/png', size: 1, sha256: 'a'.repeat(64) }]) });
    expect(byKey.status).toBe(400);
    expect(JSON.stringify(await byKey.json())).toContain('documentId');

    const othersDoc = await uploadDocument(deps, staff(['clerk'], 'someone-else'), { title: '他人文件', fileName: '他人.txt', bytes: new TextEncoder().encode('他人上传的文件') });
    expect((await app.request('/api/items', { method: 'POST', headers: auth, body: item([{ documentId: othersDoc.id }]) })).status).toBe(400);

    const mine = await uploadDocument(deps, clerk, { title: '附件', fileName: '附件.txt', bytes: new TextEncoder().encode('本人上传的附件') });
    const created = await app.request('/api/items', { method: 'POST', headers: auth, body: item([{ documentId: mine.id }]) });
    expect(created.status).toBe(201);
  });
});

describe('files written before their commit', () => {
  it('are removed by the sweep when the commit never came, and never when it did', async () => {
    const clock = mutableClock();
    const { deps, files } = await memoryApp({ clock });
    const actor = { kind: 'public' } as const;
    // A request that died between writing its file and committing.
    await putStaged(deps, [{ key: 'requests/YSQ-2026-000999/attachments/lost', bytes: PNG, contentType: 'image/png' }], actor);
    // One that completed normally.
    const receipt = await submitOnline(deps, { form: citizenForm(), nonce: 'uploads-2', attachments: [{ fileName: '材料.png', bytes: PNG }] });
    const kept = [...files.objects.keys()].find((k) => k.startsWith(`requests/${receipt.trackingNumber}/`))!;
    expect(await removeOrphanedFiles(deps)).toEqual({ removed: 0 }); // too young: its commit may still come
    clock.advance(61);
    expect(await removeOrphanedFiles(deps)).toEqual({ removed: 1 });
    expect(files.objects.has('requests/YSQ-2026-000999/attachments/lost')).toBe(false);
    expect(files.objects.has(kept)).toBe(true);
    expect(await removeOrphanedFiles(deps)).toEqual({ removed: 0 });
  });

  it('a commit that comes after the sweep removed its file fails instead of referencing nothing', async () => {
    const clock = mutableClock();
    const { deps } = await memoryApp({ clock });
    const committed = await putStaged(deps, [{ key: 'documents/slow', bytes: PNG, contentType: 'image/png' }], { kind: 'public' });
    clock.advance(61);
    await removeOrphanedFiles(deps);
    await expect(deps.records.commit(committed)).rejects.toMatchObject({ name: 'VersionConflictError' });
  });
});

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42,
  0x60, 0x82,
]);
