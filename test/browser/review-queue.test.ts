import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseRepository } from '#repositories/review-releases';
import { LOCAL_PUBLIC_BUCKET } from '#local/local-runtime';
import { signInAs, startPortal } from '#support/browser';
import { s3Client } from '#support/local-stack';
import { validResidentId } from '../unit/application/secrecy/support';

async function fillChecklist(page: Page, conclusion: string) {
  for (const item of ['state-secret', 'work-secret', 'trade-secret', 'process-or-internal', 'security-stability']) {
    await page.locator(`input[name="checklist.${item}"][value="no"]`).check();
  }
  await page.locator('input[name="checklist.personal-privacy"][value="yes"]').check();
  await page.locator('input[name="checklist.personal-privacy.note"]').fill('含身份证号码，作删除处理');
  await page.locator(`input[name="conclusion"][value="${conclusion}"]`).check();
}

async function openFromQueue(page: Page, baseUrl: string, user: string, title: string) {
  await signInAs(page, baseUrl, user, `demo-${user}`, '/staff/reviews');
  await page.getByRole('link', { name: title }).first().click();
  await page.waitForURL(/\/staff\/reviews\/[0-9a-z]+/);
}

/** The review queue in a real browser: clerk → head → reviewer (redacts) → leader → release. */
describe('secrecy review journey', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('takes an item with an ID number through every stage and releases only the ■ copy', async () => {
    const idNumber = validResidentId();
    const title = '关于困难群众临时救助情况的公示';
    const page = await portal.context.newPage();

    // Clerk submits and self-reviews.
    await signInAs(page, portal.baseUrl, 'clerk', 'demo-clerk', '/staff/reviews/new');
    await page.getByLabel('信息标题').fill(title);
    await page.getByLabel('正文').fill(`经审核，以下人员符合临时救助条件：\n张某某，身份证号码 ${idNumber}，救助金额 1500 元。\n`);
    await page.getByRole('button', { name: '提交审查' }).click();
    await page.waitForURL(/done=submitted/);
    await expect(page.getByText('居民身份证号码').count()).resolves.toBeGreaterThan(0);
    // Without the checklist the form comes back with messages.
    await page.getByRole('button', { name: /签署承办人自审/ }).click();
    await expect(page.getByText('请回答：是否涉及国家秘密。').count()).resolves.toBeGreaterThan(0);
    await fillChecklist(page, 'disclose-redacted');
    await page.getByRole('button', { name: /签署承办人自审/ }).click();
    await page.waitForURL(/done=signed/);

    // Head signs from the queue.
    await openFromQueue(page, portal.baseUrl, 'head', title);
    await fillChecklist(page, 'disclose-redacted');
    await page.locator('textarea[name="comments"]').fill('同意，请保密审查');
    await page.getByRole('button', { name: /签署科室负责人审核/ }).click();
    await page.waitForURL(/done=signed/);

    // Reviewer: tries to approve with the finding open (refused), redacts it, signs.
    await openFromQueue(page, portal.baseUrl, 'reviewer', title);
    await fillChecklist(page, 'disclose-redacted');
    await page.getByRole('button', { name: /签署保密审查/ }).click();
    await expect(page.getByText(/处检测结果未处理/).count()).resolves.toBeGreaterThan(0);
    await page.getByRole('button', { name: '保存处理意见' }).first().click();
    await page.waitForURL(/done=resolved/);
    await page.getByRole('button', { name: '生成删除处理版本' }).click();
    await page.waitForURL(/done=redacted/);
    await expect(page.getByText('■'.repeat(18)).count()).resolves.toBeGreaterThan(0);
    await fillChecklist(page, 'disclose-redacted');
    await page.screenshot({ path: '/tmp/review-secrecy.png', fullPage: true });
    await page.getByRole('button', { name: /签署保密审查/ }).click();
    await page.waitForURL(/done=signed/);

    // Leader approves and publishes.
    await openFromQueue(page, portal.baseUrl, 'leader', title);
    await fillChecklist(page, 'disclose-redacted');
    await page.getByRole('button', { name: /签署分管领导审批/ }).click();
    await page.waitForURL(/done=signed/);
    await expect(page.getByText('审查通过').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/review.png', fullPage: true });
    await page.getByRole('button', { name: '发布到主动公开栏目' }).click();
    await page.waitForURL(/done=released/);
    await expect(page.getByText('发布记录').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/review-released.png', fullPage: true });

    // The released copy in the public bucket carries ■ and not the number.
    const reviewId = page.url().split('/staff/reviews/')[1]!.split('?')[0]!;
    const [release] = await new ReleaseRepository(portal.deps.records).forReview(reviewId);
    expect(release).toBeDefined();
    const object = await s3Client().send(new GetObjectCommand({ Bucket: LOCAL_PUBLIC_BUCKET, Key: release!.files[0]!.key }));
    const released = await object.Body!.transformToString();
    expect(released).toContain('■'.repeat(18));
    expect(released).not.toContain(idNumber);
  });
});
