/**
 * Text folding shared by the scanner and the redaction check.
 *
 * `foldWidth` maps full-width ASCII (Ｕ+FF01–FF5E, e.g. `１３８`, `（`, `：`) and the ideographic
 * space to their ASCII forms. Every mapped character is one UTF-16 code unit on both sides, so
 * offsets into the folded string are offsets into the original.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

export function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * Characters that people (or PDF text layers) put between the parts of a number or word and that
 * carry no meaning: whitespace, hyphens and dashes, dots, brackets, slashes, zero-width characters.
 */
const SEPARATOR = /[\s\-\u2010-\u2015.·・()[\]{}/\\_\u200b-\u200d\u2060\ufeff]/;

/** A compact, comparable form: width-folded, upper-cased, separators removed. */
export function compactForm(value: string): string {
  let out = '';
  for (const ch of foldWidth(value)) if (!SEPARATOR.test(ch)) out += ch.toUpperCase();
  return out;
}

/**
 * The compact form of a whole text plus, for each character of it, the UTF-16 offset range of
 * the source character it came from, so that a match in the compact form maps back to the text.
 */
export function compactWithMap(text: string): { compact: string; starts: number[]; ends: number[] } {
  const folded = foldWidth(text);
  let compact = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of folded) {
    const len = ch.length;
    if (!SEPARATOR.test(ch)) {
      const up = ch.toUpperCase();
      compact += up;
      for (let k = 0; k < up.length; k++) {
        starts.push(i);
        ends.push(i + len);
      }
    }
    i += len;
  }
  return { compact, starts, ends };
}
