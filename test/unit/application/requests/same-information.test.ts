import { describe, expect, it } from 'vitest';
import { requestCase, submitOnline } from '#application/requests';
import { agencyPolicy } from '#domain/policy';
import { citizenForm, people, requestDeps, saveAgencyProfile, validResidentId } from './support';

let n = 0;
const nonce = () => `nonce-same-info-${++n}-abcdef`;
const requested = { documentTitle: '2025年度老旧小区改造项目资金预算及实施方案', description: '请提供实施方案全文和资金预算表' };

async function platform() {
  const f = requestDeps();
  await saveAgencyProfile(f.deps);
  const apply = (idNumber: string, overrides: Record<string, unknown> = {}) =>
    submitOnline(f.deps, { form: citizenForm({ idNumber, requested, ...overrides }), nonce: nonce() }).then((r) => r.trackingNumber);
  return { ...f, apply };
}

describe('Art. 44(1): several applicants asking for the same information', () => {
  it('shows each application the other applicants’ applications for the same information, both ways', async () => {
    const f = await platform();
    const first = await f.apply(validResidentId('11010519800101001'));
    f.clock.advance(60 * 24 * 3);
    const second = await f.apply(validResidentId('11010519800101002'), { requested: { documentTitle: '老旧小区改造项目2025年度资金预算及实施方案', description: '实施方案和预算表' } });
    const third = await f.apply(validResidentId('11010519800101003'), { requested: { documentTitle: '2024年食品安全抽检结果', description: '不合格企业名单' } });

    const view = await requestCase(f.deps, people.clerk, first);
    expect(view.sameInformation.matches.map((m) => m.trackingNumber)).toEqual([second]);
    expect(view.sameInformation).toMatchObject({ applicants: 2, reached: true });
    expect((await requestCase(f.deps, people.clerk, second)).sameInformation.matches.map((m) => m.trackingNumber)).toEqual([first]);
    expect((await requestCase(f.deps, people.clerk, third)).sameInformation).toEqual({ applicants: 1, reached: false, matches: [] });
  });

  it("does not count the same applicant twice, nor applications outside the agency's window", async () => {
    const f = await platform();
    const id = validResidentId('11010519800101004');
    const first = await f.apply(id);
    await f.apply(id);
    expect((await requestCase(f.deps, people.clerk, first)).sameInformation).toMatchObject({ applicants: 1, reached: false });

    f.clock.advance(60 * 24 * 400);
    const late = await f.apply(validResidentId('11010519800101005'));
    expect((await requestCase(f.deps, people.clerk, late)).sameInformation.matches).toEqual([]);
  });

  it('follows the configured number of applicants, and leaves no markers when detection is off', async () => {
    const f = await platform();
    const deps = { ...f.deps, policy: agencyPolicy({ workflow: { sameInformation: { applicants: 3, months: 12 } } }) };
    const first = await submitOnline(deps, { form: citizenForm({ idNumber: validResidentId('11010519800101006'), requested }), nonce: nonce() });
    await submitOnline(deps, { form: citizenForm({ idNumber: validResidentId('11010519800101007'), requested }), nonce: nonce() });
    expect((await requestCase(deps, people.clerk, first.trackingNumber)).sameInformation).toMatchObject({ applicants: 2, reached: false });

    const off = { ...f.deps, policy: agencyPolicy({ workflow: { sameInformation: { applicants: 0, months: 12 } } }) };
    const other = { documentTitle: '另一事项的专门文件汇编', description: '全部' };
    await submitOnline(off, { form: citizenForm({ idNumber: validResidentId('11010519800101008'), requested: other }), nonce: nonce() });
    const later = await submitOnline(f.deps, { form: citizenForm({ idNumber: validResidentId('11010519800101009'), requested: other }), nonce: nonce() });
    expect((await requestCase(f.deps, people.clerk, later.trackingNumber)).sameInformation.matches).toEqual([]);
    expect((await requestCase(off, people.clerk, later.trackingNumber)).sameInformation).toEqual({ applicants: 1, reached: false, matches: [] });
  });
});
