import { describe, expect, it } from 'vitest';
import { platformCaseTypes } from '#application/case-types';
import { CaseTypeRegistry, type CaseType } from '#application/case/registry';
import { createItem } from '#application/catalogue';
import { reportClarification } from '#application/clarifications';
import { actOnCorrection, submitCorrection } from '#application/corrections';
import { recomputeOpenDeadlines } from '#application/deadlines';
import { deadlineSummary, submitOnline } from '#application/requests';
import { RequestRepository } from '#repositories/requests';
import { isoDate } from '#domain/calendar';
import { loadCalendar } from '#application/calendar';
import { DeadlineIndex } from '#repositories/deadline-index';
import { itemInput } from '../catalogue/support';
import { PDF_BYTES, people } from '../clarifications/support';
import { citizenForm, requestDeps } from '../requests/support';
import { validResidentId } from '../secrecy/support';

describe('the case-type registry', () => {
  it('has a handler for every deadline kind the shipped case types put in the index', async () => {
    const { deps } = requestDeps();
    await submitOnline(deps, { form: citizenForm(), nonce: 'nonce-registry-request' });
    await createItem(deps, people.clerk, itemInput());
    await reportClarification(deps, { outlet: '某网站', description: '关于停水的不实传言' }, [], { ip: '10.0.0.1' });
    const form = { name: '张三', idNumber: validResidentId(), phone: '13800138000', recordDescription: 'r', inaccuracy: 'i', requestedCorrection: 'c' };
    const { trackingNumber } = await submitCorrection(deps, { form, nonce: 'nonce-registry-correction', evidence: [{ fileName: 'e.pdf', bytes: PDF_BYTES }] }, { ip: '10.0.0.1' });
    await actOnCorrection(deps, people.clerk, trackingNumber, 'register', {});
    // A served answer that withholds information waits for its Art. 18 review (the record as release leaves it).
    const { trackingNumber: withheld } = await submitOnline(deps, { form: citizenForm({ name: '李四' }), nonce: 'nonce-registry-withheld' });
    const requests = new RequestRepository(deps.records);
    const stored = (await requests.get(withheld))!;
    const served = { ...stored.data.case, status: 'released' as const, reReviewDue: isoDate('2027-03-02') };
    const data = { ...stored.data, case: served, openDeadline: deadlineSummary(served, null, undefined) };
    await deps.records.commit([RequestRepository.updateChange(data, stored.version, { type: 'request.test', actor: { kind: 'system', id: 'test' } })]);

    const open = await new DeadlineIndex(deps.records).dueFrom('2000-01-01');
    const kinds = new Set(open.items.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['clarification', 'correction', 'publication', 'request', 'request-re-review']);
    for (const kind of kinds) expect(platformCaseTypes().deadline(kind), kind).toBeDefined();
    expect(platformCaseTypes().deadlineKinds()).toEqual([...kinds].sort());
  });

  it('treats a deadline kind no case type handles as an error, and leaves its due date alone', async () => {
    const { deps } = requestDeps();
    await submitOnline(deps, { form: citizenForm(), nonce: 'nonce-registry-orphan' });
    const logged: string[] = [];
    const logger = { ...deps.logger, error: (message: string) => void logged.push(message) };
    const withoutRequests = new CaseTypeRegistry(platformCaseTypes().types.filter((t) => t.name !== 'request'));
    const calendar = await loadCalendar(deps);
    const report = await recomputeOpenDeadlines({ ...deps, logger, caseTypes: withoutRequests }, { ...calendar, version: 'changed' } as typeof calendar, '2000-01-01');
    expect(report).toMatchObject({ examined: 1, unregistered: 1, changed: 0 });
    expect(logged).toEqual(['deadline kind has no case type: its due date cannot follow the calendar']);
  });

  it('refuses a case type or deadline kind listed twice, and malformed kinds', () => {
    const one: CaseType = platformCaseTypes().types[0]!;
    expect(() => new CaseTypeRegistry([one, one])).toThrow('registered twice');
    expect(() => new CaseTypeRegistry([{ name: 'x', deadlines: [{ ...one.deadlines[0]!, kind: 'Bad Kind' }] }])).toThrow('lower-case');
    expect(() => new CaseTypeRegistry([one, { name: 'other', deadlines: one.deadlines }])).toThrow(`deadline kind ${one.deadlines[0]!.kind} registered twice`);
  });
});
