/**
 * Scanner throughput (`npm run bench`): MB/s of UTF-8 text scanned, on a large synthetic Chinese
 * text with scattered findings, and on a generated 200-page PDF (text-layer extraction + scan,
 * MB of PDF file per second). All data is synthetic; identifiers get valid check digits here.
 */
import type { BenchResult } from './support';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractText } from '#adapters/extraction/extract';
import { luhnCheckDigit, residentIdCheckChar } from '#domain/secrecy/checksums';
import { compileWatchList, scanText } from '#domain/secrecy/scanner';

const SENTENCES = [
  '根据《中华人民共和国政府信息公开条例》的规定，现将有关情况公开如下。',
  '本机关内部控制制度健全，依法不予公开的信息已逐项说明理由。',
  '二〇二五年度共受理政府信息公开申请一百二十件，均在法定期限内答复。',
  '请各单位认真贯彻落实，确保各项工作任务按时完成。',
  '项目总投资3500万元，其中财政资金2100万元，建设周期18个月。',
];

/** A deterministic pseudo-random sequence (no Math.random, so runs are comparable). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function syntheticId(r: () => number): string {
  const first17 = `110105${1950 + Math.floor(r() * 60)}0${1 + Math.floor(r() * 9)}1${Math.floor(r() * 9)}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function syntheticFinding(r: () => number): string {
  switch (Math.floor(r() * 5)) {
    case 0:
      return `身份证号${syntheticId(r)}`;
    case 1:
      return `联系电话13${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    case 2: {
      const p = `622202${String(Math.floor(r() * 1e12)).padStart(12, '0')}`;
      return `卡号${p}${luhnCheckDigit(p)}`;
    }
    case 3:
      return '\n秘密★1年\n';
    default:
      return `邮箱user${Math.floor(r() * 1000)}@example.cn`;
  }
}

export function syntheticChineseText(targetBytes: number, seed = 1): string {
  const r = rng(seed);
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const s = r() < 0.05 ? syntheticFinding(r) : SENTENCES[Math.floor(r() * SENTENCES.length)]!;
    parts.push(s);
    bytes += Buffer.byteLength(s);
    if (r() < 0.1) parts.push('\n');
  }
  return parts.join('');
}

export async function synthetic200PagePdf(seed = 2): Promise<Uint8Array> {
  const r = rng(seed);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const filler = 'The committee reviewed the annual disclosure report and approved the budget items listed below.';
  for (let p = 0; p < 200; p++) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < 48; line++) {
      const extra = r() < 0.04 ? ` ID ${syntheticId(r)} tel 010-8${String(Math.floor(r() * 1e7)).padStart(7, '0')}` : '';
      page.drawText((filler + extra).slice(0, 120), { x: 40, y: 800 - line * 16, size: 9, font });
    }
  }
  return doc.save();
}

function mbPerSecond(bytes: number, ms: number): number {
  return Math.round((bytes / 1024 / 1024 / (ms / 1000)) * 100) / 100;
}

export async function benchScanner(): Promise<BenchResult[]> {
  const watchList = compileWatchList(['天网工程', '某某项目', '内部代号']);

  const text = syntheticChineseText(8 * 1024 * 1024);
  const textBytes = Buffer.byteLength(text);
  scanText(text.slice(0, 100_000), { watchList }); // warm-up
  let t0 = performance.now();
  const textFindings = scanText(text, { watchList }).length;
  const textMs = performance.now() - t0;

  const pdf = await synthetic200PagePdf();
  await extractText(pdf.slice(0, pdf.length), 'application/pdf'); // warm-up (loads pdfjs)
  t0 = performance.now();
  const extracted = await extractText(pdf, 'application/pdf');
  const pdfFindings = scanText(extracted.text, { watchList }).length;
  const pdfMs = performance.now() - t0;

  return [
    { name: 'scanner: Chinese text (8 MB, UTF-8)', value: mbPerSecond(textBytes, textMs), unit: 'MB/s' },
    { name: 'scanner: findings in the 8 MB text', value: textFindings, unit: 'findings' },
    { name: 'scanner: 200-page PDF, extraction + scan', value: mbPerSecond(pdf.length, pdfMs), unit: 'MB/s' },
    { name: 'scanner: 200-page PDF, extraction + scan', value: Math.round((200 / (pdfMs / 1000)) * 10) / 10, unit: 'pages/s' },
    { name: 'scanner: findings in the 200-page PDF', value: pdfFindings, unit: 'findings' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchScanner()) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
