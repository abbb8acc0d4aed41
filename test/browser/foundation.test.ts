import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startPortal } from '#support/browser';

/** The first slice end to end in a real browser: home page, staff sign-in, an upload through S3 and back. */
describe('foundation journey', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('shows the public home page with the agency name and the three sections', async () => {
    const page = await portal.context.newPage();
    await page.goto(portal.baseUrl);
    await expect(page.title()).resolves.toContain('示例市人民政府办公室');
    for (const name of ['主动公开', '依申请公开', '政府信息公开指南']) {
      expect(await page.getByRole('navigation').getByRole('link', { name, exact: true }).count()).toBeGreaterThan(0);
    }
  });

  it('lets a clerk sign in, upload a document, see it listed and download it', async () => {
    const page = await portal.context.newPage();
    await signInAs(page, portal.baseUrl, 'clerk', 'demo-clerk', '/staff/documents');
    const file = join(tmpdir(), '工作要点.pdf');
    writeFileSync(file, '%PDF-1.4\n% browser journey\n%%EOF\n');
    await page.getByLabel('文档标题').fill('2026年政务公开工作要点');
    await page.getByLabel('选择文件').setInputFiles(file);
    await page.getByRole('button', { name: /上传/ }).click();
    await page.waitForURL(/uploaded=1/);
    await expect(page.getByText('2026年政务公开工作要点').count()).resolves.toBeGreaterThan(0);

    const link = page.getByRole('link', { name: /工作要点\.pdf/ }).first();
    const href = await link.getAttribute('href');
    const response = await page.request.get(`${portal.baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('browser journey');
  });
});
