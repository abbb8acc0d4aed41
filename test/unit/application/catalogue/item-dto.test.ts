import { describe, expect, it } from 'vitest';
import { createItem, getPublicItem, getStaffItem, listPublicItems, publishItem, staffWorkList, submitItem } from '#application/catalogue';
import { publicItemSchema, staffItemSchema, toPublicItemDto, toStaffItemDto, toWorkListDto, workListSchema } from '#application/catalogue/item-dto';
import { ItemRepository } from '#repositories/items';
import { approveReview, catalogueDeps, itemInput, people, publishedItem, uploadedAttachment } from './support';

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
    const dto = toStaffItemDto(view);
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
    const dto = toStaffItemDto(view);
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
    const text = JSON.stringify(toStaffItemDto(view));
    for (const secret of ['仅内部可见', '内部意见', '内部批注']) expect(text).not.toContain(secret); // …and stays inside
  });

  it('lists the work list rows as documented', async () => {
    const f = await submittedItem();
    const dto = toWorkListDto(await staffWorkList(f.deps, 'submitted'));
    expect(dto.items).toEqual([expect.objectContaining({ id: f.id, title: itemInput().title, state: 'submitted' })]);
    expect(workListSchema.parse(dto)).toEqual(dto);
  });
});

describe('the public catalogue API’s view of an item', () => {
  async function published(overrides: Record<string, unknown> = {}) {
    const f = catalogueDeps();
    const attachment = await uploadedAttachment(f.deps, people.clerk, '投放指南.txt', '附件：垃圾分类投放指南');
    const id = await publishedItem(f.deps, { attachments: [attachment], ...overrides });
    return { ...f, id };
  }

  it('has the genre, the date it takes effect and the date it is valid until, where the item has them', async () => {
    const f = await published({ genre: '办法', effectiveOn: '2026-04-01', validUntil: '2031-03-31' });
    const view = await getPublicItem(f.deps, f.id);
    const dto = toPublicItemDto(view);
    expect(dto).toMatchObject({ id: f.id, genre: '办法', effectiveOn: '2026-04-01', validUntil: '2031-03-31', validity: { status: 'valid' }, body: view.item.body });
    expect(dto.attachments).toEqual([{ name: '投放指南.txt', url: view.files[0]!.url, contentType: 'text/plain', size: view.files[0]!.size }]);
    expect(publicItemSchema.parse(dto)).toEqual(dto);
    const plain = await published();
    const bare = toPublicItemDto(await getPublicItem(plain.deps, plain.id));
    for (const field of ['genre', 'effectiveOn', 'validUntil'] as const) expect(bare[field]).toBeUndefined();
  });

  it('names the released copies, never the private keys, and leaves out what only the pages use', async () => {
    const f = await published();
    const view = await getPublicItem(f.deps, f.id);
    const dto = toPublicItemDto(view);
    const text = JSON.stringify(dto);
    expect(text).not.toContain(view.item.attachments[0]!.key);
    for (const field of ['formedOn', 'related', 'disclosureAttribute', 'disclosureAttributeLabel']) expect(dto).not.toHaveProperty(field);
    const grown = {
      ...view,
      item: { ...view.item, internalNote: '仅内部可见', validity: { ...view.item.validity, reviewerRemark: '内部意见' } },
      files: view.files.map((file) => ({ ...file, key: 'private/key' })),
    };
    const grownText = JSON.stringify(toPublicItemDto(grown));
    for (const secret of ['仅内部可见', '内部意见', 'private/key']) expect(grownText).not.toContain(secret);
  });

  it('leaves the body out of a list', async () => {
    const f = await published();
    const page = await listPublicItems(f.deps, {});
    const dto = toPublicItemDto(page.items[0]!, { withBody: false });
    expect(dto.id).toBe(f.id);
    expect(dto.body).toBeUndefined();
    expect(publicItemSchema.parse(dto)).toEqual(dto);
  });
});
