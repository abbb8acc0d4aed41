import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { extractionWorkerBundling } from '#infra/constructs/app-function';
import { makeDocx } from '../../../fixtures/documents/docx';
import { textPdf } from '../../../fixtures/documents/pdf';
import { zipBombDocx } from '../../../fixtures/documents/zip';

/*
 * The Lambda bundle: the handler is one ESM file (NodejsFunction's esbuild options, copied
 * here), and the extraction worker is built by the very command AppFunction runs after
 * bundling. The output runs under plain node, outside the repository, so nothing can come from
 * tsx or node_modules.
 */

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const extraction = fileURLToPath(new URL('../../../../functions/adapters/extraction/index.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'extraction-bundle-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HARNESS = `
import { readFileSync } from 'node:fs';
import { DocumentTooComplexError, extractText } from ${JSON.stringify(extraction)};
const [pdf, docx, bomb] = process.argv.slice(2).map((p) => readFileSync(p));
const out = {
  pdf: (await extractText(pdf, 'application/pdf')).text,
  docx: (await extractText(docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).text,
};
const error = await extractText(bomb).catch((e) => e);
out.bomb = { tooComplex: error instanceof DocumentTooComplexError, message: error.message };
console.log(JSON.stringify(out));
`;

describe('the bundled extraction worker', () => {
  it('extracts a PDF and a DOCX, and refuses a bomb with the right class, from the bundle under plain node', async () => {
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
      sourcemap: true,
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      tsconfig: join(repoRoot, 'tsconfig.json'),
      logLevel: 'error',
    });
    await run('bash', ['-c', extractionWorkerBundling(repoRoot.replace(/\/$/, ''), dir)], { cwd: repoRoot });

    writeFileSync(join(dir, 'a.pdf'), await textPdf('Bundled PDF, tel 010-87654321'));
    writeFileSync(join(dir, 'a.docx'), await makeDocx({ paragraphs: ['打包后的 DOCX 正文'] }));
    writeFileSync(join(dir, 'bomb.docx'), await zipBombDocx(200 * 1024 * 1024, 1024));
    const { stdout } = await run(process.execPath, ['index.mjs', 'a.pdf', 'a.docx', 'bomb.docx'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
    // pdfjs prints warnings of its own (no canvas package) before the harness's one JSON line.
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      pdf: 'Bundled PDF, tel 010-87654321',
      docx: '打包后的 DOCX 正文',
      bomb: { tooComplex: true, message: '文件过大或结构过于复杂（解压后超过 100 MB），无法进行保密检查。请拆分或压缩后重新上传。' },
    });
  }, 120_000);
});
