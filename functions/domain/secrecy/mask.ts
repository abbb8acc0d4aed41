/**
 * Masked previews. The preview keeps a little of the value so staff can tell findings apart, and
 * masks the middle with `*`: `110101********1234`, `138****5678`, `z***@example.cn`.
 */

const STAR = '*';

/** Keep `head` leading and `tail` trailing characters of the significant characters; mask the rest. */
export function maskMiddle(value: string, head: number, tail: number): string {
  const chars = [...value];
  const significant = chars.filter((c) => /[0-9A-Za-z]/.test(c)).length;
  if (significant === 0) return value;
  if (significant <= head + tail) {
    // Too short to keep both ends: keep at most one character at each end.
    return maskMiddle(value, Math.min(1, Math.max(0, significant - 2)), Math.min(1, Math.max(0, significant - 2)));
  }
  let seen = 0;
  return chars
    .map((c) => {
      if (!/[0-9A-Za-z]/.test(c)) return c;
      const i = seen++;
      return i < head || i >= significant - tail ? c : STAR;
    })
    .join('');
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at);
  const keep = local.length > 1 ? local.slice(0, 1) : '';
  return `${keep}${STAR.repeat(Math.max(3, local.length - keep.length))}${domain}`;
}

/** Watch-list terms: first character kept, the rest masked (the term is sensitive by definition). */
export function maskTerm(value: string): string {
  const chars = [...value];
  if (chars.length <= 1) return STAR;
  return chars[0] + STAR.repeat(chars.length - 1);
}
