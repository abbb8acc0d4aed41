import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/*
 * Where the PDF writer's font is: Noto Serif SC (思源宋体, SIL Open Font License 1.1) from the
 * @expo-google-fonts/noto-serif-sc package, the one npm package that ships the whole font as a
 * TrueType file (web-font packages split it into slices by Unicode range). Once bundled, the font
 * is in `fonts/` beside the handler (infra/constructs/app-function.ts copies it there).
 */

export const PDF_FONT_FILE = 'NotoSerifSC_400Regular.ttf';
export const PDF_FONT_PACKAGE_PATH = `@expo-google-fonts/noto-serif-sc/400Regular/${PDF_FONT_FILE}`;

/** The font file: `fonts/` beside the bundle, else the installed package's. */
export function pdfFontPath(): string {
  const bundled = fileURLToPath(new URL(`./fonts/${PDF_FONT_FILE}`, import.meta.url));
  return existsSync(bundled) ? bundled : createRequire(import.meta.url).resolve(PDF_FONT_PACKAGE_PATH);
}
