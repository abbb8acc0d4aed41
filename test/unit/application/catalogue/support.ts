import { withEffects } from '#application/effects';
import { signReviewStage } from '#application/secrecy';
import { createItem, publishItem, submitItem, type CatalogueDeps } from '#application/catalogue';
import type { StaffMember } from '#domain/staff';
import { uploadDocument } from '#application/documents';
import { checklist, fakeDeps, people, RecordingPublicWriter } from '../secrecy/support';

export { people, checklist };

/** Memory fakes with the in-process release step writing to a recording public bucket. */
export function catalogueDeps() {
  const f = fakeDeps();
  const publicFiles = new RecordingPublicWriter();
  const deps = withEffects(f.deps, publicFiles);
  return { ...f, deps, publicFiles };
}

export function itemInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '关于印发示例市生活垃圾分类管理办法的通知',
    issuer: '示例市人民政府办公室',
    formedOn: '2026-02-20',
    writtenOn: '2026-02-18',
    documentNumber: '示政办发[2026]3号',
    categoryId: 'regulations-normative',
    keywords: '垃圾分类、管理办法',
    body: '各区人民政府，市政府各部门：\n\n《示例市生活垃圾分类管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。',
    ...overrides,
  };
}

/** Clerk self-review → head → secrecy reviewer → leader, all "disclose". */
export async function approveReview(deps: CatalogueDeps, reviewId: string) {
  const sign = (who: StaffMember, stage: 'self' | 'head' | 'secrecy' | 'leader') => signReviewStage(deps, who, reviewId, { stage, checklist: checklist(), conclusion: { type: 'disclose' } });
  await sign(people.clerk, 'self');
  await sign(people.head, 'head');
  const afterSecrecy = await sign(people.reviewer, 'secrecy');
  if (afterSecrecy.data.review.status !== 'approved') await sign(people.leader, 'leader');
}

/** Creates, submits, approves and publishes an item; returns its id. */
export async function publishedItem(deps: CatalogueDeps, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await createItem(deps, people.clerk, itemInput(overrides));
  const id = created.record.id;
  const submitted = await submitItem(deps, people.clerk, id);
  await approveReview(deps, submitted.review!.id);
  await publishItem(deps, people.clerk, id);
  return id;
}

/** An attachment as a form or API client names it: a document it uploaded first. */
export async function uploadedAttachment(deps: Parameters<typeof uploadDocument>[0], who: StaffMember, fileName: string, text: string) {
  const doc = await uploadDocument(deps, who, { title: fileName, fileName, bytes: new TextEncoder().encode(text) });
  return { documentId: doc.id };
}
