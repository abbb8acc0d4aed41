import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FindingKind } from '#domain/secrecy/kinds';
import { scanForApi, scanText } from '#domain/secrecy/scanner';
import { bankCard, residentId, residentId15, residentIdBadCheck, uscc } from '../../../fixtures/documents/identifiers';

const kinds = (text: string, opts = {}) => scanText(text, opts).map((f) => f.kind);
const only = (kind: FindingKind, text: string, opts = {}) => scanText(text, opts).filter((f) => f.kind === kind);

describe('scanText: resident identity card numbers', () => {
  const id = residentId();

  it('finds a valid 18-digit ID with its position and a masked preview', () => {
    const text = `申请人身份证号码：${id}，住址略。`;
    const [f] = scanText(text);
    expect(f).toMatchObject({ kind: 'resident-id', label: '居民身份证号码', start: 9, end: 27 });
    expect(text.slice(f!.start, f!.end)).toBe(id);
    expect(f!.preview).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
  });

  it('finds IDs written in groups, with a lower-case x, or in full-width digits', () => {
    const x = residentId('110105', '19491231', '002');
    expect(x.endsWith('X')).toBe(true);
    expect(kinds(`号码 ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)} 止`)).toEqual(['resident-id']);
    expect(kinds(`号码${x.toLowerCase()}止`)).toEqual(['resident-id']);
    const fullWidth = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const [f] = scanText(`证件：${fullWidth}`);
    expect(f).toMatchObject({ kind: 'resident-id', start: 3, end: 21 });
  });

  it('does not report a number that fails the checksum, nor one inside a longer digit run', () => {
    expect(kinds(`身份证 ${residentIdBadCheck()}`)).not.toContain('resident-id');
    expect(kinds(`流水号 9${id}1`)).toEqual([]);
    expect(kinds(`hash a${id}b`)).toEqual([]);
  });

  it('finds old 15-digit IDs with a valid date and region, not arbitrary 15-digit numbers', () => {
    expect(only('resident-id-15', `旧证号 ${residentId15()}。`)).toHaveLength(1);
    expect(only('resident-id-15', '编号 320102651345021')).toHaveLength(0);
    expect(only('resident-id-15', '编号 000000650415021')).toHaveLength(0);
  });
});

describe('scanText: phone numbers', () => {
  it('finds mobiles plain, grouped and with +86, masking the middle four digits', () => {
    const found = scanText('电话13812345678；或 138 1234 5678；或 +86 139-1234-5678。');
    expect(found.map((f) => [f.kind, f.preview])).toEqual([
      ['mobile', '138****5678'],
      ['mobile', '138 **** 5678'],
      ['mobile', '+86 139-****-5678'],
    ]);
  });

  it('does not report 11-digit numbers outside the mobile ranges or inside longer runs', () => {
    expect(kinds('编号12345678901')).toEqual([]);
    expect(kinds('编号 213812345678')).toEqual([]);
    expect(kinds('代码A13812345678')).toEqual([]);
  });

  it('finds landlines with an area code in the usual forms', () => {
    const text = '电话：010-87654321、(021)62345678、（0755）2345678、0571 87654321';
    expect(only('landline', text).map((f) => f.value)).toEqual(['010-87654321', '(021)62345678', '（0755）2345678', '0571 87654321']);
    expect(only('landline', text)[0]!.preview).toBe('010-******21');
  });

  it('finds a bare local number only after a phone keyword', () => {
    expect(only('landline', '联系电话：87654321')).toHaveLength(1);
    expect(only('landline', '共计87654321元')).toHaveLength(0);
    expect(only('landline', '区号错误 019-87654321')).toHaveLength(0);
  });
});

describe('scanText: bank cards', () => {
  it('finds Luhn-valid cards with a plausible prefix, plain or grouped', () => {
    const card = bankCard('622202', 19);
    expect(only('bank-card', `卡号${card}`)).toHaveLength(1);
    const card16 = bankCard('622848', 16);
    const grouped = card16.replace(/(\d{4})(?=\d)/g, '$1 ');
    const [f] = only('bank-card', `卡号：${grouped} 开户行略`);
    expect(f?.value).toBe(grouped);
    expect(f?.preview).toBe(`${grouped.slice(0, 4)} ${grouped.slice(5, 7)}** **** ${grouped.slice(-4)}`);
  });

  it('does not report Luhn failures, implausible prefixes or IDs', () => {
    const card = bankCard('622202', 19);
    const broken = card.slice(0, -1) + String((Number(card.at(-1)) + 1) % 10);
    expect(only('bank-card', `卡号${broken}`)).toHaveLength(0);
    expect(only('bank-card', `编号${bankCard('7', 16)}`)).toHaveLength(0);
    // An ID from a 4x/5x/6x province may also pass Luhn; it is reported once, as an ID.
    for (let seq = 100; seq < 200; seq++) {
      const id = residentId('440305', '19851120', String(seq));
      if (!/X/.test(id)) expect(kinds(`证件 ${id}`)).toEqual(['resident-id']);
    }
  });
});

describe('scanText: unified social credit codes, e-mail, passports', () => {
  it('finds a valid USCC and not one with a bad check character', () => {
    const code = uscc();
    expect(only('uscc', `统一社会信用代码：${code}`)).toMatchObject([{ preview: `${code.slice(0, 6)}********${code.slice(14)}` }]);
    const wrong = code.slice(0, 17) + (code[17] === 'A' ? 'B' : 'A');
    expect(only('uscc', `统一社会信用代码：${wrong}`)).toHaveLength(0);
  });

  it('finds e-mail addresses and masks the local part', () => {
    const [f] = scanText('来信请发送至 zhangsan.test@example.gov.cn。');
    expect(f).toMatchObject({ kind: 'email', value: 'zhangsan.test@example.gov.cn', preview: 'z************@example.gov.cn' });
  });

  it('does not treat @-mentions or bare domains as e-mail, and reports a phone-shaped mailbox once', () => {
    expect(kinds('微博 @某某发布 以及 www.example.cn')).toEqual([]);
    expect(kinds('user@localhost')).toEqual([]);
    expect(kinds('13812345678@163.com')).toEqual(['email']);
  });

  it('finds PRC passport numbers in their current and older shapes', () => {
    expect(only('passport', '护照号 E12345678、EA1234567、G12345678、DE1234567').map((f) => f.value)).toEqual(['E12345678', 'EA1234567', 'G12345678', 'DE1234567']);
    expect(only('passport', '护照号 E12345678')[0]!.preview).toBe('E1*****78');
  });

  it('does not report passport-like codes embedded in longer tokens or with I/O', () => {
    expect(only('passport', '型号 XE12345678 与 E123456789 与 EI1234567')).toHaveLength(0);
  });
});

describe('scanText: classification markings', () => {
  it('never misses a level with a star, anywhere, with or without a period', () => {
    for (const text of ['秘密★', '正文中间秘密★1年的字样', '机密★十年', '绝密 ★ 长期', '机密☆5年', '秘密*']) {
      expect(only('classification-marking', text), text).toHaveLength(1);
    }
    expect(only('classification-marking', '标题\n机密★10年\n正文')[0]!.value).toBe('机密★10年');
  });

  it('finds internal markings as headers, in brackets and in the disclosure-attribute field', () => {
    const cases: [string, string][] = [
      ['内部资料\n关于……的通知', '内部资料'],
      ['  内部事项 注意保管\n正文', '内部事项 注意保管'],
      ['【内部】会议纪要', '内部'],
      ['（此件不公开）', '此件不公开'],
      ['工作秘密\n正文', '工作秘密'],
      ['注意保存', '注意保存'],
      ['不予公开。', '不予公开'],
      ['公开属性：不予公开', '不予公开'],
      ['密级：秘密', '秘密'],
      ['机密\n正文', '机密'],
    ];
    for (const [text, value] of cases)
      expect(
        only('classification-marking', text).map((f) => f.value),
        text,
      ).toEqual([value]);
  });

  it('does not flag the same words in running text', () => {
    for (const text of [
      '本单位内部控制制度健全。',
      '内部控制评价报告',
      '依法不予公开的信息',
      '涉及**国家秘密**的事项',
      '严格保守国家秘密和工作秘密。',
      '请注意保存好收据。',
      '公开属性：主动公开',
      '秘密进行的调查',
    ]) {
      expect(only('classification-marking', text), text).toEqual([]);
    }
  });
});

describe('scanText: watch list, allow list and options', () => {
  it('finds watch-list terms, longest first, ignoring ASCII case and full-width forms', () => {
    const found = scanText('关于天网工程二期和 Project-X 的说明，天网工程已完工。', { watchList: ['天网工程', '天网工程二期', 'project-x', ' '] });
    expect(found.map((f) => [f.value, f.preview])).toEqual([
      ['天网工程二期', '天*****'],
      ['Project-X', 'P********'],
      ['天网工程', '天***'],
    ]);
    expect(scanText('ＰＲＯＪＥＣＴ－Ｘ', { watchList: ['project-x'] })).toHaveLength(1);
  });

  it('does not report terms that are not on the list', () => {
    expect(scanText('天网恢恢', { watchList: ['天网工程'] })).toEqual([]);
    expect(scanText('天网工程')).toEqual([]);
  });

  it('skips values on the allow list (the agency’s public hotline) and honours kinds', () => {
    const text = '咨询电话：010-12345678（办公电话），联系人手机13812345678';
    expect(kinds(text, { allowList: ['01012345678'] })).toEqual(['mobile']);
    expect(kinds(text, { kinds: ['landline'] })).toEqual([]); // 1234… starts with 1: not a subscriber number
    expect(kinds('电话 010-87654321 手机13812345678', { kinds: ['landline'] })).toEqual(['landline']);
  });

  it('sorts findings by position and gives the API shape without raw values', () => {
    const id = residentId();
    const text = `秘密★1年\n手机13812345678，身份证${id}，邮箱a.b@example.cn`;
    const found = scanText(text);
    expect(found.map((f) => f.kind)).toEqual(['classification-marking', 'mobile', 'resident-id', 'email']);
    const api = scanForApi(text);
    expect(api.findings[1]).toEqual({ kind: 'mobile', label: '手机号码', start: 8, end: 19, preview: '138****5678' });
    expect(JSON.stringify(api)).not.toContain(id);
  });
});

describe('scanText: properties', () => {
  it('copes with a very large number of findings (no call-stack overflow) in linear time', () => {
    expect(scanText('秘密★'.repeat(200_000))).toHaveLength(200_000);
    expect(scanText('1'.repeat(1_000_000))).toEqual([]);
  });

  it('returns in-bounds, sorted findings whose value is the text at their span, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const found = scanText(text, { watchList: ['内部'] });
        let last = -1;
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(text.slice(f.start, f.end)).toBe(f.value);
          last = f.start;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds every generated valid ID embedded in Chinese text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('110105', '310104', '440305', '510107', '650102'),
        fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.string({ unit: fc.constantFrom('的', '是', '，', '。', ' ', '\n'), maxLength: 20 }),
        (region, birth, seq, filler) => {
          const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
          const id = residentId(region, ymd, String(seq).padStart(3, '0'));
          const text = `${filler}身份证${id}${filler}`;
          const f = scanText(text).find((x) => x.kind === 'resident-id');
          expect(f?.value).toBe(id);
        },
      ),
      { numRuns: 200 },
    );
  });
});
