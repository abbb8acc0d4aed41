import { describe, expect, it } from 'vitest';
import {
  actOnClarification,
  clarificationNoticesForItem,
  createClarificationCase,
  getClarificationCase,
  getPublishedClarification,
  listClarificationCases,
  listPublishedClarifications,
  publishClarification,
  reportClarification,
} from '#application/clarifications';
import { getPublicItem, latestPublicItems } from '#application/catalogue';
import { searchCatalogue } from '#application/search';
import { ConflictError, ForbiddenError, RateLimitedError, ValidationError } from '#domain/errors';
import { DeadlineIndex } from '#repositories/deadline-index';
import { keys } from '#repositories/keys';
import { ReminderRepository } from '#repositories/reminders';
import { approveReview, caseDeps, people, PNG_BYTES } from './support';

const draft = {
  title: '关于“示例路将收费”的澄清说明',
  falseClaim: '近日网传示例路自4月1日起收取通行费。',
  facts: '经核实，示例路为城市道路，不收取任何通行费。',
  sources: '示例市交通运输局《关于示例路管理的说明》\n示例市人民政府2026年第3号公告',
  relatedItemIds: 'item-1',
};

async function toDrafting(deps: ReturnType<typeof caseDeps>['deps']) {
  const { reference } = await reportClarification(
    deps,
    { url: 'https://weibo.example/post/1', outlet: '某微博账号', description: '称示例路将收费，不实。' },
    [{ fileName: 'shot.png', bytes: PNG_BYTES }],
    { ip: '10.0.0.1' },
  );
  let r = await actOnClarification(deps, people.clerk, reference, 'startAssessment', {});
  r = await actOnClarification(deps, people.clerk, reference, 'recordAssessment', {
    falsity: 'false',
    impact: 'medium',
    note: '转发量较大',
    responsibleDepartment: '市交通运输局',
    expectedVersion: r.version,
  });
  r = await actOnClarification(deps, people.clerk, reference, 'recordVerification', { department: '市交通运输局', facts: '该路不收费' });
  r = await actOnClarification(deps, people.clerk, reference, 'saveDraft', draft);
  return { id: reference, record: r };
}

describe('clarification intake', () => {
  it('stores a public report for staff, with its screenshot, an internal deadline, and nothing public', async () => {
    const { deps, files } = caseDeps();
    const { reference } = await reportClarification(
      deps,
      { outlet: '某公众号', description: '文章称补贴取消，与政策不符。', contactEmail: 'a@example.com' },
      [{ fileName: 'x.png', bytes: PNG_BYTES }],
      { ip: '1.1.1.1' },
    );
    expect(reference).toMatch(/^CQ-2026-\d{6}$/);
    const view = await getClarificationCase(deps, people.clerk, reference);
    expect(view.record.data.case.status).toBe('registered');
    expect(view.record.data.report).toMatchObject({ outlet: '某公众号', contact: { email: 'a@example.com' }, screenshot: { contentType: 'image/png' } });
    expect(await files.get(view.record.data.report!.screenshot!.fileKey)).toBeDefined();
    // Reported Monday 10:00 in Beijing: due 48 hours later.
    expect(view.record.data.openDeadline).toMatchObject({ kind: 'clarification', due: '2026-03-04', dueAt: '2026-03-04T02:00:00.000Z', leaderEscalation: true, responsible: { id: 'unassigned' } });
    expect((await new DeadlineIndex(deps.records).dueThrough('2026-12-31')).items.map((d) => d.caseId)).toContain(reference);
    expect(await listPublishedClarifications(deps)).toEqual([]);
  });

  it('validates the report: something to find it by, a description, real images only', async () => {
    const { deps } = caseDeps();
    const e1 = (await reportClarification(deps, { description: '' }, [], { ip: 'x' }).catch((e: unknown) => e)) as ValidationError;
    expect(e1).toBeInstanceOf(ValidationError);
    expect(Object.keys(e1.fields).sort()).toEqual(['description', 'url']);
    const e2 = (await reportClarification(deps, { url: 'javascript:alert(1)', description: 'x' }, [], { ip: 'x' }).catch((e: unknown) => e)) as ValidationError;
    expect(e2.fields['url']).toContain('http');
    const e3 = (await reportClarification(deps, { outlet: 'x', description: 'y' }, [{ fileName: 'a.png', bytes: new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00') }], { ip: 'x' }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(e3.fields['screenshot']).toContain('PNG');
  });

  it('rate-limits reports per client address', async () => {
    const { deps } = caseDeps();
    for (let i = 0; i < 5; i++) await reportClarification(deps, { outlet: 'o', description: `d${i}` }, [], { ip: '9.9.9.9' });
    await expect(reportClarification(deps, { outlet: 'o', description: 'again' }, [], { ip: '9.9.9.9' })).rejects.toBeInstanceOf(RateLimitedError);
    await expect(reportClarification(deps, { outlet: 'o', description: 'other' }, [], { ip: '8.8.8.8' })).resolves.toBeDefined();
  });

  it('refuses a case from monitoring to someone who may not open one, as forbidden (403), not as bad input', async () => {
    const { deps } = caseDeps();
    await expect(createClarificationCase(deps, people.reviewer, { title: '网传停水', description: '网传全市停水三天', source: 'monitoring' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('staff cases from monitoring: the clerk handles it; urgent cases are due sooner and escalate', async () => {
    const { deps } = caseDeps();
    const normal = await createClarificationCase(deps, people.clerk, { title: '网传停水', description: '网传全市停水三天', source: 'monitoring' });
    const urgent = await createClarificationCase(deps, people.clerk, { title: '网传化工厂爆炸', description: '网传某化工厂爆炸', source: 'media', urgent: 'on' });
    expect(normal.data.case).toMatchObject({ handlerId: people.clerk.id, urgent: false, dueAt: '2026-03-04T02:00:00.000Z', due: '2026-03-04' });
    expect(urgent.data.case).toMatchObject({ urgent: true, dueAt: '2026-03-03T02:00:00.000Z', due: '2026-03-03' });
    expect(urgent.data.openDeadline).toMatchObject({ leaderEscalation: true, responsible: { id: people.clerk.id } });
    const marked = await actOnClarification(deps, people.head, normal.data.case.id, 'markUrgent', { reason: '舆情升温' });
    expect(marked.data.case).toMatchObject({ urgent: true, dueAt: '2026-03-03T02:00:00.000Z', due: '2026-03-03' });
    const inbox = await new ReminderRepository(deps.records).listFor(keys.roleInbox('leader'));
    expect(inbox.items.map((r) => [r.type, r.caseId, r.urgency, r.hoursLeft]).sort()).toEqual([
      ['escalation', normal.data.case.id, 'due-soon', 24],
      ['escalation', urgent.data.case.id, 'due-soon', 24],
    ]);
    expect((await listClarificationCases(deps)).map((r) => r.id)).toEqual([urgent.data.case.id, normal.data.case.id]);
  });
});

describe('clarification workflow over the secrecy gate', () => {
  it('a report becomes a published clarification: reviewed, leader-approved, released, linked from the item', async () => {
    const { deps, writer } = caseDeps();
    const { id } = await toDrafting(deps);
    await expect(publishClarification(deps, people.clerk, id)).rejects.toBeInstanceOf(ConflictError);
    let r = await actOnClarification(deps, people.clerk, id, 'submitForSecrecyReview', {});
    expect(r.data.case.status).toBe('secrecy-review');
    // Not approved yet: the case cannot move on.
    await expect(actOnClarification(deps, people.clerk, id, 'recordReviewApproved', {})).rejects.toThrow('保密审查尚未通过');
    await approveReview(deps, r.data.case.secrecyReviewId!);
    r = await actOnClarification(deps, people.clerk, id, 'recordReviewApproved', {});
    expect(r.data.case.status).toBe('leader-approval');
    await expect(actOnClarification(deps, people.clerk, id, 'approve', {})).rejects.toThrow('无权');
    r = await actOnClarification(deps, people.leader, id, 'approve', {});
    r = await publishClarification(deps, people.clerk, id, r.version);
    expect(r.data.case.status).toBe('published');
    expect(r.data.openDeadline).toBeNull();
    expect([...writer.objects.keys()]).toHaveLength(1);
    // It is an item of the catalogue in 澄清说明: the one projection feeds pages, search, feeds and the sitemap.
    const itemId = r.data.catalogueItemId!;
    const pub = await getPublishedClarification(deps, id);
    expect(pub.itemId).toBe(itemId);
    const { item } = await getPublicItem(deps, itemId);
    expect(item).toMatchObject({ categoryId: 'clarification', title: draft.title, related: { others: ['item-1'] } });
    expect(item.body).toContain('## 网传说法');
    expect(item.body).toContain('经核实，示例路为城市道路');
    expect(pub.text).toBe(item.body);
    expect(JSON.stringify(item)).not.toContain('某微博账号');
    expect((await latestPublicItems(deps, 10)).map((i) => i.id)).toContain(itemId);
    expect((await searchCatalogue(deps, '示例路 收费')).hits.map((h) => h.id)).toContain(itemId);
    expect((await listPublishedClarifications(deps)).map((p) => p.id)).toEqual([id]);
    expect(await clarificationNoticesForItem(deps, 'item-1')).toEqual([{ id, title: draft.title, href: `/clarifications/${id}` }]);

    r = await actOnClarification(deps, people.clerk, id, 'recordFollowUp', { reach: '谣言已平息', furtherStatementNeeded: 'no' });
    r = await actOnClarification(deps, people.clerk, id, 'close', {});
    expect(r.data.case.status).toBe('closed');
  });

  it('a further statement is a new version of the same catalogue item, reviewed and approved again', async () => {
    const { deps } = caseDeps();
    const { id } = await toDrafting(deps);
    const publish = async () => {
      const r = await actOnClarification(deps, people.clerk, id, 'submitForSecrecyReview', {});
      await approveReview(deps, r.data.case.secrecyReviewId!);
      await actOnClarification(deps, people.clerk, id, 'recordReviewApproved', {});
      await actOnClarification(deps, people.leader, id, 'approve', {});
      return publishClarification(deps, people.clerk, id);
    };
    const first = await publish();
    await actOnClarification(deps, people.clerk, id, 'recordFollowUp', { reach: '仍有新说法流传', furtherStatementNeeded: 'yes' });
    await expect(actOnClarification(deps, people.clerk, id, 'close', {})).rejects.toThrow('需要再次发布说明');
    await actOnClarification(deps, people.leader, id, 'startFurtherStatement', { reason: '出现新的说法' });
    await actOnClarification(deps, people.clerk, id, 'saveDraft', { ...draft, facts: '补充说明：示例路全线不设收费站。' });
    const second = await publish();
    expect(second.data.catalogueItemId).toBe(first.data.catalogueItemId);
    expect(second.data.publishedHistory.map((p) => p.round)).toEqual([1, 2]);
    const { item } = await getPublicItem(deps, second.data.catalogueItemId!);
    expect(item.version).toBe(2);
    expect(item.body).toContain('示例路全线不设收费站');
    expect(item.revisions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('a draft changed after review must be reviewed and approved again before anything is published', async () => {
    const { deps, writer } = caseDeps();
    const { id } = await toDrafting(deps);
    const r = await actOnClarification(deps, people.clerk, id, 'submitForSecrecyReview', {});
    await approveReview(deps, r.data.case.secrecyReviewId!);
    await actOnClarification(deps, people.clerk, id, 'recordReviewApproved', {});
    await actOnClarification(deps, people.leader, id, 'returnToDrafting', { reason: '补充数据' });
    await actOnClarification(deps, people.clerk, id, 'saveDraft', { ...draft, facts: '改过的事实' });
    await expect(actOnClarification(deps, people.leader, id, 'approve', {})).rejects.toBeInstanceOf(ConflictError);
    expect(writer.objects.size).toBe(0);
    await expect(getPublishedClarification(deps, id)).rejects.toThrow('尚未发布');
  });

  it('unfounded reports are closed with a reason and never published', async () => {
    const { deps } = caseDeps();
    const { reference } = await reportClarification(deps, { outlet: 'x', description: 'y' }, [], { ip: 'z' });
    const r = await actOnClarification(deps, people.head, reference, 'closeUnfounded', { reason: 'accurate', note: '经核实信息属实' });
    expect(r.data.case).toMatchObject({ status: 'closed-unfounded', unfounded: { reason: 'accurate' } });
    expect(r.data.openDeadline).toBeNull();
  });
});
