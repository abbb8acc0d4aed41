import { describe, expect, it } from 'vitest';
import { pageNumberText } from '#adapters/documents/official-layout';
import { breakLines, breakUnits, CELL, layOutDocument, LINE_PITCH, PAGE_PT, type PlacedGlyph } from '#adapters/documents/pdf-layout';
import type { OfficialDocument } from '#domain/requests';

/** A monospaced stand-in for the font: CJK and full-width one em, ASCII half. */
const advance = (ch: string, size: number) => (/[\x20-\x7e]/.test(ch) ? size / 2 : size);
const cells = (ch: string) => advance(ch, 1);

const NO_LINE_START = [...'，。、；：？！）》」』〕】”’…'];
const NO_LINE_END = [...'（《「『〔【“‘'];

const mm = (pt: number) => (pt * 25.4) / 72;
const text = (glyphs: readonly { ch: string }[]) => glyphs.map((g) => g.ch).join('');

function document(paragraphs: number, paragraph = '本机关于2026年2月10日收到您提出的政府信息公开申请（申请编号：YSQ-2026-000123），现答复如下。'): OfficialDocument {
  return {
    title: '政府信息公开申请答复告知书',
    number: '示例政信〔2026〕12号',
    addressee: '张三：',
    paragraphs: Array.from({ length: paragraphs }, (_, i) => `${i + 1}．${paragraph}`),
    legalBasis: ['《中华人民共和国政府信息公开条例》第三十六条第（二）项', '《中华人民共和国政府信息公开条例》第十六条第二款'],
    signature: '示例市人民政府办公室',
    date: '2026年3月10日',
  };
}

/** The glyphs of a page grouped into its lines (same baseline), top to bottom. */
function linesOf(glyphs: readonly PlacedGlyph[]): PlacedGlyph[][] {
  const byBaseline = new Map<number, PlacedGlyph[]>();
  for (const g of glyphs) byBaseline.set(g.y, [...(byBaseline.get(g.y) ?? []), g]);
  return [...byBaseline.entries()].sort(([a], [b]) => a - b).map(([, line]) => line);
}

describe('break units (禁则)', () => {
  it('keeps closing punctuation with the character before it and opening punctuation with the one after it', () => {
    expect(breakUnits('您好，（申请）。')).toEqual(['您', '好，', '（申', '请）。']);
    expect(breakUnits('《条例》第十条')).toEqual(['《条', '例》', '第', '十', '条']);
  });

  it('keeps a run of ASCII whole (a number, an address), and a space on its own', () => {
    expect(breakUnits('电话010-12345678，邮箱 gk@example.gov.cn。')).toEqual(['电', '话', '010-12345678，', '邮', '箱', ' ', 'gk@example.gov.cn。']);
  });
});

describe('line breaking', () => {
  const long =
    '该信息属于行政机关在履行行政管理职能过程中形成的讨论记录，属于过程性信息，且无法律、法规、规章规定应当公开。本机关经裁量认为：该事项仍在研究论证中，公开讨论记录可能影响决策的正常进行。';

  it('fills 28 characters a line, the first indented two, and loses no character', () => {
    const lines = breakLines(long, 28, 2, cells);
    expect(lines.map(text).join('')).toBe(long);
    expect(lines[0]![0]!.x).toBe(2);
    for (const line of lines.slice(0, -1)) {
      const last = line.at(-1)!;
      // Justified: the last character ends at the right edge.
      expect(last.x + cells(last.ch)).toBeCloseTo(28, 6);
    }
    expect(lines[0]!.length).toBeLessThanOrEqual(26);
    expect(lines[1]!.length).toBeLessThanOrEqual(28);
  });

  // From 10 cells up, wider than the sample's longest unbreakable run (the telephone number with its punctuation).
  it('never begins a line with closing punctuation nor ends one with opening punctuation, at any width', () => {
    const sample = '根据《中华人民共和国政府信息公开条例》第三十六条第（三）项的规定，本机关决定对您申请的信息不予公开。联系电话：010-12345678；“如对本答复不服”……';
    for (let width = 10; width <= 30; width++) {
      const lines = breakLines(sample, width, 0, cells);
      expect(lines.map(text).join(''), `width ${width}`).toBe(sample);
      for (const line of lines) {
        expect(NO_LINE_START, `width ${width}: ${text(line)}`).not.toContain(line[0]!.ch);
        expect(NO_LINE_END, `width ${width}: ${text(line)}`).not.toContain(line.at(-1)!.ch);
        expect(line.at(-1)!.x + cells(line.at(-1)!.ch)).toBeLessThanOrEqual(width + 1e-9);
      }
    }
  });

  it('splits a run longer than a line by character, and leaves a line spread too far flush left', () => {
    const url = 'https://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/2026/03/10/notice.html';
    const lines = breakLines(`网址：${url}`, 20, 0, cells);
    expect(lines.map(text).join('')).toBe(`网址：${url}`);
    // "网址：" alone would be spread over 20 cells: it stays as written.
    expect(text(lines[0]!)).toBe('网址：');
    expect(lines[0]!.map((g) => g.x)).toEqual([0, 1, 2]);
    for (const line of lines) expect(line.at(-1)!.x + cells(line.at(-1)!.ch)).toBeLessThanOrEqual(20);
  });

  it('drops spaces at the ends of lines', () => {
    const lines = breakLines('一二三 四五六', 3, 0, cells);
    expect(lines.map(text)).toEqual(['一二三', '四五六']);
  });
});

describe('the document on A4 pages (GB/T 9704)', () => {
  const LEFT = (28 / 25.4) * 72;
  const RIGHT = LEFT + (156 / 25.4) * 72;
  const TOP = (37 / 25.4) * 72;
  const BOTTOM = TOP + (225 / 25.4) * 72;

  it('uses the 版心 of 156 × 225 mm, 22 lines of 28 characters', () => {
    expect(mm(PAGE_PT.width)).toBeCloseTo(210, 6);
    expect(mm(PAGE_PT.height)).toBeCloseTo(297, 6);
    expect(mm(CELL * 28)).toBeCloseTo(156, 6);
    expect(mm(LINE_PITCH * 22)).toBeCloseTo(225, 6);
  });

  it('sets every part in order, every character once, inside the 版心', () => {
    const doc = document(6);
    const pages = layOutDocument(doc, advance);
    const body = pages.flatMap((p) => p.glyphs.filter((g) => g.size !== 14));
    const expected = [doc.title, doc.number, doc.addressee, ...doc.paragraphs, `法律依据：${doc.legalBasis.join('；')}`, doc.signature, doc.date].join('');
    expect(text(body)).toBe(expected);
    for (const g of body) {
      expect(g.x).toBeGreaterThanOrEqual(LEFT - 1e-6);
      expect(g.x + advance(g.ch, g.size) * (g.size === 16 ? CELL / 16 : 1)).toBeLessThanOrEqual(RIGHT + 1e-6);
      expect(g.y).toBeGreaterThan(TOP);
      expect(g.y).toBeLessThan(BOTTOM);
    }
    // 标题 in 2号, heavy, centred; 正文 in 3号.
    const title = body.filter((g) => g.heavy);
    expect(text(title)).toBe(doc.title);
    expect(new Set(title.map((g) => g.size))).toEqual(new Set([22]));
    const titleWidth = title.at(-1)!.x + 22 - title[0]!.x;
    expect(title[0]!.x - LEFT).toBeCloseTo(RIGHT - (title[0]!.x + titleWidth), 6);
  });

  it('puts 成文日期 右空四字 and the 落款 centred over it, with two empty lines for the seal', () => {
    const [page] = layOutDocument(document(1), advance);
    const lines = linesOf(page!.glyphs.filter((g) => g.size === 16));
    const [date, signature, basis] = [lines.at(-1)!, lines.at(-2)!, lines.at(-3)!];
    expect(text(date)).toBe('2026年3月10日');
    const end = (line: PlacedGlyph[]) => line.at(-1)!.x + advance(line.at(-1)!.ch, 16) * (CELL / 16);
    expect((RIGHT - end(date)) / CELL).toBeCloseTo(4, 6);
    const centre = (line: PlacedGlyph[]) => (line[0]!.x + end(line)) / 2;
    expect(centre(signature)).toBeCloseTo(centre(date), 6);
    expect((signature[0]!.y - basis[0]!.y) / LINE_PITCH).toBeCloseTo(3, 6);
  });

  it('never leaves the 落款 on a page without at least two lines of the text it closes, however long the letter', () => {
    for (let n = 1; n <= 40; n++) {
      const pages = layOutDocument(document(n), advance);
      const last = pages.at(-1)!;
      const lines = linesOf(last.glyphs.filter((g) => g.size === 16));
      expect(lines.length, `${n} paragraphs`).toBeGreaterThanOrEqual(4);
      expect(text(lines.at(-1)!)).toBe('2026年3月10日');
      for (const page of pages) expect(linesOf(page.glyphs.filter((g) => g.size !== 14)).length).toBeLessThanOrEqual(22);
      // Nothing but the title sits on the first line of a page, and no page starts with a blank.
      for (const page of pages.slice(1)) expect(linesOf(page.glyphs)[0]![0]!.y).toBeCloseTo(TOP + 0.5 * LINE_PITCH + 0.38 * 16, 6);
    }
  });

  it('numbers pages "— n —" in 4号 under the 版心: odd pages on the right, even pages on the left, one character in', () => {
    const pages = layOutDocument(document(20), advance);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      const number = page.glyphs.filter((g) => g.size === 14);
      expect(text(number)).toBe(pageNumberText(i + 1));
      const start = number[0]!.x;
      const end = number.at(-1)!.x + advance(number.at(-1)!.ch, 14);
      if (i % 2 === 0) expect(RIGHT - end).toBeCloseTo(14, 6);
      else expect(start - LEFT).toBeCloseTo(14, 6);
      expect(mm(number[0]!.y - BOTTOM)).toBeGreaterThan(7);
      expect(mm(number[0]!.y - BOTTOM)).toBeLessThan(10);
    });
  });
});
