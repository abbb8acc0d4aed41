import { describe, expect, it } from 'vitest';
import { createItem, mayCreateItem, staffWorkList } from '#application/catalogue';
import {
  act,
  confirmSecrecyReview,
  draftAnswer,
  editAnswerLetter,
  mayOpenApplicationAttachments,
  mayOpenContact,
  mayReadAnnualReport,
  mayTakeStep,
  proposeForCatalogue,
  reassign,
  releaseAnswer,
  revealContact,
  submitAnswerForReview,
  submitOnline,
} from '#application/requests';
import { mayReleaseReviewed, publishReviewedDocument } from '#application/secrecy';
import { CaseForbiddenError } from '#domain/case';
import { ForbiddenError, NotFoundError } from '#domain/errors';
import { memoryApp } from '#support/memory-deps';
import { citizenForm } from './requests/support';
import { itemInput, people } from './catalogue/support';

/**
 * The refusals web/access-policy.ts no longer makes per route: each use case refuses whoever its
 * step's table (or its own named rule) leaves out, with 403, before it reads or writes anything.
 */
describe('use cases refuse the people their rules leave out (403)', () => {
  it('releases a reviewed document only for whoever may press 发布 in the publishing table', async () => {
    const { deps } = await memoryApp({ seed: false });
    for (const who of [people.head, people.reviewer]) {
      expect(mayReleaseReviewed(who)).toBe(false);
      await expect(publishReviewedDocument(deps, who, 'no-such-review', 1)).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const who of [people.clerk, people.leader, people.admin]) expect(mayReleaseReviewed(who)).toBe(true);
    await expect(publishReviewedDocument(deps, people.leader, 'no-such-review', 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates an item only for whoever may edit drafts, and stores nothing otherwise', async () => {
    const { deps } = await memoryApp({ seed: false });
    for (const who of [people.head, people.reviewer, people.leader]) {
      expect(mayCreateItem(who)).toBe(false);
      await expect(createItem(deps, who, itemInput())).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await staffWorkList(deps, 'draft')).items).toEqual([]);
    await createItem(deps, people.admin, itemInput());
    expect((await staffWorkList(deps, 'draft')).items).toHaveLength(1);
  });

  it('proposes a case for the catalogue only for those who handle applications, before reading the case', async () => {
    const { deps } = await memoryApp({ seed: false });
    for (const who of [people.reviewer, people.leader]) await expect(proposeForCatalogue(deps, who, 'YSQ-2026-999999')).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [people.clerk, people.head, people.admin]) await expect(proposeForCatalogue(deps, who, 'YSQ-2026-999999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('opens contact details with a reason for reviewers and leaders; those who handle the case see them already', async () => {
    const { deps } = await memoryApp({ seed: false });
    const { trackingNumber: tn } = await submitOnline(deps, { form: citizenForm(), nonce: 'use-case-refusals-1' });
    for (const who of [people.clerk, people.head, people.admin]) {
      expect(mayOpenContact(who)).toBe(false);
      await expect(revealContact(deps, who, tn, { reason: '核实地址' })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await revealContact(deps, people.leader, tn, { reason: '核实地址' })).toMatchObject({ phone: '13812345678' });
  });

  it('refuses the answer’s steps to a role the table never gives them, before the case or the input is looked at', async () => {
    const { deps } = await memoryApp({ seed: false });
    const { trackingNumber: tn } = await submitOnline(deps, { form: citizenForm(), nonce: 'use-case-refusals-2' });
    // Still 'submitted' and the decision is malformed: the role is what refuses (not 409, not 400).
    await expect(draftAnswer(deps, people.reviewer, tn, { decision: { type: 'nonsense' } })).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(editAnswerLetter(deps, people.leader, tn, { edits: {} })).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(submitAnswerForReview(deps, people.reviewer, tn)).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(confirmSecrecyReview(deps, people.clerk, tn)).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(releaseAnswer(deps, people.admin, tn, { service: { method: 'bogus' } })).rejects.toBeInstanceOf(CaseForbiddenError);
    await expect(reassign(deps, people.clerk, 'YSQ-2026-999999', { handlerId: people.clerk2.id, reason: '调整' })).rejects.toBeInstanceOf(CaseForbiddenError);
    // Those with the role get the table's own answer for this state.
    await expect(draftAnswer(deps, people.clerk, tn, { decision: { type: 'nonsense' } })).rejects.not.toBeInstanceOf(ForbiddenError);
    await act(deps, people.clerk, tn, { command: 'register' });
    expect((await reassign(deps, people.head, tn, { handlerId: people.clerk2.id, reason: '工作调整' })).data.case.handlerId).toBe(people.clerk2.id);
  });

  it('leaves a step whose roles the agency’s policy sets to the step’s own check', () => {
    expect(mayTakeStep(people.reviewer, 'approveExtension')).toBe(true);
    expect(mayTakeStep(people.reviewer, 'passSecrecyReview')).toBe(true);
    expect(mayTakeStep(people.clerk, 'passSecrecyReview')).toBe(false);
  });

  it('names who opens applicants’ attachments and who reads the annual report (the access policy asks these for their pages)', () => {
    expect([people.clerk, people.head, people.admin, people.reviewer, people.leader].map(mayOpenApplicationAttachments)).toEqual([true, true, true, false, false]);
    expect([people.clerk, people.head, people.admin, people.reviewer, people.leader].map(mayReadAnnualReport)).toEqual([false, true, true, false, true]);
  });
});
