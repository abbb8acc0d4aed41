import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfFontPath } from '#adapters/documents/pdf-font';
import { MissingGlyphsError, pdfWriter } from '#adapters/documents/pdf-writer';
import { pdfInfo, pdfText } from '#adapters/extraction/pdf';
import { isoDate } from '#domain/calendar';
import { answerLetterDocument, generateAnswerLetter, parseDecision, type OfficialDocument } from '#domain/requests';

/*
 * The golden 不予公开 letter of test/unit/domain/requests/letters.golden.test.ts, as a PDF: read
 * back with the platform's own PDF reader (the one the secrecy scanner uses), it holds the
 * reviewed text of test/fixtures/letters/answer-withheld.txt, on A4, with its font embedded.
 */
const agency = {
  name: '示例市人民政府办公室',
  letterPrefix: '示例政信',
  address: '示例市人民路1号政务服务中心一楼政府信息公开窗口',
  phone: '010-12345678',
  reconsiderationBody: '示例市人民政府',
  court: '示例市示例区人民法院',
};
const application = { trackingNumber: 'YSQ-2026-000123', applicantName: '张三', receivedOn: isoDate('2026-02-10'), requestSummary: '示例市2025年财政预算执行情况报告的政府信息' };
const withheld = {
  type: 'withheld',
  facts: '您申请的是本机关2026年第3次主任办公会议的讨论记录',
  grounds: [{ ground: 'process-information', kind: 'discussion-record', discretionReason: '该事项仍在研究论证中，公开讨论记录可能影响决策的正常进行' }],
};
const GOLDEN = new URL('../../../fixtures/letters/answer-withheld.txt', import.meta.url);

function goldenLetter(): OfficialDocument {
  return answerLetterDocument(generateAnswerLetter({ agency, application, decision: parseDecision(withheld), letterSequence: 12, letterDate: isoDate('2026-03-10') }));
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('the PDF writer', () => {
  it('writes the reviewed letter text, page by page, with page numbers', async () => {
    const bytes = await pdfWriter.render(goldenLetter());
    const { text, pageCount } = await pdfText(bytes);
    expect(pageCount).toBe(2);
    const pages = text.split('\n\n').map(squeeze);
    expect(pages[0]!.endsWith('—1—')).toBe(true);
    expect(pages[1]!.endsWith('—2—')).toBe(true);
    const golden = squeeze(readFileSync(GOLDEN, 'utf8'));
    expect(pages.map((p) => p.replace(/—\d+—$/, '')).join('')).toBe(golden);
  });

  it('is A4 with the document’s title, agency and number in its properties', async () => {
    const doc = goldenLetter();
    const bytes = await pdfWriter.render(doc);
    expect(latin1(bytes.subarray(0, 5))).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo((210 / 25.4) * 72, 1);
      expect(page.getHeight()).toBeCloseTo((297 / 25.4) * 72, 1);
    }
    const info = await pdfInfo(bytes);
    expect(info['info:Title']).toBe(doc.title);
    expect(info['info:Author']).toBe(doc.signature);
    expect(info['info:Subject']).toBe(doc.number);
  });

  it('embeds its font as a subset of the glyphs it uses, so it prints the same on any machine', async () => {
    const bytes = await pdfWriter.render(goldenLetter());
    const raw = latin1(bytes);
    // One TrueType font program in the file, named with a subset tag (six capitals and a plus).
    expect(raw.match(/\/FontFile2/g)).toHaveLength(1);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    // The font file is 15 MB; the letter carries only what it shows.
    expect(readFileSync(pdfFontPath()).byteLength).toBeGreaterThan(10_000_000);
    expect(bytes.byteLength).toBeLessThan(200_000);
    // No font is named without being embedded (a standard font would print in another face).
    expect(raw).not.toMatch(/\/BaseFont \/(?:Helvetica|Times|Courier)/);
  });

  it('sets a rare character of a name (䶮, 堃, 𠙶) and refuses one the font does not have, naming it', async () => {
    const rare = { ...goldenLetter(), addressee: '王䶮堃𠙶：' };
    const { text } = await pdfText(await pdfWriter.render(rare));
    expect(squeeze(text)).toContain('王䶮堃𠙶：');

    const privateUse = { ...goldenLetter(), addressee: '王\u{e000}：' };
    const refusal = pdfWriter.render(privateUse);
    await expect(refusal).rejects.toBeInstanceOf(MissingGlyphsError);
    await expect(refusal).rejects.toThrow('PDF 字体缺少以下字符：\u{e000}。请下载 Word 文档用印。');
  });
});
