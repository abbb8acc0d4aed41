import { GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createItem, getPublicItem, listPublicItems, publishItem, submitItem, withdrawItem, type CatalogueDeps } from '#application/catalogue';
import { forgetSearchIndex, searchCatalogue } from '#application/search';
import { LOCAL_PUBLIC_BUCKET } from '#local/local-runtime';
import { DeadlineIndex } from '#repositories/deadline-index';
import { localDeps, s3Client } from '#support/local-stack';
import { approveReview, itemInput, people, uploadedAttachment } from '../../unit/application/catalogue/support';

/** Proactive disclosure on DynamoDB Local + s3rver: GSIs, the release to the public bucket, the S3 search snapshot. */
describe('catalogue on the real adapters', () => {
  it('publishes with the attachment in the public bucket, lists with cursors, searches, withdraws', async () => {
    const { deps: raw } = await localDeps({ seed: false });
    const deps = raw as CatalogueDeps & typeof raw;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const item = await createItem(
        deps,
        people.clerk,
        itemInput({
          title: `关于湿地保护的第${i + 1}号通知`,
          categoryId: i % 2 ? 'regulations-normative' : 'plans',
          ...(i === 0 ? { attachments: [await uploadedAttachment(deps, people.clerk, '巡查记录表.txt', '附件：湿地保护巡查记录表')] } : {}),
        }),
      );
      const s = await submitItem(deps, people.clerk, item.record.id);
      await approveReview(deps, s.review!.id);
      await publishItem(deps, people.clerk, item.record.id);
      ids.push(item.record.id);
    }
    const draft = await createItem(deps, people.clerk, itemInput({ title: '湿地保护草稿' }));
    const open = await new DeadlineIndex(deps.records).dueThrough('2026-12-31');
    expect(open.items.map((d) => d.caseId)).toEqual([draft.record.id]);

    const first = await getPublicItem(deps, ids[0]!);
    expect(first.item.indexNumber).toMatch(/^000014349\/\d{4}-00001$/);
    const url = first.files[0]!.url;
    const key = `files/${url.split('/files/')[1]}`;
    const object = await s3Client().send(new GetObjectCommand({ Bucket: LOCAL_PUBLIC_BUCKET, Key: key }));
    expect(await object.Body!.transformToString()).toContain('湿地保护巡查记录表');

    const p1 = await listPublicItems(deps, { limit: 2 });
    const p2 = await listPublicItems(deps, { limit: 2, cursor: p1.next });
    const p3 = await listPublicItems(deps, { limit: 2, cursor: p2.next });
    expect([...p1.items, ...p2.items, ...p3.items].map((v) => v.id).sort()).toEqual([...ids].sort());
    expect(p3.next).toBeUndefined();
    expect((await listPublicItems(deps, { categoryId: 'regulations' })).items).toHaveLength(2);
    expect((await listPublicItems(deps, { categoryId: 'plans' })).items).toHaveLength(3);

    forgetSearchIndex(deps);
    expect((await searchCatalogue(deps, '巡查记录')).hits.map((h) => h.id)).toEqual([ids[0]]);
    await withdrawItem(deps, people.head, ids[0]!, '误发，依法撤回');
    expect((await searchCatalogue(deps, '巡查记录')).hits).toHaveLength(0);
    expect((await listPublicItems(deps, {})).items.map((v) => v.id)).not.toContain(ids[0]);
    await expect(getPublicItem(deps, ids[0]!)).rejects.toThrow();
  });
});
