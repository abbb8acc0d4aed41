/*
 * GB/T 9704 (党政机关公文格式) as it applies to a letter the agency seals itself, in millimetres and
 * points, shared by the Word and the PDF writers so the two files have one layout: A4; margins top
 * 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 mm × 225 mm); 22 lines of 28 characters;
 * 标题 2号, 正文 3号, 页码 4号; 落款 and 成文日期 right-aligned, 成文日期 右空四字.
 */

export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const TEXT_BLOCK_MM = { width: PAGE_MM.width - MARGINS_MM.left - MARGINS_MM.right, height: PAGE_MM.height - MARGINS_MM.top - MARGINS_MM.bottom } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Font sizes in points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. */
export const SIZES_PT = { title: 22, body: 16, pageNumber: 14 } as const;

/** The 一字线 of the page number sits this far under the 版心 (§7.5). */
export const PAGE_NUMBER_GAP_MM = 7;

/** 成文日期 右空四字 (§7.3.5.1). */
const DATE_RIGHT_INDENT = 4;

/** Width in characters of the body font: CJK and full-width forms one, ASCII half. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0020-\u007e]/.test(ch) ? 0.5 : 1;
  return w;
}

/**
 * Right indents (in body characters) of the 落款 and the 成文日期: the date 右空四字, the agency's name
 * centred over the date (GB/T 9704 §7.3.5.1), or flush right when it is the wider of the two.
 */
export function signatureIndents(signature: string, date: string): { signature: number; date: number } {
  const centred = DATE_RIGHT_INDENT + (widthInChars(date) - widthInChars(signature)) / 2;
  return { signature: Math.max(0, centred), date: DATE_RIGHT_INDENT };
}

/** The page number as printed: "— 3 —", the number between two 一字线. */
export const pageNumberText = (n: number) => `— ${n} —`;
