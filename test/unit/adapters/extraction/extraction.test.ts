import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { contentDigest, sha256Hex } from '#adapters/extraction/digest';
import { CorruptDocumentError, UnsupportedContentTypeError } from '#adapters/extraction/errors';
import { documentMetadata, extractText } from '#adapters/extraction/extract';
import { htmlToText } from '#adapters/extraction/html';
import { DOCX, PDF, sniffContentType } from '#adapters/extraction/sniff';
import { redactedItems, verifyRedactedText } from '#domain/secrecy/redaction';
import { scanText } from '#domain/secrecy/scanner';
import { makeDocx } from '../../../fixtures/documents/docx';
import { residentId } from '../../../fixtures/documents/identifiers';
import { makePdf, textPdf } from '../../../fixtures/documents/pdf';

const utf8 = (s: string) => new TextEncoder().encode(s);
const ID = residentId('110105', '19900307', '123');

describe('sniffContentType', () => {
  it('recognises PDF, DOCX, PNG, JPEG and text by their first bytes', async () => {
    expect(sniffContentType((await textPdf('hello')).subarray(0, 4096))).toBe(PDF);
    expect(sniffContentType((await makeDocx({ paragraphs: ['正文'] })).subarray(0, 4096))).toBe(DOCX);
    expect(sniffContentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffContentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffContentType(utf8('关于公开的通知\n正文'))).toBe('text/plain');
    expect(sniffContentType(utf8('<!DOCTYPE html><html><body>x</body></html>'))).toBe('text/html');
  });

  it('accepts a UTF-8 prefix cut in the middle of a character, and refuses binary', () => {
    const bytes = utf8('政府信息公开');
    expect(sniffContentType(bytes.subarray(0, 5))).toBe('text/plain');
    expect(sniffContentType(new Uint8Array([0, 1, 2, 3, 0xfe]))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });

  it('tells a plain ZIP from a DOCX', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    expect(sniffContentType(await zip.generateAsync({ type: 'uint8array' }))).toBe('application/zip');
  });
});

describe('extractText: text and HTML', () => {
  it('reads UTF-8 (with BOM) and GB18030 text', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`身份证${ID}`)]);
    expect((await extractText(bom, 'text/plain; charset=utf-8')).text).toBe(`身份证${ID}`);
    // "中文" in GB18030.
    const gbk = await extractText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), 'text/plain');
    expect(gbk.text).toBe('中文');
    expect(gbk.warnings.map((w) => w.code)).toEqual(['legacy-encoding']);
  });

  it('keeps Markdown as is', async () => {
    expect((await extractText(utf8('# 标题\n\n手机 13812345678'), 'text/markdown')).text).toBe('# 标题\n\n手机 13812345678');
  });

  it('strips tags, scripts and styles, decodes entities, and scans hidden parts too', async () => {
    const html =
      '<html><head><style>p{color:red}</style><script>var phone="13900000000";</script></head><body>' +
      '<p>联系人&nbsp;张三</p><p>电话&#xff1a;<b>138</b>1234&#x35;678</p><!-- 身份证 ' +
      ID +
      ' -->' +
      '<img src="a.png" alt="秘密★1年"><a href="mailto:someone@example.cn">写信</a></body></html>';
    const out = await extractText(utf8(html), 'text/html');
    expect(out.text).toContain('联系人 张三\n电话：13812345678');
    expect(out.text).not.toContain('color:red');
    expect(out.text).not.toContain('13900000000');
    expect(out.hiddenStart).toBeGreaterThan(0);
    expect(out.warnings.map((w) => w.code)).toContain('hidden-content');
    expect(scanText(out.text).map((f) => f.kind)).toEqual(['mobile', 'resident-id', 'classification-marking', 'email']);
  });

  it('leaves a page without hidden parts without a hidden section', () => {
    expect(htmlToText('<p>a</p><p>b &amp; c</p>')).toEqual({ text: 'a\nb & c', hiddenStart: undefined });
  });
});

describe('extractText: PDF', () => {
  it('reads the text layer of every page', async () => {
    const pdf = await makePdf([[{ text: 'Page one' }], [{ text: `ID: ${ID}` }, { text: 'Tel 010-87654321' }]]);
    const out = await extractText(pdf, 'application/pdf');
    expect(out.pageCount).toBe(2);
    expect(out.text).toContain('Page one');
    expect(out.text.slice(out.pageStarts![1]!)).toContain(ID);
    expect(scanText(out.text).map((f) => f.kind)).toEqual(['resident-id', 'landline']);
  });

  it('reads a PDF by its magic bytes even when declared as something else', async () => {
    expect((await extractText(await textPdf('hello'), 'application/octet-stream')).contentType).toBe(PDF);
  });

  it('blocks the classic leak: a black box drawn over an ID that is still in the text layer', async () => {
    const original = `Applicant ID: ${ID}, mobile 13812345678`;
    const findings = scanText(original);
    expect(findings.map((f) => f.kind)).toEqual(['resident-id', 'mobile']);
    const fakeRedaction = await makePdf([[{ text: original, blackBox: true }]]);
    const extracted = await extractText(fakeRedaction, 'application/pdf');
    const residual = verifyRedactedText(extracted.text, redactedItems(original, findings));
    expect(residual.map((r) => r.kind)).toEqual(['resident-id', 'mobile']);

    const properlyRedacted = await textPdf('Applicant ID: ■■■■■■■■■■■■■■■■■■, mobile ■■■■■■■■■■■'.replace(/■/g, 'X'));
    expect(verifyRedactedText((await extractText(properlyRedacted, 'application/pdf')).text, redactedItems(original, findings))).toEqual([]);
  });

  it('warns when a PDF has no text layer', async () => {
    const out = await extractText(await makePdf([[]]), 'application/pdf');
    expect(out.warnings.map((w) => w.code)).toEqual(['no-text-layer']);
  });

  it('reports the PDF author that leaks a name', async () => {
    const meta = await documentMetadata(await makePdf([[{ text: 'x' }]], { author: 'Zhang San', title: 'Notice' }), 'application/pdf');
    expect(meta.fields).toContainEqual({ key: 'author', label: '作者', value: 'Zhang San', mayIdentifyPerson: true });
    expect(meta.warnings).toHaveLength(1);
    expect(meta.warnings[0]).not.toContain('Zhang San');
  });

  it('throws a named error for a corrupt or truncated PDF', async () => {
    await expect(extractText(utf8('%PDF-1.7\nthis is not a pdf'), 'application/pdf')).rejects.toBeInstanceOf(CorruptDocumentError);
    const good = await textPdf('hello');
    await expect(extractText(good.subarray(0, 200), 'application/pdf')).rejects.toBeInstanceOf(CorruptDocumentError);
  });
});

describe('extractText: DOCX', () => {
  it('reads the body, the header, comments and text deleted with track changes', async () => {
    const docx = await makeDocx({
      paragraphs: ['关于某事项的答复', `申请人手机 13812345678`],
      header: '秘密★1年',
      deletedText: `身份证${ID}`,
      comment: { author: '李四', text: '此处联系 010-87654321' },
    });
    const out = await extractText(docx, DOCX);
    expect(out.text.slice(0, out.hiddenStart)).toContain('申请人手机 13812345678');
    expect(out.warnings.map((w) => w.code)).toEqual(['hidden-content']);
    expect(scanText(out.text).map((f) => f.kind)).toEqual(['mobile', 'classification-marking', 'landline', 'resident-id']);
  });

  it('reports core properties and revision authors that leak names', async () => {
    const docx = await makeDocx({ paragraphs: ['x'], core: { creator: '王五', lastModifiedBy: '赵六', title: '答复书' }, comment: { author: '李四', text: '意见' } });
    const meta = await documentMetadata(docx);
    const byKey = Object.fromEntries(meta.fields.map((f) => [f.key, f]));
    expect(byKey.creator).toMatchObject({ value: '王五', mayIdentifyPerson: true });
    expect(byKey.lastModifiedBy).toMatchObject({ value: '赵六', mayIdentifyPerson: true });
    expect(byKey.revisionAuthors).toMatchObject({ value: '李四', mayIdentifyPerson: true });
    expect(byKey.title).toMatchObject({ value: '答复书', mayIdentifyPerson: false });
    expect(meta.warnings).toHaveLength(3);
  });

  it('throws named errors for a corrupt DOCX, a ZIP that is not Word, and an old .doc', async () => {
    const docx = await makeDocx({ paragraphs: ['x'] });
    await expect(extractText(docx.subarray(0, docx.length - 30), DOCX)).rejects.toBeInstanceOf(CorruptDocumentError);
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    await expect(extractText(await zip.generateAsync({ type: 'uint8array' }), DOCX)).rejects.toBeInstanceOf(CorruptDocumentError);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await expect(extractText(ole, 'application/msword')).rejects.toBeInstanceOf(UnsupportedContentTypeError);
  });
});

describe('extractText: images and unknown types', () => {
  it('accepts images with a warning that they were not checked', async () => {
    const out = await extractText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png');
    expect(out).toMatchObject({ text: '', warnings: [{ code: 'image-not-checked' }] });
  });

  it('refuses unknown binary data', async () => {
    await expect(extractText(new Uint8Array([0, 1, 2, 3]), 'application/octet-stream')).rejects.toBeInstanceOf(UnsupportedContentTypeError);
  });
});

describe('digests', () => {
  it('hashes bytes and strings (SHA-256 hex)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(utf8('abc'))).toBe(sha256Hex('abc'));
  });

  it('changes the content digest when a word, a file, a name or the order changes', () => {
    const base = [
      { name: 'body', data: '正文' },
      { name: '附件1.pdf', data: utf8('%PDF-1') },
    ];
    const d = contentDigest(base);
    expect(contentDigest(base)).toBe(d);
    expect(contentDigest([{ name: 'body', data: '正文。' }, base[1]!])).not.toBe(d);
    expect(contentDigest([base[0]!, { name: '附件1.pdf', data: utf8('%PDF-2') }])).not.toBe(d);
    expect(contentDigest([base[0]!, { name: '附件2.pdf', data: utf8('%PDF-1') }])).not.toBe(d);
    expect(contentDigest([base[1]!, base[0]!])).not.toBe(d);
    expect(contentDigest([base[0]!])).not.toBe(d);
  });
});
