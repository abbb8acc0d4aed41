import { describe, expect, it } from 'vitest';
import { isoDate } from '#domain/calendar';
import { assessFee, editDocumentParagraphs, generateNotice, MAX_PARAGRAPH_CHARS, NOTICE_KINDS, noticeNumber, TO_APPLICANT, type FeeChoice, type NoticeFacts, type NoticeKind } from '#domain/requests';
import { agency, application, validationError } from './support';

/*
 * The procedural notices' legal content, rule by rule (the golden texts in letters.golden.test.ts
 * show one realistic case of each; these state what must hold in every case): the number series,
 * the addressee, the one-time list of 补正 items, the 109号 tier lines, the reduction and its
 * reason, the clock stop, and the legal basis of each kind.
 */
const REG = '《中华人民共和国政府信息公开条例》';
const MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';
const issuedOn = isoDate('2026-02-13');

const FACTS: Record<NoticeKind, NoticeFacts> = {
  supplement: { kind: 'supplement', deficiencies: ['所需信息的名称或文号', '申请人身份证明'], periodWorkingDays: 15 },
  extension: { kind: 'extension', reason: '需要逐卷查找档案', workingDays: 20, newDue: isoDate('2026-04-08'), approver: '王五' },
  fee: {
    kind: 'fee',
    assessment: assessFee({ method: 'per-volume', pages: 120 }),
    amountYuan: 1100,
    payment: '到本机关窗口扫码缴纳',
    periodWorkingDays: 20,
    pausesClock: false,
  },
  delay: { kind: 'delay', reason: '申请涉及120个事项', due: isoDate('2026-05-29') },
  'third-party-consultation': { kind: 'third-party-consultation', consultee: '示例建设工程有限公司', concerning: '投标报价明细', periodWorkingDays: 15 },
  'agency-consultation': { kind: 'agency-consultation', consultee: '示例市财政局', concerning: '联合印发的预算执行报告', periodWorkingDays: 15 },
  'disclosure-over-objection': { kind: 'disclosure-over-objection', consultee: '示例建设工程有限公司', consultedOn: isoDate('2026-02-12'), content: '中标价', reason: '使用财政资金' },
};

const notice = (facts: NoticeFacts, more: { issuedOn?: string; sequence?: number } = {}) =>
  generateNotice({ agency, application, facts, issuedOn: isoDate(more.issuedOn ?? '2026-02-13'), sequence: more.sequence ?? 4 });
/** The notice's body without the closing contact line. */
const bodyOf = (facts: NoticeFacts) => notice(facts).paragraphs.slice(0, -1);

const fee = (choice: FeeChoice, more: Partial<Extract<NoticeFacts, { kind: 'fee' }>> = {}): NoticeFacts => {
  const assessment = assessFee(choice);
  return { kind: 'fee', assessment, amountYuan: assessment.amountYuan, payment: '到本机关窗口扫码缴纳', periodWorkingDays: 20, pausesClock: false, ...more };
};
/** The 计收标准和数量 paragraph of a fee notice. */
const standard = (facts: NoticeFacts) => notice(facts).paragraphs[1]!;

describe('notice numbers: each kind its own series, per year of issue', () => {
  it.each([
    ['supplement', '示例公开补〔2026〕4号'],
    ['extension', '示例公开延〔2026〕4号'],
    ['fee', '示例公开费〔2026〕4号'],
    ['delay', '示例公开迟〔2026〕4号'],
    ['third-party-consultation', '示例公开征〔2026〕4号'],
    ['agency-consultation', '示例公开函〔2026〕4号'],
    ['disclosure-over-objection', '示例公开告〔2026〕4号'],
  ] as const)('%s → %s', (kind, number) => {
    expect(noticeNumber(agency, kind, issuedOn, 4)).toBe(number);
    expect(notice(FACTS[kind]).number).toBe(number);
  });

  it('the year is the year of issue, not of receipt; the sequence is written as given', () => {
    expect(notice(FACTS.supplement, { issuedOn: '2027-01-04', sequence: 1 }).number).toBe('示例公开补〔2027〕1号');
    expect(noticeNumber(agency, 'fee', isoDate('2026-12-31'), 137)).toBe('示例公开费〔2026〕137号');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the sequence %s (a positive integer only)', (sequence) => {
    const e = validationError(() => noticeNumber(agency, 'supplement', issuedOn, sequence));
    expect(e.message).toBe('告知书文号序号须为正整数。');
    expect(e.fields).toEqual({ sequence: '须为正整数。' });
    expect(() => notice(FACTS.extension, { sequence })).toThrow('告知书文号序号须为正整数。');
  });
});

describe('the parts of the document', () => {
  it.each(NOTICE_KINDS)('%s: title, signature, date in Chinese and the contact line last', (kind) => {
    const n = notice(FACTS[kind], { issuedOn: '2026-03-05' });
    expect(n.title).toBe(
      {
        supplement: '政府信息公开申请补正告知书',
        extension: '政府信息公开申请延期答复告知书',
        fee: '政府信息公开信息处理费缴费通知书',
        delay: '政府信息公开申请延迟答复告知书',
        'third-party-consultation': '政府信息公开征求第三方意见书',
        'agency-consultation': '政府信息公开征求意见函',
        'disclosure-over-objection': '决定公开政府信息告知书',
      }[kind],
    );
    expect(n.signature).toBe('示例市示例局');
    expect(n.date).toBe('2026年3月5日');
    expect(n.paragraphs.at(-1)).toBe('联系地址：示例市人民路1号；联系电话：010-12345678。');
  });

  it.each(['supplement', 'extension', 'fee', 'delay'] as const)('%s is addressed to the applicant and names the application', (kind) => {
    expect(TO_APPLICANT.has(kind)).toBe(true);
    const n = notice(FACTS[kind]);
    expect(n.addressee).toBe('张三：');
    expect(n.paragraphs[0]).toMatch(/^本机关于2026年2月10日收到您提出的政府信息公开申请（申请编号：YSQ-2026-000001）/);
  });

  it.each(['third-party-consultation', 'agency-consultation', 'disclosure-over-objection'] as const)(
    '%s is addressed to the consultee (trimmed), never names the applicant and is not shown to the applicant',
    (kind) => {
      expect(TO_APPLICANT.has(kind)).toBe(false);
      const n = notice({ ...FACTS[kind], consultee: '  示例市财政局 \n' } as NoticeFacts);
      expect(n.addressee).toBe('示例市财政局：');
      const all = [n.addressee, ...n.paragraphs].join('\n');
      expect(all).not.toContain('张三');
      expect(all).not.toContain('YSQ-2026-000001');
    },
  );

  it.each(['third-party-consultation', 'agency-consultation'] as const)('%s names the receipt date of the application, not the applicant', (kind) => {
    expect(notice(FACTS[kind]).paragraphs[0]).toMatch(/^本机关于2026年2月10日收到一份政府信息公开申请，申请公开的信息涉及：/);
  });

  it.each([
    ['supplement', [`${REG}第三十条`]],
    ['extension', [`${REG}第三十三条第二款`]],
    ['delay', [`${REG}第三十五条`]],
    ['third-party-consultation', [`${REG}第三十二条`]],
    ['agency-consultation', [`${REG}第三十四条`]],
    ['disclosure-over-objection', [`${REG}第三十二条`]],
  ] as const)('%s cites %s', (kind, basis) => expect(notice(FACTS[kind]).legalBasis).toEqual(basis));

  it('a fee notice cites Art. 42 and 109号 Art. 3 with Art. 4 (per application) or Art. 5 (per volume)', () => {
    const perApp = notice(fee({ method: 'per-application', monthlyOrdinal: 12 }));
    expect(perApp.legalBasis).toEqual([`${REG}第四十二条`, `${MEASURES}第三条、第四条`]);
    expect(perApp.paragraphs[0]).toContain(`根据${REG}第四十二条和${MEASURES}第三条、第四条的规定，本机关对您的申请按件计收信息处理费。`);
    const perVolume = notice(fee({ method: 'per-volume', pages: 40 }));
    expect(perVolume.legalBasis).toEqual([`${REG}第四十二条`, `${MEASURES}第三条、第五条`]);
    expect(perVolume.paragraphs[0]).toContain(`根据${REG}第四十二条和${MEASURES}第三条、第五条的规定，本机关对您的申请按量计收信息处理费。`);
  });
});

describe('补正告知书 (Art. 30): every item once, a period, the restart and the abandonment', () => {
  it('lists the items in order, numbered from 1, with blank items dropped and each item trimmed', () => {
    const facts: NoticeFacts = { kind: 'supplement', deficiencies: ['  所需信息的名称或文号  ', '', '   ', '申请人身份证明', '\t委托代理的授权委托书\n'], periodWorkingDays: 10 };
    const p = bodyOf(facts);
    expect(p.slice(1, -1)).toEqual(['1. 所需信息的名称或文号', '2. 申请人身份证明', '3. 委托代理的授权委托书']);
    expect(p).toHaveLength(5);
  });

  it('states what was applied for, the one-time notice under Art. 30, the period and its consequences', () => {
    const p = bodyOf(FACTS.supplement);
    expect(p[0]).toBe(
      `本机关于2026年2月10日收到您提出的政府信息公开申请（申请编号：YSQ-2026-000001），您申请获取2025年度部门预算的相关信息。经审查，您的申请内容不明确或者不完整。根据${REG}第三十条的规定，现一次性告知您需要补正以下事项：`,
    );
    expect(p.at(-1)).toBe('请您自收到本告知书之日起15个工作日内补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。');
  });

  it('a repeat notice says the supplemented content is still unclear (and only a repeat says so)', () => {
    const repeat = bodyOf({ ...FACTS.supplement, repeat: true } as NoticeFacts)[0]!;
    expect(repeat).toContain('经审查，您补正后的申请内容仍不明确。');
    expect(repeat).not.toContain('不明确或者不完整');
    const first = bodyOf({ ...FACTS.supplement, repeat: false } as NoticeFacts)[0]!;
    expect(first).toContain('经审查，您的申请内容不明确或者不完整。');
    expect(first).not.toContain('仍不明确');
  });

  it.each([[[]], [['']], [['  ', '\n']]])('refuses a notice with nothing to supplement: %j', (deficiencies) => {
    const e = validationError(() => notice({ kind: 'supplement', deficiencies, periodWorkingDays: 15 }));
    expect(e.message).toBe('请逐项列明需要补正的内容。');
    expect(e.fields).toEqual({ deficiencies: '请逐项列明需要补正的内容。' });
  });
});

describe('延期答复告知书 (Art. 33(2)) and 延迟答复告知书 (Art. 35)', () => {
  it('the extension names the reason, the approving head of the GI work unit, the working days and the new due date', () => {
    expect(bodyOf({ ...FACTS.extension, reason: '  需要逐卷查找档案。 ', workingDays: 15, newDue: isoDate('2026-03-31') } as NoticeFacts)).toEqual([
      `本机关于2026年2月10日收到您提出的政府信息公开申请（申请编号：YSQ-2026-000001）。因需要逐卷查找档案，本机关不能在规定的期限内作出答复。经本机关政府信息公开工作机构负责人王五同意，根据${REG}第三十三条第二款的规定，答复期限延长15个工作日，本机关将于2026年3月31日前作出答复。`,
    ]);
  });

  it('the delay states that the volume exceeds a reasonable range, the reason and the date set under Art. 35', () => {
    expect(bodyOf({ kind: 'delay', reason: '申请涉及120个事项；', due: isoDate('2026-06-01') })).toEqual([
      `本机关于2026年2月10日收到您提出的政府信息公开申请（申请编号：YSQ-2026-000001）。您申请公开政府信息的数量、频次明显超过合理范围；本机关认为您说明的理由合理，但因申请涉及120个事项，无法在${REG}第三十三条规定的期限内答复。根据${REG}第三十五条的规定，本机关确定延迟答复的期限，将于2026年6月1日前作出答复。`,
    ]);
  });
});

describe('clauses embedded in a sentence lose their closing punctuation and surrounding space', () => {
  const delayReason = (reason: string) => bodyOf({ kind: 'delay', reason, due: isoDate('2026-06-01') })[0]!.match(/但因(.*)，无法在/)![1];
  it.each([
    ['逐一检索', '逐一检索'],
    ['逐一检索。', '逐一检索'],
    ['逐一检索；', '逐一检索'],
    ['逐一检索;', '逐一检索'],
    ['逐一检索.', '逐一检索'],
    ['逐一检索。；;.。', '逐一检索'],
    ['  逐一检索。  ', '逐一检索'],
    ['检索。审查', '检索。审查'],
    ['检索；审查。', '检索；审查'],
    ['。逐一检索', '。逐一检索'],
  ])('%j → %j', (reason, clause) => expect(delayReason(reason)).toBe(clause));
});

describe('收费通知书 (Art. 42, 109号)', () => {
  it.each([
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
  ])('per application: the %ith application of the month is charged %i yuan, one application', (ordinal, rate) => {
    expect(standard(fee({ method: 'per-application', monthlyOrdinal: ordinal }))).toBe(
      `计收标准和数量：本申请为您本自然月内提出的第${ordinal}件政府信息公开申请，收费标准为${rate}元/件，计1件。您应缴纳信息处理费${rate}元。`,
    );
  });

  it.each([
    [30, 0, '第1至30页免费'],
    [31, 10, '第1至30页免费；第31至31页每页10元，计10元'],
    [100, 700, '第1至30页免费；第31至100页每页10元，计700元'],
    [101, 720, '第1至30页免费；第31至100页每页10元，计700元；第101至101页每页20元，计20元'],
    [200, 2700, '第1至30页免费；第31至100页每页10元，计700元；第101至200页每页20元，计2000元'],
    [201, 2740, '第1至30页免费；第31至100页每页10元，计700元；第101至200页每页20元，计2000元；第201至201页每页40元，计40元'],
    [250, 4700, '第1至30页免费；第31至100页每页10元，计700元；第101至200页每页20元，计2000元；第201至250页每页40元，计2000元'],
  ])('per volume: %i pages cost %i yuan, tier by tier', (pages, amount, tiers) => {
    expect(standard(fee({ method: 'per-volume', pages }))).toBe(`计收标准和数量：本申请需要提供的政府信息共${pages}页：${tiers}。您应缴纳信息处理费${amount}元。`);
  });

  it('a lower amount states the assessed amount, the reduced one and the reason (trimmed, without its full stop)', () => {
    expect(standard(fee({ method: 'per-volume', pages: 40 }, { amountYuan: 50, reductionReason: ' 部分页面为封面。 ' }))).toBe(
      '计收标准和数量：本申请需要提供的政府信息共40页：第1至30页免费；第31至40页每页10元，计100元。按标准计算为100元，本机关决定降低为50元，理由：部分页面为封面。您应缴纳信息处理费50元。',
    );
  });

  it('the full amount has no reduction sentence and needs no reason, even if one is given', () => {
    for (const more of [{}, { reductionReason: '无' }]) {
      const p = standard(fee({ method: 'per-application', monthlyOrdinal: 12 }, more));
      expect(p).not.toContain('降低');
      expect(p).not.toContain('理由');
      expect(p).toContain('您应缴纳信息处理费100元。');
    }
  });

  it.each([undefined, '', '   '])('refuses a reduction without a reason (%j)', (reductionReason) => {
    const more = reductionReason === undefined ? { amountYuan: 60 } : { amountYuan: 60, reductionReason };
    const e = validationError(() => notice(fee({ method: 'per-application', monthlyOrdinal: 12 }, more)));
    expect(e.message).toBe('降低收费金额的，请填写理由。');
    expect(e.fields).toEqual({ reductionReason: '降低收费金额的，请填写理由。' });
  });

  it('states the payment method (without its full stop) and the period to pay', () => {
    expect(notice(fee({ method: 'per-application', monthlyOrdinal: 12 }, { payment: ' 通过非税收入缴款平台缴纳。', periodWorkingDays: 20 })).paragraphs[2]).toBe(
      '请您自收到本通知书之日起20个工作日内缴纳：通过非税收入缴款平台缴纳。',
    );
  });

  it('non-payment is abandonment; the clock-stop sentence appears only when the policy stops the clock', () => {
    const abandonment = '逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。';
    expect(notice(fee({ method: 'per-volume', pages: 40 }, { pausesClock: false })).paragraphs[3]).toBe(abandonment);
    expect(notice(fee({ method: 'per-volume', pages: 40 }, { pausesClock: true })).paragraphs[3]).toBe(`${abandonment}自本通知书发出之日至您缴纳费用之日，不计算在答复期限内。`);
  });

  it('has the four paragraphs and the contact line', () => {
    const n = notice(fee({ method: 'per-volume', pages: 40 }));
    expect(n.paragraphs).toHaveLength(5);
    expect(n.paragraphs[0]).toBe(
      `本机关于2026年2月10日收到您提出的政府信息公开申请（申请编号：YSQ-2026-000001）。根据${REG}第四十二条和${MEASURES}第三条、第五条的规定，本机关对您的申请按量计收信息处理费。`,
    );
  });
});

describe('consultation letters (Arts. 32 and 34)', () => {
  it('the third party is told what is concerned, may object with reasons within the period, and what follows', () => {
    expect(bodyOf({ kind: 'third-party-consultation', consultee: '某公司', concerning: ' 投标报价明细。', periodWorkingDays: 15 })).toEqual([
      `本机关于2026年2月10日收到一份政府信息公开申请，申请公开的信息涉及：投标报价明细。本机关认为，公开该信息可能损害您（单位）的合法权益。根据${REG}第三十二条的规定，现书面征求您（单位）的意见。`,
      `请您（单位）自收到本意见书之日起15个工作日内提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照${REG}的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您（单位）。`,
    ]);
  });

  it('the other agency is told the information was made jointly, and that silence is consent to disclose', () => {
    expect(bodyOf({ kind: 'agency-consultation', consultee: '示例市财政局', concerning: '联合印发的预算执行报告；', periodWorkingDays: 10 })).toEqual([
      `本机关于2026年2月10日收到一份政府信息公开申请，申请公开的信息涉及：联合印发的预算执行报告。该信息由本机关与贵机关共同制作。根据${REG}第三十四条的规定，现征求贵机关意见。`,
      '请贵机关自收到本函之日起10个工作日内提出意见；逾期未提出意见的，视为同意公开。',
    ]);
  });
});

describe('决定公开政府信息告知书 (Art. 32): disclosing over a third party’s objection', () => {
  it('tells the third party the consultation, its objection, the public-interest decision, what is disclosed and why', () => {
    const p = bodyOf({ kind: 'disclosure-over-objection', consultee: '某公司', consultedOn: isoDate('2026-02-12'), content: ' 中标价及工程量清单。', reason: '工程使用财政资金；  ' });
    expect(p.slice(0, 3)).toEqual([
      `本机关于2026年2月12日就一份政府信息公开申请书面征求您（单位）的意见，您（单位）不同意公开。经审查，本机关认为不公开可能对公共利益造成重大影响，根据${REG}第三十二条的规定，决定予以公开。`,
      '决定公开的政府信息内容：中标价及工程量清单。',
      '决定公开的理由：工程使用财政资金。',
    ]);
  });

  it('states the third party’s remedies against the decision: reconsideration within 60 days or a suit within 6 months, before the agency’s bodies', () => {
    const p = bodyOf(FACTS['disclosure-over-objection']);
    expect(p).toHaveLength(4);
    expect(p[3]).toBe('如对本决定不服，您（单位）可以自收到本告知书之日起六十日内向示例市人民政府申请行政复议，也可以自收到本告知书之日起六个月内向示例市示例区人民法院提起行政诉讼。');
  });
});

describe('editDocumentParagraphs', () => {
  const doc = {
    title: '标题',
    number: '示例政信补〔2026〕1号',
    addressee: '张三：',
    paragraphs: ['第一段。', '第二段。'],
    legalBasis: ['《条例》第三十条'],
    signature: '示例机关',
    date: '2026年3月2日',
  };

  it('rewords the numbered paragraphs as one line each and keeps the rest of the document', () => {
    const edited = editDocumentParagraphs(doc, { '2': ' 改写的\r\n第二段。\u0007 ' });
    expect(edited).toEqual({ ...doc, paragraphs: ['第一段。', '改写的第二段。'] });
  });

  it.each([
    [{ '0': 'x' }, '找不到要修改的段落'],
    [{ '3': 'x' }, '找不到要修改的段落'],
    [{ '01': 'x' }, '找不到要修改的段落'],
    [{ '1': ' \n ' }, '段落内容不能为空'],
    [{ '1': '字'.repeat(MAX_PARAGRAPH_CHARS + 1) }, '段落过长'],
  ])('refuses %j', (edits, message) => {
    expect(() => editDocumentParagraphs(doc, edits)).toThrow(message);
  });

  it('takes a paragraph of exactly the longest length', () => {
    expect(editDocumentParagraphs(doc, { '1': '字'.repeat(MAX_PARAGRAPH_CHARS) }).paragraphs[0]).toHaveLength(MAX_PARAGRAPH_CHARS);
  });
});
