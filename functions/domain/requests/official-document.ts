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
