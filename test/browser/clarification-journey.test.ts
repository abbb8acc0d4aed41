import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bypassCsp, seriousViolations, signInAs, startPortal } from '#support/browser';
import { PDF_BYTES, PNG_BYTES } from '../unit/application/clarifications/support';
import { editItem, publishItem, reviseItem, submitItem } from '#application/catalogue';
import { approveReview as approveCatalogueReview, itemInput, people, publishedItem } from '../unit/application/catalogue/support';
import { validResidentId } from '../unit/application/secrecy/support';

/** Signs the secrecy review at `reviewPath` through every stage the review still needs. */
async function signReview(page: Page, baseUrl: string, reviewPath: string) {
  const stages: [string, RegExp][] = [
    ['clerk', /签署承办人自审/],
    ['head', /签署科室负责人审核/],
    ['reviewer', /签署保密审查/],
    ['leader', /签署分管领导审批/],
  ];
  for (const [user, button] of stages) {
    await signInAs(page, baseUrl, user, `demo-${user}`, reviewPath);
    const sign = page.getByRole('button', { name: button });
    if ((await sign.count()) === 0) continue;
    for (const item of ['state-secret', 'work-secret', 'trade-secret', 'personal-privacy', 'process-or-internal', 'security-stability']) {
      await page.locator(`input[name="checklist.${item}"][value="no"]`).check();
    }
    await page.locator('input[name="conclusion"][value="disclose"]').check();
    await sign.click();
    await page.waitForURL(/done=signed/);
  }
}

async function press(page: Page, label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.waitForURL(/done=/);
}

describe('clarification and correction journeys', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('a public report becomes a published clarification', async () => {
    const { baseUrl } = portal;
    const page = await portal.context.newPage();
    // A published catalogue item the false claim is about.
    const concerned = await publishedItem(portal.deps, { title: '关于示例大桥养护计划的公告', categoryId: 'other', documentNumber: '' });

    // The public reports where it appeared and what is wrong, with a screenshot.
    await page.goto(`${baseUrl}/clarifications/report`);
    await page.getByLabel('来源名称').fill('某微信公众号');
    await page.getByLabel('哪些内容不实或不完整').fill('文章称示例大桥4月起封闭一年，与事实不符。');
    await page.getByLabel('截图').setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BYTES) });
    await page.getByRole('button', { name: '提交' }).click();
    const reference = (await page.locator('#report-reference').textContent())!;
    expect(reference).toMatch(/^CQ-\d{4}-\d{6}$/);
    const casePath = `/staff/clarifications/${reference}`;

    // The clerk assesses, verifies and drafts.
    await signInAs(page, baseUrl, 'clerk', 'demo-clerk', casePath);
    await expect(page.getByText('某微信公众号').count()).resolves.toBeGreaterThan(0);
    await press(page, '开始研判');
    await page.locator('#field-recordAssessment-falsity').selectOption('false');
    await page.locator('#field-recordAssessment-impact').selectOption('high');
    await page.locator('#field-recordAssessment-responsibleDepartment').fill('市交通运输局');
    await page.locator('#field-recordAssessment-note').fill('转发量大，引起恐慌');
    await press(page, '登记研判结论');
    await page.locator('#field-recordVerification-facts').fill('示例大桥仅4月1日夜间维护4小时，不封闭一年。');
    await press(page, '登记核实情况');
    await page.locator('#field-saveDraft-title').fill('关于“示例大桥封闭一年”传言的澄清说明');
    await page.locator('#field-saveDraft-falseClaim').fill('网传示例大桥自4月起封闭一年。');
    await page.locator('#field-saveDraft-sources').fill('市交通运输局养护计划');
    await page.locator('#field-saveDraft-relatedItemIds').fill(concerned);
    await press(page, '保存澄清稿');
    await press(page, '提交保密审查');
    const reviewPath = (await page.locator('#draft a[href^="/staff/reviews/"]').getAttribute('href'))!;

    // The secrecy review (the gate), then the leader approves and the clerk publishes.
    await signReview(page, baseUrl, reviewPath);
    await signInAs(page, baseUrl, 'clerk', 'demo-clerk', casePath);
    await press(page, '保密审查通过');
    await signInAs(page, baseUrl, 'leader', 'demo-leader', casePath);
    await press(page, '领导批准发布');
    await signInAs(page, baseUrl, 'clerk', 'demo-clerk', casePath);
    await press(page, '发布澄清信息');
    await expect(page.getByText('已发布（跟踪中）').count()).resolves.toBeGreaterThan(0);

    // The public list leads to the catalogue item (category 澄清说明), never to the report.
    await page.goto(`${baseUrl}/clarifications`);
    await page.getByRole('link', { name: '关于“示例大桥封闭一年”传言的澄清说明' }).click();
    await page.waitForURL(/\/items\//);
    const itemUrl = page.url();
    await expect(page.getByText('示例大桥仅4月1日夜间维护4小时').count()).resolves.toBeGreaterThan(0);
    expect(await page.content()).not.toContain('某微信公众号');

    // The item it concerns links back to the clarification.
    await page.goto(`${baseUrl}/items/${concerned}`);
    await page.locator(`a[href="/clarifications/${reference}"]`).first().click();
    await page.waitForURL(itemUrl);

    // Home page, search, feed and sitemap show it through the same projection.
    const path = new URL(itemUrl).pathname;
    for (const surface of ['/', `/search?q=${encodeURIComponent('示例大桥')}`, '/feeds/clarification.atom', '/sitemap.xml']) {
      expect(await (await fetch(`${baseUrl}${surface}`)).text()).toContain(path);
    }
  });

  it('a correction request is answered with a corrected version and the remedies', async () => {
    const { baseUrl } = portal;
    const page = await portal.context.newPage();
    const itemId = await publishedItem(portal.deps, { title: '2026年第一批低保审核结果公示', categoryId: 'other', documentNumber: '', body: '张三家庭，家庭人口2人。' });
    await page.goto(`${baseUrl}/corrections/request`);
    await page.getByLabel('姓名').fill('张三');
    await page.getByLabel('身份证件号码').fill(validResidentId());
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('记录名称').fill('2026年第一批低保审核结果公示');
    await page.getByLabel('公开信息编号（选填）').fill(itemId);
    await page.getByLabel('不准确的内容').fill('家庭人口数写为2人');
    await page.getByLabel('应当更正为').fill('家庭人口数为3人');
    await page.getByLabel('证据材料').setInputFiles({ name: '户口簿.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF_BYTES) });
    await page.getByRole('button', { name: '提交申请' }).click();
    const tn = (await page.locator('#tracking-number').textContent())!;
    const code = (await page.locator('#access-code').textContent())!;
    expect(tn).toMatch(/^GZ-\d{4}-\d{6}$/);
    const casePath = `/staff/corrections/${tn}`;

    await signInAs(page, baseUrl, 'clerk', 'demo-clerk', casePath);
    await press(page, '登记受理');
    await press(page, '开始审核');
    await press(page, '决定予以更正');
    // The record is corrected in the catalogue (修订 → review → publish): version 2; version 1 stays in the history.
    await reviseItem(portal.deps, people.clerk, itemId, '2026-03-02');
    await editItem(portal.deps, people.clerk, itemId, itemInput({ title: '2026年第一批低保审核结果公示', categoryId: 'other', documentNumber: '', body: '张三家庭，家庭人口3人。' }));
    const submitted = await submitItem(portal.deps, people.clerk, itemId);
    await approveCatalogueReview(portal.deps, submitted.review!.id);
    await publishItem(portal.deps, people.clerk, itemId);
    await page.reload();
    await page.locator('#field-recordCorrection-summary').fill('家庭人口数由2人更正为3人');
    await press(page, '登记更正后的版本');
    await press(page, '拟定答复');
    await expect(page.getByText('家庭人口数由2人更正为3人').count()).resolves.toBeGreaterThan(0);
    await press(page, '提交保密审查');
    const reviewPath = (await page.locator('#letter a[href^="/staff/reviews/"]').getAttribute('href'))!;
    await signReview(page, baseUrl, reviewPath);
    await signInAs(page, baseUrl, 'clerk', 'demo-clerk', casePath);
    await press(page, '保密审查通过');
    await press(page, '送达答复');
    await expect(page.getByText('已答复').count()).resolves.toBeGreaterThan(0);

    // The applicant reads the answer with the tracking number and the access code.
    const applicant = await portal.context.newPage();
    await applicant.goto(`${baseUrl}/corrections/track`);
    await applicant.getByLabel('申请编号').fill(tn);
    await applicant.getByLabel('查询码').fill(code);
    await applicant.getByRole('button', { name: '查询' }).click();
    const answer = (await applicant.locator('#correction-answer').textContent())!;
    expect(answer).toContain('家庭人口数由2人更正为3人');
    expect(answer).toContain('申请行政复议');
    expect(answer).toContain('提起行政诉讼');
    await expect(applicant.getByText('予以更正').count()).resolves.toBeGreaterThan(0);

    // The public item shows the corrected version, with the earlier one in its revision history.
    await applicant.goto(`${baseUrl}/items/${itemId}`);
    await expect(applicant.getByText('家庭人口3人').count()).resolves.toBeGreaterThan(0);
  });
  it('the public forms and pages, and the staff case pages, have no serious accessibility violations', async () => {
    const page = await portal.context.newPage();
    await bypassCsp(page);
    const report: string[] = [];
    const scan = async (label: string) => {
      for (const v of await seriousViolations(page)) report.push(`${label}: ${v.id}: ${v.help}`);
    };
    for (const path of ['/clarifications', '/clarifications/report', '/corrections/request', '/corrections/track']) {
      const res = await page.goto(`${portal.baseUrl}${path}`);
      expect(res?.status(), path).toBe(200);
      await scan(path);
    }
    // A form shown again with its error summary.
    await page.goto(`${portal.baseUrl}/clarifications/report`);
    await page.getByRole('button', { name: '提交' }).click();
    await scan('report with errors');
    for (const path of ['/staff/clarifications', '/staff/corrections']) {
      await signInAs(page, portal.baseUrl, 'clerk', 'demo-clerk', path);
      await scan(path);
      const first = page.locator('table a[href^="/staff/"]').first();
      if ((await first.count()) > 0) {
        await first.click();
        await scan(`${path}/:id`);
      }
    }
    expect(report).toEqual([]);
  });
});
