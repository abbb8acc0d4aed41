import { describe, expect, it } from 'vitest';
import { CaseValidationError } from '#domain/case';
import { ANSWER_FIELDS, decisionSchema, REQUEST_TRANSITIONS, RESPONSE_TYPES } from '#domain/requests';
import { z } from '#domain/zod';
import { parseStepInput, REQUEST_STEP_SCHEMAS, requestCommand } from '#domain/requests/commands';
import { formContract } from '#support/form-contract';

describe('the command schemas beside the request table (contract)', () => {
  it('every step has a schema; every field of its form is known to it, 必填 agrees both ways, and every offered option parses', () => {
    expect(formContract(REQUEST_TRANSITIONS, REQUEST_STEP_SCHEMAS)).toEqual([]);
  });

  it('the answer forms are the facts of each response type, one form per type', () => {
    expect(Object.keys(ANSWER_FIELDS).sort()).toEqual([...RESPONSE_TYPES].sort());
    const draft = REQUEST_TRANSITIONS.find((t) => t.command === 'draftAnswer')!;
    expect(draft.form?.fields.map((f) => f.name)).toEqual(['type']);
  });
});

/** The schemas a dotted form path reaches (`grounds.0.reason`), and whether it is always required there. */
function reach(schema: z.ZodType, path: readonly string[], mandatory = true, conditional = false): { mandatory: boolean; conditional: boolean }[] {
  if (schema instanceof z.ZodOptional) return reach(schema.unwrap() as z.ZodType, path, false, conditional);
  if (path.length === 0) return [{ mandatory, conditional }];
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((o) => reach(o, path, mandatory, true));
  if (schema instanceof z.ZodArray && /^\d+$/.test(path[0]!)) return reach(schema.element as z.ZodType, path.slice(1), mandatory, conditional);
  if (schema instanceof z.ZodObject) {
    const next = (schema.shape as Record<string, z.ZodType | undefined>)[path[0]!];
    return next ? reach(next, path.slice(1), mandatory, conditional) : [];
  }
  return [];
}

describe('the answer forms and the decision schema (contract)', () => {
  it('every field of each type’s form is a path of that type’s decision, required where the decision always requires it', () => {
    for (const type of RESPONSE_TYPES) {
      const option = decisionSchema.options.find((o) => o.shape.type.value === type)!;
      for (const f of ANSWER_FIELDS[type]) {
        const found = reach(option, f.name.split('.'));
        expect(found.length, `${type}: ${f.name}`).toBeGreaterThan(0);
        // Withholding facts depend on the ground chosen: the form cannot mark them 必填, only the ground.
        if (found.every((x) => !x.conditional)) expect(f.required ?? false, `${type}: ${f.name}`).toBe(found.every((x) => x.mandatory));
        else if (f.required)
          expect(
            found.every((x) => x.mandatory),
            `${type}: ${f.name}`,
          ).toBe(true);
      }
    }
  });
});

describe('parseStepInput', () => {
  it('reads form strings and JSON values alike; blank is absent', () => {
    expect(parseStepInput('requestSupplement', { deficiencies: ' 写明年份 \n\n 附表名称 ', periodWorkingDays: '5', supplementStillUnclear: 'yes' })).toEqual({
      deficiencies: ['写明年份', '附表名称'],
      periodWorkingDays: 5,
      supplementStillUnclear: true,
    });
    expect(parseStepInput('requestSupplement', { deficiencies: ['写明年份'], periodWorkingDays: 5, supplementStillUnclear: true })).toEqual({
      deficiencies: ['写明年份'],
      periodWorkingDays: 5,
      supplementStillUnclear: true,
    });
    expect(parseStepInput('recordSupplement', { receivedOn: '' })).toEqual({});
    expect(parseStepInput('release', {})).toEqual({});
  });

  it('refuses with a Chinese message naming the field', () => {
    const refused = (command: keyof typeof REQUEST_STEP_SCHEMAS, input: unknown) => {
      try {
        parseStepInput(command, input);
      } catch (e) {
        expect(e).toBeInstanceOf(CaseValidationError);
        return (e as CaseValidationError).fields;
      }
      throw new Error('accepted');
    };
    expect(refused('requestExtension', { workingDays: '十', reason: ' ' })).toEqual({ workingDays: '请填写延长的工作日数（整数）。', reason: '请填写延长答复期限的理由。' });
    expect(refused('setDelayedReply', { due: '2026/03/01', reason: '量大' })).toEqual({ due: '请填写延迟答复期限（YYYY-MM-DD）。' });
    expect(refused('requestSupplement', { deficiencies: '\n  \n' })).toEqual({ deficiencies: '请逐项列明需要补正的内容。' });
    expect(refused('abandonNoSupplement', {})).toEqual({ noJustifiableReason: '请确认申请人无正当理由逾期未补正。' });
    expect(refused('recordAgencyOpinion', { opinion: 'maybe' })).toEqual({ opinion: '请选择同意、反对或逾期未答复。' });
    expect(refused('reassign', { handlerId: 'x', reason: '' })).toEqual({ reason: '请填写变更承办人的理由。' });
    expect(refused('startAgencyConsultation', {})).toEqual({ consultee: '请填写征求意见的机关名称。', concerning: '请说明拟公开的信息及共同制作的情况。' });
  });

  it('requestCommand adds the ids the case records need, unless given', () => {
    expect(requestCommand('startThirdPartyConsultation', { consultee: '某公司', concerning: '投标文件中的报价' }, () => 'id-1')).toEqual({
      type: 'startThirdPartyConsultation',
      consultationId: 'id-1',
      consultee: '某公司',
      concerning: '投标文件中的报价',
    });
    expect(requestCommand('issueFeeNotice', { method: 'per-volume', pages: '40', feeNoticeId: 'f-9' }, () => 'id-1')).toEqual({
      type: 'issueFeeNotice',
      feeNoticeId: 'f-9',
      choice: { method: 'per-volume', pages: 40 },
    });
    // The month's count comes from the records, never from the form.
    expect(requestCommand('issueFeeNotice', { method: 'per-application', monthlyOrdinal: '40' }, () => 'id-1', { monthlyOrdinal: 12 })).toEqual({
      type: 'issueFeeNotice',
      feeNoticeId: 'id-1',
      choice: { method: 'per-application', monthlyOrdinal: 12 },
    });
    expect(() => requestCommand('issueFeeNotice', { method: 'per-volume' }, () => 'id-1')).toThrow('请填写页数');
    expect(requestCommand('register', { receivedOn: '2026-03-02', extra: 'ignored' }, () => 'id-1')).toEqual({ type: 'register', receivedOn: '2026-03-02' });
  });
});
