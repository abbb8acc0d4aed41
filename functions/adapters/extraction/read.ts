import { docxInfo, docxText } from './docx';
import { CorruptDocumentError, DocumentTooComplexError, INFLATE_LIMIT, RefusedDocumentError, UnsupportedContentTypeError } from './errors';
import { htmlToText } from './html';
import { MAX_TEXT_CHARS } from './limits';
import { pdfInfo, pdfText } from './pdf';
import { CFB, DOCX, decodeTextLike, HTML, inspectUpload, JPEG, MARKDOWN, normaliseContentType, PDF, PNG, TEXT } from './sniff';
import type { DocumentMetadata, ExtractedText, ExtractionWarning, MetadataField } from './types';

/*
 * Reading documents in the current thread. Only the extraction worker (worker.ts) calls this;
 * everybody else calls extract.ts, which sends the work to the worker.
 */

const TEXT_TYPES: Record<string, string> = {
  'text/plain': TEXT,
  'text/markdown': MARKDOWN,
  'text/x-markdown': MARKDOWN,
  'text/html': HTML,
  'application/xhtml+xml': HTML,
};
const BINARY_TYPES = new Set([PDF, DOCX, PNG, JPEG, CFB]);

function effectiveType(bytes: Uint8Array, declared: string | undefined): string {
  const inspection = inspectUpload(bytes);
  // Magic bytes of a binary format win: a PDF declared as text/plain is read as a PDF.
  if (inspection.ok && BINARY_TYPES.has(inspection.contentType)) return inspection.contentType;
  const declaredType = declared && (declared in TEXT_TYPES || BINARY_TYPES.has(declared)) ? (TEXT_TYPES[declared] ?? declared) : undefined;
  // What an upload would refuse cannot be approved either (files stored before the check was
  // added). Markup is what a file declared as HTML or Markdown consists of, though.
  if (!inspection.ok && inspection.code === 'too-complex') throw new DocumentTooComplexError(INFLATE_LIMIT, inspection.reason);
  if (!inspection.ok && inspection.code !== 'unknown-type' && !(inspection.code === 'active-markup' && (declaredType === HTML || declaredType === MARKDOWN))) {
    throw new RefusedDocumentError(inspection.message, inspection.reason);
  }
  if (declaredType) return declaredType;
  if (inspection.ok) return inspection.contentType;
  throw new UnsupportedContentTypeError(declared ?? 'application/octet-stream');
}

function withHidden(visible: string, sections: readonly { title: string; text: string }[]) {
  if (sections.length === 0) return { text: visible, hiddenStart: undefined };
  const prefix = `${visible}\n\n`;
  return { text: prefix + sections.map((s) => `${s.title}\n${s.text}`).join('\n\n'), hiddenStart: prefix.length };
}

const HIDDEN_WARNING: ExtractionWarning = {
  code: 'hidden-content',
  message: '文件中含有页面上不直接显示的内容（如批注、页眉页脚、修订记录、表单或属性文字），发布时会随文件一起公开，已一并检查。',
};

/** extract.ts's extractText, in this thread; see there. */
export async function readText(bytes: Uint8Array, contentType?: string): Promise<ExtractedText> {
  const out = await readTextOf(bytes, contentType);
  if (out.text.length > MAX_TEXT_CHARS) throw new DocumentTooComplexError(`文字超过 ${MAX_TEXT_CHARS / 10_000} 万字`, `${out.text.length} characters`);
  return out;
}

async function readTextOf(bytes: Uint8Array, contentType?: string): Promise<ExtractedText> {
  const type = effectiveType(bytes, normaliseContentType(contentType));
  switch (type) {
    case TEXT:
    case MARKDOWN:
    case HTML: {
      const decoded = decodeTextLike(bytes);
      if (!decoded) throw new CorruptDocumentError('文本', 'not decodable as UTF-8/UTF-16/GB18030 text');
      const warnings: ExtractionWarning[] = decoded.encoding === 'gb18030' ? [{ code: 'legacy-encoding', message: '文件按 GB18030（GBK）编码读取；建议改存为 UTF-8。' }] : [];
      if (type !== HTML) return { contentType: type, text: decoded.text, warnings };
      const html = htmlToText(decoded.text);
      if (html.hiddenStart !== undefined) warnings.push(HIDDEN_WARNING);
      return { contentType: type, text: html.text, ...(html.hiddenStart !== undefined ? { hiddenStart: html.hiddenStart } : {}), warnings };
    }
    case PDF: {
      const pdf = await pdfText(bytes);
      const warnings: ExtractionWarning[] = [];
      if (pdf.pageCount > 0 && pdf.text.replace(/\s/g, '').length === 0) {
        warnings.push({ code: 'no-text-layer', message: 'PDF 没有文字层（可能是扫描件），无法自动检查，请人工逐页审查或提供带文字层的版本。' });
      }
      const { text, hiddenStart } = withHidden(pdf.text, pdf.annotations.length ? [{ title: '[批注与表单内容]', text: pdf.annotations.join('\n') }] : []);
      if (hiddenStart !== undefined) warnings.push(HIDDEN_WARNING);
      return { contentType: PDF, text, ...(hiddenStart !== undefined ? { hiddenStart } : {}), pageCount: pdf.pageCount, pageStarts: pdf.pageStarts, warnings };
    }
    case DOCX: {
      const docx = await docxText(bytes);
      const { text, hiddenStart } = withHidden(docx.body, docx.sections);
      return {
        contentType: DOCX,
        text,
        ...(hiddenStart !== undefined ? { hiddenStart } : {}),
        warnings: hiddenStart !== undefined ? [HIDDEN_WARNING] : [],
      };
    }
    case PNG:
    case JPEG:
      return {
        contentType: type,
        text: '',
        warnings: [{ code: 'image-not-checked', message: '图片中的文字无法自动检查，请人工审查图片内容。' }],
      };
    case CFB:
      throw new UnsupportedContentTypeError('Word 97-2003 或加密的 Office 文件', 'OLE compound file');
    default:
      throw new UnsupportedContentTypeError(type);
  }
}

// ---------------------------------------------------------------------------------------------
// Metadata

const PDF_FIELDS: Record<string, { key: string; label: string; person: boolean }> = {
  'info:Author': { key: 'author', label: '作者', person: true },
  'info:Creator': { key: 'creator', label: '创建程序', person: false },
  'info:Producer': { key: 'producer', label: '生成程序', person: false },
  'info:Title': { key: 'title', label: '标题', person: false },
  'info:Subject': { key: 'subject', label: '主题', person: false },
  'info:Keywords': { key: 'keywords', label: '关键词', person: false },
  'xmp:dc:creator': { key: 'xmp:dc:creator', label: '作者（XMP）', person: true },
  'xmp:dc:title': { key: 'xmp:dc:title', label: '标题（XMP）', person: false },
  'xmp:dc:description': { key: 'xmp:dc:description', label: '描述（XMP）', person: false },
  'xmp:pdf:keywords': { key: 'xmp:pdf:keywords', label: '关键词（XMP）', person: false },
};

const DOCX_FIELDS: Record<string, { label: string; person: boolean }> = {
  creator: { label: '作者', person: true },
  lastModifiedBy: { label: '最后修改者', person: true },
  revisionAuthors: { label: '批注和修订的作者', person: true },
  manager: { label: '经理', person: true },
  company: { label: '单位', person: false },
  title: { label: '标题', person: false },
  subject: { label: '主题', person: false },
  keywords: { label: '关键词', person: false },
  description: { label: '备注', person: false },
  category: { label: '类别', person: false },
};

/** extract.ts's documentMetadata, in this thread; see there. */
export async function readMetadata(bytes: Uint8Array, contentType?: string): Promise<DocumentMetadata> {
  const type = effectiveType(bytes, normaliseContentType(contentType));
  const fields: MetadataField[] = [];
  if (type === PDF) {
    for (const [raw, value] of Object.entries(await pdfInfo(bytes))) {
      const def = PDF_FIELDS[raw];
      if (def) fields.push({ key: def.key, label: def.label, value, mayIdentifyPerson: def.person });
    }
  } else if (type === DOCX) {
    for (const [key, value] of Object.entries(await docxInfo(bytes))) {
      const def = DOCX_FIELDS[key];
      if (def) fields.push({ key, label: def.label, value, mayIdentifyPerson: def.person });
    }
  }
  const warnings = fields.filter((f) => f.mayIdentifyPerson).map((f) => `文档属性“${f.label}”不为空，可能泄露人员姓名，请在发布前清除。`);
  return { contentType: type, fields, warnings };
}
