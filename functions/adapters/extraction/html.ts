/**
 * HTML to text for scanning. The visible text comes first, as a browser would lay it out in
 * broad strokes (block elements start new lines, inline elements join). Then, after a marker
 * line, the parts a reader does not see but that are published with the page all the same:
 * comments and text-bearing attributes (alt, title, aria-label, placeholder, value, content,
 * data-*, and mailto:/tel: links). Script and style bodies are dropped (code, not prose).
 */

export const HIDDEN_SECTION_MARKER = '[页面中不可见但随页面发布的内容]';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  copy: '©',
  reg: '®',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  times: '×',
  yen: '¥',
  deg: '°',
  plusmn: '±',
  sect: '§',
  shy: '',
  zwnj: '',
  zwj: '',
  laquo: '«',
  raquo: '»',
  bull: '•',
  star: '☆',
  bigstar: '★',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g, (all, dec, hex, name) => {
    if (dec || hex) {
      const cp = dec ? Number(dec) : parseInt(hex, 16);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    }
    const v = NAMED[(name as string).toLowerCase()] ?? NAMED[name as string];
    return v ?? all;
  });
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'title',
  'option',
]);
const CELL = new Set(['td', 'th']);
const TEXT_ATTRIBUTES = new Set(['alt', 'title', 'aria-label', 'placeholder', 'value', 'content', 'summary', 'label']);
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function htmlToText(html: string): { text: string; hiddenStart: number | undefined } {
  const hidden: string[] = [];
  let visible = '';
  // Comments first (they may contain tags), then raw-text elements, then tags.
  let rest = html.replace(/<!--([\s\S]*?)(?:-->|$)/g, (_, body: string) => {
    if (body.trim()) hidden.push(body.trim());
    return ' ';
  });
  rest = rest.replace(/<(script|style|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<![^>]*>|<\?[^>]*>/g;
  let pos = 0;
  for (const m of rest.matchAll(TAG)) {
    visible += rest.slice(pos, m.index);
    pos = m.index + m[0].length;
    const name = m[1]?.toLowerCase();
    if (!name) continue;
    if (BLOCK.has(name)) visible += '\n';
    else if (CELL.has(name)) visible += '\t';
    const attrs = m[2] ?? '';
    for (const a of attrs.matchAll(ATTRIBUTE)) {
      const attr = a[1]!.toLowerCase();
      const value = a[2] ?? a[3] ?? a[4];
      if (value === undefined || !value.trim()) continue;
      if (TEXT_ATTRIBUTES.has(attr) || attr.startsWith('data-')) hidden.push(decodeEntities(value.trim()));
      else if ((attr === 'href' || attr === 'src') && /^\s*(?:mailto|tel|sms):/i.test(value)) hidden.push(decodeEntities(value.trim()));
    }
  }
  visible += rest.slice(pos);
  const text = decodeEntities(visible)
    .replace(/[ \t\f\v\u00a0]*\n[ \t\f\v\u00a0]*/g, '\n')
    .replace(/[ \u00a0]{2,}/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
  if (hidden.length === 0) return { text, hiddenStart: undefined };
  const prefix = `${text}\n\n${HIDDEN_SECTION_MARKER}\n`;
  return { text: prefix + hidden.join('\n'), hiddenStart: prefix.length };
}
