import { CaseValidationError } from '../case/errors';
/**
 * A document the agency signs and seals, in the parts GB/T 9704 names: 标题, 发文字号, 主送, 正文,
 * 落款 (the agency) and 成文日期 (in Chinese). The answer letter and every procedural notice take
 * this one shape, so the print view, the Word download and the text under secrecy review are the
 * same document.
 */
export interface OfficialDocument {
  readonly title: string;
  readonly number: string;
  /** 主送: the applicant, third party or agency addressed, with its colon (张三：). */
  readonly addressee: string;
  readonly paragraphs: readonly string[];
  readonly legalBasis: readonly string[];
  readonly signature: string;
  /** 成文日期 in Chinese (2026年3月10日), never ISO. */
  readonly date: string;
}

/** The document as plain text: what the secrecy review reads and the release hands over, byte for byte. */
export function documentText(d: OfficialDocument): string {
  return [d.title, d.number, '', d.addressee, ...d.paragraphs.map((p) => `    ${p}`), '', `法律依据：${d.legalBasis.join('；')}`, '', d.signature, d.date].join('\n');
}

/** Longest paragraph a clerk may write into a signed document. */
export const MAX_PARAGRAPH_CHARS = 2000;

/**
 * The document with some body paragraphs reworded, keyed by their number from 1 (the form's
 * `p.1`, `p.2`…). Every paragraph stays: none may be emptied, since each carries something the
 * notice must say (a period, a consequence, a remedy); the review reads the result.
 */
export function editDocumentParagraphs(d: OfficialDocument, edits: Readonly<Record<string, string>>): OfficialDocument {
  const clean = Object.fromEntries(Object.entries(edits).map(([key, text]) => [key, oneLine(text)]));
  for (const [key, text] of Object.entries(clean)) {
    const n = Number(key);
    if (!/^[1-9][0-9]*$/.test(key) || n > d.paragraphs.length) throw new CaseValidationError('找不到要修改的段落，请刷新页面。', { [`p.${key}`]: '段落不存在。' });
    if (!text) throw new CaseValidationError('段落内容不能为空。', { [`p.${key}`]: '段落内容不能为空；不需要的内容请改写，不能删除整段。' });
    if ([...text].length > MAX_PARAGRAPH_CHARS) throw new CaseValidationError('段落过长。', { [`p.${key}`]: `每段不超过${MAX_PARAGRAPH_CHARS}个字。` });
  }
  return { ...d, paragraphs: d.paragraphs.map((p, i) => clean[String(i + 1)] ?? p) };
}

/** A paragraph is one line: line breaks pasted into it are joined (Chinese text needs no space), other control characters dropped. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text
    .replace(/\s*[\r\n]+\s*/g, '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
}
