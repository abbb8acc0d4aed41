import { describe, expect, it } from 'vitest';
import { createItem, getStaffItem, publishItem, staffWorkList, submitItem } from '#application/catalogue';
import { staffItemDto, staffItemSchema, workListDto, workListSchema } from '#application/catalogue/item-dto';
import { ItemRepository } from '#repositories/items';
import { approveReview, catalogueDeps, itemInput, people, uploadedAttachment } from './support';

async function submittedItem() {
  const f = catalogueDeps();
  const created = await createItem(f.deps, people.clerk, itemInput({ attachments: [await uploadedAttachment(f.deps, people.clerk, '投放指南.txt', '附件：垃圾分类投放指南')] }));
  const submitted = await submitItem(f.deps, people.clerk, created.record.id);
  return { ...f, id: created.record.id, submitted };
}

describe('the staff API’s view of a catalogue item', () => {
  it('keeps what the staff tools read (stored.review.id, state, allowed) and drops private storage keys', async () => {
    const f = await submittedItem();
    const view = await getStaffItem(f.deps, f.id, people.clerk);
    const dto = staffItemDto(view);
    expect(dto.allowed).toEqual(view.allowed);
    expect(dto.stored.review!.id).toBe(f.submitted.review!.id);
    expect(dto).toMatchObject({ state: 'submitted', stored: { record: { id: f.id }, createdBy: { id: people.clerk.id } }, review: { id: f.submitted.review!.id, status: 'draft' } });
    expect(dto.stored.record.versions[0]!.content.attachments).toEqual([expect.objectContaining({ name: '投放指南.txt', contentType: 'text/plain' })]);
    const key = f.submitted.record.versions[0]!.content.attachments[0]!.key;
    const text = JSON.stringify(dto);
    expect(text).not.toContain(key);
    expect(dto.stored).not.toHaveProperty('openDeadline');
    expect(dto.deadline).toMatchObject({ version: 1, from: '2026-02-20' });
    expect(staffItemSchema.parse(dto)).toEqual(dto);
  });

  it('shows what the public sees once published, without the release bookkeeping', async () => {
    const f = await submittedItem();
    await approveReview(f.deps, f.submitted.review!.id);
    await publishItem(f.deps, people.clerk, f.id);
    const view = await getStaffItem(f.deps, f.id, people.clerk);
    const dto = staffItemDto(view);
    expect(dto.state).toBe('published');
    expect(dto.stored.record.indexNumber).toBeTruthy();
    expect(dto.publicView?.item).toMatchObject({ version: 1, title: itemInput().title });
    expect(dto.publicView?.files).toEqual([expect.objectContaining({ name: '投放指南.txt' })]);
    expect(dto.stored.releases).toHaveLength(1);
    expect(dto.stored.releases[0]).not.toHaveProperty('publicUrls');
    expect(staffItemSchema.parse(dto)).toEqual(dto);
  });

  it('does not pass on a field the stored item gains until it is listed', async () => {
    const f = await submittedItem();
    const repo = new ItemRepository(f.deps.records);
    const stored = (await repo.get(f.id))!;
    const record = stored.data.record;
    const version = { ...record.versions[0]!, content: { ...record.versions[0]!.content, internalMemo: '内部批注' } };
    const grown = { ...stored.data, internalNote: '仅内部可见', record: { ...record, versions: [version], reviewerNote: '内部意见' } } as unknown as typeof stored.data;
    await f.deps.records.commit([repo.updateChange(grown, stored.version, { type: 'item.test', actor: { kind: 'system', id: 'test' } })]);
    const view = await getStaffItem(f.deps, f.id, people.clerk);
    expect(JSON.stringify(view.stored)).toContain('内部意见'); // it is stored…
    const text = JSON.stringify(staffItemDto(view));
    for (const secret of ['仅内部可见', '内部意见', '内部批注']) expect(text).not.toContain(secret); // …and stays inside
  });

  it('lists the work list rows as documented', async () => {
    const f = await submittedItem();
    const dto = workListDto(await staffWorkList(f.deps, 'submitted'));
    expect(dto.items).toEqual([expect.objectContaining({ id: f.id, title: itemInput().title, state: 'submitted' })]);
    expect(workListSchema.parse(dto)).toEqual(dto);
  });
});
