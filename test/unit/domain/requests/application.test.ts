import { describe, expect, it } from 'vitest';
import { isoDate, shippedWorkingCalendar } from '#domain/calendar';
import { CaseValidationError } from '#domain/case';
import { applicantColumn, confirmationOverdue, DEFAULT_RECEIPT_POLICY, letterConfirmationUrgency, identityKey, parseApplication, receiptDate, safeParseApplication } from '#domain/requests';
import { residentIdCheckChar, usccCheckChar } from '#domain/secrecy/checksums';

const ID17 = '11010119900307123';
const VALID_ID = ID17 + residentIdCheckChar(ID17);
const WRONG_ID = ID17 + (residentIdCheckChar(ID17) === '0' ? '1' : '0');
const USCC17 = '91110108000000001';
const VALID_USCC = USCC17 + usccCheckChar(USCC17);

const citizen = {
  applicantKind: 'citizen',
  name: '张三',
  idType: 'resident-id',
  idNumber: VALID_ID,
  contact: { phone: '13812345678' },
  requested: { documentTitle: '2025年度部门预算', documentNumber: '示政发〔2025〕3号' },
  provisionForm: 'electronic',
  deliveryMethod: 'download',
  channel: 'online',
};
const org = {
  ...citizen,
  applicantKind: 'organisation',
  organisationKind: 'legal-service',
  name: '示例律师事务所',
  idType: undefined,
  idNumber: undefined,
  creditCode: VALID_USCC,
  legalRepresentative: '李四',
  contactPerson: '王五',
};

describe('application form validation', () => {
  it('accepts a valid citizen and organisation', () => {
    expect(parseApplication(citizen).name).toBe('张三');
    expect(applicantColumn(parseApplication(org))).toBe('legal-service');
    expect(parseApplication({ ...citizen, idNumber: `  ${VALID_ID.toLowerCase()} ` }).idNumber).toBe(VALID_ID);
  });

  it.each([
    [{ idNumber: WRONG_ID }, 'idNumber', '居民身份证号码有误，请核对（应为18位，最后一位可能是X）。'],
    [{ idNumber: '110101900307123' }, 'idNumber', '第一代15位身份证已停止使用，请填写18位居民身份证号码。'],
    [{ idType: 'hk-macao-permit', idNumber: 'X1234567' }, 'idNumber', '港澳居民来往内地通行证号码应以H或M开头，后接8位或10位数字。'],
    [{ name: '' }, 'name', '请填写姓名或名称。'],
    [{ contact: {} }, 'contact', '请至少填写一种联系方式（电话、电子邮箱或通信地址），以便我们与您联系。'],
    [{ contact: { phone: '12345' } }, 'contact.phone', '联系电话格式有误，请填写手机号码或带区号的固定电话。'],
    [{ deliveryMethod: 'email' }, 'contact.email', '选择以电子邮件方式获取信息的，请填写电子邮箱。'],
    [{ deliveryMethod: 'post', provisionForm: 'paper' }, 'contact.address', '选择邮寄方式获取信息的，请填写通信地址。'],
    [{ requested: {} }, 'requested.description', '请填写所需信息的名称、文号或者便于查询的其他特征性描述。'],
    [{ requested: { description: '预算' } }, 'requested.description', '所需信息的描述过于简单，请写明信息的名称、文号或其他便于查询的特征。'],
    [{ requested: { description: '字'.repeat(2001) } }, 'requested.description', '所需信息的内容描述不能超过2000个字。'],
    [{ deliveryMethod: 'smoke-signal' }, 'deliveryMethod', '请选择获取信息的方式。'],
    [{ channel: 'oral' }, 'recordedBy', '口头申请须记录代为填写的工作人员。'],
  ])('citizen %j → %s: %s', (patch, field, message) => {
    const r = safeParseApplication({ ...citizen, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields[field]).toBe(message);
  });

  it.each([
    [{ creditCode: VALID_USCC.slice(0, 17) + (VALID_USCC[17] === '0' ? '1' : '0') }, 'creditCode', '统一社会信用代码有误，请核对（18位，不含I、O、Z、S、V）。'],
    [{ legalRepresentative: '' }, 'legalRepresentative', '请填写法定代表人或负责人。'],
    [{ organisationKind: undefined }, 'organisationKind', '请选择组织类别。'],
  ])('organisation %j → %s', (patch, field, message) => {
    const r = safeParseApplication({ ...org, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields[field]).toBe(message);
  });

  it('lets an unregistered 其他组织 apply with another registration document instead of a USCC, never with neither', () => {
    const committee = { ...org, organisationKind: 'other', name: '示例小区业主委员会', creditCode: undefined, orgDocument: '业主委员会备案证明 示住备〔2025〕18号' };
    const parsed = parseApplication(committee);
    expect(identityKey(parsed)).toBe('org:业主委员会备案证明示住备〔2025〕18号');
    const r = safeParseApplication({ ...committee, orgDocument: undefined });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields['creditCode']).toContain('没有统一社会信用代码的其他组织');
  });

  it('takes a proxy application with the agent identified; fees and duplicates count against the applicant', () => {
    const agent = { name: '赵律师', idType: 'resident-id', idNumber: VALID_ID };
    const agentId = '11010119800101001' + residentIdCheckChar('11010119800101001');
    const byAgent = parseApplication({ ...citizen, agent: { ...agent, idNumber: agentId } });
    expect(byAgent.agent).toEqual({ name: '赵律师', idType: 'resident-id', idNumber: agentId });
    expect(identityKey(byAgent)).toBe(identityKey(parseApplication(citizen)));
    const r = safeParseApplication({ ...citizen, agent: { ...agent, idNumber: WRONG_ID } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields['agent.idNumber']).toContain('居民身份证号码有误');
  });

  it('throws CaseValidationError with fields', () => {
    try {
      parseApplication({ ...citizen, name: '' });
      expect.fail();
    } catch (e) {
      expect(e).toBeInstanceOf(CaseValidationError);
      expect((e as CaseValidationError).status).toBe(400);
      expect((e as CaseValidationError).fields.name).toBeDefined();
    }
  });
});

describe('receipt date (Art. 31)', () => {
  // 2026-02-10T17:30Z is already 2026-02-11 in Asia/Shanghai.
  const at = new Date('2026-02-10T17:30:00Z');
  it.each([
    ['online', {}, undefined, { status: 'received', date: '2026-02-11' }],
    ['online', {}, 'clerk-confirmation', { status: 'pending', awaiting: 'confirmation' }],
    ['online', { confirmedOn: isoDate('2026-02-12') }, 'clerk-confirmation', { status: 'received', date: '2026-02-12' }],
    ['in-person', {}, undefined, { status: 'received', date: '2026-02-11' }],
    ['oral', {}, undefined, { status: 'received', date: '2026-02-11' }],
    ['post-signed', {}, undefined, { status: 'pending', awaiting: 'signature' }],
    ['post-signed', { signedForOn: isoDate('2026-02-13') }, undefined, { status: 'received', date: '2026-02-13' }],
    ['ordinary-letter', {}, undefined, { status: 'pending', awaiting: 'confirmation' }],
    ['fax', { confirmedOn: isoDate('2026-02-12') }, undefined, { status: 'received', date: '2026-02-12' }],
  ] as const)('%s %j (%s)', (channel, extra, online, expected) => {
    const r = receiptDate({ channel, submittedAt: at, ...extra }, online ? { ...DEFAULT_RECEIPT_POLICY, online } : undefined);
    expect(r).toMatchObject(expected);
  });

  it('alerts when an online application stays unconfirmed after one working day', () => {
    const cal = shippedWorkingCalendar();
    const policy = { ...DEFAULT_RECEIPT_POLICY, online: 'clerk-confirmation' } as const;
    const f = { channel: 'online' as const, submittedAt: at };
    expect(confirmationOverdue(f, isoDate('2026-02-11'), cal, policy)).toBe(false);
    expect(confirmationOverdue(f, isoDate('2026-02-12'), cal, policy)).toBe(true);
    expect(confirmationOverdue(f, isoDate('2026-02-12'), cal)).toBe(false);
  });

  it('reminds of an unconfirmed ordinary letter from the reminder hour of its arrival day (Beijing time), and after that day', () => {
    const arrivedOn = isoDate('2026-02-10');
    expect(letterConfirmationUrgency(arrivedOn, new Date('2026-02-10T06:59:59+08:00'))).toBeUndefined();
    expect(letterConfirmationUrgency(arrivedOn, new Date('2026-02-10T15:00:00+08:00'))).toBe('due-today');
    // 23:30 in Beijing is still the arrival day, though it is 15:30 UTC.
    expect(letterConfirmationUrgency(arrivedOn, new Date('2026-02-10T23:30:00+08:00'))).toBe('due-today');
    expect(letterConfirmationUrgency(arrivedOn, new Date('2026-02-11T00:10:00+08:00'))).toBe('overdue');
    expect(letterConfirmationUrgency(arrivedOn, new Date('2026-02-09T16:00:00+08:00'))).toBeUndefined();
    expect(letterConfirmationUrgency(arrivedOn, new Date('2026-02-10T09:00:00+08:00'), { ...DEFAULT_RECEIPT_POLICY, letterConfirmationReminderHour: 9 })).toBe('due-today');
  });
});
