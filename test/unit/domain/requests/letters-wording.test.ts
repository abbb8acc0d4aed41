import { describe, expect, it } from 'vitest';
import { isoDate } from '#domain/calendar';
import { editLetter, generateAnswerLetter, letterNumber, parseDecision, RESPONSE_TYPES, withholdingReason, type DecisionInput, type ResponseType } from '#domain/requests';
import { agency, application, privacyPart, validationError } from './support';

/*
 * The exact wording of the answer letter's paragraphs for the inputs the golden texts do not use
 * (optional facts left out, every withholding ground, several withheld parts), the paragraph keys
 * that staff edits rely on, and what an edit may and may not do.
 */

const REG = '《中华人民共和国政府信息公开条例》';
const OPENING = { key: 'opening', text: '本机关于2026年2月10日收到您提出的政府信息公开申请（申请编号：YSQ-2026-000001），您申请获取2025年度部门预算的相关信息。现答复如下：' };
const CONTACT = { key: 'contact', text: '联系地址：示例市人民路1号；联系电话：010-12345678。' };

const letter = (input: DecisionInput, overrides: Partial<typeof agency> = {}) =>
  generateAnswerLetter({ agency: { ...agency, ...overrides }, application, decision: parseDecision(input), letterSequence: 3, letterDate: isoDate('2026-03-02') });
const body = (input: DecisionInput) => letter(input).paragraphs;

describe('letter paragraphs when optional facts are left out', () => {
  it('36(1) already public, without a date or an address: no empty brackets', () => {
    expect(body({ type: 'already-public', whereToFind: '本机关门户网站“法定主动公开内容”栏目' })).toEqual([
      OPENING,
      { key: 'facts', text: '经审查，您申请获取的信息已由本机关主动公开。' },
      { key: 'decision', text: `根据${REG}第三十六条第（一）项的规定，现告知您获取该信息的方式和途径：本机关门户网站“法定主动公开内容”栏目。` },
      CONTACT,
    ]);
  });

  it('36(2) disclosed on paper by post, with a note: the form, the method and the note are stated', () => {
    expect(body({ type: 'disclosed', provision: { form: 'paper', method: 'post', timeAndPlace: '于收到本告知书后五个工作日内寄出' }, note: '如需电子版请来电告知' })).toEqual([
      OPENING,
      { key: 'decision', text: `经审查，您申请获取的信息属于可以公开的政府信息。根据${REG}第三十六条第（二）项的规定，本机关决定予以公开。` },
      { key: 'provision', text: '本机关以纸质形式、通过邮寄方式向您提供，于收到本告知书后五个工作日内寄出。' },
      { key: 'note', text: '如需电子版请来电告知。' },
      CONTACT,
    ]);
  });

  it('36(2) without a note has no note paragraph', () => {
    expect(body({ type: 'disclosed', provision: { form: 'electronic', method: 'pickup', timeAndPlace: '请于工作日到本机关窗口领取' } }).map((p) => p.key)).toEqual([
      'opening',
      'decision',
      'provision',
      'contact',
    ]);
  });

  it('36(4) does not exist, without a search date: the search paragraph names scope and method only', () => {
    expect(body({ type: 'does-not-exist', searchScope: '本机关文书档案系统', searchMethods: '按标题和文号关键词检索' })).toEqual([
      OPENING,
      { key: 'search', text: '收到您的申请后，本机关在本机关文书档案系统范围内进行了检索，检索方式为：按标题和文号关键词检索。' },
      { key: 'decision', text: `经检索，本机关没有制作或者获取您所申请的信息。根据${REG}第三十六条第（四）项的规定，现告知您该政府信息不存在。` },
      CONTACT,
    ]);
  });

  it('36(5) when the responsible agency cannot be determined, the letter says so', () => {
    expect(body({ type: 'not-this-agency', reason: '该信息不是本机关制作或者获取的' })).toEqual([
      OPENING,
      { key: 'reason', text: '经审查，该信息不是本机关制作或者获取的。' },
      { key: 'decision', text: `根据${REG}第三十六条第（五）项的规定，您申请的信息不属于本机关负责公开。经查，本机关无法确定负责公开该信息的行政机关。` },
      CONTACT,
    ]);
  });

  it('36(7) special regime without a place to apply: no empty brackets', () => {
    expect(body({ type: 'special-regime', regime: '档案查阅', lawReference: '《中华人民共和国档案法》' })).toEqual([
      OPENING,
      {
        key: 'decision',
        text: `您申请获取的信息属于档案查阅事项，《中华人民共和国档案法》对该信息的获取有特别规定。根据${REG}第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。`,
      },
      CONTACT,
    ]);
  });

  it('39(1) petition without a channel has no channel paragraph', () => {
    expect(body({ type: 'petition-complaint' })).toEqual([
      OPENING,
      { key: 'decision', text: `经审查，您提出的申请实质上属于信访、投诉、举报等诉求。根据${REG}第三十九条第一款的规定，本机关不作为政府信息公开申请处理。` },
      CONTACT,
    ]);
  });
});

describe('how the information is provided (Art. 40)', () => {
  it.each([
    ['paper', 'post', '本机关以纸质形式、通过邮寄方式向您提供，'],
    ['electronic', 'email', '本机关以电子形式、通过电子邮件方式向您提供，'],
    ['electronic', 'download', '本机关以电子形式、通过在线下载方式向您提供，'],
    ['paper', 'pickup', '本机关以纸质形式、通过当面领取方式向您提供，'],
    ['paper', 'on-site-reading', '本机关以纸质形式、通过现场查阅、抄录方式向您提供，'],
  ] as const)('%s by %s', (form, method, sentence) => {
    const provision = body({ type: 'disclosed', provision: { form, method, timeAndPlace: '详见附件' } }).find((p) => p.key === 'provision');
    expect(provision).toEqual({ key: 'provision', text: `${sentence}详见附件。` });
  });
});

describe('withholding grounds: each states its facts and cites its article', () => {
  it('36(3) with several grounds: one numbered reason paragraph per ground, in order', () => {
    expect(
      body({
        type: 'withheld',
        facts: '您申请的是本机关的内部资料',
        grounds: [
          { ground: 'state-secret', reason: '该文件已标密为机密级' },
          { ground: 'security-stability', interests: ['public-security', 'social-stability'], reason: '公开后将暴露重点目标的安保部署，可能被不法分子利用' },
          { ground: 'internal-affairs', kind: 'personnel', discretionReason: '仅涉及本机关内部人员调配' },
          { ground: 'enforcement-files', discretionReason: '案件尚在办理中' },
          { ground: 'third-party', interest: 'other', consultation: 'not-consulted', publicInterestAssessment: '不涉及重大公共利益', reason: '涉及第三方的经营信息' },
        ],
      }),
    ).toEqual([
      OPENING,
      { key: 'facts', text: '经查，您申请的是本机关的内部资料。' },
      { key: 'reason-1', text: `该信息属于依法确定的国家秘密，该文件已标密为机密级。根据${REG}第十四条和《中华人民共和国保守国家秘密法》的规定，不予公开。` },
      {
        key: 'reason-2',
        text: `该信息公开后可能危及公共安全、社会稳定，具体理由为：公开后将暴露重点目标的安保部署，可能被不法分子利用。根据${REG}第十四条的规定，不予公开。`,
      },
      {
        key: 'reason-3',
        text: `该信息属于人事管理等内部事务信息，且无法律、法规、规章规定应当公开。本机关经裁量认为：仅涉及本机关内部人员调配。根据${REG}第十六条第一款的规定，不予公开。`,
      },
      {
        key: 'reason-4',
        text: `该信息属于行政执法案卷信息，且无法律、法规、规章规定应当公开。本机关经裁量认为：案件尚在办理中。根据${REG}第十六条第二款的规定，不予公开。`,
      },
      {
        key: 'reason-5',
        text: `该信息涉及第三方的其他合法权益，公开会对第三方合法权益造成损害。经公共利益衡量：不涉及重大公共利益。涉及第三方的经营信息。根据${REG}第十五条的规定，不予公开。`,
      },
      { key: 'decision', text: `根据${REG}第三十六条第（三）项的规定，本机关决定对您申请的信息不予公开。` },
      CONTACT,
    ]);
  });

  it('Art. 14, a law forbids disclosure: the law and its article are named', () => {
    expect(withholdingReason({ ground: 'prohibited-by-law', lawName: '《中华人民共和国统计法》', article: '第三十九条', reason: '属于统计调查对象的个人信息' })).toBe(
      `《中华人民共和国统计法》第三十九条规定该信息不得公开，属于统计调查对象的个人信息。根据${REG}第十四条的规定，不予公开`,
    );
  });

  it('Art. 16(1) names the kind of internal affairs', () => {
    expect(withholdingReason({ ground: 'internal-affairs', kind: 'logistics', discretionReason: '仅涉及车辆调度安排' })).toBe(
      `该信息属于后勤管理等内部事务信息，且无法律、法规、规章规定应当公开。本机关经裁量认为：仅涉及车辆调度安排。根据${REG}第十六条第一款的规定，不予公开`,
    );
  });

  it('Art. 37, several withheld parts: numbered 1., 2. with their own keys, and the disclosable part provided', () => {
    expect(
      body({
        type: 'partial',
        provision: { form: 'electronic', method: 'download', timeAndPlace: '请于收到本告知书后在本机关网站下载' },
        withheldParts: [privacyPart, { part: '附件2评审专家意见', withholding: { ground: 'process-information', kind: 'consultation-letter', discretionReason: '该项目尚未最终决定' } }],
      }),
    ).toEqual([
      OPENING,
      {
        key: 'decision',
        text: `经审查，您申请获取的信息中含有不应当公开的内容，但能够作区分处理。根据${REG}第三十七条的规定，本机关向您提供可以公开的部分，对不予公开的部分说明理由如下。`,
      },
      {
        key: 'withheld-1',
        text: `1.第3页个人联系方式：该信息涉及第三方的个人隐私，公开会对第三方合法权益造成损害。本机关依照${REG}第三十二条的规定书面征求了第三方意见，结果为：第三方提出异议且理由合理。经公共利益衡量：不公开不会对公共利益造成重大影响。第三方以保护个人隐私为由提出异议。根据${REG}第十五条的规定，不予公开。`,
      },
      {
        key: 'withheld-2',
        text: `2.附件2评审专家意见：该信息属于行政机关在履行行政管理职能过程中形成的磋商信函，属于过程性信息，且无法律、法规、规章规定应当公开。本机关经裁量认为：该项目尚未最终决定。根据${REG}第十六条第二款的规定，不予公开。`,
      },
      { key: 'provision', text: '可以公开的部分，本机关以电子形式、通过在线下载方式向您提供，请于收到本告知书后在本机关网站下载。' },
      CONTACT,
    ]);
  });
});

describe('paragraph keys (staff edits address paragraphs by key)', () => {
  const provision = { form: 'electronic', method: 'email', timeAndPlace: '随本告知书一并提供' } as const;
  const inputs: Record<ResponseType, [DecisionInput, string[]]> = {
    'already-public': [{ type: 'already-public', whereToFind: '本机关门户网站', publishedOn: '2026年1月20日', url: 'https://www.example.gov.cn/' }, ['facts', 'decision']],
    disclosed: [{ type: 'disclosed', provision, note: '附件共3页' }, ['decision', 'provision', 'note']],
    withheld: [{ type: 'withheld', facts: '您申请的是会议记录', grounds: [{ ground: 'process-information', kind: 'draft', discretionReason: '尚未决定' }] }, ['facts', 'reason-1', 'decision']],
    partial: [
      { type: 'partial', provision, withheldParts: [{ part: '第2页', withholding: { ground: 'enforcement-files', discretionReason: '案件尚在办理中' } }] },
      ['decision', 'withheld-1', 'provision'],
    ],
    'does-not-exist': [{ type: 'does-not-exist', searchScope: '档案系统', searchMethods: '关键词检索', searchedOn: '2026年2月24日' }, ['search', 'decision']],
    'not-this-agency': [{ type: 'not-this-agency', reason: '该信息由市财政局制作', competentAgency: { name: '示例市财政局', contact: '010-87654321' } }, ['reason', 'decision']],
    'repeat-request': [{ type: 'repeat-request', earlierTrackingNumber: 'YSQ-2026-000045', earlierAnswerDate: '2026年1月15日' }, ['decision']],
    'special-regime': [{ type: 'special-regime', regime: '不动产登记资料查询', lawReference: '《不动产登记暂行条例》第二十七条', whereToApply: '请向不动产登记中心申请' }, ['decision']],
    'not-government-information': [{ type: 'not-government-information', reason: '您要求解释政策' }, ['reason', 'decision']],
    'no-duty-to-create': [{ type: 'no-duty-to-create', reason: '需要汇总分析' }, ['decision']],
    'petition-complaint': [{ type: 'petition-complaint', properChannel: '信访渠道' }, ['decision', 'channel']],
    publication: [{ type: 'publication', whereToObtain: '新华书店' }, ['decision']],
    'unreasonable-volume': [{ type: 'unreasonable-volume', explanationRequestedOn: '2026年2月12日', reason: '理由不合理' }, ['facts', 'decision']],
    'confirm-or-reissue': [{ type: 'confirm-or-reissue', reason: '该信息您已获取' }, ['decision']],
    'still-unclear': [{ type: 'still-unclear', supplementRequestedOn: '2026年2月12日', supplementReceivedOn: '2026年2月26日', reason: '仍未说明所需信息' }, ['facts', 'decision']],
  };

  it('has inputs for every answer type', () => expect(Object.keys(inputs).sort()).toEqual([...RESPONSE_TYPES].sort()));

  it.each(Object.entries(inputs))('%s: opening, the body keys, contact', (_type, [input, keys]) => {
    expect(body(input).map((p) => p.key)).toEqual(['opening', ...keys, 'contact']);
  });

  it('several withholding grounds are reason-1, reason-2, …', () => {
    const ground = { ground: 'enforcement-files', discretionReason: '案件尚在办理中' } as const;
    expect(body({ type: 'withheld', facts: '经查', grounds: [ground, ground, ground] }).map((p) => p.key)).toEqual(['opening', 'facts', 'reason-1', 'reason-2', 'reason-3', 'decision', 'contact']);
  });
});

describe('letter numbers (发文字号)', () => {
  it('prefix, the year of the letter date in 〔〕, the sequence and 号', () => {
    expect(letterNumber('示例政信', isoDate('2026-12-31'), 1)).toBe('示例政信〔2026〕1号');
    expect(letterNumber('示例政信', isoDate('2027-01-01'), 12)).toBe('示例政信〔2027〕12号');
  });

  it.each([0, -1, 1.5, Number.NaN])('sequence %d is refused with a message naming the field', (n) => {
    const e = validationError(() => letterNumber('示例政信', isoDate('2026-03-02'), n));
    expect(e.message).toBe('告知书文号序号须为正整数。');
    expect(e.fields).toEqual({ letterSequence: '须为正整数。' });
  });
});

describe('no letter without the agency, the reconsideration body and the court', () => {
  const decision: DecisionInput = { type: 'publication', whereToObtain: '新华书店' };

  it.each(['name', 'reconsiderationBody', 'court'] as const)('a blank %s is refused and the field is named', (field) => {
    for (const blank of ['', '   ']) {
      const e = validationError(() => letter(decision, { [field]: blank }));
      expect(e.message).toBe('机关信息不完整，无法生成告知书。');
      expect(e.fields).toEqual({ [`agency.${field}`]: '请在机关设置中填写。' });
    }
  });

  it('a missing field is the same validation error, not a crash', () => {
    const e = validationError(() => letter(decision, { court: undefined as unknown as string }));
    expect(e.fields).toEqual({ 'agency.court': '请在机关设置中填写。' });
  });

  it('a complete profile gives a letter signed by the agency', () => expect(letter(decision).signature).toBe('示例市示例局'));
});

describe('staff edits', () => {
  const original = () => letter({ type: 'publication', whereToObtain: '新华书店' });

  it('replace a paragraph by key, trimmed, leaving the others and the remedies', () => {
    const l = original();
    const e = editLetter(l, { decision: '  修改后的答复。\n' });
    expect(e.paragraphs).toEqual(l.paragraphs.map((p) => (p.key === 'decision' ? { key: 'decision', text: '修改后的答复。' } : p)));
    expect(e.remedies).toBe(l.remedies);
  });

  it('the remedy paragraph may be reworded (trimmed), without touching the body', () => {
    const l = original();
    const e = editLetter(l, { remedies: ' 如不服本答复，可以依法申请行政复议或者提起行政诉讼。 ' });
    expect(e.remedies).toBe('如不服本答复，可以依法申请行政复议或者提起行政诉讼。');
    expect(e.paragraphs).toEqual(l.paragraphs);
  });

  it('no edit leaves the letter as it was', () => expect(editLetter(original(), {})).toEqual(original()));

  it('the remedy paragraph can never be emptied (复议法第二十条第二款)', () => {
    const e = validationError(() => editLetter(original(), { remedies: ' \n ' }));
    expect(e.message).toBe('段落内容不能为空。');
    expect(e.fields).toEqual({ remedies: '段落内容不能为空。' });
  });

  it('a body paragraph cannot be emptied either, and the error names it', () => {
    const e = validationError(() => editLetter(original(), { opening: '  ' }));
    expect(e.message).toBe('段落内容不能为空。');
    expect(e.fields).toEqual({ opening: '段落内容不能为空。' });
  });

  it('an unknown key is refused and named', () => {
    const e = validationError(() => editLetter(original(), { decision: '修改后的答复。', channel: '信访渠道' }));
    expect(e.message).toBe('找不到要修改的段落，请刷新页面。');
    expect(e.fields).toEqual({ channel: '段落不存在。' });
  });
});
