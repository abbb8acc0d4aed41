import { CorruptDocumentError, DocumentExtractionError, DocumentTooComplexError, EncryptedDocumentError, RefusedDocumentError } from './errors';
import { MAX_PDF_PAGES, MAX_TEXT_CHARS } from './limits';
import { REFUSAL_MESSAGES } from './sniff';

/*
 * PDF text layer and document information via pdfjs-dist (legacy build for Node). pdfjs takes
 * ownership of (detaches) the buffer it is given, so it always gets a copy. It is loaded lazily
 * so code paths that never touch a PDF do not pay for it at cold start.
 */

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

let pdfjsPromise: Promise<Pdfjs> | undefined;
const loadPdfjs = () =>
  (pdfjsPromise ??= (async () => {
    // In Node pdfjs runs its "worker" in this thread, importing ./pdf.worker.mjs next to itself,
    // which a bundle does not have. Handing it the module (bundled with this one) avoids that.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })());

const refused = (detail: string) => new RefusedDocumentError(REFUSAL_MESSAGES['active-content'], detail);

/**
 * What pdfjs itself finds: document JavaScript (names tree, /OpenAction, /AA), form-field
 * actions, attachments, XFA. inspectUpload searches the object syntax for the same things; this
 * is the reader's view of them, after decryption and decoding, however the objects are written.
 * (JavaScript on links pdfjs does not report; inspectUpload's search covers those.)
 */
async function checkDocument(doc: PdfDocument): Promise<void> {
  const [jsActions, hasJsActions, attachments, metadata] = await Promise.all([doc.getJSActions(), doc.hasJSActions(), doc.getAttachments(), doc.getMetadata()]);
  if (jsActions && Object.keys(jsActions).length > 0) throw refused(`document JavaScript actions: ${Object.keys(jsActions).join(', ')}`);
  if (hasJsActions) throw refused('form fields with JavaScript actions');
  if (attachments && Object.keys(attachments).length > 0) throw refused('embedded files');
  if ((metadata.info as { IsXFAPresent?: boolean } | undefined)?.IsXFAPresent) throw refused('XFA form');
}

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
const FILE_ATTACHMENT = 17; // pdfjs AnnotationType.FILEATTACHMENT

async function checkPage(page: PdfPage, annotations: readonly Record<string, unknown>[]): Promise<void> {
  const jsActions = await page.getJSActions();
  if (jsActions && Object.keys(jsActions).length > 0) throw refused(`page ${page.pageNumber} JavaScript actions`);
  for (const a of annotations) {
    if (a.annotationType === FILE_ATTACHMENT || a.attachment) throw refused(`page ${page.pageNumber}: file attachment`);
    if (a.actions) throw refused(`page ${page.pageNumber}: annotation with JavaScript actions`);
    if (typeof a.unsafeUrl === 'string' && /^\s*(?:javascript|vbscript|data):/i.test(a.unsafeUrl)) throw refused(`page ${page.pageNumber}: script link`);
  }
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy, and a plain Uint8Array (pdfjs refuses Buffers)
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as Error | undefined)?.name;
    const message = (error as Error | undefined)?.message ?? String(error);
    if (name === 'PasswordException') throw new EncryptedDocumentError('PDF', message, { cause: error });
    throw new CorruptDocumentError('PDF', message, { cause: error });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new DocumentTooComplexError(`超过 ${MAX_PDF_PAGES} 页`, `${doc.numPages} pages`);
    await checkDocument(doc);
  } catch (error) {
    await doc.destroy();
    if (error instanceof DocumentExtractionError) throw error;
    throw new CorruptDocumentError('PDF', (error as Error)?.message ?? String(error), { cause: error });
  }
  return doc;
}

export interface PdfText {
  /** Page texts joined by a blank line. */
  readonly text: string;
  /** Offset in `text` where each page starts. */
  readonly pageStarts: readonly number[];
  readonly pageCount: number;
  /** Annotation contents and form-field values (published with the file, not on the page). */
  readonly annotations: readonly string[];
}

export const PAGE_SEPARATOR = '\n\n';

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await openPdf(bytes);
  try {
    const pages: string[] = [];
    const annotations: string[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const pageAnnotations = (await page.getAnnotations()) as Record<string, unknown>[];
      await checkPage(page, pageAnnotations);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
      // Stop early rather than collect text the scanner would refuse anyway.
      chars += text.length;
      if (chars > MAX_TEXT_CHARS) throw new DocumentTooComplexError(`文字超过 ${MAX_TEXT_CHARS / 10_000} 万字`, `more than ${MAX_TEXT_CHARS} characters by page ${n}`);
      for (const a of pageAnnotations) {
        for (const key of ['contentsObj', 'titleObj', 'richText'] as const) {
          const str = (a[key] as { str?: unknown } | undefined)?.str;
          if (typeof str === 'string' && str.trim()) annotations.push(str.trim());
        }
        for (const key of ['fieldValue', 'alternativeText'] as const) {
          const v = a[key];
          if (typeof v === 'string' && v.trim()) annotations.push(v.trim());
          else if (Array.isArray(v)) annotations.push(...v.filter((x): x is string => typeof x === 'string' && x.trim() !== ''));
        }
      }
      page.cleanup();
    }
    const pageStarts: number[] = [];
    let offset = 0;
    for (const p of pages) {
      pageStarts.push(offset);
      offset += p.length + PAGE_SEPARATOR.length;
    }
    return { text: pages.join(PAGE_SEPARATOR), pageStarts, pageCount: doc.numPages, annotations };
  } catch (error) {
    if (error instanceof DocumentExtractionError) throw error;
    throw new CorruptDocumentError('PDF', (error as Error)?.message ?? String(error), { cause: error });
  } finally {
    await doc.destroy();
  }
}

/** Document information dictionary and XMP fields, as raw strings. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, string>> {
  const doc = await openPdf(bytes);
  try {
    const { info, metadata } = await doc.getMetadata();
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries((info ?? {}) as Record<string, unknown>)) {
      if (typeof v === 'string' && v.trim()) out[`info:${k}`] = v.trim();
    }
    const all = (metadata?.getAll() ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(all)) {
      const value = Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('; ') : typeof v === 'string' ? v : '';
      if (value.trim()) out[`xmp:${k}`] = value.trim();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
