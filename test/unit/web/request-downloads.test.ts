import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { act, draftAnswer, submitOnline } from '#application/requests';
import { pdfText } from '#adapters/extraction/pdf';
import { RequestRepository } from '#repositories/requests';
import { memoryApp, staff } from '#support/memory-deps';
import { citizenForm, people } from '../application/requests/support';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The portal over fakes with one application registered, and (unless `draft: false`) its answer drafted. */
async function withCase(options: { draft?: boolean; timeAndPlace?: string } = {}) {
  const m = await memoryApp();
  const { trackingNumber: tn } = await submitOnline(m.deps, { form: citizenForm(), nonce: 'nonce-downloads-1-abcdef' });
  await act(m.deps, people.clerk, tn, { command: 'register' });
  if (options.draft !== false)
    await draftAnswer(m.deps, people.clerk, tn, {
      decision: { type: 'disclosed', provision: { form: 'electronic', method: 'download', timeAndPlace: options.timeAndPlace ?? '请登录本平台查询页面下载。' } },
    });
  const get = async (path: string, who?: Parameters<typeof m.tokenFor>[0]) => m.app.request(path, { headers: who ? { authorization: `Bearer ${await m.tokenFor(who)}` } : {} });
  const letterNumber = async () => (await new RequestRepository(m.deps.records).get(tn))!.data.draft!.letter.number;
  return { ...m, tn, get, letterNumber, path: `/staff/requests/${tn}/documents/answer.docx` };
}

describe('GET /staff/requests/:tn/documents/:id.docx', () => {
  it('gives the handling clerk the drafted answer letter as a Word file named after the case', async () => {
    const { get, path, tn, letterNumber } = await withCase();
    const res = await get(path, people.clerk);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('cache-control')).toMatch(/(^|, )no-store$/);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain(`filename="${tn}-answer.docx"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${tn}-答复告知书.docx`)}`);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(await letterNumber());
    expect(xml).toContain('张三：');
  });

  it('gives the same letter as a PDF with its font embedded, from the same address with .pdf', async () => {
    const { get, path, tn, letterNumber } = await withCase();
    const res = await get(path.replace(/\.docx$/, '.pdf'), people.clerk);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toMatch(/(^|, )no-store$/);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename="${tn}-answer.pdf"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${tn}-答复告知书.pdf`)}`);
    const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text.replace(/\s+/g, '')).toContain(await letterNumber());
    expect(text.replace(/\s+/g, '')).toContain('张三：');
  });

  it('refuses a PDF of a letter with a character its font lacks (造字 pasted from another system) with a message, and still gives the Word file', async () => {
    const { get, path } = await withCase({ timeAndPlace: '请到本机关窗口领取，经办人王\u{e000}。' });
    const res = await get(path.replace(/\.docx$/, '.pdf'), people.clerk);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('PDF 字体缺少以下字符：\u{e000}。请下载 Word 文档用印。');
    expect((await get(path, people.clerk)).status).toBe(200);
  });

  it('lets every member of staff who may open the case page download it, as they may open the print view', async () => {
    const { get, path } = await withCase();
    for (const who of [people.reviewer, people.leader, people.head]) expect((await get(path, who)).status, who.username).toBe(200);
  });

  it('refuses the public, applicants (no staff sign-in) and a member of staff without a role', async () => {
    const { app, get, path } = await withCase();
    const anonymous = await app.request(path);
    expect([302, 303, 401]).toContain(anonymous.status);
    expect(anonymous.headers.get('content-type')).not.toBe(DOCX);
    const roleless = await get(path, staff([], 'norole'));
    expect([401, 403]).toContain(roleless.status);
    expect(roleless.headers.get('content-type')).not.toBe(DOCX);
  });

  it('answers 404 for a document the platform does not have, and for anything but .docx and .pdf', async () => {
    const { get, tn } = await withCase();
    for (const id of ['notice-supplement', 'constructor', 'answer-1']) {
      const res = await get(`/staff/requests/${tn}/documents/${id}.docx`, people.clerk);
      expect(res.status, id).toBe(404);
      expect(await res.text()).toContain('没有这份文书');
    }
    for (const tail of ['answer.ofd', 'answer', 'Answer.docx', 'answer.PDF', 'answer.docx.exe', 'answer.pdf.docx', '__proto__.docx', '__proto__.pdf'])
      expect((await get(`/staff/requests/${tn}/documents/${tail}`, people.clerk)).status, tail).toBe(404);
    expect((await get('/staff/requests/YSQ-2026-999999/documents/answer.docx', people.clerk)).status).toBe(404);
  });

  it('answers 404 with a message while the case has no drafted answer', async () => {
    const { get, path } = await withCase({ draft: false });
    const res = await get(path, people.clerk);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('尚未拟定答复。');
  });

  it('links the Word file and the PDF from the letter’s print view, outside what prints', async () => {
    const { get, tn } = await withCase();
    const html = await (await get(`/staff/requests/${tn}/letter`, people.clerk)).text();
    const links = /<p class="no-print">(.*?)<\/p>/.exec(html)![1]!;
    expect(links).toContain(`<a href="/staff/requests/${tn}/documents/answer.docx">下载 Word 文档（用于用印）</a>`);
    expect(links).toContain(`<a href="/staff/requests/${tn}/documents/answer.pdf">下载 PDF（已嵌入字体）</a>`);
  });
});
