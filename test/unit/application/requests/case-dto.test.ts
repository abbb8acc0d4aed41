import { describe, expect, it } from 'vitest';
import { act, requestCase, requestQueue, requestQueueSchema, toRequestQueueDto, toStaffCaseDto, staffCaseSchema, submitOnline, toCaseSummaryDto, caseSummarySchema } from '#application/requests';
import { RequestRepository } from '#repositories/requests';
import { citizenForm, ID_NUMBER, people, requestDeps } from './support';

async function registeredCase() {
  const f = requestDeps();
  const { trackingNumber: tn } = await submitOnline(f.deps, {
    form: citizenForm({ contact: { phone: '13812345678', email: 'zhangsan@example.com', address: '示例市示例区人民路100号', postCode: '100000' } }),
    nonce: 'nonce-dto-000001',
  });
  await act(f.deps, people.clerk, tn, { command: 'register' });
  return { ...f, tn };
}

describe('the staff API’s view of an application', () => {
  it('lists what it shows: no sealed identity, no hashes, the ID number masked', async () => {
    const f = await registeredCase();
    const dto = toStaffCaseDto(await requestCase(f.deps, people.clerk, f.tn), people.clerk);
    const text = JSON.stringify(dto);
    for (const secret of [ID_NUMBER, 'idEncrypted', 'accessCodeHash', 'identityHash']) expect(text).not.toContain(secret);
    expect(dto).toMatchObject({ trackingNumber: f.tn, status: 'registered', handlerId: people.clerk.id, handlerName: people.clerk.displayName, applicant: { name: '张三', phone: '13812345678' } });
    expect(dto.applicant.idMasked).toMatch(/\*{4,}/);
    expect(dto.commands.length).toBeGreaterThan(0);
    expect(staffCaseSchema.parse(dto)).toEqual(dto);
  });

  it('masks contact details for a reviewer', async () => {
    const f = await registeredCase();
    const dto = toStaffCaseDto(await requestCase(f.deps, people.reviewer, f.tn), people.reviewer);
    expect(dto.applicant.phone).toBe('138****5678');
    expect(JSON.stringify(dto)).not.toContain('人民路100号');
  });

  it('does not pass on a field the stored record gains until it is listed', async () => {
    const f = await registeredCase();
    const repo = new RequestRepository(f.deps.records);
    const stored = (await repo.get(f.tn))!;
    await f.deps.records.commit([
      RequestRepository.updateChange({ ...stored.data, internalNote: '仅内部可见' } as typeof stored.data, stored.version, { type: 'request.test', actor: { kind: 'system', id: 'test' } }),
    ]);
    const dto = toStaffCaseDto(await requestCase(f.deps, people.clerk, f.tn), people.clerk);
    expect(JSON.stringify(dto)).not.toContain('仅内部可见');
  });

  it('answers a staff step with where the case stands, the handler included', async () => {
    const f = await registeredCase();
    const record = (await new RequestRepository(f.deps.records).get(f.tn))!;
    const dto = toCaseSummaryDto(record);
    expect(dto).toMatchObject({ trackingNumber: f.tn, version: record.version, status: 'registered', handlerId: people.clerk.id, provisional: false });
    expect(caseSummarySchema.parse(dto)).toEqual(dto);
  });

  it('lists the queue rows field by field, and nothing a stored record gains', async () => {
    const f = await registeredCase();
    const repo = new RequestRepository(f.deps.records);
    const stored = (await repo.get(f.tn))!;
    await f.deps.records.commit([
      RequestRepository.updateChange({ ...stored.data, internalNote: '仅内部可见' } as typeof stored.data, stored.version, { type: 'request.test', actor: { kind: 'system', id: 'test' } }),
    ]);
    const queue = await requestQueue(f.deps, {});
    const dto = toRequestQueueDto(queue);
    expect(dto.today).toBe(queue.today);
    expect(dto.items).toEqual([
      expect.objectContaining({
        trackingNumber: f.tn,
        status: 'registered',
        applicantName: '张三',
        handlerId: people.clerk.id,
        handlerName: people.clerk.displayName,
        duplicates: 0,
        urgency: expect.objectContaining({ urgency: 'normal' }),
      }),
    ]);
    const text = JSON.stringify(dto);
    for (const secret of ['仅内部可见', ID_NUMBER, 'accessCodeHash', 'identityHash', '13812345678']) expect(text).not.toContain(secret);
    expect(requestQueueSchema.parse(dto)).toEqual(dto);
    const grown = { ...queue, rows: queue.rows.map((r) => ({ ...r, internalNote: '仅内部可见', urgency: r.urgency && { ...r.urgency, internal: '内部' } })) };
    expect(JSON.stringify(toRequestQueueDto(grown))).not.toMatch(/仅内部可见|内部/);
  });
});
