import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startPortal } from '#support/browser';
import { validResidentId } from '../unit/application/secrecy/support';

const REPORT_TEXT = '示例市2025年财政预算执行情况报告\n附表三联系人电话：13912345678\n预算执行总体平稳。\n';
const REDACTED_TEXT = '示例市2025年财政预算执行情况报告\n附表三联系人电话：■■■■■■■■■■■\n预算执行总体平稳。\n';

async function fillChecklist(page: Page) {
  for (const item of ['state-secret', 'work-secret', 'trade-secret', 'process-or-internal', 'security-stability']) {
    await page.locator(`input[name="checklist.${item}"][value="no"]`).check();
  }
  await page.locator('input[name="checklist.personal-privacy"][value="yes"]').check();
  await page.locator('input[name="checklist.personal-privacy.note"]').fill('附件含个人电话号码，作删除处理');
  await page.locator('input[name="conclusion"][value="disclose-redacted"]').check();
}

/** A checklist with nothing found: the procedural notices disclose nothing but the case's own facts. */
async function fillPlainChecklist(page: Page) {
  for (const item of ['state-secret', 'work-secret', 'trade-secret', 'personal-privacy', 'process-or-internal', 'security-stability']) {
    await page.locator(`input[name="checklist.${item}"][value="no"]`).check();
  }
  await page.locator('input[name="conclusion"][value="disclose"]').check();
}

/**
 * A procedural notice's way out, as the answer's: the clerk sends it to review, the clerk, the head
 * and the secrecy reviewer sign, the clerk serves it (by e-mail, as the citizen chose).
 */
async function reviewAndServeNotice(page: Page, base: string, tn: string, noticeId: string) {
  await signInAs(page, base, 'clerk', 'demo-clerk', `/staff/requests/${tn}`);
  await step(page, `notice-review-${noticeId}`);
  const reviewHref = (await page.locator('#notices a[href^="/staff/reviews/"]').last().getAttribute('href'))!;
  for (const [user, button] of [
    ['clerk', /签署承办人自审/],
    ['head', /签署科室负责人审核/],
    ['reviewer', /签署保密审查/],
  ] as const) {
    await signInAs(page, base, user, `demo-${user}`, reviewHref);
    await fillPlainChecklist(page);
    await page.getByRole('button', { name: button }).click();
    await page.waitForURL(/done=signed/);
  }
  await signInAs(page, base, 'clerk', 'demo-clerk', `/staff/requests/${tn}`);
  await step(page, `notice-serve-${noticeId}`);
}

/** Runs one step form on the staff case page (scoped to its panel) and waits for the redirect. */
async function step(page: Page, id: string, fill: (panel: ReturnType<Page['locator']>) => Promise<void> = async () => undefined) {
  const panel = page.locator(`#action-${id}`);
  await fill(panel);
  await panel.locator('button[type="submit"]').click();
  await page.waitForURL(/done=/);
}

/**
 * The whole of 依申请公开 in a real browser: a citizen applies; the clerk asks for a supplement;
 * its 补正告知书 is reviewed and served; the citizen supplements on the tracking page; the clerk
 * asks for an extension, the head approves, its 延期答复告知书 is reviewed and served;
 * the clerk drafts a partial disclosure with a document; secrecy review (clerk, head, reviewer
 * redacts, leader); the leader signs off; the clerk releases; the citizen downloads the answer.
 */
describe('application journey', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('walks an application from the form to the downloaded answer', async () => {
    const base = portal.baseUrl;
    const citizen = await portal.context.newPage();

    // 1. The citizen applies (an error first: nothing typed is lost).
    await citizen.goto(`${base}/apply`);
    await citizen.getByLabel('自然人', { exact: true }).check();
    await citizen.getByLabel(/^姓名或名称/).fill('张三');
    await citizen.getByLabel(/^证件类型/).selectOption('resident-id');
    await citizen.getByLabel(/^证件号码/).fill('110105194912310021');
    await citizen.getByLabel(/^电子邮箱/).fill('zhangsan@example.com');
    await citizen.getByLabel(/^信息名称/).fill('示例市2025年财政预算执行情况报告');
    await citizen.getByLabel('电子', { exact: true }).check();
    await citizen.getByLabel('在线下载', { exact: true }).check();
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await expect(citizen.getByText('居民身份证号码有误').count()).resolves.toBeGreaterThan(0);
    expect(await citizen.getByLabel(/^信息名称/).inputValue()).toBe('示例市2025年财政预算执行情况报告');
    await citizen.getByLabel(/^证件号码/).fill(validResidentId());
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.getByText('政府信息公开申请回执').first().waitFor();
    const tn = (await citizen.locator('#tracking-number').textContent())!.trim();
    const code = (await citizen.locator('#access-code').textContent())!.trim();
    expect(tn).toMatch(/^YSQ-\d{4}-\d{6}$/);

    // 2. The clerk registers it (becoming the handler) and asks for a supplement.
    const staff = await portal.context.newPage();
    await signInAs(staff, base, 'clerk', 'demo-clerk', '/staff/requests');
    await staff.getByRole('link', { name: tn }).click();
    await staff.waitForURL(`${base}/staff/requests/${tn}`);
    await step(staff, 'register');
    await step(staff, 'requestSupplement', (p) => p.getByLabel(/需要补正的内容/).fill('请写明所需附表的名称'));
    await expect(staff.getByText('补正告知书已拟定').count()).resolves.toBeGreaterThan(0);
    // The 补正告知书 leaves only reviewed; its service is the step (the clock stops that day). It prints as an official document.
    await reviewAndServeNotice(staff, base, tn, 'supplement-1');
    await expect(staff.getByText('待申请人补正').count()).resolves.toBeGreaterThan(0);
    await expect(staff.getByText(/已于 \d{4}-\d{2}-\d{2} 电子送达/).count()).resolves.toBeGreaterThan(0);
    const notice = await staff.context().newPage();
    await notice.goto(`${base}/staff/requests/${tn}/notices/supplement-1`);
    await notice.emulateMedia({ media: 'print' });
    expect((await notice.locator('.letter').innerText()).replace(/\s+/g, '')).toMatch(/补〔\d{4}〕1号.*请写明所需附表的名称.*\d{4}年\d{1,2}月\d{1,2}日$/);
    await notice.screenshot({ path: '/tmp/request-notice-print.png', fullPage: true });
    await notice.close();

    // 3. The citizen supplements on the tracking page.
    await citizen.goto(`${base}/track`);
    await citizen.getByLabel(/^申请编号/).fill(tn);
    await citizen.getByLabel(/^查询码/).fill(code);
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.waitForURL(`${base}/track/${tn}`);
    await expect(citizen.getByText('请写明所需附表的名称').count()).resolves.toBeGreaterThan(0);
    await citizen.getByLabel(/^补正内容/).fill('需要附表一至附表三。');
    await citizen.getByRole('button', { name: '提交补正' }).click();
    await citizen.waitForURL(/done=supplemented/);

    // 4. The clerk records the supplement and asks for an extension; the head approves it.
    await staff.goto(`${base}/staff/requests/${tn}`);
    await expect(staff.getByText('需要附表一至附表三。').count()).resolves.toBeGreaterThan(0);
    await step(staff, 'recordSupplement');
    await step(staff, 'requestExtension', (p) => p.getByLabel(/延期理由/).fill('需调取多个年度的预算档案'));
    await signInAs(staff, base, 'head', 'demo-head', `/staff/requests/${tn}`);
    const due = (await staff.locator('#deadline').innerText()).match(/\d{4}-\d{2}-\d{2}/)![0];
    await step(staff, 'approveExtension');
    // In force once its 延期答复告知书 is served.
    await reviewAndServeNotice(staff, base, tn, 'extension-1');
    await expect(staff.locator('#deadline').innerText()).resolves.not.toContain(due);

    // 5. The clerk drafts a partial disclosure with a document and sends it to secrecy review.
    await signInAs(staff, base, 'clerk', 'demo-clerk', `/staff/requests/${tn}`);
    await staff.locator('#action-choose-type select[name="type"]').selectOption('partial');
    await staff.locator('#action-choose-type button[type="submit"]').click();
    await staff.waitForURL(/type=partial/);
    const draft = staff.locator('#action-draft');
    await draft.locator('input[name="provision.form"][value="electronic"]').check();
    await draft.locator('select[name="provision.method"]').selectOption('download');
    await draft.locator('input[name="provision.timeAndPlace"]').fill('请登录本平台查询页面下载。');
    await draft.locator('input[name="withheldParts.0.part"]').fill('附表三中个人联系方式');
    await draft.locator('select[name="withheldParts.0.withholding.ground"]').selectOption('third-party');
    await draft.locator('textarea[name="withheldParts.0.withholding.reason"]').fill('涉及个人隐私');
    await draft.locator('select[name="withheldParts.0.withholding.interest"]').selectOption('privacy');
    await draft.locator('select[name="withheldParts.0.withholding.consultation"]').selectOption('objected');
    await draft.locator('textarea[name="withheldParts.0.withholding.publicInterestAssessment"]').fill('不公开不会对公共利益造成重大影响');
    const report = join(tmpdir(), '预算执行情况报告.txt');
    writeFileSync(report, REPORT_TEXT);
    await draft.locator('input[name="documents"]').setInputFiles(report);
    await draft.locator('button[type="submit"]').click();
    await staff.waitForURL(/done=draftAnswer/);
    await expect(staff.getByRole('link', { name: /政府信息公开申请答复告知书（部分公开）/ }).count()).resolves.toBeGreaterThan(0);
    // The letter prints as an official document: A4, no site chrome, dated in Chinese, remedies kept.
    const letter = await staff.context().newPage();
    await letter.goto(`${base}/staff/requests/${tn}/letter`);
    await letter.emulateMedia({ media: 'print' });
    await expect(letter.locator('.main-nav').isVisible()).resolves.toBe(false);
    await expect(letter.locator('.site-header').isVisible()).resolves.toBe(false);
    const printed = (await letter.locator('.letter').innerText()).replace(/\s+/g, '');
    expect(printed).toMatch(/\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(printed).toContain('应当先申请行政复议');
    await letter.screenshot({ path: '/tmp/request-letter-print.png', fullPage: true });
    expect((await letter.pdf({ format: 'A4' })).byteLength).toBeGreaterThan(10_000);
    await letter.close();
    await step(staff, 'review');
    const reviewHref = await staff
      .getByRole('link', { name: /审查中|待承办人自审/ })
      .first()
      .getAttribute('href');
    expect(reviewHref).toMatch(/^\/staff\/reviews\//);

    // 6. Secrecy review: clerk self-review, head, reviewer (redacts the document), leader.
    await staff.goto(`${base}${reviewHref}`);
    await fillChecklist(staff);
    await staff.getByRole('button', { name: /签署承办人自审/ }).click();
    await staff.waitForURL(/done=signed/);
    await signInAs(staff, base, 'head', 'demo-head', reviewHref!);
    await fillChecklist(staff);
    await staff.getByRole('button', { name: /签署科室负责人审核/ }).click();
    await staff.waitForURL(/done=signed/);
    await signInAs(staff, base, 'reviewer', 'demo-reviewer', reviewHref!);
    await staff.getByRole('button', { name: '保存处理意见' }).first().click();
    await staff.waitForURL(/done=resolved/);
    const redacted = join(tmpdir(), '预算执行情况报告（删除处理）.txt');
    writeFileSync(redacted, REDACTED_TEXT);
    await staff.locator('input[type="file"][name^="file-"]').first().setInputFiles(redacted);
    await staff.getByRole('button', { name: '上传并核验' }).first().click();
    await staff.waitForURL(/done=file-attached/);
    await fillChecklist(staff);
    await staff.getByRole('button', { name: /签署保密审查/ }).click();
    await staff.waitForURL(/done=signed/);
    await signInAs(staff, base, 'leader', 'demo-leader', reviewHref!);
    await fillChecklist(staff);
    await staff.getByRole('button', { name: /签署分管领导审批/ }).click();
    await staff.waitForURL(/done=signed/);

    // 7. The reviewer confirms the review on the case; the leader signs off; the clerk releases.
    await signInAs(staff, base, 'reviewer', 'demo-reviewer', `/staff/requests/${tn}`);
    await step(staff, 'review-passed');
    await signInAs(staff, base, 'leader', 'demo-leader', `/staff/requests/${tn}`);
    await step(staff, 'signOff');
    await signInAs(staff, base, 'clerk', 'demo-clerk', `/staff/requests/${tn}`);
    await step(staff, 'release');
    await expect(staff.getByText('已送达').count()).resolves.toBeGreaterThan(0);
    await staff.screenshot({ path: '/tmp/request-case.png', fullPage: true });

    // 8. The citizen sees the answer and downloads the redacted document.
    await citizen.goto(`${base}/track/${tn}`);
    await expect(citizen.getByText('答复（部分公开）').count()).resolves.toBeGreaterThan(0);
    await expect(citizen.getByText(/应当先申请行政复议/).count()).resolves.toBeGreaterThan(0);
    await citizen.screenshot({ path: '/tmp/request-track.png', fullPage: true });
    const link = citizen.getByRole('link', { name: /预算执行情况报告/ }).first();
    const href = await link.getAttribute('href');
    const response = await citizen.request.get(`${base}${href}`);
    expect(response.status()).toBe(200);
    const body = await response.text();
    expect(body).toContain('■■■');
    expect(body).not.toContain('13912345678');
  }, 120_000); // a citizen and five members of staff, about 50 s alone on two cores: twice that leaves room for a busy CI machine
});
