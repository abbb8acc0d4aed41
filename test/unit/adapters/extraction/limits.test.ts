import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  CorruptDocumentError,
  DocumentExtractionError,
  DocumentTooComplexError,
  EncryptedDocumentError,
  RefusedDocumentError,
  reviveError,
  serializeError,
  UnsupportedContentTypeError,
} from '#adapters/extraction/errors';
import { documentMetadata, extractText } from '#adapters/extraction/extract';
import { MAX_TEXT_CHARS, MAX_ZIP_ENTRIES } from '#adapters/extraction/limits';
import { pdfText } from '#adapters/extraction/pdf';
import { DOCX, REFUSAL_MESSAGES } from '#adapters/extraction/sniff';
import { htmlStartingWithPdfHeader, pdfWithEscapedJavaScriptName, pdfWithOpenActionJavaScript, svgWithOnload } from '../../../fixtures/documents/hostile';
import { largeDocx, manyEntriesDocx, zipBombDocx } from '../../../fixtures/documents/zip';

const MB = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);
const INFLATED_MESSAGE = '文件过大或结构过于复杂（解压后超过 100 MB），无法进行保密检查。请拆分或压缩后重新上传。';

/** Runs `work` while a 10 ms interval samples the event loop (ticks, largest gap) and the RSS. */
async function measured(work: () => Promise<unknown>) {
  const rssBefore = process.memoryUsage().rss;
  let maxRss = rssBefore;
  let ticks = 0;
  let maxGap = 0;
  let last = performance.now();
  const sample = () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    maxRss = Math.max(maxRss, process.memoryUsage().rss);
  };
  const timer = setInterval(() => {
    ticks++;
    sample();
  }, 10);
  const started = performance.now();
  const outcome = await work().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  const elapsed = performance.now() - started;
  clearInterval(timer);
  sample();
  return { ...outcome, elapsed, ticks, maxGap, rssGrowthMb: (maxRss - rssBefore) / MB };
}

// The worker's own start (loading mammoth, pdfjs) is not what these tests measure.
const warmUp = () => extractText(utf8('warm-up'), 'text/plain');

describe('limits: ZIP bombs', () => {
  it('refuses a DOCX holding 200 MB of zeros (about 200 KB deflated) within seconds, with bounded memory', async () => {
    const bomb = await zipBombDocx(200 * MB);
    expect(bomb.length).toBeLessThan(MB);
    await warmUp();
    const m = await measured(() => extractText(bomb, DOCX));
    expect(m.error).toBeInstanceOf(DocumentTooComplexError);
    expect((m.error as Error).message).toBe(INFLATED_MESSAGE);
    expect(m.elapsed).toBeLessThan(5_000);
    // Reading it in full costs 600 MB and more; refusing it costs next to nothing.
    expect(m.rssGrowthMb).toBeLessThan(150);
    await expect(documentMetadata(bomb)).rejects.toThrow(INFLATED_MESSAGE);
  }, 30_000);

  it('refuses a bomb that declares 1 KB for its 200 MB entry: inflating stops at the declared size', async () => {
    const bomb = await zipBombDocx(200 * MB, 1024);
    await warmUp();
    const m = await measured(() => extractText(bomb, DOCX));
    expect(m.error).toBeInstanceOf(DocumentTooComplexError);
    expect((m.error as Error).message).toBe(INFLATED_MESSAGE);
    expect((m.error as DocumentTooComplexError).detail).toBe('word/document.xml inflates beyond its declared 1024 bytes');
    expect(m.elapsed).toBeLessThan(5_000);
    expect(m.rssGrowthMb).toBeLessThan(150);
  }, 30_000);

  it(`refuses a DOCX with more than ${MAX_ZIP_ENTRIES} entries, and reads one with fewer`, async () => {
    await expect(extractText(manyEntriesDocx(MAX_ZIP_ENTRIES + 1), DOCX)).rejects.toThrow('文件过大或结构过于复杂（包含超过 5000 个内部文件），无法进行保密检查。请拆分或压缩后重新上传。');
    expect((await extractText(manyEntriesDocx(100), DOCX)).text).toBe('正文');
  }, 30_000);
});

describe('limits: pages, text, event loop', () => {
  it('refuses a PDF of more than 2000 pages', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 2001; i++) doc.addPage([100, 100]);
    await expect(extractText(await doc.save(), 'application/pdf')).rejects.toThrow('文件过大或结构过于复杂（超过 2000 页），无法进行保密检查。请拆分或压缩后重新上传。');
  }, 30_000);

  it('refuses more than 5 million characters of text', async () => {
    const text = new Uint8Array(MAX_TEXT_CHARS + 1).fill(0x61);
    await expect(extractText(text, 'text/plain')).rejects.toThrow('文件过大或结构过于复杂（文字超过 500 万字），无法进行保密检查。请拆分或压缩后重新上传。');
  }, 30_000);

  it('keeps the event loop responsive while a large document is read', async () => {
    const docx = largeDocx(4);
    await warmUp();
    const m = await measured(() => extractText(docx, DOCX));
    expect(m.error).toBeUndefined();
    expect((m.value as { text: string }).text).toContain('关于政府信息公开申请的答复 13812345678');
    // Read on this thread, the whole reading (seconds) is one gap; in the worker the interval
    // keeps ticking. Relative bound, so a slow machine does not make the test flaky.
    expect(m.elapsed).toBeGreaterThan(200);
    expect(m.maxGap).toBeLessThan(m.elapsed / 3);
    expect(m.ticks).toBeGreaterThan(m.elapsed / 10 / 3);
  }, 60_000);
});

describe('errors across the worker boundary', () => {
  it('arrive as the same classes with the same Chinese messages', async () => {
    const corrupt = await extractText(utf8('%PDF-1.7\nthis is not a pdf'), 'application/pdf').catch((e: unknown) => e);
    expect(corrupt).toBeInstanceOf(CorruptDocumentError);
    expect(corrupt).toMatchObject({ message: new CorruptDocumentError('PDF').message, status: 422, code: 'corrupt' });
    const unsupported = await extractText(new Uint8Array([0, 1, 2, 3]), 'application/octet-stream').catch((e: unknown) => e);
    expect(unsupported).toBeInstanceOf(UnsupportedContentTypeError);
    expect((unsupported as Error).message).toBe(new UnsupportedContentTypeError('application/octet-stream').message);
  });

  it('serialize and revive every extraction error', () => {
    for (const error of [
      new CorruptDocumentError('DOCX', 'bad zip'),
      new EncryptedDocumentError('PDF'),
      new UnsupportedContentTypeError('image/gif'),
      new DocumentTooComplexError('超过 2000 页', '2001 pages'),
      new RefusedDocumentError(REFUSAL_MESSAGES.polyglot, 'why'),
    ] as DocumentExtractionError[]) {
      const revived = reviveError(structuredClone(serializeError(error)));
      expect(revived.constructor).toBe(error.constructor);
      expect(revived).toMatchObject({ message: error.message, detail: error.detail, code: error.code, status: 422 });
    }
    const bug = reviveError(structuredClone(serializeError(new TypeError('x is undefined'))));
    expect(bug).not.toBeInstanceOf(DocumentExtractionError);
    expect(bug).toMatchObject({ name: 'TypeError', message: 'x is undefined' });
  });
});

describe('refusals while extracting', () => {
  it('refuses what an upload refuses: polyglots, PDF JavaScript, SVG posing as text', async () => {
    for (const [bytes, type, message] of [
      [htmlStartingWithPdfHeader(), 'application/pdf', REFUSAL_MESSAGES.polyglot],
      [pdfWithEscapedJavaScriptName(), 'application/pdf', REFUSAL_MESSAGES['active-content']],
      [await pdfWithOpenActionJavaScript(), 'application/pdf', REFUSAL_MESSAGES['active-content']],
      [svgWithOnload(), 'text/plain', REFUSAL_MESSAGES['active-markup']],
    ] as const) {
      const error = await extractText(bytes, type).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RefusedDocumentError);
      expect((error as Error).message).toBe(message);
    }
    // Markup is what an HTML page consists of: declared as HTML, it is read.
    expect((await extractText(svgWithOnload(), 'text/html')).contentType).toBe('text/html');
  });

  it('asks pdfjs too: document JavaScript is found however the objects are packed', async () => {
    // pdfText is what the worker runs after the object-syntax search; called directly here.
    const error = await pdfText(await pdfWithOpenActionJavaScript()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedDocumentError);
    expect((error as RefusedDocumentError).detail).toBe('document JavaScript actions: OpenAction');
  });
});
