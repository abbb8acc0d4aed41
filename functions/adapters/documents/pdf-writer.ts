import { readFile } from 'node:fs/promises';
import { ConflictError } from '#domain/errors';
import type { OfficialDocument } from '#domain/requests/official-document';
import type { DocumentFileWriter } from '#ports/document-file';
import { PDF_FONT_FILE, pdfFontPath } from './pdf-font';
import { layOutDocument, PAGE_PT } from './pdf-layout';

/*
 * A signed document as a PDF on the GB/T 9704 grid (./pdf-layout.ts), with its font embedded: a
 * PDF that names a font the reader's machine lacks shows boxes or another face, and a letter the
 * agency seals must print the same everywhere. Only the glyphs the letter uses are embedded (a
 * subset: tens of kilobytes, not the font's 15 MB). pdfkit writes the file: it subsets TrueType
 * fonts through fontkit and needs no font files of its own when given one.
 *
 * The font is Noto Serif SC (思源宋体, SIL Open Font License), a 宋体 with every character of the
 * CJK Unified Ideographs block and of Extension A and a few hundred from the later extensions, so
 * the rare characters of people's names print; a character it lacks is refused. The title is set in the same face made heavier with an
 * outline, standing in for 方正小标宋. 仿宋_GB2312 and 方正小标宋 are commercial fonts the platform
 * cannot ship; the Word file names them for the agency's own machines.
 *
 * The font file (./pdf-font.ts) is read on the first PDF and kept.
 */

/** The font file's bytes and the parsed font (to check coverage), read on the first PDF and kept. */
let loaded: Promise<{ bytes: Buffer; covers: (cp: number) => boolean }> | undefined;
function loadFont() {
  loaded ??= (async () => {
    const [bytes, { create }] = await Promise.all([readFile(pdfFontPath()), import('fontkit')]);
    const font = create(bytes);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${PDF_FONT_FILE} is a font collection, not a font`);
    return { bytes, covers: (cp: number) => font.hasGlyphForCodePoint(cp) };
  })().catch((e: unknown) => {
    loaded = undefined;
    throw e;
  });
  return loaded;
}

/** A document with characters the font has no glyph for: refused, since a box in a name or a number would be signed as written. */
export class MissingGlyphsError extends ConflictError {
  constructor(readonly characters: readonly string[]) {
    super(`PDF 字体缺少以下字符：${characters.join('')}。请下载 Word 文档用印。`);
  }
}

export const pdfWriter: DocumentFileWriter = {
  async render(doc: OfficialDocument): Promise<Uint8Array> {
    const [{ default: PDFDocument }, font] = await Promise.all([import('pdfkit'), loadFont()]);
    const missing = [...new Set([...documentChars(doc)].filter((ch) => !/\s/.test(ch) && !font.covers(ch.codePointAt(0)!)))];
    if (missing.length) throw new MissingGlyphsError(missing);

    // font: null, so pdfkit loads no standard font (Helvetica's metrics are a file the bundle does not carry).
    const pdf = new PDFDocument({
      font: null as unknown as string,
      autoFirstPage: false,
      lang: 'zh-CN',
      displayTitle: true,
      info: { Title: doc.title, Author: doc.signature, Subject: doc.number, Creator: '政府信息公开平台' },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      pdf.on('end', resolve);
      pdf.on('error', reject);
    });

    pdf.registerFont('body', font.bytes);
    pdf.font('body');
    const advance = (ch: string, size: number) => pdf.fontSize(size).widthOfString(ch);
    for (const page of layOutDocument(doc, advance)) {
      pdf.addPage({ size: [PAGE_PT.width, PAGE_PT.height], margin: 0 });
      for (const g of page.glyphs) {
        // The heavier title: each glyph filled and outlined in its own colour (text rendering mode 2).
        if (g.heavy) pdf.lineWidth(g.size / 40);
        pdf.fontSize(g.size).text(g.ch, g.x, g.y, { lineBreak: false, baseline: 'alphabetic', ...(g.heavy ? { fill: true, stroke: true } : {}) });
      }
    }
    pdf.end();
    await ended;
    return new Uint8Array(Buffer.concat(chunks));
  },
};

function documentChars(d: OfficialDocument): string {
  return [d.title, d.number, d.addressee, ...d.paragraphs, ...d.legalBasis, d.signature, d.date].join('');
}
