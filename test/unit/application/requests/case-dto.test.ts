import { describe, expect, it } from 'vitest';
import { act, requestCase, staffCaseDto, staffCaseSchema, submitOnline } from '#application/requests';
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
    const dto = staffCaseDto(await requestCase(f.deps, people.clerk, f.tn), people.clerk);
    const text = JSON.stringify(dto);
    for (const secret of [ID_NUMBER, 'idEncrypted', 'accessCodeHash', 'identityHash']) expect(text).not.toContain(secret);
    expect(dto).toMatchObject({ trackingNumber: f.tn, status: 'registered', handlerId: people.clerk.id, handlerName: people.clerk.displayName, applicant: { name: '张三', phone: '13812345678' } });
    expect(dto.applicant.idMasked).toMatch(/\*{4,}/);
    expect(dto.commands.length).toBeGreaterThan(0);
    expect(staffCaseSchema.parse(dto)).toEqual(dto);
  });

  it('masks contact details for a reviewer', async () => {
    const f = await registeredCase();
    const dto = staffCaseDto(await requestCase(f.deps, people.reviewer, f.tn), people.reviewer);
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
    const dto = staffCaseDto(await requestCase(f.deps, people.clerk, f.tn), people.clerk);
    expect(JSON.stringify(dto)).not.toContain('仅内部可见');
  });
});
