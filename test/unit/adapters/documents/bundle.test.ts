import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfText } from '#adapters/extraction/pdf';
import { documentFontBundling } from '#infra/constructs/app-function';

/*
 * The PDF writer inside a Lambda bundle: one ESM file (NodejsFunction's esbuild options, as in
 * ../extraction/bundle.test.ts) and the font copied by the very command AppFunction runs after
 * bundling. It runs under plain node outside the repository, so the font can only come from the
 * bundle's `fonts/`, and pdfkit must need no files of its own.
 */

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const writer = fileURLToPath(new URL('../../../../functions/adapters/documents/pdf-writer.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pdf-bundle-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HARNESS = `
import { writeFileSync } from 'node:fs';
import { pdfWriter } from ${JSON.stringify(writer)};
const doc = { title: '政府信息公开申请答复告知书', number: '示例政信〔2026〕12号', addressee: '张三：', paragraphs: ['打包后的 PDF 正文。'], legalBasis: ['《中华人民共和国政府信息公开条例》第三十六条'], signature: '示例市人民政府办公室', date: '2026年3月10日' };
writeFileSync('letter.pdf', await pdfWriter.render(doc));
`;

describe('the bundled PDF writer', () => {
  it('writes a PDF with the embedded font from the bundle under plain node', async () => {
    writeFileSync(join(dir, 'harness.ts'), HARNESS);
    await build({
      entryPoints: [join(dir, 'harness.ts')],
      outfile: join(dir, 'index.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      minify: true,
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      tsconfig: join(repoRoot, 'tsconfig.json'),
      logLevel: 'error',
    });
    await run('bash', ['-c', documentFontBundling(repoRoot.replace(/\/$/, ''), dir)], { cwd: repoRoot });
    await run(process.execPath, ['index.mjs'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });

    const bytes = readFileSync(join(dir, 'letter.pdf'));
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect((await pdfText(new Uint8Array(bytes))).text.replace(/\s+/g, '')).toContain('打包后的PDF正文。');
  }, 120_000);
});
