import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS, REVIEW_TRANSITIONS, ReviewValidationError } from '#domain/secrecy';
import { parseReviewStepInput, REVIEW_STEP_FIELDS, REVIEW_STEP_SCHEMAS, resolutionOf } from '#domain/secrecy/commands';
import { fieldsOf as fieldsOfKind, formContract } from '#support/form-contract';

const fieldsOf = (run: () => unknown) => fieldsOfKind(run, ReviewValidationError);

const allNo = Object.fromEntries(CHECKLIST_ITEMS.map((item) => [`checklist.${item}`, 'no']));

describe('review commands: the schemas and the stage pipeline', () => {
  it('every form field is known to its command, and 必填 agrees both ways; every command has a schema', () => {
    expect(formContract(REVIEW_TRANSITIONS, REVIEW_STEP_FIELDS)).toEqual([]);
    expect(Object.keys(REVIEW_STEP_SCHEMAS).sort()).toEqual(REVIEW_TRANSITIONS.map((t) => t.command).sort());
    expect(REVIEW_TRANSITIONS.every((t) => t.form)).toBe(true);
  });

  it('the author cannot refer: the self-review form has no referral fields, the others do', () => {
    const names = (command: string) => REVIEW_TRANSITIONS.find((t) => t.command === command)!.form!.fields.map((f) => f.name);
    expect(names('signSelf')).not.toContain('conclusion.referTo');
    expect(names('signHead')).toEqual(expect.arrayContaining(['conclusion.referTo', 'conclusion.body']));
  });

  it('reads the 审查单 the form posts and the one the API sends as the same typed input', () => {
    const form = parseReviewStepInput('signHead', {
      ...allNo,
      'checklist.personal-privacy': 'yes',
      'checklist.personal-privacy.note': ' 含电话 ',
      conclusion: 'withhold',
      'conclusion.legalBasis': '条例第十四条',
      comments: '',
    });
    const json = parseReviewStepInput('signHead', {
      checklist: { ...Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, { involved: false }])), 'personal-privacy': { involved: true, note: '含电话' } },
      conclusion: { type: 'withhold', legalBasis: '条例第十四条' },
    });
    expect(form).toEqual(json);
    expect(form.conclusion).toEqual({ type: 'withhold', legalBasis: '条例第十四条' });
    expect(form.checklist['personal-privacy']).toEqual({ involved: true, note: '含电话' });
    expect(form).not.toHaveProperty('comments');
  });

  it('asks for every checklist answer and the conclusion by the form field, with the review’s messages', () => {
    const fields = fieldsOf(() => parseReviewStepInput('signSelf', { conclusion: 'disclose' }));
    expect(fields['checklist.state-secret']).toBe('请回答：是否涉及国家秘密。');
    expect(Object.keys(fields)).toHaveLength(CHECKLIST_ITEMS.length);
    expect(() => parseReviewStepInput('signSelf', allNo)).toThrow('审查单填写不完整');
    expect(fieldsOf(() => parseReviewStepInput('signSelf', allNo))).toEqual({ conclusion: '请选择审查结论。' });
  });

  it('the other steps: the return’s comments (form or API), a finding’s resolution (form or API), terms one per line, the reply', () => {
    expect(fieldsOf(() => parseReviewStepInput('return', { returnComments: ' ' }))).toEqual({ returnComments: '退回时请写明修改意见。' });
    const flat = parseReviewStepInput('resolveFinding', { findingId: 'f1', action: 'keep', reason: '办公电话' });
    expect(parseReviewStepInput('resolveFinding', { findingId: 'f1', resolution: { action: 'keep', reason: '办公电话' } })).toEqual(flat);
    expect(resolutionOf(flat)).toEqual({ action: 'keep', reason: '办公电话' });
    expect(fieldsOf(() => parseReviewStepInput('resolveFinding', { findingId: 'f1' }))).toEqual({ action: '请选择处理方式：删除或保留。' });
    expect(parseReviewStepInput('attachRedacted', { terms: '张某某\n\n 李四 \n' })).toEqual({ terms: ['张某某', '李四'] });
    expect(parseReviewStepInput('attachRedacted', { terms: ['王五'] })).toEqual({ terms: ['王五'] });
    expect(fieldsOf(() => parseReviewStepInput('referralReply', { reply: '' }))).toEqual({ reply: '请填写答复内容。' });
  });
});
