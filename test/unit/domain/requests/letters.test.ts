import { describe, expect, it } from 'vitest';
import { isoDate } from '#domain/calendar';
import { CaseValidationError } from '#domain/case';
import { DEFAULT_LETTER_POLICY, RESPONSE_TYPES, editLetter, generateAnswerLetter, legalBasisOf, parseDecision, tableBRow, type DecisionInput, type ResponseType } from '#domain/requests';
import { agency, application, privacyPart } from './support';

const provision = { form: 'electronic', method: 'email', timeAndPlace: '随本告知书一并提供' } as const;
const ground = { ground: 'process-information', kind: 'draft', discretionReason: '该事项尚未决定，公开可能引起误解' } as const;
const decisions: Record<ResponseType, [DecisionInput, string, string]> = {
  'already-public': [{ type: 'already-public', whereToFind: '本机关门户网站“法定主动公开内容”栏目' }, '第三十六条第（一）项', 'disclosed'],
  disclosed: [{ type: 'disclosed', provision }, '第三十六条第（二）项', 'disclosed'],
  withheld: [{ type: 'withheld', facts: '您申请的是某项目评审会议记录', grounds: [ground] }, '第十六条第二款', 'withheld-6'],
  partial: [
    {
      type: 'partial',
      provision,
      withheldParts: [privacyPart],
    },
    '第三十七条',
    'partial',
  ],
  'does-not-exist': [{ type: 'does-not-exist', searchScope: '本机关文书档案系统及办公室纸质档案', searchMethods: '按标题和文号关键词检索' }, '第三十六条第（四）项', 'unavailable-1'],
  'not-this-agency': [
    { type: 'not-this-agency', reason: '该信息由市自然资源局制作', competentAgency: { name: '示例市自然资源局', contact: '0101-12345678' } },
    '第三十六条第（五）项',
    'unavailable-1',
  ],
  'repeat-request': [{ type: 'repeat-request', earlierTrackingNumber: 'YSQ-2026-000001', earlierAnswerDate: '2026年1月5日' }, '第三十六条第（六）项', 'not-processed-2'],
  'special-regime': [{ type: 'special-regime', regime: '不动产登记资料查询', lawReference: '《不动产登记暂行条例》第二十七条' }, '第三十六条第（七）项', 'withheld-8'],
  'not-government-information': [{ type: 'not-government-information', reason: '您要求本机关解释有关政策的适用，不是行政机关已制作或者获取的信息' }, '第二条', 'other-3'],
  'no-duty-to-create': [{ type: 'no-duty-to-create', reason: '您要求的统计数据需对现有信息进行汇总分析' }, '第三十八条', 'unavailable-2'],
  'petition-complaint': [{ type: 'petition-complaint', properChannel: '信访渠道' }, '第三十九条第一款', 'not-processed-1'],
  publication: [{ type: 'publication', whereToObtain: '本市新华书店或《示例市人民政府公报》网站' }, '第三十九条第二款', 'not-processed-3'],
  'unreasonable-volume': [{ type: 'unreasonable-volume', explanationRequestedOn: '2026年2月1日', reason: '您一个月内提交申请120件且未说明合理理由' }, '第三十五条', 'not-processed-4'],
  'confirm-or-reissue': [{ type: 'confirm-or-reissue', reason: '该信息您已获取' }, '第二条', 'not-processed-5'],
  'still-unclear': [{ type: 'still-unclear', supplementRequestedOn: '2026年2月12日', supplementReceivedOn: '2026年3月2日', reason: '仍未说明所需信息的时间和事项' }, '第三十条', 'unavailable-3'],
};

describe('answer letters', () => {
  it('covers every response type', () => expect(Object.keys(decisions).sort()).toEqual([...RESPONSE_TYPES].sort()));

  it.each(Object.entries(decisions))('%s: legal basis, row and remedies', (type, [input, article, row]) => {
    const decision = parseDecision(input);
    expect(tableBRow(decision)).toBe(row);
    const l = generateAnswerLetter({ agency, application, decision, letterSequence: 12, letterDate: isoDate('2026-03-02') });
    const text = l.paragraphs.map((p) => p.text).join('');
    expect(l.number).toBe('示例公开〔2026〕12号');
    expect(l.salutation).toBe('张三：');
    expect(l.date).toBe('2026年3月2日');
    expect(text).toContain('《中华人民共和国政府信息公开条例》' + article);
    expect(text).toContain('2026年2月10日');
    expect(l.legalBasis.some((b) => b.includes(article))).toBe(true);
    expect(l.remedies).toContain('六十日内向示例市人民政府申请行政复议');
    // Chosen by the decision: a special regime counts under 不予公开-8 but refuses nothing.
    const refusal = type === 'withheld' || type === 'partial';
    expect(l.remedies.includes('应当先申请行政复议')).toBe(refusal);
    expect(l.remedies.includes('六个月内')).toBe(!refusal);
  });

  it('names the competent agency, the search scope, the law and article', () => {
    const g = (t: ResponseType) =>
      generateAnswerLetter({ agency, application, decision: parseDecision(decisions[t][0]), letterSequence: 1, letterDate: isoDate('2026-03-02') })
        .paragraphs.map((p) => p.text)
        .join('');
    expect(g('not-this-agency')).toContain('示例市自然资源局（联系方式：0101-12345678）');
    expect(g('does-not-exist')).toContain('本机关文书档案系统及办公室纸质档案');
    expect(g('partial')).toContain('1.第3页个人联系方式');
    const law = parseDecision({
      type: 'withheld',
      facts: '经查',
      grounds: [{ ground: 'prohibited-by-law', lawName: '《中华人民共和国统计法》', article: '第三十九条', reason: '属于统计调查对象的个人信息' }],
    });
    expect(tableBRow(law)).toBe('withheld-2');
    const l = generateAnswerLetter({ agency, application, decision: law, letterSequence: 1, letterDate: isoDate('2026-03-02') });
    expect(l.legalBasis).toContain('《中华人民共和国统计法》第三十九条');
  });

  it('the reconsideration-first notice states both limbs of 行诉法 Art. 45, the late decision included', () => {
    const l = generateAnswerLetter({ agency, application, decision: parseDecision(decisions.withheld[0]), letterSequence: 1, letterDate: isoDate('2026-03-02') });
    expect(l.remedies).toContain('自收到行政复议决定书之日起十五日内');
    expect(l.remedies).toContain('行政复议机关逾期不作决定的');
    expect(l.remedies).toContain('自行政复议期限届满之日起十五日内向示例市示例区人民法院提起行政诉讼');
  });

  const letterText = (input: DecisionInput, policy = DEFAULT_LETTER_POLICY) => {
    const l = generateAnswerLetter({ agency, application, decision: parseDecision(input), letterSequence: 1, letterDate: isoDate('2026-03-02'), policy });
    return { l, text: l.paragraphs.map((p) => p.text).join('') };
  };

  it('a special regime is its own answer, never a withholding ground beside Art. 36(3)', () => {
    expect(() => parseDecision({ type: 'withheld', facts: '经查', grounds: [{ ground: 'administrative-query', regime: '不动产登记资料查询', reason: '另有规定' }] })).toThrow(CaseValidationError);
    const { l, text } = letterText(decisions['special-regime'][0]);
    expect(text).toContain('第三十六条第（七）项');
    expect(text).not.toContain('第三十六条第（三）项');
    expect(l.remedyWording).toBe('either');
  });

  it('a confirm-or-reissue answer cites the configured basis, never Art. 39', () => {
    const { l, text } = letterText(decisions['confirm-or-reissue'][0]);
    expect(text).not.toContain('第三十九条');
    expect(l.legalBasis).toEqual(['《中华人民共和国政府信息公开条例》第二条']);
    const counsel = letterText(decisions['confirm-or-reissue'][0], { ...DEFAULT_LETTER_POLICY, confirmOrReissueBasis: '《示例省政府信息公开规定》第十条' });
    expect(counsel.text).toContain('根据《示例省政府信息公开规定》第十条的规定');
    expect(counsel.l.legalBasis).toEqual(['《示例省政府信息公开规定》第十条']);
  });

  it('a publication answer tells where to obtain it (Art. 39(2)), not that the application is not handled (Art. 39(1))', () => {
    const { text } = letterText(decisions.publication[0]);
    expect(text).toContain('现告知您获取的途径：本市新华书店');
    expect(text).not.toContain('不作为政府信息公开申请处理');
    expect(() => parseDecision({ type: 'publication' })).toThrow(CaseValidationError);
  });

  it('cites Art. 32 only when the third party was consulted', () => {
    const withholding = (consultation: 'objected' | 'not-consulted'): DecisionInput => ({
      type: 'withheld',
      facts: '经查',
      grounds: [{ ground: 'third-party', interest: 'trade-secret', consultation, publicInterestAssessment: '不涉及重大公共利益', reason: '属于企业商业秘密' }],
    });
    expect(legalBasisOf(parseDecision(withholding('not-consulted')))).not.toContain('《中华人民共和国政府信息公开条例》第三十二条');
    expect(letterText(withholding('not-consulted')).text).not.toContain('第三十二条');
    expect(legalBasisOf(parseDecision(withholding('objected')))).toContain('《中华人民共和国政府信息公开条例》第三十二条');
  });

  it('not government information: a whole request is its own answer (Art. 2); a part of a document is a ground of partial disclosure only', () => {
    const { text } = letterText(decisions['not-government-information'][0]);
    expect(text).toContain('第二条的规定，政府信息是指');
    const partial = letterText({ type: 'partial', provision, withheldParts: [{ part: '第2页会议主持人的个人意见', withholding: { ground: 'not-government-information', reason: '系个人发言记录' } }] });
    expect(partial.text).toContain('1.第2页会议主持人的个人意见：该部分内容不属于《中华人民共和国政府信息公开条例》第二条规定的政府信息');
    expect(() => parseDecision({ type: 'withheld', facts: '经查', grounds: [{ ground: 'not-government-information', reason: 'x' }] })).toThrow('答复内容不完整');
  });

  it('Art. 36(5): the responsible agency is named with its contact, or the letter says it cannot be determined', () => {
    expect(() => parseDecision({ type: 'not-this-agency', reason: '该信息由其他机关制作', competentAgency: { name: '示例市自然资源局' } })).toThrow(CaseValidationError);
    const { text } = letterText({ type: 'not-this-agency', reason: '该信息不是本机关制作或者获取的' });
    expect(text).toContain('本机关无法确定负责公开该信息的行政机关');
  });

  it('remedy wording is configurable per answer type', () => {
    const l = generateAnswerLetter({
      agency,
      application,
      decision: parseDecision(decisions['does-not-exist'][0]),
      letterSequence: 1,
      letterDate: isoDate('2026-03-02'),
      policy: { ...DEFAULT_LETTER_POLICY, remedies: { ...DEFAULT_LETTER_POLICY.remedies, 'does-not-exist': 'reconsideration-first' } },
    });
    expect(l.remedies).toContain('应当先申请行政复议');
  });

  it('validates required facts per type with Chinese messages', () => {
    expect(() => parseDecision({ type: 'does-not-exist', searchScope: '档案室' })).toThrow(CaseValidationError);
    try {
      parseDecision({ type: 'withheld', facts: '经查', grounds: [{ ground: 'prohibited-by-law', lawName: '统计法', article: '39', reason: 'x' }] });
    } catch (e) {
      expect((e as CaseValidationError).fields['grounds.0.lawName']).toContain('书名号');
      expect((e as CaseValidationError).fields['grounds.0.article']).toContain('具体条款');
    }
    expect(() => parseDecision({ type: 'partial', provision, withheldParts: [] })).toThrow('答复内容不完整');
  });

  it('staff edit paragraphs but cannot drop the remedies', () => {
    const l = generateAnswerLetter({ agency, application, decision: parseDecision(decisions.publication[0]), letterSequence: 1, letterDate: isoDate('2026-03-02') });
    const e = editLetter(l, { decision: '修改后的答复。' });
    expect(e.paragraphs.find((p) => p.key === 'decision')!.text).toBe('修改后的答复。');
    expect(() => editLetter(l, { remedies: ' ' })).toThrow(CaseValidationError);
    expect(() => editLetter(l, { nope: 'x' })).toThrow(CaseValidationError);
  });
});

describe('third-party withholding wording', () => {
  it('mentions the Art. 32 consultation only when one took place', async () => {
    const { withholdingReason } = await import('#domain/requests/letters');
    const base = { ground: 'third-party', interest: 'privacy', publicInterestAssessment: '不公开不会对公共利益造成重大影响', reason: '内容为他人身份证号码' } as const;
    const consulted = withholdingReason({ ...base, consultation: 'no-reply' });
    expect(consulted).toContain('书面征求了第三方意见，结果为：第三方逾期未提出意见');
    const notConsulted = withholdingReason({ ...base, consultation: 'not-consulted' });
    expect(notConsulted).not.toContain('征求');
    expect(notConsulted).toContain('第十五条');
  });
});
