import { describe, expect, it } from 'vitest';
import { PUBLISHING_STEPS } from '#domain/catalogue';
import { ITEM_STEP_SCHEMAS, parseItemStepInput } from '#domain/catalogue/commands';
import { fieldsOf, formContract } from '#support/form-contract';

describe('item commands: the schemas and the publishing table', () => {
  it('every form field is known to its command, and 必填 agrees both ways; every step with a form has a schema and no schema lacks its form', () => {
    const withForm = PUBLISHING_STEPS.filter((t) => t.form);
    expect(formContract(withForm, ITEM_STEP_SCHEMAS as never)).toEqual([]);
    expect(Object.keys(ITEM_STEP_SCHEMAS).sort()).toEqual(withForm.map((t) => t.command).sort());
  });

  it('parses a posted form: trimmed reasons, blank optional fields left out, a Beijing time with T or a space', () => {
    expect(parseItemStepInput('return', { reason: '  附件缺页  ' })).toEqual({ reason: '附件缺页' });
    expect(parseItemStepInput('markValidity', { status: 'repealed', since: '2026-03-01', note: ' ' })).toEqual({ status: 'repealed', since: '2026-03-01' });
    expect(parseItemStepInput('schedule', { publishAt: '2026-03-02 09:00' })).toEqual({ publishAt: '2026-03-02 09:00' });
    expect(parseItemStepInput('submit', { anything: 'x' })).toEqual({});
  });

  it('refuses with the Chinese messages the pages and the API show, under the form field', () => {
    expect(() => parseItemStepInput('withdraw', { reason: '撤' })).toThrow('请填写撤回理由');
    expect(fieldsOf(() => parseItemStepInput('withdraw', { reason: '撤' }))).toEqual({ reason: '请写明撤回的理由（至少 4 个字），理由将记录在案。' });
    expect(fieldsOf(() => parseItemStepInput('revise', { changedOn: '3月1日' }))).toEqual({ changedOn: '变更日期格式应为YYYY-MM-DD' });
    expect(fieldsOf(() => parseItemStepInput('markValidity', { status: 'gone' }))).toEqual({ status: '请选择有效性' });
    expect(fieldsOf(() => parseItemStepInput('schedule', {}))).toEqual({ publishAt: '请填写发布时间' });
    expect(fieldsOf(() => parseItemStepInput('return', { reason: '   ' }))).toEqual({ reason: '请填写退回理由' });
  });
});
