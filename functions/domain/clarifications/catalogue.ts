/**
 * A published clarification as catalogue content (澄清说明, category `clarification`): the
 * mapping the catalogue needs to list it through THE published projection (home page, search,
 * feeds, sitemap). Pure. The body is the released text (the reviewed, possibly redacted copy),
 * turned into Markdown with every character Markdown would interpret escaped.
 */
import type { IsoDate } from '../calendar/iso-date';
import type { ItemContent } from '../catalogue/item';
import { RELATED_HEADING } from './workflow';

export const CLARIFICATION_CATEGORY_ID = 'clarification';

const escapeMarkdown = (line: string) => line.replace(/([\\`*_{}[\]()#+\-.!<>|~])/g, '\\$1');

/** Released text (title line, then 【heading】 sections) → Markdown with ## headings. */
export function clarificationMarkdown(releasedText: string): string {
  const [, ...all] = releasedText.split('\n');
  // The related ids go to `related`, not into the body.
  const cut = all.findIndex((l) => l.trim() === `【${RELATED_HEADING}】`);
  const rest = cut >= 0 ? all.slice(0, cut) : all;
  return rest
    .map((line) => {
      const m = /^【(.+)】$/.exec(line.trim());
      return m ? `## ${escapeMarkdown(m[1]!)}` : escapeMarkdown(line);
    })
    .join('\n')
    .trim();
}

export interface ClarificationItemInput {
  readonly title: string;
  readonly releasedText: string;
  readonly relatedItemIds: readonly string[];
  readonly issuer: string;
  readonly publishedOn: IsoDate;
}

export function clarificationItemContent(input: ClarificationItemInput): ItemContent {
  return {
    title: input.title,
    issuer: input.issuer,
    coIssuers: [],
    formedOn: input.publishedOn,
    categoryId: CLARIFICATION_CATEGORY_ID,
    genre: '其他',
    keywords: ['澄清'],
    summary: `对有关虚假或者不完整信息的澄清（${input.title}）`.slice(0, 500),
    body: clarificationMarkdown(input.releasedText),
    attachments: [],
    disclosureAttribute: 'proactive',
    related: { interpretations: [], clarifications: [], others: [...input.relatedItemIds] },
  };
}
