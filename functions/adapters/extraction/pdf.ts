import { CorruptDocumentError, EncryptedDocumentError } from './errors';

/*
 * PDF text layer and document information via pdfjs-dist (legacy build for Node). pdfjs takes
 * ownership of (detaches) the buffer it is given, so it always gets a copy. It is loaded lazily
 * so code paths that never touch a PDF do not pay for it at cold start.
 */

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

let pdfjsPromise: Promise<Pdfjs> | undefined;
const loadPdfjs = () => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as Error | undefined)?.name;
    const message = (error as Error | undefined)?.message ?? String(error);
    if (name === 'PasswordException') throw new EncryptedDocumentError('PDF', message, { cause: error });
    throw new CorruptDocumentError('PDF', message, { cause: error });
  }
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
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
      for (const a of (await page.getAnnotations()) as Record<string, unknown>[]) {
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
    if (error instanceof CorruptDocumentError) throw error;
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
