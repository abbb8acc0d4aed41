import { describe, expect, it } from 'vitest';
import { CORRECTION_TRANSITIONS, correctionCommandSchemas, parseCorrectionStep } from '#domain/corrections';
import { fieldsOf, formContract } from '#support/form-contract';

describe('correction commands: the schemas and the table', () => {
  it('every form field is known to its command, and 必填 agrees both ways', () => {
    expect(formContract(CORRECTION_TRANSITIONS, correctionCommandSchemas)).toEqual([]);
    expect(Object.keys(correctionCommandSchemas).sort()).toEqual(CORRECTION_TRANSITIONS.map((t) => t.command).sort());
  });

  it('registration takes the day of receipt, or none (the day it was submitted)', () => {
    expect(parseCorrectionStep('register', { receivedOn: '2026-03-02' })).toEqual({ type: 'register', receivedOn: '2026-03-02' });
    expect(parseCorrectionStep('register', { receivedOn: ' ' })).toEqual({ type: 'register' });
    expect(fieldsOf(() => parseCorrectionStep('register', { receivedOn: '3/2/2026' }))).toEqual({ receivedOn: '请按“年-月-日”填写。' });
  });

  it('a correction names the record and what was corrected; versions are whole numbers when given', () => {
    expect(parseCorrectionStep('recordCorrection', { recordType: 'document', recordId: ' doc-1 ', previousVersion: '1', newVersion: '2', summary: '姓名更正' })).toEqual({
      type: 'recordCorrection',
      recordType: 'document',
      recordId: 'doc-1',
      previousVersion: 1,
      newVersion: 2,
      summary: '姓名更正',
    });
    expect(parseCorrectionStep('recordCorrection', { recordType: '', recordId: 'i', previousVersion: '', summary: 'x' })).toEqual({ type: 'recordCorrection', recordId: 'i', summary: 'x' });
    expect(fieldsOf(() => parseCorrectionStep('recordCorrection', { recordType: 'item', recordId: 'i', summary: ' ' }))).toEqual({ summary: '请填写更正说明。' });
    expect(fieldsOf(() => parseCorrectionStep('recordCorrection', { recordType: 'x', recordId: '', previousVersion: '1.5', summary: 'y' }))).toEqual({
      recordType: '请选择记录类型。',
      recordId: '请填写被更正的记录编号。',
      previousVersion: '原版本号应为正整数。',
    });
  });

  it('refusal and referral need reasons', () => {
    expect(fieldsOf(() => parseCorrectionStep('decideRefuse', { reasons: '' }))).toEqual({ reasons: '请填写不予更正的理由。' });
    expect(fieldsOf(() => parseCorrectionStep('decideRefer', { competentAgency: '', reasons: 'x' }))).toEqual({ competentAgency: '请填写有权更正的行政机关。' });
    expect(() => parseCorrectionStep('decideRefer', { competentAgency: '市公安局' })).toThrow('请填写转送理由');
  });
});
