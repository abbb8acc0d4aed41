import type { OfficialDocument } from '#domain/requests/official-document';
import { CHARS_PER_LINE, LINES_PER_PAGE, MARGINS_MM, PAGE_MM, PAGE_NUMBER_GAP_MM, pageNumberText, signatureIndents, SIZES_PT, TEXT_BLOCK_MM } from './official-layout';

/*
 * A signed document set on the GB/T 9704 grid, every character placed: 22 lines of 28 characters
 * in the 版心, body lines justified, the 落款 kept on the page of the text it closes. Pure: the
 * writer (./pdf-writer.ts) measures glyphs with its font and draws what this returns.
 */

const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * PT_PER_MM;

export const PAGE_PT = { width: pt(PAGE_MM.width), height: pt(PAGE_MM.height) } as const;
const LEFT = pt(MARGINS_MM.left);
const TOP = pt(MARGINS_MM.top);
const WIDTH = pt(TEXT_BLOCK_MM.width);
/** One line of the grid: 225 mm / 22. */
export const LINE_PITCH = pt(TEXT_BLOCK_MM.height) / LINES_PER_PAGE;
/** One character of the grid: 156 mm / 28, a little under the 16 pt of 3号, as in the standard's own grid. */
export const CELL = WIDTH / CHARS_PER_LINE;

/** The natural advance of a character at a size, in points, from the font. */
export type Advance = (ch: string, size: number) => number;

/** One character on a page: x from the left edge, y the baseline from the top edge, in points. */
export interface PlacedGlyph {
  readonly ch: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** The title, in a heavier face (方正小标宋's stand-in). */
  readonly heavy?: boolean;
}

export interface LaidOutPage {
  readonly glyphs: readonly PlacedGlyph[];
}

/** A line before it has a page: its characters' x positions, size, and whether it must stay on the page of the next line. */
interface Line {
  readonly glyphs: readonly { ch: string; x: number }[];
  readonly size: number;
  readonly heavy?: boolean;
  readonly keepWithNext?: boolean;
}

/** 禁则 (Chinese line-breaking rules): characters that never begin a line, and those that never end one. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』〕】〉”’…—·%,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『〔【〈“‘([{']);

/**
 * Break opportunities of a text: each CJK character stands alone, a run of ASCII (a number, an
 * e-mail address, a web address) stays whole, a space is its own unit; closing punctuation joins
 * the unit before it and opening punctuation the unit after it, so neither is stranded.
 */
export function breakUnits(text: string): string[] {
  const tokens = text.match(/[\x21-\x7e]+|\s|[^\x21-\x7e\s]/gu) ?? [];
  const units: string[] = [];
  for (const token of tokens) {
    const prev = units.at(-1);
    const joinsPrevious = prev !== undefined && !/^\s$/.test(prev) && !/^\s$/.test(token) && (NO_LINE_START.has([...token][0]!) || NO_LINE_END.has([...prev].at(-1)!));
    if (joinsPrevious) units[units.length - 1] = prev + token;
    else units.push(token);
  }
  return units;
}

/**
 * A paragraph broken into lines of the given width: greedy over the break units, a unit wider than
 * a whole line split by character; every line but the last justified, unless that would spread it
 * by more than a quarter of its width (a long address pushed down), when it stays flush left.
 */
export function breakLines(text: string, width: number, firstIndent: number, measure: (ch: string) => number): { ch: string; x: number }[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let used = 0;
  const available = () => width - (lines.length === 0 ? firstIndent : 0);
  const endLine = () => {
    while (line.length && /\s/.test(line.at(-1)!)) line.pop();
    lines.push(line);
    line = [];
    used = 0;
  };
  for (const unit of breakUnits(text)) {
    const chars = [...unit];
    const w = chars.reduce((s, ch) => s + measure(ch), 0);
    if (line.length && used + w > available() + 0.01) endLine();
    if (!line.length && /^\s$/.test(unit)) continue;
    if (w <= available() + 0.01) {
      line.push(...chars);
      used += w;
      continue;
    }
    for (const ch of chars) {
      if (line.length && used + measure(ch) > available() + 0.01) endLine();
      line.push(ch);
      used += measure(ch);
    }
  }
  if (line.length || !lines.length) endLine();

  return lines.map((chars, i) => {
    const indent = i === 0 ? firstIndent : 0;
    const natural = chars.reduce((s, ch) => s + measure(ch), 0);
    const slack = width - indent - natural;
    const last = i === lines.length - 1;
    const gap = !last && chars.length > 1 && slack > 0 && slack <= (width - indent) / 4 ? slack / (chars.length - 1) : 0;
    let x = indent;
    return chars.map((ch, k) => {
      const placed = { ch, x: x + k * gap };
      x += measure(ch);
      return placed;
    });
  });
}

/** Lines of the 版心 with their glyphs moved by an offset (centring, right alignment). */
const shifted = (glyphs: { ch: string; x: number }[], dx: number) => glyphs.map((g) => ({ ch: g.ch, x: g.x + dx }));
const lineWidth = (glyphs: readonly { ch: string; x: number }[], measure: (ch: string) => number) => (glyphs.length ? glyphs.at(-1)!.x + measure(glyphs.at(-1)!.ch) - glyphs[0]!.x : 0);

/** The document set on A4 pages, in the order of the Word file: 标题, 发文字号, 主送, 正文, 法律依据, seal room, 落款, 成文日期. */
export function layOutDocument(doc: OfficialDocument, advance: Advance): LaidOutPage[] {
  const size = SIZES_PT.body;
  // Body characters sit on the grid's cells: each advance scaled by the cell to the point size.
  const body = (ch: string) => advance(ch, size) * (CELL / size);
  const heading = (ch: string) => advance(ch, SIZES_PT.title);

  const centred = (text: string, measure: (ch: string) => number) => breakLines(text, WIDTH, 0, measure).map((g) => shifted(g, (WIDTH - lineWidth(g, measure)) / 2));
  const flushRight = (text: string, indentChars: number) => breakLines(text, WIDTH, 0, body).map((g) => shifted(g, WIDTH - indentChars * CELL - lineWidth(g, body)));
  const paragraph = (text: string) => breakLines(text, WIDTH, 2 * CELL, body);
  const blank: Line = { glyphs: [], size };

  const indents = signatureIndents(doc.signature, doc.date);
  const basis = paragraph(`法律依据：${doc.legalBasis.join('；')}`).map((glyphs) => ({ glyphs, size }) as Line);
  // GB/T 9704 §7.3.5: the seal never stands on a page alone; the closing paragraph's last two lines go with it.
  const closing = basis.map((l, i) => (i >= basis.length - 2 ? { ...l, keepWithNext: true } : l));
  const lines: Line[] = [
    ...centred(doc.title, heading).map((glyphs) => ({ glyphs, size: SIZES_PT.title, heavy: true })),
    ...centred(doc.number, body).map((glyphs) => ({ glyphs, size })),
    blank,
    ...breakLines(doc.addressee, WIDTH, 0, body).map((glyphs) => ({ glyphs, size })),
    ...doc.paragraphs.flatMap((p) => paragraph(p).map((glyphs) => ({ glyphs, size }))),
    ...closing,
    // Two lines of room for the seal, which presses on the 落款 and the 成文日期 from above.
    { ...blank, keepWithNext: true },
    { ...blank, keepWithNext: true },
    ...flushRight(doc.signature, indents.signature).map((glyphs) => ({ glyphs, size, keepWithNext: true })),
    ...flushRight(doc.date, indents.date).map((glyphs) => ({ glyphs, size })),
  ];
  return paginate(lines).map((page, i) => ({ glyphs: [...page.flatMap((line, slot) => place(line, slot)), ...pageNumber(i + 1, advance)] }));
}

/** Lines onto pages of 22: a run of lines kept together starts a new page when it does not fit; a page never begins with a blank line. */
function paginate(lines: readonly Line[]): Line[][] {
  const pages: Line[][] = [[]];
  lines.forEach((line, i) => {
    let page = pages.at(-1)!;
    let run = 1;
    while (lines[i + run - 1]?.keepWithNext && i + run < lines.length) run += 1;
    if (page.length === LINES_PER_PAGE || (page.length > 0 && page.length + run > LINES_PER_PAGE && run <= LINES_PER_PAGE && !lines[i - 1]?.keepWithNext)) {
      page = [];
      pages.push(page);
    }
    if (page.length === 0 && line.glyphs.length === 0) return;
    page.push(line);
  });
  return pages;
}

/** A line's glyphs on its slot of the page: the baseline where a CJK em box is centred in the line. */
function place(line: Line, slot: number): PlacedGlyph[] {
  const baseline = TOP + (slot + 0.5) * LINE_PITCH + 0.38 * line.size;
  return line.glyphs.map((g) => ({ ch: g.ch, x: LEFT + g.x, y: baseline, size: line.size, ...(line.heavy ? { heavy: true } : {}) }));
}

/** "— n —" in 4号, its 一字线 7 mm under the 版心; odd pages on the right and even on the left, one character in (§7.5). */
function pageNumber(n: number, advance: Advance): PlacedGlyph[] {
  const size = SIZES_PT.pageNumber;
  const chars = [...pageNumberText(n)];
  const width = chars.reduce((s, ch) => s + advance(ch, size), 0);
  const baseline = TOP + pt(TEXT_BLOCK_MM.height + PAGE_NUMBER_GAP_MM) + 0.3 * size;
  let x = n % 2 === 1 ? LEFT + WIDTH - size - width : LEFT + size;
  return chars.map((ch) => {
    const placed = { ch, x, y: baseline, size };
    x += advance(ch, size);
    return placed;
  });
}
