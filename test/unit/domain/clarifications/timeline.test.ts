import { describe, expect, it } from 'vitest';
import { normaliseTimeline, normaliseTimelineEntry, type LegacyTimelineEntry } from '#domain/clarifications';
import type { CaseTimelineEntry } from '#domain/case';

describe('timelines stored before the case kernel', () => {
  it('read in the kernel shape: type for command, actor for by, the Shanghai date, public', () => {
    const staffLine: LegacyTimelineEntry = { at: '2026-03-02T17:30:00.000Z', command: 'recordVerification', label: '登记核实情况', by: { id: 'id-clerk', name: '王晓明' }, note: '已核实' };
    expect(normaliseTimelineEntry(staffLine)).toEqual({
      at: '2026-03-02T17:30:00.000Z',
      on: '2026-03-03', // 01:30 in Beijing
      type: 'recordVerification',
      label: '登记核实情况',
      actor: { kind: 'staff', id: 'id-clerk', name: '王晓明' },
      public: false,
      note: '已核实',
    });
  });

  it('keeps the public flag of correction lines, and reads a line without a name as the applicant', () => {
    const submitted: LegacyTimelineEntry = { at: '2026-03-02T02:00:00.000Z', command: 'submit', label: '网上提交更正申请', by: { id: 'GZ-2026-000001' }, public: true };
    expect(normaliseTimelineEntry(submitted)).toEqual({
      at: submitted.at,
      on: '2026-03-02',
      type: 'submit',
      label: '网上提交更正申请',
      actor: { kind: 'applicant', id: 'GZ-2026-000001' },
      public: true,
    });
    const report: LegacyTimelineEntry = { at: '2026-03-02T02:00:00.000Z', command: 'report', label: '收到公众反映', by: { id: 'public' } };
    expect(normaliseTimelineEntry(report)).toMatchObject({ actor: { kind: 'applicant', id: 'public' }, public: false });
  });

  it('leaves lines already in the kernel shape alone, and reads a missing timeline as empty', () => {
    const line: CaseTimelineEntry = { at: '2026-03-02T02:00:00.000Z', on: '2026-03-02', type: 'close', label: '办结', actor: { kind: 'staff', id: 's', name: '张' }, public: false };
    expect(normaliseTimelineEntry(line)).toBe(line);
    expect(normaliseTimeline([line])).toEqual([line]);
    expect(normaliseTimeline(undefined)).toEqual([]);
  });
});
