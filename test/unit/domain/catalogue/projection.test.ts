import { describe, expect, it } from 'vitest';
import type { IsoDate } from '#domain/calendar';
import { nextPublicChange, publicProjection, publicProjections, shanghaiLocalToInstant } from '#domain/catalogue';
import { aContent, aDraft, approved, aPublished, at, DIGEST, OTHER_DIGEST, run } from './builders';

const later = at(10_000);

describe('publicProjection', () => {
  it('hides drafts and items under review or approved but unpublished', () => {
    expect(publicProjection(aDraft(), later)).toBeNull();
    expect(publicProjection(run(aDraft(), [{ type: 'submit', digest: DIGEST }]), later)).toBeNull();
    const approvedOnly = run(aDraft(), [{ type: 'submit', digest: DIGEST }], [{ type: 'approve', clearance: approved, indexNumber: '000014349/2026-00001' }]);
    expect(publicProjection(approvedOnly, later)).toBeNull();
  });

  it('hides a scheduled item until its Beijing publication time, then shows it', () => {
    const publishAt = shanghaiLocalToInstant('2026-02-11 09:00');
    expect(publishAt).toBe('2026-02-11T01:00:00.000Z');
    const sch = run(aDraft(), [{ type: 'submit', digest: DIGEST }], [{ type: 'approve', clearance: approved, indexNumber: '000014349/2026-00001' }], [{ type: 'schedule', publishAt }]);
    expect(publicProjection(sch, '2026-02-11T00:59:59Z')).toBeNull();
    expect(publicProjection(sch, '2026-02-11T09:00:00+08:00')?.publishedAt).toBe(publishAt);
    expect(nextPublicChange(sch, '2026-02-10T12:00:00Z')).toBe(publishAt);
  });

  it('hides withdrawn items everywhere', () => {
    const w = run(aPublished(), [{ type: 'withdraw', reason: '发布错误' }, at(10)]);
    expect(publicProjection(w, later)).toBeNull();
    expect(publicProjections([w, aPublished('item-2')], later).map((p) => p.id)).toEqual(['item-2']);
  });

  it('shows repealed and invalid items with their status and date', () => {
    const r = run(aPublished(), [{ type: 'markValidity', status: 'repealed', since: '2026-06-01' as IsoDate }, at(10)]);
    expect(publicProjection(r, later)?.validity).toEqual({ status: 'repealed', label: '废止', since: '2026-06-01' });
    const expiring = aPublished('e', aContent({ validUntil: '2026-12-31' as IsoDate }));
    expect(publicProjection(expiring, '2026-12-31T16:00:00Z')?.validity).toEqual({ status: 'invalid', label: '失效', since: '2027-01-01' });
    expect(publicProjection(expiring, '2026-12-31T15:59:59Z')?.validity.status).toBe('valid');
  });

  it('keeps v1 public while v2 is in review, then shows v2 with the first publication date', () => {
    const v2review = run(aPublished(), [{ type: 'revise', changedOn: '2026-03-02' as IsoDate, content: aContent({ title: '新标题' }) }, at(20)], [{ type: 'submit', digest: OTHER_DIGEST }, at(21)]);
    const p1 = publicProjection(v2review, later)!;
    expect(p1).toMatchObject({ version: 1, title: '关于印发2026年部门预算的通知' });
    const v2 = run(v2review, [{ type: 'approve', clearance: { ...approved, digest: OTHER_DIGEST } }, at(22)], [{ type: 'publish' }, at(23)]);
    const p2 = publicProjection(v2, later)!;
    expect(p2).toMatchObject({ version: 2, title: '新标题', publishedAt: at(3), updatedAt: at(23) });
    expect(p2.revisions.map((r) => r.version)).toEqual([1, 2]);
  });

  it('copies nothing staff-only and drops related links to hidden items', () => {
    const withLinks = aPublished('a', aContent({ related: { interpretations: ['b', 'hidden'], clarifications: [], others: [] } }));
    const [p] = publicProjections([withLinks, aPublished('b'), aDraft('hidden')], later);
    expect(p!.related.interpretations).toEqual(['b']);
    const json = JSON.stringify(p);
    expect(json).not.toContain(DIGEST);
    expect(json).not.toContain('rev-1');
    expect(json).not.toContain('sha256');
  });

  it('hides items that are not 主动公开', () => {
    const r = aPublished('x', aContent({ disclosureAttribute: 'on-application', nonDisclosureReason: '依申请' }));
    expect(publicProjection(r, later)).toBeNull();
  });
});
