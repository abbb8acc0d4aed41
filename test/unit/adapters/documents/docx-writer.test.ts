import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { A4, docxWriter, LINE, MARGINS } from '#adapters/documents/docx-writer';
import { signatureIndents, widthInChars } from '#adapters/documents/official-layout';
import { isoDate } from '#domain/calendar';
import { answerLetterDocument, documentText, generateAnswerLetter, parseDecision, type OfficialDocument } from '#domain/requests';

/*
 * The golden 不予公开 letter of test/unit/domain/requests/letters.golden.test.ts (the same agency,
 * application and decision), so the Word file is held to the reviewed text in
 * test/fixtures/letters/answer-withheld.txt.
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
  const letter = generateAnswerLetter({ agency, application, decision: parseDecision(withheld), letterSequence: 12, letterDate: isoDate('2026-03-10') });
  return answerLetterDocument(letter);
}

const unescape = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs of a part: their properties (w:pPr, with the run properties) and their text. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const inner = m[1] ?? '';
    return { xml: inner, text: unescape([...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')) };
  });
}

async function open(doc: OfficialDocument) {
  const bytes = await docxWriter.render(doc);
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name} in the .docx`);
    return file.async('string');
  };
  return { bytes, zip, part };
}

describe('the Word writer (docx)', () => {
  it('writes the golden letter’s parts in order: 标题, 发文字号, 主送, 正文, 法律依据, 落款, 成文日期', async () => {
    const doc = goldenLetter();
    const { part } = await open(doc);
    const texts = paragraphs(await part('word/document.xml')).map((p) => p.text);
    expect(texts).toEqual([doc.title, doc.number, '', doc.addressee, ...doc.paragraphs, `法律依据：${doc.legalBasis.join('；')}`, doc.signature, doc.date]);
    expect(doc.date).toBe('2026年3月10日');
    // The same words as the reviewed letter text, line by line (indents and blank lines aside).
    const golden = readFileSync(GOLDEN, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(texts.filter(Boolean)).toEqual(golden);
    expect(golden).toEqual(
      documentText(doc)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
  });

  it('lays the page out after GB/T 9704: A4, margins 37/35/28/26 mm, 22 lines of 28.95 pt', async () => {
    const { part } = await open(goldenLetter());
    const xml = await part('word/document.xml');
    expect(A4).toEqual({ width: 11906, height: 16838 });
    expect(MARGINS).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    expect(margins).toContain('w:top="2098"');
    expect(margins).toContain('w:bottom="1984"');
    expect(margins).toContain('w:left="1587"');
    expect(margins).toContain('w:right="1474"');
    expect(LINE).toBe(579);
    expect(Math.floor((16838 - 2098 - 1984) / LINE)).toBe(22);
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(await part('word/styles.xml'))![1]!;
    expect(defaults).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
  });

  it('sets the body in 3号 仿宋_GB2312 with a two-character first-line indent, the title in 2号 方正小标宋简体, centred', async () => {
    const doc = goldenLetter();
    const { part } = await open(doc);
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(await part('word/styles.xml'))![1]!;
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    const ps = paragraphs(await part('word/document.xml'));
    const [title, number, , addressee] = ps;
    expect(title!.xml).toContain('<w:jc w:val="center"/>');
    expect(title!.xml).toMatch(/<w:rFonts [^>]*w:eastAsia="方正小标宋简体"/);
    expect(title!.xml).toContain('<w:sz w:val="44"/>');
    expect(number!.xml).toContain('<w:jc w:val="center"/>');
    expect(number!.xml).not.toContain('<w:sz ');
    expect(addressee!.xml).not.toMatch(/<w:jc |<w:ind /);
    const body = ps.filter((p) => doc.paragraphs.includes(p.text) || p.text.startsWith('法律依据：'));
    expect(body).toHaveLength(doc.paragraphs.length + 1);
    for (const p of body) {
      expect(p.xml).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
      expect(p.xml).toMatch(/<w:ind [^>]*w:firstLine="640"/);
      expect(p.xml).not.toContain('<w:sz ');
    }
  });

  it('right-aligns the 落款 and 成文日期 (date 右空四字, the agency centred over it) with two lines above them for the seal', async () => {
    const doc = goldenLetter();
    const { part } = await open(doc);
    const ps = paragraphs(await part('word/document.xml'));
    const signature = ps.find((p) => p.text === doc.signature)!;
    const date = ps.find((p) => p.text === doc.date)!;
    expect(signature.xml).toContain('<w:jc w:val="right"/>');
    expect(date.xml).toContain('<w:jc w:val="right"/>');
    expect(signature.xml).toContain(`<w:spacing w:before="${2 * LINE}"/>`);
    expect(date.xml).toContain('<w:ind w:right="1280"/>');
    // 示例市人民政府办公室 (10 characters) over 2026年3月10日 (6.5): 4 + (6.5 − 10) / 2 = 2.25 characters in.
    expect(signature.xml).toContain('<w:ind w:right="720"/>');
  });

  it('numbers the pages — 1 — in 4号 宋体, odd pages on the right and even pages on the left', async () => {
    const { part, zip } = await open(goldenLetter());
    expect(await part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(2);
    const sides = new Set<string>();
    for (const name of footers) {
      const footer = await part(name);
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toMatch(/<w:rFonts [^>]*w:eastAsia="宋体"/);
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(paragraphs(footer)[0]!.text).toBe('—  —');
      sides.add(/<w:jc w:val="(\w+)"\/>/.exec(footer)![1]!);
    }
    expect([...sides].sort()).toEqual(['left', 'right']);
  });

  it('names the fonts with their stand-ins and embeds none', async () => {
    const { part, zip, bytes } = await open(goldenLetter());
    const table = await part('word/fontTable.xml');
    expect(table).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(table).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(table).not.toMatch(/w:embed/);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/fonts/'))).toEqual([]);
    expect(bytes.byteLength).toBeLessThan(40_000);
    expect(await part('docProps/core.xml')).toContain('<dc:creator>示例市人民政府办公室</dc:creator>');
  });

  it('keeps text that looks like markup as text', async () => {
    const doc = { ...goldenLetter(), paragraphs: ['A&B <w:t>x</w:t> “引号”'] };
    const { part } = await open(doc);
    expect(paragraphs(await part('word/document.xml')).map((p) => p.text)).toContain('A&B <w:t>x</w:t> “引号”');
  });

  it('measures the 落款 and 成文日期 in characters (ASCII half) to centre one over the other', () => {
    expect(widthInChars('2026年3月10日')).toBe(6.5);
    expect(widthInChars('示例市人民政府办公室')).toBe(10);
    expect(signatureIndents('示例市人民政府办公室', '2026年3月10日')).toEqual({ signature: 2.25, date: 4 });
    expect(signatureIndents('示例局', '2026年12月31日')).toEqual({ signature: 6, date: 4 });
    expect(signatureIndents('示例市示例区人民政府办公室政府信息公开科', '2026年3月10日')).toEqual({ signature: 0, date: 4 });
  });
});
