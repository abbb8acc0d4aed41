import type { OfficialDocument } from '#domain/requests/official-document';
import type { DocumentFileWriter } from '#ports/document-file';
import { MARGINS_MM, PAGE_NUMBER_GAP_MM, SIZES_PT, signatureIndents } from './official-layout';

/*
 * A signed document as a .docx laid out after GB/T 9704 (./official-layout.ts): 标题 in 2号
 * 方正小标宋简体, centred; 发文字号 centred under it; 主送 flush left; 正文 in 3号 仿宋_GB2312, first
 * line indented two characters, exactly 28.95 pt a line (22 lines a page); 落款 and 成文日期
 * right-aligned with two lines above them for the seal; page numbers "— 1 —" in 4号 宋体, odd pages
 * on the right and even pages on the left, one character in.
 *
 * The fonts are named (w:rFonts eastAsia), never embedded: Chinese Word and WPS installations
 * have them, and an embedded CJK font would add megabytes to every file and to the Lambda bundle.
 * The font table names each with the font Windows ships as its stand-in (仿宋_GB2312 → 仿宋,
 * 方正小标宋简体 → 宋体), so a machine without the GB fonts still shows the right face.
 *
 * The `docx` package is imported when a document is rendered, so the public pages never load it.
 */

/** Twentieths of a point (twips) per millimetre. */
const mm = (x: number) => Math.round((x / 25.4) * 1440);

export const A4 = { width: 11906, height: 16838 } as const;
export const MARGINS = { top: mm(MARGINS_MM.top), bottom: mm(MARGINS_MM.bottom), left: mm(MARGINS_MM.left), right: mm(MARGINS_MM.right) } as const;

export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', pageNumber: '宋体' } as const;

/** Font sizes in half-points. */
export const SIZES = { title: SIZES_PT.title * 2, body: SIZES_PT.body * 2, pageNumber: SIZES_PT.pageNumber * 2 } as const;

/** 28.95 pt in twips, as Word's GB/T 9704 templates set it: 22 lines in the 225 mm 版心 (12,756 twips). */
export const LINE = 579;

/** One character of the body (3号 = 16 pt) in twips, for indents given in characters. */
const BODY_CHAR = SIZES_PT.body * 20;

/**
 * The font table: each named font with its stand-in (altName) and the GB2312 character set, as Word
 * writes them, so Word and WPS substitute the common face when the GB font is missing.
 */
const FONT_TABLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>' +
  '<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>' +
  '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>' +
  '<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>' +
  '</w:fonts>';

export const docxWriter: DocumentFileWriter = {
  async render(doc: OfficialDocument): Promise<Uint8Array> {
    const { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } = await import('docx');

    const exact = { line: LINE, lineRule: LineRuleType.EXACT };
    const cn = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
    const body = (text: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLineChars: 200, firstLine: 2 * BODY_CHAR }, children: [new TextRun(text)] });
    const blank = () => new Paragraph({});
    const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], side: 'left' | 'right') =>
      new Footer({
        children: [
          new Paragraph({
            alignment,
            spacing: { line: 240, lineRule: LineRuleType.AUTO },
            indent: side === 'right' ? { right: SIZES.pageNumber * 10 } : { left: SIZES.pageNumber * 10 },
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: cn(FONTS.pageNumber), size: SIZES.pageNumber })],
          }),
        ],
      });
    const indents = signatureIndents(doc.signature, doc.date);

    const file = new Document({
      title: doc.title,
      creator: doc.signature,
      lastModifiedBy: doc.signature,
      evenAndOddHeaderAndFooters: true,
      styles: {
        default: {
          document: {
            run: { font: cn(FONTS.body), size: SIZES.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
            paragraph: { spacing: exact },
          },
        },
      },
      sections: [
        {
          properties: {
            page: {
              size: A4,
              // The page number's line sits 7 mm under the 版心: its baseline about 23 mm above the edge.
              margin: { ...MARGINS, header: mm(15), footer: mm(MARGINS_MM.bottom - PAGE_NUMBER_GAP_MM - 5) },
            },
            grid: { linePitch: LINE },
          },
          footers: { default: pageNumber(AlignmentType.RIGHT, 'right'), even: pageNumber(AlignmentType.LEFT, 'left') },
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, font: cn(FONTS.title), size: SIZES.title })] }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(doc.number)] }),
            blank(),
            new Paragraph({ children: [new TextRun(doc.addressee)] }),
            ...doc.paragraphs.map(body),
            body(`法律依据：${doc.legalBasis.join('；')}`),
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              // Room for the seal, which presses on the 落款 and the 成文日期 from above.
              spacing: { before: 2 * LINE },
              indent: { right: Math.round(indents.signature * BODY_CHAR) },
              children: [new TextRun(doc.signature)],
            }),
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              indent: { right: indents.date * BODY_CHAR },
              children: [new TextRun(doc.date)],
            }),
          ],
        },
      ],
    });
    return Packer.pack(file, 'uint8array', false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
  },
};
