import JSZip from 'jszip';
import mammoth from 'mammoth';
import { decodeEntities } from './html';
import { CorruptDocumentError, EncryptedDocumentError } from './errors';
import { checkZip } from './zip';

/*
 * DOCX text: mammoth's raw text for the body, plus what mammoth leaves out but the file still
 * carries — headers and footers (where 密级 markings usually sit), footnotes and endnotes,
 * comments, and text deleted with track changes on (the Word version of the black box: the
 * "removed" text is still in the file).
 */

export async function openDocx(bytes: Uint8Array): Promise<JSZip> {
  // Before JSZip and mammoth, which inflate whatever the file holds.
  checkZip(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new CorruptDocumentError('DOCX', (error as Error)?.message ?? String(error), { cause: error });
  }
  if (!zip.file('word/document.xml')) {
    if (zip.file('EncryptionInfo')) throw new EncryptedDocumentError('DOCX');
    throw new CorruptDocumentError('DOCX', 'word/document.xml missing');
  }
  return zip;
}

/** Paragraph texts of a WordprocessingML part (w:t, tabs and breaks; or w:delText when `deleted`). */
export function wordXmlText(xml: string, { deleted = false } = {}): string {
  const paragraphs: string[] = [];
  const runText = deleted ? /<w:delText(?:\s[^>]*)?>([^<]*)<\/w:delText>/g : /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g;
  for (const p of xml.split(/<\/w:p>/)) {
    let text = '';
    for (const m of p.matchAll(runText)) text += m[1] !== undefined ? decodeEntities(m[1]) : m[2] === 'tab' ? '\t' : '\n';
    if (text.trim()) paragraphs.push(text);
  }
  return paragraphs.join('\n');
}

export interface DocxText {
  readonly body: string;
  readonly sections: readonly { readonly title: string; readonly text: string }[];
}

const partsMatching = (zip: JSZip, re: RegExp) =>
  Object.keys(zip.files)
    .filter((n) => re.test(n))
    .sort();

export async function docxText(bytes: Uint8Array): Promise<DocxText> {
  const zip = await openDocx(bytes);
  let body: string;
  try {
    body = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (error) {
    throw new CorruptDocumentError('DOCX', (error as Error)?.message ?? String(error), { cause: error });
  }
  const read = async (names: string[], deleted = false) => {
    const texts: string[] = [];
    for (const n of names) {
      const t = wordXmlText(await zip.file(n)!.async('string'), { deleted });
      if (t.trim()) texts.push(t);
    }
    return texts.join('\n');
  };
  const sections = [
    { title: '[页眉页脚]', text: await read(partsMatching(zip, /^word\/(?:header|footer)\d*\.xml$/)) },
    { title: '[脚注尾注]', text: await read(partsMatching(zip, /^word\/(?:footnotes|endnotes)\.xml$/)) },
    { title: '[批注]', text: await read(partsMatching(zip, /^word\/comments\w*\.xml$/)) },
    { title: '[修订中删除但仍保存在文件中的文字]', text: await read(partsMatching(zip, /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$/), true) },
  ].filter((s) => s.text.trim());
  return { body: body.replace(/\n{3,}/g, '\n\n').trim(), sections };
}

const CORE_FIELDS: Record<string, string> = {
  'dc:creator': 'creator',
  'cp:lastModifiedBy': 'lastModifiedBy',
  'dc:title': 'title',
  'dc:subject': 'subject',
  'cp:keywords': 'keywords',
  'dc:description': 'description',
  'cp:category': 'category',
};
const APP_FIELDS: Record<string, string> = { Company: 'company', Manager: 'manager' };

/** docProps/core.xml and app.xml fields, plus the authors recorded on comments and revisions. */
export async function docxInfo(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await openDocx(bytes);
  const out: Record<string, string> = {};
  const pick = (xml: string, fields: Record<string, string>) => {
    for (const [tag, key] of Object.entries(fields)) {
      const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
      const v = m ? decodeEntities(m[1]!).trim() : '';
      if (v) out[key] = v;
    }
  };
  const core = zip.file('docProps/core.xml');
  if (core) pick(await core.async('string'), CORE_FIELDS);
  const app = zip.file('docProps/app.xml');
  if (app) pick(await app.async('string'), APP_FIELDS);
  const authors = new Set<string>();
  for (const name of partsMatching(zip, /^word\/.*\.xml$/)) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/\sw:(?:author|initials)="([^"]*)"/g)) {
      const v = decodeEntities(m[1]!).trim();
      if (v) authors.add(v);
    }
  }
  if (authors.size) out.revisionAuthors = [...authors].join('; ');
  return out;
}
