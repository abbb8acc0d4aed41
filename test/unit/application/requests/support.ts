import { localMailbox } from '#adapters/mail/local-mailbox';
import { withEffects } from '#application/effects';
import { serveNotice, submitNoticeForReview, type RequestDeps } from '#application/requests';
import { signReviewStage } from '#application/secrecy';
import { RequestRepository } from '#repositories/requests';
import { checklist, fakeDeps, people, RecordingPublicWriter, validResidentId } from '../secrecy/support';

export { people, validResidentId, checklist, privacyChecklist, saveAgencyProfile } from '../secrecy/support';

/** Memory fakes with a mailer and the in-process release step. */
export function requestDeps() {
  const f = fakeDeps();
  const base = { ...f.deps, mailer: localMailbox };
  const deps: RequestDeps = withEffects(base, new RecordingPublicWriter());
  return { ...f, deps };
}

export const ID_NUMBER = validResidentId();

export function citizenForm(overrides: Record<string, unknown> = {}) {
  return {
    applicantKind: 'citizen',
    name: '张三',
    idType: 'resident-id',
    idNumber: ID_NUMBER,
    contact: { phone: '13812345678', email: 'zhangsan@example.com' },
    requested: { documentTitle: '示例市2025年财政预算执行情况报告', description: '请提供该报告全文及附表' },
    provisionForm: 'electronic',
    deliveryMethod: 'download',
    ...overrides,
  };
}

export const staffOf = people;

/** A drafted notice through its review (self, head, secrecy: disclose) to approval. */
export async function approveNotice(deps: RequestDeps, tn: string, noticeId: string): Promise<void> {
  await submitNoticeForReview(deps, people.clerk, tn, noticeId);
  await signNoticeReview(deps, tn, noticeId);
}

/** The review of a notice already submitted, signed at every stage. */
export async function signNoticeReview(deps: RequestDeps, tn: string, noticeId: string): Promise<void> {
  const reviewId = (await new RequestRepository(deps.records).get(tn))!.data.notices!.find((x) => x.id === noticeId)!.review!.id;
  for (const [who, stage] of [
    [people.clerk, 'self'],
    [people.head, 'head'],
    [people.reviewer, 'secrecy'],
  ] as const) {
    await signReviewStage(deps, who, reviewId, { stage, checklist: checklist(), conclusion: { type: 'disclose' } });
  }
}

/** The notice reviewed and served as the applicant asked (electronic for the default form). */
export async function serveReviewedNotice(deps: RequestDeps, tn: string, noticeId: string, service: Record<string, unknown> = {}) {
  await approveNotice(deps, tn, noticeId);
  return serveNotice(deps, people.clerk, tn, noticeId, { service });
}
