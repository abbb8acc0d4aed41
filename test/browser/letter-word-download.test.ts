import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '#adapters/extraction/pdf';
import { act, draftAnswer, submitOnline } from '#application/requests';
import { RequestRepository } from '#repositories/requests';
import { signInAs, startPortal } from '#support/browser';
import { citizenForm, people } from '../unit/application/requests/support';

/**
 * The answer letter on its way to the seal: a clerk opens a drafted answer's print view (A4, no
 * site chrome) and downloads it as a Word file and as a PDF through the links above the letter.
 */
describe('answer letter as a Word file and a PDF', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('prints the drafted letter and downloads the same letter as .docx and .pdf for sealing', async () => {
    const { deps, baseUrl } = portal;
    const { trackingNumber: tn } = await submitOnline(deps, { form: citizenForm(), nonce: 'nonce-word-download-1-abcdef' });
    await act(deps, people.clerk, tn, { command: 'register' });
    await draftAnswer(deps, people.clerk, tn, { decision: { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: '请登录本平台查询页面下载。' } } });
    const letter = (await new RequestRepository(deps.records).get(tn))!.data.draft!.letter;

    const page = await portal.context.newPage();
    await signInAs(page, baseUrl, 'clerk', 'demo-clerk', `/staff/requests/${tn}/letter`);
    const link = page.getByRole('link', { name: '下载 Word 文档（用于用印）' });
    await expect(link.isVisible()).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/request-letter-downloads.png' });

    // The print view: the letter alone, without the link or the site's chrome.
    await page.emulateMedia({ media: 'print' });
    await expect(link.isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    expect((await page.locator('.letter').innerText()).replace(/\s+/g, '')).toContain(letter.number);
    await page.screenshot({ path: '/tmp/request-letter-word-print.png', fullPage: true });

    // The Word file, through the link as a clerk clicks it.
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${tn}-答复告知书.docx`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(letter.number);
    expect(xml).toContain(letter.title);

    // The PDF, its font embedded, through the link beside it.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 PDF（已嵌入字体）' }).click()]);
    expect(pdf.suggestedFilename()).toBe(`${tn}-答复告知书.pdf`);
    const pdfBytes = readFileSync(await pdf.path());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await pdfText(new Uint8Array(pdfBytes));
    expect(text.replace(/\s+/g, '')).toContain(letter.number);
    expect(text.replace(/\s+/g, '')).toContain(letter.title);
    await page.close();
  });
});
