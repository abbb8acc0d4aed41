import { describe, expect, it } from 'vitest';
import { act, requestQueue, submitOnline, trackApplication } from '#application/requests';
import { ConflictError, RateLimitedError } from '#domain/errors';
import { DeadlineIndex } from '#repositories/deadline-index';
import { keys } from '#repositories/keys';
import { RequestRepository } from '#repositories/requests';
import { localDeps } from '#support/local-stack';
import { citizenForm, ID_NUMBER, people } from '../../unit/application/requests/support';

/** Applications on DynamoDB Local: one transaction per step, the three indexes, idempotency and races. */
describe('requests on the real adapters', () => {
  it('submits once per form, indexes the case, tracks with limits and lets one of two clerks win', async () => {
    const { deps } = await localDeps({ seed: false });
    const nonce = `integration-${Date.now()}`;
    const [a, b] = await Promise.all([submitOnline(deps, { form: citizenForm(), nonce }), submitOnline(deps, { form: citizenForm(), nonce })]);
    expect(b.trackingNumber).toBe(a.trackingNumber);
    const tn = a.trackingNumber;
    const repo = new RequestRepository(deps.records);
    const record = (await repo.get(tn))!;
    expect(JSON.stringify(record)).not.toContain(ID_NUMBER);

    // GSI1 (queue by status and due), GSI2 (open deadline), GSI3 (same applicant).
    expect((await requestQueue(deps, { status: 'submitted' })).rows.map((r) => r.trackingNumber)).toEqual([tn]);
    const open = await new DeadlineIndex(deps.records).dueThrough('2099-12-31');
    expect(open.items.map((i) => i.caseId)).toContain(tn);
    expect((await repo.byApplicant(record.data.identityHash)).map((r) => r.data.case.trackingNumber)).toEqual([tn]);
    const second = await submitOnline(deps, { form: citizenForm(), nonce: `${nonce}-2` });
    expect(second.duplicates.map((d) => d.earlierTrackingNumber)).toEqual([tn]);

    expect((await trackApplication(deps, { trackingNumber: tn, accessCode: a.accessCode }, { ip: 'it' })).data.case.trackingNumber).toBe(tn);
    let limited: unknown;
    // After 10 wrong codes the number is slowed to one try per fixed 10-second window (real clock here):
    // a window boundary between the 11th and 12th try lets both through, so allow a few more.
    for (let i = 0; i < 15 && !limited; i++)
      await trackApplication(deps, { trackingNumber: tn, accessCode: 'WRONGCODE1' }, { ip: `it-${i}` }).catch((e: unknown) => (limited = e instanceof RateLimitedError ? e : undefined));
    expect(limited).toBeInstanceOf(RateLimitedError);

    const results = await Promise.allSettled([
      act(deps, people.clerk, tn, { command: 'register', expectedVersion: record.version }),
      act(deps, people.clerk2, tn, { command: 'register', expectedVersion: record.version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const after = (await repo.get(tn))!;
    expect(after.data.case.status).toBe('registered');
    expect((await requestQueue(deps, { status: 'submitted' })).rows.map((r) => r.trackingNumber)).toEqual([second.trackingNumber]);
    expect((await deps.records.history(keys.request(tn))).map((e) => e.type)).toEqual(['request.submitted', 'request.register']);
  });
});
