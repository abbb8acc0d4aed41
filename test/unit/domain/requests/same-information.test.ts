import { describe, expect, it } from 'vitest';
import { findSameInformation, sameInformationMarkers, type OtherApplication } from '#domain/requests';

const text = '2025年度本区老旧小区改造项目的资金预算及实施方案';
const other = (trackingNumber: string, applicantHash: string, t: string, documentNumber?: string): OtherApplication => ({
  trackingNumber,
  applicantHash,
  text: t,
  ...(documentNumber ? { documentNumber } : {}),
});

describe('Art. 44(1): markers that find applications for the same information', () => {
  it('gives the same markers for the same text however it is typed, and a 文号 marker in one form', () => {
    const a = sameInformationMarkers({ text: `申请公开${text}`, documentNumber: '区发[2025]3号' });
    const b = sameInformationMarkers({ text: `关于 ${text}。`, documentNumber: '区发〔2025〕3号' });
    expect(a).toEqual(b);
    expect(a[0]).toBe('doc:区发〔2025〕3号');
    expect(a.filter((m) => m.startsWith('band:'))).toHaveLength(10);
    expect(new Set(a).size).toBe(a.length);
  });

  it('shares a band between alike texts and almost never between unrelated ones', () => {
    const alike = sameInformationMarkers({ text: `${text}和招标文件` });
    const unrelated = sameInformationMarkers({ text: '市场监管局2024年食品抽检不合格企业名单' });
    const own = new Set(sameInformationMarkers({ text }));
    expect(alike.some((m) => own.has(m))).toBe(true);
    expect(unrelated.some((m) => own.has(m))).toBe(false);
  });

  it('leaves no band markers for a text too short to compare', () => {
    expect(sameInformationMarkers({ text: '文件' })).toEqual([]);
    expect(sameInformationMarkers({ text: '', documentNumber: ' ' })).toEqual([]);
  });
});

describe('Art. 44(1): several applicants asking for the same information', () => {
  const own = { applicantHash: 'A', text };

  it('counts distinct other applicants whose application is alike, most similar first', () => {
    const finding = findSameInformation(own, [
      other('YSQ-2026-000002', 'B', `${text}和招标文件`),
      other('YSQ-2026-000003', 'C', text),
      other('YSQ-2026-000004', 'C', text),
      other('YSQ-2026-000005', 'D', '市场监管局2024年食品抽检不合格企业名单'),
    ]);
    expect(finding.matches.map((m) => m.trackingNumber)).toEqual(['YSQ-2026-000003', 'YSQ-2026-000004', 'YSQ-2026-000002']);
    expect(finding.applicants).toBe(3);
    expect(finding.reached).toBe(true);
  });

  it("never counts the applicant's own repeated applications (Art. 36(6) is for those)", () => {
    const finding = findSameInformation(own, [other('YSQ-2026-000002', 'A', text)]);
    expect(finding).toEqual({ matches: [], applicants: 1, reached: false });
  });

  it('takes a shared 文号 with a weaker textual likeness, as the duplicate rule does', () => {
    const finding = findSameInformation({ ...own, documentNumber: '区发〔2025〕3号' }, [other('YSQ-2026-000002', 'B', '本区老旧小区改造项目资金预算', '区发(2025)3号')]);
    expect(finding.matches).toEqual([expect.objectContaining({ trackingNumber: 'YSQ-2026-000002', sameDocumentNumber: true })]);
    expect(findSameInformation(own, [other('YSQ-2026-000002', 'B', '本区老旧小区改造项目资金预算')]).matches).toEqual([]);
  });

  it('follows the configured number of applicants; 0 turns detection off', () => {
    const others = [other('YSQ-2026-000002', 'B', text)];
    expect(findSameInformation(own, others, { applicants: 2, months: 12 }).reached).toBe(true);
    expect(findSameInformation(own, others, { applicants: 3, months: 12 }).reached).toBe(false);
    expect(findSameInformation(own, others, { applicants: 0, months: 12 }).reached).toBe(false);
  });
});
