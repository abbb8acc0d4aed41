import { describe, expect, it } from 'vitest';
import { CalendarPage, NOT_COVERED_TEXT } from '#web/features/calendar/pages';
import { DocumentsPage, StaffHomePage } from '#web/features/workbench/pages';
import { ERROR_TEXT, ErrorPage, type ErrorStatus } from '#web/views/layouts/ErrorPage';
import { HomePage } from '#web/features/portal/pages';
import { LoginPage } from '#web/features/accounts/pages';
import { DOCTYPE, renderPage } from '#web/views/render';
import { inlineStyleOrScript, site, staff, tagWithId } from './fixtures';

function expectFullPage(html: string) {
  expect(html.startsWith(`${DOCTYPE}<html lang="zh-CN">`)).toBe(true);
  expect(html).toContain('跳到主要内容');
  expect(html).toMatch(/<main id="main-content"/);
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  expect(inlineStyleOrScript(html)).toEqual([]);
}

const january = {
  month: 1,
  days: [
    { date: '2026-01-01', kind: 'HOLIDAY' as const, holidayName: '元旦' },
    { date: '2026-01-02', kind: 'HOLIDAY' as const, holidayName: '元旦' },
    { date: '2026-01-03', kind: 'HOLIDAY' as const, holidayName: '元旦' },
    { date: '2026-01-04', kind: 'MAKEUP_WORKDAY' as const },
    { date: '2026-01-05', kind: 'WORKDAY' as const },
  ],
};

describe('pages', () => {
  it('HomePage lists latest items and categories and links to every public entry point', () => {
    const html = renderPage(
      <HomePage
        latestItems={[{ href: '/proactive/items/1', title: '关于印发政务公开工作要点的通知', date: '2026-03-12' }]}
        categories={[{ href: '/proactive/c/zcwj', name: '政策文件', count: 286 }]}
        staffLoginHref="/login"
      />,
      { site: site, csrfToken: '', localMode: false },
    );

    expectFullPage(html);
    expect(html).toContain('关于印发政务公开工作要点的通知');
    expect(html).toContain('<time class="item-list__date" datetime="2026-03-12">2026-03-12</time>');
    expect(html).toContain('政策文件');
    for (const href of ['/apply', '/track', '/guide', '/reports', '/clarifications', '/login']) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('20 个工作日');
    expect(html).not.toContain('暂无主动公开信息');
  });

  it('HomePage shows a graceful empty state', () => {
    const html = renderPage(<HomePage latestItems={[]} categories={[]} staffLoginHref="/login" />, { site: site, csrfToken: '', localMode: true });

    expect(html).toContain('暂无主动公开信息');
    expect(html).toContain('本地演示环境');
  });

  it.each([400, 401, 403, 404, 409, 413, 429, 500] as ErrorStatus[])('ErrorPage %i has a friendly title and a way home', (status) => {
    const html = renderPage(<ErrorPage status={status} requestId="req-1" />, { site: site, csrfToken: '', localMode: false });

    expectFullPage(html);
    expect(html).toContain(`<h1 class="page-title error-page__title">${ERROR_TEXT[status].title}</h1>`);
    expect(html).toContain('href="/"');
    expect(html).toContain('错误编号：<code class="error-page__id">req-1</code>');
  });

  it('ErrorPage uses the specified Chinese titles', () => {
    expect(ERROR_TEXT[404].title).toBe('页面不存在');
    expect(ERROR_TEXT[409].title).toBe('操作冲突：该记录已被他人修改，请刷新后重试');
    expect(ERROR_TEXT[429].title).toBe('操作过于频繁');
    expect(ERROR_TEXT[500].title).toBe('系统暂时无法处理您的请求');
  });

  it('LoginPage posts username/password with csrf and next, and lists demo accounts', () => {
    const html = renderPage(
      <LoginPage next="/staff/documents" error="用户名或密码不正确" values={{ username: 'registrar' }} demoAccounts={[{ username: 'registrar', roleLabel: '登记员', password: 'demo-pass' }]} />,
      { site: site, csrfToken: 'tok', localMode: false },
    );

    expectFullPage(html);
    expect(html).toContain('<form class="form" method="post" action="/login" novalidate="">');
    expect(html).toContain('<input type="hidden" name="_csrf" value="tok"/>');
    expect(html).toContain('<input type="hidden" name="next" value="/staff/documents"/>');
    expect(tagWithId(html, 'field-username')).toContain('value="registrar"');
    expect(tagWithId(html, 'field-password')).toContain('type="password"');
    expect(tagWithId(html, 'field-password')).not.toContain('value=');
    expect(html).toContain('<label class="field__label" for="field-password">');
    expect(html).toContain('本地演示登录（仅用于本地开发环境，生产环境使用统一身份认证）');
    expect(html).toContain('用户名或密码不正确');
    expect(html).toContain('demo-pass');
  });

  it('StaffHomePage shows cards and the staff header', () => {
    const html = renderPage(<StaffHomePage staff={staff} cards={[{ href: '/staff/requests', title: '待登记申请', count: 3, description: '核对后登记' }]} />, {
      site: site,
      staff: staff,
      csrfToken: 'tok',
      localMode: false,
    });

    expectFullPage(html);
    expect(html).toContain('退出登录');
    expect(html).toContain('<a class="task-card" href="/staff/requests">');
    expect(html).toContain('<span class="task-card__number">3</span>');
  });

  it('DocumentsPage renders the table and a multipart upload form with errors tied to fields', () => {
    const html = renderPage(
      <DocumentsPage
        documents={[
          {
            id: 'd1',
            title: '答复书',
            fileName: 'reply.pdf',
            sizeBytes: 248_113,
            contentType: 'application/pdf',
            uploadedAt: '2026-03-10T14:22:00+08:00',
            uploadedBy: '张明',
            downloadHref: '/staff/documents/d1/download',
          },
        ]}
        upload={{ action: '/staff/documents', fields: { intent: 'upload' }, maxBytes: 20 * 1024 * 1024, accept: '.pdf,.docx,.ofd' }}
        values={{ title: '草稿' }}
        errors={{ file: '请选择要上传的文件' }}
      />,
      { site: site, staff: staff, csrfToken: 'tok', localMode: false },
    );

    expectFullPage(html);
    expect(html).toContain('<th scope="row" role="rowheader" data-label="标题"><span class="data-table__value">答复书</span></th>');
    expect(html).toContain('href="/staff/documents/d1/download"');
    expect(html).toContain('PDF · 242 KB');
    expect(html).toContain('2026-03-10 14:22');
    expect(html).toContain('<form class="form" method="post" action="/staff/documents" enctype="multipart/form-data" novalidate="">');
    expect(html).toContain('<input type="hidden" name="_csrf" value="tok"/>');
    expect(html).toContain('<input type="hidden" name="intent" value="upload"/>');
    expect(html).toContain('支持 PDF、Word（.docx）、OFD 格式，单个文件不超过 20 MB。');
    expect(tagWithId(html, 'field-file')).toContain('aria-describedby="field-file-hint field-file-error"');
    expect(tagWithId(html, 'field-title')).toContain('value="草稿"');
    expect(html).toContain('<a href="#field-file">请选择要上传的文件</a>');
    expect(html).toContain('<a class="main-nav__link" href="/staff/documents" aria-current="page">文档管理</a>');
  });

  it('DocumentsPage without upload permission explains why there is no form', () => {
    const html = renderPage(<DocumentsPage documents={[]} upload={null} />, { site: site, staff: staff, csrfToken: 'tok', localMode: false });

    expect(html).not.toContain('enctype="multipart/form-data"');
    expect(html).toContain('暂无文档');
  });

  it('CalendarPage draws Monday-first month tables with text marks for holidays and make-up days', () => {
    const html = renderPage(<CalendarPage year={2026} covered months={[january]} holidays={[{ name: '元旦', from: '2026-01-01', to: '2026-01-03' }]} makeupDays={['2026-01-04']} />, {
      site: site,
      csrfToken: '',
      localMode: false,
    });

    expectFullPage(html);
    expect(html).toContain('<caption class="cal__caption" id="month-2026-1">2026年1月</caption>');
    expect(html).toContain('<th scope="col" class="cal__wd"><abbr title="星期一">一</abbr></th>');
    // 2026-01-01 is a Thursday: three blank cells precede it.
    expect(html).toMatch(/<tr>(<td class="cal__day cal__day--blank"><\/td>){3}<td class="cal__day cal__day--holiday"/);
    expect(html).toContain('（元旦，法定节假日休息）');
    expect(html).toContain('（调休上班日）');
    expect(html).toContain('1月4日</time>（星期日）上班');
    expect(html).toContain('1月1日</time>至<time datetime="2026-01-03">1月3日</time>');
    expect(html).toContain('3 天');
    expect(html).not.toContain(NOT_COVERED_TEXT);
    for (const rule of ['第二天起算', '补正重新计算', '征求意见期间不计算', '延长须经批准', '调休上班日计入工作日']) {
      expect(html).toContain(rule);
    }
  });

  it('CalendarPage warns when the year is not covered', () => {
    const html = renderPage(<CalendarPage year={2027} covered={false} months={[]} holidays={[]} makeupDays={[]} prevYearHref="/calendar/2026" />, { site: site, csrfToken: '', localMode: false });

    expect(html).toContain('该年度节假日安排尚未发布，涉及该年度的期限按周一至周五暂定计算，安排发布后自动重新计算');
    expect(html).toContain('href="/calendar/2026"');
  });
});
