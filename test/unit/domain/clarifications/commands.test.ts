import { describe, expect, it } from 'vitest';
import { CLARIFICATION_TRANSITIONS, clarificationCommandSchemas, parseClarificationStep } from '#domain/clarifications';
import { fieldsOf, formContract } from '#support/form-contract';

const draft = { title: '关于“某路段将收费”的澄清说明', falseClaim: '网传某路段自3月起收费。', facts: '经核实，该路段不收费。', sources: '市交通运输局', relatedItemIds: 'item-1' };

describe('clarification commands: the schemas and the table', () => {
  it('every form field is known to its command, and 必填 agrees both ways', () => {
    expect(formContract(CLARIFICATION_TRANSITIONS, clarificationCommandSchemas)).toEqual([]);
    expect(Object.keys(clarificationCommandSchemas).sort()).toEqual(CLARIFICATION_TRANSITIONS.map((t) => t.command).sort());
  });

  it('parses a posted form into the typed command: trimmed text, one item per line, yes/no as a boolean', () => {
    expect(parseClarificationStep('saveDraft', { ...draft, sources: ' 市交通运输局 \r\n\r\n市人民政府公告 ', relatedItemIds: 'item-1\nitem-1\n' })).toEqual({
      type: 'saveDraft',
      ...draft,
      sources: ['市交通运输局', '市人民政府公告'],
      relatedItemIds: ['item-1'],
    });
    expect(parseClarificationStep('saveDraft', { ...draft, sources: ['a'], relatedItemIds: [] })).toMatchObject({ sources: ['a'], relatedItemIds: [] });
    expect(parseClarificationStep('recordFollowUp', { reach: ' 已平息 ', furtherStatementNeeded: 'yes' })).toEqual({ type: 'recordFollowUp', reach: '已平息', furtherStatementNeeded: true });
    expect(parseClarificationStep('recordFollowUp', { reach: '已平息' }).furtherStatementNeeded).toBe(false);
    const assessment = { falsity: 'false', impact: 'high', note: '传播较广', responsibleDepartment: '市交通运输局' };
    expect(parseClarificationStep('recordAssessment', { ...assessment, _csrf: 't', version: '3' })).toEqual({ type: 'recordAssessment', aboutAgencyWork: true, ...assessment });
    expect(parseClarificationStep('recordAssessment', { ...assessment, aboutAgencyWork: false }).aboutAgencyWork).toBe(false);
  });

  it('an assessment needs a listed conclusion and impact, the department and the note', () => {
    expect(fieldsOf(() => parseClarificationStep('recordAssessment', { falsity: 'false', impact: 'high', responsibleDepartment: '市交通运输局', note: ' ' }))).toEqual({ note: '请填写研判意见。' });
    expect(fieldsOf(() => parseClarificationStep('recordAssessment', { falsity: 'nope', impact: '', responsibleDepartment: 'x', note: 'y' }))).toEqual({
      falsity: '请选择研判结论。',
      impact: '请选择影响程度。',
    });
  });

  it('a draft needs the false claim, the facts and a source; related items are item ids', () => {
    expect(() => parseClarificationStep('saveDraft', { ...draft, sources: ' ' })).toThrow('请填写信息来源或依据');
    expect(fieldsOf(() => parseClarificationStep('saveDraft', { ...draft, falseClaim: '' }))).toEqual({ falseClaim: '请填写需要澄清的说法。' });
    expect(Object.keys(fieldsOf(() => parseClarificationStep('saveDraft', { ...draft, relatedItemIds: '<x>' })))).toEqual(['relatedItemIds.0']);
    expect(fieldsOf(() => parseClarificationStep('saveDraft', { ...draft, sources: Array.from({ length: 11 }, (_, i) => `s${i}`) }))).toEqual({ sources: '来源不能超过 10 项。' });
    expect(fieldsOf(() => parseClarificationStep('saveDraft', { ...draft, title: 'x'.repeat(201) }))).toEqual({ title: '澄清标题不能超过 200 个字。' });
  });

  it('closing as unfounded needs a listed reason and a note', () => {
    expect(Object.keys(fieldsOf(() => parseClarificationStep('closeUnfounded', { reason: 'nope', note: 'x' })))).toEqual(['reason']);
    expect(fieldsOf(() => parseClarificationStep('closeUnfounded', { reason: 'no-impact', note: '' }))).toEqual({ note: '请填写具体说明。' });
  });

  it('a reason is asked for where the step changes course, and nothing where the step needs nothing', () => {
    expect(fieldsOf(() => parseClarificationStep('markUrgent', {}))).toEqual({ reason: '请填写紧急的理由。' });
    expect(fieldsOf(() => parseClarificationStep('returnToDrafting', { reason: '  ' }))).toEqual({ reason: '请填写退回理由。' });
    expect(parseClarificationStep('approve', { anything: 'ignored' })).toEqual({ type: 'approve' });
  });
});
