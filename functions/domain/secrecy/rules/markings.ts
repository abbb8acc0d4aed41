import type { Finding } from '../kinds';
import { finding, type Rule } from './types';

/*
 * Classification and internal-use markings (密级标志、内部事项标志、公开属性).
 *
 * 1. A secrecy level followed by a star, anywhere in the text, always: 绝密★, 机密★, 秘密★, with an
 *    optional protection period (秘密★1年, 机密★十年, 绝密★长期). ☆ and a single `*` count as the
 *    star; a Markdown `**` does not (`**国家秘密**` is emphasis, not a marking).
 * 2. A line that holds nothing but a secrecy level (a header `机密`), and a form field
 *    `密级：秘密`.
 * 3. Internal markings — 内部, 内部资料, 内部事项, 工作秘密, 注意保存, 注意保管, 不予公开, 此件不公开 — only
 *    when they stand as a marking: at the start of a line or right after an opening bracket
 *    (`【内部】`, `（此件不公开）`), possibly several in a row (`内部事项 注意保管`), and followed by the
 *    end of the line, a closing bracket, a star or punctuation. In running text these are
 *    ordinary words (内部控制, 单位内部, 依法不予公开的), and flagging them would drown the reviewer.
 * 4. A disclosure-attribute field marking the document as not public: `公开属性：不予公开`,
 *    `公开方式：不公开`.
 */

const STAR_LEVEL = /(?:绝密|机密|秘密)[ \t]*(?:[★☆⭐]|\*(?!\*))(?:[ \t]*(?:(?:\d{1,3}|[一二三四五六七八九十两]{1,3})[ \t]*(?:年|个月|月|天|日)|长期))?/g;
const LEVEL_LINE = /^[ \t]*(绝密|机密|秘密)[ \t]*$/dgm;
const LEVEL_FIELD = /密级[ \t]*:[ \t]*(绝密|机密|秘密)/dg;
const MARK = '内部资料|内部事项|内部|工作秘密|注意保存|注意保管|此件不予公开|此件不公开|不予公开';
const STANDALONE = new RegExp(`(?:^|(?<=[(\\[【〔「『《<]))[ \\t]*((?:${MARK})(?:[ \\t]*(?:${MARK}))*)(?=[ \\t]*(?:$|[)\\]】〕」』》>★☆*,、;:。.!?]))`, 'dgm');
const ATTRIBUTE_FIELD = /公开(?:属性|方式|类型|选项)[ \t]*:[ \t]*(不予公开|不公开)/dg;

const preview = (value: string) => value.replace(/\s+/g, ' ');

export const markingRule: Rule = (folded, original) => {
  const out: Finding[] = [];
  const add = (start: number, end: number) => out.push(finding('classification-marking', original, start, end, preview(original.slice(start, end))));
  for (const m of folded.matchAll(STAR_LEVEL)) add(m.index, m.index + m[0].length);
  for (const re of [LEVEL_LINE, LEVEL_FIELD, STANDALONE, ATTRIBUTE_FIELD]) {
    for (const m of folded.matchAll(re)) {
      const [s, e] = m.indices![1]!;
      add(s, e);
    }
  }
  return out;
};
