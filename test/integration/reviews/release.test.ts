import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { getReview, publishReviewedDocument, redactReviewText, resolveReviewFinding, signReviewStage, submitForReview } from '#application/secrecy';
import { LOCAL_PUBLIC_BUCKET } from '#local/local-runtime';
import { localDeps, s3Client } from '#support/local-stack';
import { people, privacyChecklist, validResidentId } from '../../unit/application/secrecy/support';

/** The release step on DynamoDB Local + s3rver: nothing reaches the public bucket before approval, and the copies follow the commit. */
describe('release on the real adapters', () => {
  it('writes the redacted copy to the public bucket only after approval', async () => {
    const { deps } = await localDeps({ seed: false });
    const s3 = s3Client();
    const ID = validResidentId();
    const text = `补助对象身份证号码 ${ID}。`;
    const record = await submitForReview(deps, people.clerk, { subject: { type: 'publication', title: '集成测试公示' }, text });
    const id = record.data.review.id;
    const release = (version: number) => publishReviewedDocument(deps, people.leader, id, version);
    const publicKeys = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: LOCAL_PUBLIC_BUCKET, Prefix: 'files/' }))).Contents ?? []).map((o) => o.Key!);
    const before = await publicKeys();

    await expect(release(record.version)).rejects.toThrow('保密审查尚未通过');
    expect(await publicKeys()).toEqual(before);

    await signReviewStage(deps, people.clerk, id, { stage: 'self', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    await signReviewStage(deps, people.head, id, { stage: 'head', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    const findingId = (await getReview(deps, people.reviewer, id)).review.findings[0]!.id;
    await resolveReviewFinding(deps, people.reviewer, id, { findingId, resolution: { action: 'redact' } });
    await redactReviewText(deps, people.reviewer, id, {});
    await signReviewStage(deps, people.reviewer, id, { stage: 'secrecy', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    const approved = await signReviewStage(deps, people.leader, id, { stage: 'leader', checklist: privacyChecklist(), conclusion: { type: 'disclose-redacted' } });
    expect(approved.data.review.status).toBe('approved');

    // A stale version (the caller's view before approval) is refused by the transaction's check.
    await expect(release(approved.version - 1)).rejects.toThrow();
    expect(await publicKeys()).toEqual(before);

    const receipt = await release(approved.version);
    const key = receipt.files[0]!.key;
    expect(key.startsWith(`files/${receipt.releaseId}/`)).toBe(true);
    const object = await s3.send(new GetObjectCommand({ Bucket: LOCAL_PUBLIC_BUCKET, Key: key }));
    const body = await object.Body!.transformToString();
    expect(body).toContain('■'.repeat(18));
    expect(body).not.toContain(ID);
    const view = await getReview(deps, people.leader, id);
    expect(view.releases.map((r) => r.id)).toEqual([receipt.releaseId]);
  });
});
