import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DOCX, HTML, inspectUpload, JPEG, PDF, PNG, REFUSAL_MESSAGES, sniffContentType, TEXT } from '#adapters/extraction/sniff';
import { makeDocx } from '../../../fixtures/documents/docx';
import {
  handWrittenPdf,
  htmlFragment,
  htmlStartingWithPdfHeader,
  htmlWithPdfHeaderInside,
  pdfWithEscapedJavaScriptName,
  pdfWithOpenActionJavaScript,
  svgWithOnload,
} from '../../../fixtures/documents/hostile';
import { jpegHeader, tinyPng } from '../../../fixtures/documents/images';
import { makePdf, textPdf } from '../../../fixtures/documents/pdf';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** Deterministic bytes that look like compressed data (xorshift32). */
function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function expectRefused(bytes: Uint8Array, code: string, reason?: RegExp) {
  const r = inspectUpload(bytes);
  expect(r).toMatchObject({ ok: false, code, message: REFUSAL_MESSAGES[code as keyof typeof REFUSAL_MESSAGES] });
  if (reason && !r.ok) expect(r.reason).toMatch(reason);
  // Every existing caller of sniffContentType refuses an unknown type.
  expect(sniffContentType(bytes)).toBeUndefined();
}

describe('inspectUpload: polyglots', () => {
  it('refuses an HTML page that starts with %PDF- (the old sniffer stored it as a PDF)', () => {
    expectRefused(htmlStartingWithPdfHeader(), 'polyglot', /markup "<html>"/);
  });

  it('requires %PDF- at offset 0: elsewhere in the first KB it marks a polyglot, and a BOM does not excuse it', () => {
    expectRefused(htmlWithPdfHeaderInside(), 'polyglot', /%PDF- header after offset 0/);
    expectRefused(cat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('%PDF-1.4\n1 0 obj << >> endobj')), 'polyglot');
    expectRefused(cat(jpegHeader(), utf8('%PDF-1.4\n')), 'polyglot');
  });

  it('refuses images and ZIP files carrying markup in their first bytes', async () => {
    expectRefused(jpegHeader('<script>alert(1)</script>'), 'polyglot', /^image\/jpeg/);
    expectRefused(tinyPng('<svg onload=alert(1)>'), 'polyglot', /^image\/png/);
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    zip.file('index.html', '<html><body><iframe src="https://example.com"></iframe></body></html>');
    expectRefused(await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }), 'polyglot', /<html>/);
  });
});

describe('inspectUpload: PDFs with active content', () => {
  it('refuses a PDF that runs JavaScript on opening, also when the catalog sits in a compressed object stream', async () => {
    expectRefused(await pdfWithOpenActionJavaScript({ useObjectStreams: false }), 'active-content', /\/JavaScript$/);
    expectRefused(await pdfWithOpenActionJavaScript(), 'active-content', /\/JavaScript in an object stream/);
  });

  it('reads PDF names with # escapes: /J#61vaScript is /JavaScript', () => {
    expectRefused(pdfWithEscapedJavaScriptName(), 'active-content', /PDF name \/JavaScript/);
  });

  it.each([
    ['an additional action with /JS', '/AA << /O << /S /JavaScript /JS 6 0 R >> >>', ['(app.alert\\(1\\))'], /\/JavaScript/],
    ['a launch action', '/OpenAction << /S /Launch /F (cmd.exe) >>', [], /\/Launch/],
    ['a form that submits itself', '/OpenAction 6 0 R', ['<< /S /SubmitForm /F (https://example.com) >>'], /\/SubmitForm/],
    ['an XFA form', '/AcroForm << /Fields [] /XFA 6 0 R >>', ['<< /Length 0 >>\nstream\n\nendstream'], /\/XFA/],
    ['an embedded file', '/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>', ['<< /Type /Filespec /F (a.exe) >>'], /\/EmbeddedFiles/],
    ['rich media', '/OpenAction 6 0 R', ['<< /Type /RichMediaExecute >>'], /\/RichMediaExecute/],
    ['ImportData', '/OpenAction << /S /ImportData /F (data.fdf) >>', [], /\/ImportData/],
    ['a javascript: link', '/OpenAction << /S /URI /URI (javascript:alert\\(1\\)) >>', [], /script URL/],
  ])('refuses a PDF with %s', (_, catalogExtra, extra, reason) => {
    expectRefused(handWrittenPdf(catalogExtra, extra), 'active-content', reason);
  });

  it('accepts an /OpenAction that only opens a page, and active names inside binary stream data', async () => {
    expect(inspectUpload(handWrittenPdf('/OpenAction [3 0 R /Fit]'))).toEqual({ ok: true, contentType: PDF });
    const doc = await PDFDocument.create();
    doc.addPage();
    // Image data is binary; by chance it may hold "/JS" – inside a stream that is not a name.
    const data = cat(noise(200_000), utf8(' /JS /JavaScript <script> '), noise(200_000));
    doc.context.register(doc.context.stream(data, { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, BitsPerComponent: 8, ColorSpace: 'DeviceGray' }));
    doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseNone'));
    expect(inspectUpload(await doc.save())).toEqual({ ok: true, contentType: PDF });
  });
});

describe('inspectUpload: text with active markup', () => {
  it('refuses SVG with an event handler and HTML fragments without a doctype (the old sniffer called them text/plain)', () => {
    expectRefused(svgWithOnload(), 'active-markup', /<svg/);
    expectRefused(htmlFragment(), 'active-markup');
    expectRefused(utf8('请点击 <a href="java\tscript:alert(1)">这里</a>'), 'active-markup', /script:/);
    // The same in UTF-16, where the markup is not ASCII bytes.
    expectRefused(cat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from('说明\n<svg onload=x>', 'utf16le'))), 'active-markup');
  });

  it('keeps a page that is HTML from its first bytes HTML (callers accept or refuse it by type)', () => {
    expect(inspectUpload(utf8('<!DOCTYPE html><html><body><script>x</script></body></html>'))).toEqual({ ok: true, contentType: HTML });
  });
});

describe('inspectUpload: ordinary files are still accepted', () => {
  it('PDF (with and without object streams, with metadata), DOCX (deflated and stored), PNG, JPEG', async () => {
    expect(inspectUpload(await makePdf([[{ text: 'Page one' }], [{ text: 'Page two' }]], { author: 'Zhang San', title: 'Notice' }))).toEqual({ ok: true, contentType: PDF });
    const noObjectStreams = await PDFDocument.load(await textPdf('hello'));
    expect(inspectUpload(await noObjectStreams.save({ useObjectStreams: false }))).toEqual({ ok: true, contentType: PDF });
    expect(inspectUpload(handWrittenPdf())).toEqual({ ok: true, contentType: PDF });
    expect(inspectUpload(await makeDocx({ paragraphs: ['正文'], header: '页眉', comment: { author: '李四', text: '意见' } }))).toEqual({ ok: true, contentType: DOCX });
    // Stored (uncompressed) parts put WordprocessingML (<w:body>, <w:object>) in the first bytes.
    const stored = await JSZip.loadAsync(await makeDocx({ paragraphs: ['正文'] }));
    stored.file('word/document.xml', '<w:document xmlns:w="x"><w:body><w:p><w:r><w:object w:dxaOrig="1"/></w:r></w:p></w:body></w:document>');
    expect(inspectUpload(await stored.generateAsync({ type: 'uint8array', compression: 'STORE' }))).toEqual({ ok: true, contentType: DOCX });
    expect(inspectUpload(tinyPng('Made with a scanner'))).toEqual({ ok: true, contentType: PNG });
    expect(inspectUpload(cat(jpegHeader(), noise(20_000)))).toEqual({ ok: true, contentType: JPEG });
  });

  it('UTF-8 (with and without BOM), GB18030 and UTF-16 text, also with < and > in prose', () => {
    expect(inspectUpload(utf8('关于公开的通知\n正文：若 a < b 且 c > d，则 on=1。'))).toEqual({ ok: true, contentType: TEXT });
    expect(inspectUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('正文')]))).toEqual({ ok: true, contentType: TEXT });
    expect(inspectUpload(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toEqual({ ok: true, contentType: TEXT });
    expect(inspectUpload(cat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from('说明', 'utf16le'))))).toEqual({ ok: true, contentType: TEXT });
  });

  it('reports unknown types as such, not as refusals', () => {
    expect(inspectUpload(new Uint8Array([0, 1, 2, 3]))).toMatchObject({ ok: false, code: 'unknown-type' });
    expect(inspectUpload(new Uint8Array())).toMatchObject({ ok: false, code: 'unknown-type' });
  });
});
