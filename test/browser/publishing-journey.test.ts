import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startPortal } from '#support/browser';

async function signStage(page: Page, button: RegExp) {
  for (const item of ['state-secret', 'work-secret', 'trade-secret', 'personal-privacy', 'process-or-internal', 'security-stability']) {
    await page.locator(`input[name="checklist.${item}"][value="no"]`).check();
  }
  await page.locator('input[name="conclusion"][value="disclose"]').check();
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(/done=signed/);
}

/**
 * 主动公开 end to end in a real browser: a clerk drafts an item with an attachment, it passes the
 * secrecy review (clerk → head → reviewer → leader as required), the clerk publishes it, and a
 * member of the public finds it by a Chinese search term and downloads the attachment.
 */
describe('publishing journey', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('drafts, reviews, publishes; the public finds it and downloads the attachment', async () => {
    const title = '关于开展二〇二六年春季义务植树活动的通知';
    const page = await portal.context.newPage();

    await signInAs(page, portal.baseUrl, 'clerk', 'demo-clerk', '/staff/items/new');
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('生成日期').fill('2026-03-02');
    await page.getByLabel('目录分类').selectOption('regulations-normative');
    await page.getByLabel('文号').fill('示绿发[2026]2号');
    await page.getByLabel('关键词').fill('义务植树、绿化');
    await page.locator('textarea[name="body"]').fill('各区绿化委员会：\n\n请于三月组织开展**义务植树**活动，具体安排见附件。');
    await page.getByLabel('上传附件').setInputFiles({ name: '植树活动安排表.txt', mimeType: 'text/plain', buffer: Buffer.from('春季义务植树活动安排：三月十二日上午九时，城东苗圃集合。', 'utf8') });
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/staff\/items\/[0-9a-z]+\?done=created/);
    const itemUrl = page.url().split('?')[0]!;
    await expect(page.getByText('植树活动安排表.txt').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('button', { name: '提交保密审查' }).click();
    await page.waitForURL(/done=submitted/);
    await page.getByRole('link', { name: '查看审查单' }).click();
    await page.waitForURL(/\/staff\/reviews\/[0-9a-z]+/);
    const reviewUrl = page.url().split('?')[0]!;
    await signStage(page, /签署承办人自审/);

    await signInAs(page, portal.baseUrl, 'head', 'demo-head', '/staff');
    await page.goto(reviewUrl);
    await signStage(page, /签署科室负责人审核/);

    await signInAs(page, portal.baseUrl, 'reviewer', 'demo-reviewer', '/staff');
    await page.goto(reviewUrl);
    await signStage(page, /签署保密审查/);

    if ((await page.getByRole('button', { name: /签署分管领导审批/ }).count()) === 0) {
      await signInAs(page, portal.baseUrl, 'leader', 'demo-leader', '/staff');
      await page.goto(reviewUrl);
    }
    if ((await page.getByRole('button', { name: /签署分管领导审批/ }).count()) > 0) {
      await signStage(page, /签署分管领导审批/);
    }

    await signInAs(page, portal.baseUrl, 'clerk', 'demo-clerk', '/staff');
    await page.goto(itemUrl);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.waitForURL(/done=published/);
    await expect(page.getByText(/\d{9}\/2026-\d{5}/).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/publishing-staff-item.png', fullPage: true });

    // A member of the public (a fresh context, no session) searches in Chinese.
    const visitor = await portal.context
      .browser()!
      .newContext({ locale: 'zh-CN' })
      .catch(() => undefined);
    const pub = visitor ? await visitor.newPage() : await portal.context.newPage();
    if (!visitor) await pub.context().clearCookies();
    await pub.goto(`${portal.baseUrl}/`);
    await expect(pub.getByRole('link', { name: title }).count()).resolves.toBeGreaterThan(0);
    await pub.goto(`${portal.baseUrl}/proactive`);
    await pub.screenshot({ path: '/tmp/publishing-listing.png', fullPage: true });
    await pub.goto(`${portal.baseUrl}/search`);
    await pub.getByLabel('检索词').fill('植树');
    await pub.getByRole('button', { name: '检索' }).click();
    await pub.waitForURL(/\/search\?q=/);
    await pub.screenshot({ path: '/tmp/publishing-search.png', fullPage: true });
    await expect(pub.locator('.search-results mark').count()).resolves.toBeGreaterThan(0);
    await expect(pub.locator('.search-results').innerText()).resolves.toContain('植树');
    await pub.locator('.search-results__title').first().click();
    await pub.waitForURL(/\/items\//);
    await expect(pub.getByRole('heading', { level: 1, name: title }).count()).resolves.toBe(1);
    await expect(pub.getByText('示绿发〔2026〕2号').count()).resolves.toBeGreaterThan(0);
    const href = await pub.getByRole('link', { name: '植树活动安排表.txt' }).getAttribute('href');
    expect(href).toMatch(/\/files\/.+\/1\.txt$/);
    const download = await pub.request.get(href!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('城东苗圃集合');
    await pub.screenshot({ path: '/tmp/publishing-item.png', fullPage: true });
    await visitor?.close();
  });
});
