import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRedactionSpanError } from '#domain/secrecy/errors';
import { mergeSpans, redactedItems, redactText, verifyRedactedText } from '#domain/secrecy/redaction';
import { scanText } from '#domain/secrecy/scanner';
import { residentId } from '../../../fixtures/documents/identifiers';

describe('redactText', () => {
  it('replaces each removed character with ■ and keeps the rest', () => {
    expect(
      redactText('联系人张三，电话13812345678。', [
        { start: 3, end: 5 },
        { start: 8, end: 19 },
      ]),
    ).toBe('联系人■■，电话■■■■■■■■■■■。');
  });

  it('merges overlapping and touching spans and ignores empty ones', () => {
    expect(
      mergeSpans('abcdefgh', [
        { start: 4, end: 6 },
        { start: 1, end: 3 },
        { start: 2, end: 4 },
        { start: 7, end: 7 },
      ]),
    ).toEqual([{ start: 1, end: 6 }]);
    expect(
      redactText('abcdefgh', [
        { start: 1, end: 3 },
        { start: 2, end: 5 },
      ]),
    ).toBe('a■■■■fgh');
  });

  it('gives one ■ per character for characters outside the BMP, even if a span splits one', () => {
    const text = '姓名：𠮷田';
    expect(redactText(text, [{ start: 3, end: 4 }])).toBe('姓名：■田');
    expect(redactText(text, [{ start: 3, end: 6 }])).toBe('姓名：■■');
  });

  it('refuses spans out of bounds, reversed or not integers', () => {
    for (const span of [
      { start: -1, end: 2 },
      { start: 0, end: 99 },
      { start: 3, end: 1 },
      { start: 0.5, end: 2 },
    ]) {
      expect(() => redactText('abcdef', [span])).toThrow(InvalidRedactionSpanError);
    }
  });

  it('redacting every finding leaves nothing for the scanner to find', () => {
    const text = `身份证${residentId()}，手机 138-1234-5678，邮箱 someone@example.cn\n秘密★1年`;
    const redacted = redactText(text, scanText(text));
    expect(scanText(redacted)).toEqual([]);
    expect(redacted.length).toBe(text.length);
  });

  it('keeps the length for BMP text and never leaves a redacted character behind (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '1', '中', ' ', '★'), minLength: 1, maxLength: 80 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), (text, raw) => {
        const spans = raw.map(([a, b]) => ({ start: Math.min(a, b) % (text.length + 1), end: Math.max(a, b) % (text.length + 1) })).filter((s) => s.start <= s.end);
        const out = redactText(text, spans);
        expect(out.length).toBe(text.length);
        for (const s of spans) for (let i = s.start; i < s.end; i++) expect(out[i]).toBe('■');
      }),
    );
  });
});

describe('verifyRedactedText', () => {
  const id = residentId();

  it('returns nothing when the redaction held', () => {
    const original = `身份证号${id}`;
    const redacted = redactText(original, scanText(original));
    expect(verifyRedactedText(redacted, redactedItems(original, scanText(original)))).toEqual([]);
  });

  it('finds a redacted ID still present, even spaced, dashed, in full width or in another place', () => {
    const items = [{ kind: 'resident-id' as const, value: id, ref: 'body#1' }];
    const spaced = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    const fullWidth = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    for (const leaked of [id, spaced, id.replace(/(\d{4})/g, '$1-'), fullWidth]) {
      const text = `附件二：${leaked}。`;
      const [r] = verifyRedactedText(text, items);
      expect(r, leaked).toMatchObject({ kind: 'resident-id', index: 0, ref: 'body#1', start: 4 });
      expect(r!.end - r!.start).toBeGreaterThanOrEqual(18);
      expect(r!.preview).not.toContain(id.slice(6, 14));
    }
  });

  it('compares mobiles on their last eleven digits and spans on their compact text', () => {
    expect(verifyRedactedText('电话 138 1234 5678', [{ kind: 'mobile', value: '+86 13812345678' }])).toHaveLength(1);
    expect(verifyRedactedText('经办人：张 三', [{ kind: 'span', value: '张三' }])).toHaveLength(1);
    expect(verifyRedactedText('经办人：■■', [{ kind: 'span', value: '张三' }])).toEqual([]);
  });

  it('does not treat a masked copy as a leak, and ignores one-character items', () => {
    expect(verifyRedactedText(`${id.slice(0, 6)}********${id.slice(14)}`, [{ kind: 'resident-id', value: id }])).toEqual([]);
    expect(verifyRedactedText('张', [{ kind: 'span', value: '张' }])).toEqual([]);
  });

  it('reports every occurrence', () => {
    expect(verifyRedactedText('13812345678 和 13812345678', [{ kind: 'mobile', value: '13812345678' }]).map((r) => r.start)).toEqual([0, 14]);
  });
});
