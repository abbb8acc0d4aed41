import { localMailbox } from '#adapters/mail/local-mailbox';
import { withEffects } from '#application/effects';
import { signReviewStage } from '#application/secrecy';
import { checklist, fakeDeps, people, RecordingPublicWriter } from '../secrecy/support';

export { people };
export { saveAgencyProfile } from '../secrecy/support';

/** Memory fakes with the in-process release step; the case runner delivers mail after its commit. */
export function caseDeps() {
  const f = fakeDeps();
  const writer = new RecordingPublicWriter();
  const deps = withEffects({ ...f.deps, mailer: localMailbox }, writer);
  return { ...f, deps, writer };
}

/** Walks a secrecy review through self → head → secrecy (approved, nothing found). */
export async function approveReview(deps: ReturnType<typeof caseDeps>['deps'], reviewId: string) {
  await signReviewStage(deps, people.clerk, reviewId, { stage: 'self', checklist: checklist(), conclusion: { type: 'disclose' } });
  await signReviewStage(deps, people.head, reviewId, { stage: 'head', checklist: checklist(), conclusion: { type: 'disclose' } });
  return signReviewStage(deps, people.reviewer, reviewId, { stage: 'secrecy', checklist: checklist(), conclusion: { type: 'disclose' } });
}

/** A 1×1 PNG. */
export const PNG_BYTES = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
