/// <reference lib="dom" />
/**
 * Renders every page with realistic sample props to .data/preview/<name>.html, takes full-page
 * screenshots at 1280px and 375px, checks for horizontal scrolling at 360px and runs axe-core.
 *
 *   node --import tsx scripts/preview-pages.tsx [name-filter]
 *
 * Needs Debian's /usr/bin/chromium (playwright-core does not download browsers).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { DeadlineChip } from '#web/views/components/DeadlineChip';
import { MetaTable } from '#web/views/components/MetaTable';
import { Notice } from '#web/views/components/Notice';
import { Pagination } from '#web/views/components/Pagination';
import { StatusBadge } from '#web/views/components/StatusBadge';
import { Layout } from '#web/views/layouts/Layout';
import { CalendarPage, type CalendarDay, type DayKind } from '#web/features/calendar/pages';
import { DocumentsPage, StaffHomePage } from '#web/features/workbench/pages';
import { ErrorPage } from '#web/views/layouts/ErrorPage';
import { HomePage } from '#web/features/portal/pages';
import { LoginPage } from '#web/features/accounts/pages';
import { renderPage } from '#web/views/render';
import type { PageInfo } from '#web/views/page-info';
import type { SiteInfo, StaffInfo } from '#web/views/types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.data/preview');

const site: SiteInfo = {
  agencyName: '某某市人民政府办公室',
  staticPrefix: '.',
  footer: {
    sponsor: '某某市人民政府办公室',
    address: '某某市人民路 1 号市政府大楼',
    phone: '0000-12345678',
    siteCode: '0000000000',
    icp: '某ICP备00000000号',
  },
};

const staff: StaffInfo = { displayName: '张明', roleLabels: ['登记员', '承办人'] };
const csrfToken = 'preview-csrf-token';

// ---- 2026 calendar from the 国务院办公厅 notice (domain.md §2.13) ----
const holidays2026 = [
  { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
  { name: '春节', from: '2026-02-15', to: '2026-02-23' },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
];
const makeup2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

function buildYear(year: number, holidays: typeof holidays2026, makeup: string[]) {
  const months: { month: number; days: CalendarDay[] }[] = [];
  for (let m = 1; m <= 12; m++) {
    const days: CalendarDay[] = [];
    const count = new Date(Date.UTC(year, m, 0)).getUTCDate();
    for (let d = 1; d <= count; d++) {
      const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const wd = new Date(Date.UTC(year, m - 1, d)).getUTCDay();
      const h = holidays.find((x) => iso >= x.from && iso <= x.to);
      let kind: DayKind = wd === 0 || wd === 6 ? 'WEEKEND' : 'WORKDAY';
      if (h) kind = 'HOLIDAY';
      if (makeup.includes(iso)) kind = 'MAKEUP_WORKDAY';
      days.push(h ? { date: iso, kind, holidayName: h.name } : { date: iso, kind });
    }
    months.push({ month: m, days });
  }
  return months;
}

const latestItems = [
  { href: '/proactive/items/2026-00031', title: '某某市人民政府办公室关于印发《某某市2026年政务公开工作要点》的通知', date: '2026-03-12' },
  { href: '/proactive/items/2026-00030', title: '某某市2026年市本级部门预算公开说明', date: '2026-03-06' },
  { href: '/proactive/items/2026-00029', title: '关于调整城乡居民基本医疗保险财政补助标准的通知', date: '2026-02-27' },
  { href: '/proactive/items/2026-00028', title: '某某市人民政府办公室2025年政府信息公开工作年度报告', date: '2026-01-28' },
  { href: '/proactive/items/2026-00027', title: '某某市优化营商环境若干措施（政策解读）', date: '2026-01-20' },
  { href: '/proactive/items/2026-00026', title: '关于公布市级行政许可事项清单（2026年版）的通知', date: '2026-01-09' },
];

const categories = [
  { href: '/proactive/c/jgzn', name: '机构职能', count: 12 },
  { href: '/proactive/c/zcwj', name: '政策文件', count: 286 },
  { href: '/proactive/c/zcjd', name: '政策解读', count: 94 },
  { href: '/proactive/c/ghxx', name: '规划信息', count: 17 },
  { href: '/proactive/c/czzj', name: '财政资金', count: 45 },
  { href: '/proactive/c/rsxx', name: '人事信息', count: 38 },
  { href: '/proactive/c/jytabl', name: '建议提案办理', count: 61 },
];

const documents = [
  {
    id: 'doc-1',
    title: '关于某某路段道路改造工程的政府信息公开申请答复书',
    fileName: '答复书-2026-0012.pdf',
    sizeBytes: 248_113,
    contentType: 'application/pdf',
    uploadedAt: '2026-03-10T14:22:00+08:00',
    uploadedBy: '张明',
    downloadHref: '/staff/documents/doc-1/download',
  },
  {
    id: 'doc-2',
    title: '2026年第一季度政务公开工作情况报告（送审稿）',
    fileName: '2026Q1-zwgk-report.docx',
    sizeBytes: 1_532_004,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    uploadedAt: '2026-03-08T09:05:00+08:00',
    uploadedBy: '李华',
    downloadHref: '/staff/documents/doc-2/download',
  },
  {
    id: 'doc-3',
    title: '征求第三方意见告知书（样本）',
    fileName: 'third-party-consultation-notice.ofd',
    sizeBytes: 96_520,
    contentType: 'application/ofd',
    uploadedAt: '2026-02-26T16:40:00+08:00',
    uploadedBy: '王芳',
    downloadHref: '/staff/documents/doc-3/download',
  },
];

const upload = {
  action: '/staff/documents',
  fields: {},
  maxBytes: 20 * 1024 * 1024,
  accept: '.pdf,.docx,.ofd',
};

function ComponentsPage() {
  return (
    <Layout title="组件示例" breadcrumbs={[{ href: '/', label: '首页' }, { label: '组件示例' }]}>
      <h1 class="page-title">组件示例</h1>
      <section class="section" aria-labelledby="s-meta">
        <h2 class="section__title" id="s-meta">
          信息元数据（MetaTable）
        </h2>
        <MetaTable
          rows={[
            { label: '索引号', value: '000014349/2026-00031' },
            { label: '主题分类', value: '综合政务\\政务公开' },
            { label: '发文机关', value: '某某市人民政府办公室' },
            { label: '成文日期', value: '2026年03月10日' },
            { label: '标题', value: '某某市人民政府办公室关于印发《某某市2026年政务公开工作要点》的通知', wide: true },
            { label: '发文字号', value: '某政办发〔2026〕5号' },
            { label: '发布日期', value: '2026年03月12日' },
          ]}
        />
      </section>
      <section class="section" aria-labelledby="s-deadline">
        <h2 class="section__title" id="s-deadline">
          答复期限（DeadlineChip）
        </h2>
        <ul>
          <li>
            <DeadlineChip dueDate="2026-03-16" workingDaysLeft={12} urgency="normal" />
          </li>
          <li>
            <DeadlineChip dueDate="2026-03-16" workingDaysLeft={2} urgency="soon" />
          </li>
          <li>
            <DeadlineChip dueDate="2026-03-16" workingDaysLeft={0} urgency="today" />
          </li>
          <li>
            <DeadlineChip dueDate="2026-03-16" workingDaysLeft={-3} urgency="overdue" />
          </li>
          <li>
            <DeadlineChip dueDate="2027-01-21" workingDaysLeft={14} urgency="normal" provisional />
          </li>
        </ul>
      </section>
      <section class="section" aria-labelledby="s-badge">
        <h2 class="section__title" id="s-badge">
          状态（StatusBadge）
        </h2>
        <p>
          <StatusBadge label="待登记" /> <StatusBadge label="办理中" tone="info" /> <StatusBadge label="已答复" tone="success" /> <StatusBadge label="待补正" tone="warning" />{' '}
          <StatusBadge label="已超期" tone="danger" />
        </p>
      </section>
      <section class="section" aria-labelledby="s-notice">
        <h2 class="section__title" id="s-notice">
          提示框（Notice）
        </h2>
        <Notice kind="info">
          <p>申请提交后，系统将生成查询码，请妥善保存。</p>
        </Notice>
        <Notice kind="success" title="提交成功">
          <p>您的申请已提交，受理编号 YSQ-2026-00012。</p>
        </Notice>
        <Notice kind="warning">
          <p>该期限涉及尚未发布节假日安排的年度，为暂定期限。</p>
        </Notice>
        <Notice kind="error">
          <p>文件上传失败，请稍后重试。</p>
        </Notice>
      </section>
      <Pagination prevHref="/proactive?before=abc" nextHref="/proactive?after=def" />
    </Layout>
  );
}

const pages: Record<string, [() => JSX.Element, PageInfo]> = {
  home: [() => <HomePage latestItems={latestItems} categories={categories} staffLoginHref="/login" />, { site, csrfToken, localMode: false }],
  'home-empty': [() => <HomePage latestItems={[]} categories={[]} staffLoginHref="/login" />, { site, csrfToken, localMode: true }],
  login: [
    () => (
      <LoginPage
        next="/staff"
        error="用户名或密码不正确，请重新输入。"
        values={{ username: 'registrar' }}
        demoAccounts={[
          { username: 'registrar', roleLabel: '登记员', password: 'demo-registrar' },
          { username: 'handler', roleLabel: '承办人', password: 'demo-handler' },
          { username: 'reviewer', roleLabel: '保密审查员', password: 'demo-reviewer' },
          { username: 'approver', roleLabel: '审批负责人', password: 'demo-approver' },
        ]}
      />
    ),
    { site, csrfToken, localMode: false },
  ],
  'staff-home': [
    () => (
      <StaffHomePage
        staff={staff}
        cards={[
          { href: '/staff/requests?state=received', title: '待登记申请', count: 3, description: '核对申请人身份和申请内容，完成登记或告知补正。' },
          { href: '/staff/requests?mine=1', title: '我承办的申请', count: 7, description: '查看办理进度和答复期限，起草答复书。' },
          { href: '/staff/reviews', title: '保密审查', count: 0, description: '对拟公开的信息进行保密审查并记录审查意见。' },
          { href: '/staff/documents', title: '文档管理', description: '上传和下载答复书、告知书等办理文书。' },
        ]}
      />
    ),
    { site, staff, csrfToken, localMode: true },
  ],
  documents: [() => <DocumentsPage documents={documents} upload={upload} flash="文档“征求第三方意见告知书（样本）”已上传。" />, { site, staff, csrfToken, localMode: false }],
  'documents-errors': [
    () => <DocumentsPage documents={[]} upload={upload} values={{ title: '' }} errors={{ title: '请输入文档标题', file: '请选择要上传的文件（PDF、Word（.docx）或 OFD 格式）' }} />,
    { site, staff, csrfToken, localMode: false },
  ],
  calendar: [
    () => (
      <CalendarPage
        year={2026}
        covered
        months={buildYear(2026, holidays2026, makeup2026)}
        holidays={holidays2026}
        makeupDays={makeup2026}
        prevYearHref="/calendar/2025"
        nextYearHref="/calendar/2027"
      />
    ),
    { site, csrfToken, localMode: false },
  ],
  'calendar-uncovered': [
    () => <CalendarPage year={2027} covered={false} months={buildYear(2027, [], [])} holidays={[]} makeupDays={[]} prevYearHref="/calendar/2026" />,
    { site, csrfToken, localMode: false },
  ],
  'error-404': [() => <ErrorPage status={404} requestId="req-7f3a9c2e" />, { site, csrfToken, localMode: false }],
  'error-409': [() => <ErrorPage status={409} requestId="req-1b2c3d4e" />, { site, staff, csrfToken, localMode: false }],
  'error-500': [() => <ErrorPage status={500} requestId="req-5e6f7a8b" />, { site, csrfToken, localMode: false }],
  components: [() => <ComponentsPage />, { site, csrfToken, localMode: false }],
};

async function main() {
  const filter = process.argv[2];
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(root, 'web/static/site.css'), join(outDir, 'site.css'));
  copyFileSync(join(root, 'web/static/favicon.svg'), join(outDir, 'favicon.svg'));

  const names = Object.keys(pages).filter((n) => !filter || n.includes(filter));
  for (const name of names) {
    const [page, info] = pages[name]!;
    const html = renderPage(page(), info);
    if (/\sstyle=|<style|<script/i.test(html)) throw new Error(`${name}: inline style/script found`);
    writeFileSync(join(outDir, `${name}.html`), html);
  }

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN' },
  });
  const axePath = join(root, 'node_modules/axe-core/axe.min.js');
  let seriousTotal = 0;
  try {
    for (const name of names) {
      const url = pathToFileURL(join(outDir, `${name}.html`)).href;
      const summary: string[] = [];
      for (const width of [1280, 375, 360]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN' });
        const page = await context.newPage();
        await page.goto(url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) summary.push(`HSCROLL@${width}: ${overflow}px`);
        if (width !== 360) {
          await page.screenshot({ path: join(outDir, `${name}-${width}.png`), fullPage: true });
          if (width === 375) {
            // Phone-sized slices of the full page, easier to inspect than one very tall image.
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            mkdirSync(join(outDir, 'slices'), { recursive: true });
            for (let y = 0, i = 1; y < height; y += 1100, i++) {
              await page.screenshot({ path: join(outDir, 'slices', `${name}-375-${i}.png`), fullPage: true, clip: { x: 0, y, width: 375, height: Math.min(1100, height - y) } });
            }
          }
          await page.addScriptTag({ path: axePath });
          const result = (await page.evaluate(async () => {
            const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
            return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
          })) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
          const counts: Record<string, number> = {};
          for (const v of result.violations) counts[v.impact] = (counts[v.impact] ?? 0) + 1;
          summary.push(`axe@${width} ${JSON.stringify(counts)}`);
          for (const v of result.violations) {
            if (v.impact === 'serious' || v.impact === 'critical') seriousTotal += 1;
            console.log(
              `  [${v.impact}] ${v.id}: ${v.help} — ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
            );
          }
        }
        if (width === 1280 && name === 'home') {
          // Keyboard focus: the skip link (1st Tab) and a main-navigation link (3rd Tab).
          await page.keyboard.press('Tab');
          await page.screenshot({ path: join(outDir, `${name}-focus-skip.png`), clip: { x: 0, y: 0, width: 1280, height: 200 } });
          await page.keyboard.press('Tab');
          await page.keyboard.press('Tab');
          await page.screenshot({ path: join(outDir, `${name}-focus-nav.png`), clip: { x: 0, y: 0, width: 1280, height: 200 } });
        }
        if (width === 1280 && (name === 'home' || name === 'documents' || name === 'calendar')) {
          await page.emulateMedia({ media: 'print' });
          await page.screenshot({ path: join(outDir, `${name}-print.png`), fullPage: true });
        }
        await context.close();
      }
      console.log(`${name}: ${summary.join(' | ')}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`serious/critical axe violations: ${seriousTotal}`);
  console.log(`output: ${outDir}`);
  if (seriousTotal > 0) process.exitCode = 1;
}

await main();
