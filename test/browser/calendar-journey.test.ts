import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate, shippedWorkingCalendar } from '#domain/calendar';
import { bypassCsp, seriousViolations, signInAs, startPortal } from '#support/browser';

/** The working-day calendar in a real browser: the public calculator without JavaScript, and an administrator's local adjustment. */
describe('calendar journey', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('counts working days over the National Day holiday and says why that day', async () => {
    const page = await portal.context.newPage();
    await page.goto(`${portal.baseUrl}/calendar/2026`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('2026年');
    await page.getByLabel('起算日期').fill('2026-09-30');
    await page.getByLabel('工作日数').fill('5');
    await page.getByRole('button', { name: '计算截止日期' }).click();
    const due = shippedWorkingCalendar().addWorkingDays(isoDate('2026-09-30'), 5).due;
    await expect(page.locator('.calc__due time').nth(1).getAttribute('datetime')).resolves.toBe(due);
    await expect(page.getByText('为什么是这一天').count()).resolves.toBeGreaterThan(0);
  });

  it('lets an administrator record a local adjustment, which the public calendar then shows', async () => {
    const page = await portal.context.newPage();
    await bypassCsp(page);
    await signInAs(page, portal.baseUrl, 'admin', 'demo-admin', '/staff/calendar');
    await page.getByLabel('年度').fill('2026');
    await page.getByLabel('范围').selectOption('local');
    await page.getByLabel('地区').fill('广西壮族自治区');
    await page.getByLabel('文件标题').fill('广西壮族自治区人民政府办公厅关于2026年“壮族三月三”放假的通知');
    await page.getByLabel('放假安排').fill('壮族三月三 2026-04-20 2026-04-21');
    await page.getByRole('button', { name: '保存安排' }).click();
    await page.waitForURL(/saved=1/);
    await expect(page.getByText('节假日安排已保存').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('生效中').count()).resolves.toBeGreaterThan(0);
    expect((await seriousViolations(page)).map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.goto(`${portal.baseUrl}/calendar/2026`);
    await expect(page.getByText('壮族三月三').count()).resolves.toBeGreaterThan(0);
  });
});
