/**
 * Safe rich text for item bodies: Markdown → HTML with markdown-it, raw HTML disabled (a form
 * can never inject markup: `<script>` comes out as text), links and images limited to http,
 * https, mailto and relative URLs, headings/lists/tables/emphasis allowed. Why markdown-it: a
 * CommonMark-conformant parser with a long security record beats a hand-written one, and it
 * escapes every text node itself.
 *
 * Also a plain-text extraction of the same parse, for search indexing and secrecy scanning.
 */
import markdownit, { type MarkdownIt, type Token } from 'markdown-it';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * True for http(s)/mailto URLs and relative references. Control characters and whitespace are
 * removed before the scheme check (browsers ignore them: "java\tscript:"), and
 * protocol-relative "//host" is refused because it leaves the site without a visible scheme.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const s = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (s.startsWith('//') || s.startsWith('\\\\') || s.startsWith('/\\')) return false;
  const m = /^([a-z][a-z0-9+.-]*):/.exec(s);
  if (m) return ALLOWED_SCHEMES.has(m[1]!);
  // A colon before any / ? # would be read as a scheme by some parsers ("javascript&colon;…" decoded).
  const firstColon = s.indexOf(':');
  if (firstColon >= 0) {
    const firstDelim = s.search(/[/?#]/);
    if (firstDelim < 0 || firstColon < firstDelim) return false;
  }
  return true;
}

export interface MarkdownOptions {
  /**
   * Added to heading levels (default 1: the page's <h1> is the item title, so "# 一、总则"
   * becomes <h2>). Levels are capped at 6.
   */
  readonly headingOffset?: number;
}

function createRenderer(headingOffset: number): MarkdownIt {
  const md = markdownit('default', { html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = isSafeUrl;
  md.linkify.set({ fuzzyEmail: false });
  md.core.ruler.push('portal_headings', (state) => {
    for (const t of state.tokens) {
      if ((t.type === 'heading_open' || t.type === 'heading_close') && headingOffset) {
        const level = Math.min(6, Number(t.tag.slice(1)) + headingOffset);
        t.tag = `h${level}`;
      }
    }
  });
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx]!.attrGet('href') ?? '');
    if (/^https?:/i.test(href)) tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  // Tables scroll horizontally on phones instead of overflowing the page.
  md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
}

const renderers = new Map<number, MarkdownIt>();
function renderer(offset: number): MarkdownIt {
  let md = renderers.get(offset);
  if (!md) renderers.set(offset, (md = createRenderer(offset)));
  return md;
}

/** Markdown → safe HTML for the item page. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  return renderer(options.headingOffset ?? 1).render(source);
}

export interface PlainTextOptions {
  /**
   * Append link and image URLs in parentheses. Off for search (URLs are noise); on for secrecy
   * scanning, which must see every character that would be published.
   */
  readonly includeUrls?: boolean;
}

const BLOCK_BREAK = new Set(['paragraph_close', 'heading_close', 'list_item_close', 'blockquote_close', 'tr_close', 'hr']);

/** The text a reader would see, one block per line (table cells separated by tabs). */
export function markdownToPlainText(source: string, options: PlainTextOptions = {}): string {
  const tokens = renderer(0).parse(source, {});
  let out = '';
  const inline = (children: readonly Token[]) => {
    const hrefs: string[] = [];
    for (const c of children) {
      switch (c.type) {
        case 'text':
        case 'code_inline':
          out += c.content;
          break;
        case 'softbreak':
        case 'hardbreak':
          out += '\n';
          break;
        case 'image':
          out += c.content; // alt text
          if (options.includeUrls) out += ` (${c.attrGet('src') ?? ''})`;
          break;
        case 'link_open':
          hrefs.push(String(c.attrGet('href') ?? ''));
          break;
        case 'link_close': {
          const href = hrefs.pop();
          if (options.includeUrls && href) out += ` (${href})`;
          break;
        }
        default:
          break;
      }
    }
  };
  for (const t of tokens) {
    if (t.type === 'inline') inline(t.children ?? []);
    else if (t.type === 'fence' || t.type === 'code_block') out += t.content;
    else if (t.type === 'th_close' || t.type === 'td_close') out += '\t';
    if (BLOCK_BREAK.has(t.type) && !t.hidden) out = out.replace(/\t$/, '') + '\n';
  }
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

const detector = markdownit('default', { html: true });

/**
 * Raw HTML fragments in a source (they will show as text, not markup): for a warning on the
 * staff form, e.g. "正文中的HTML标签不会生效：<span>".
 */
export function findRawHtml(source: string): string[] {
  const out: string[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const t of tokens) {
      if (t.type === 'html_block' || t.type === 'html_inline') out.push(t.content.trim());
      if (t.children) walk(t.children);
    }
  };
  walk(detector.parse(source, {}));
  return out;
}
