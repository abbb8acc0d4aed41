import { describe, expect, it } from 'vitest';
import { Layout } from '#web/views/layouts/Layout';
import { DOCTYPE, renderFragment, renderPage } from '#web/views/render';
import { inlineStyleOrScript, site, staff } from './fixtures';

describe('Layout', () => {
  it('emits a complete zh-CN document with doctype, skip link and landmarks', () => {
    // Given / When
    const html = renderPage(
      <Layout title="首页" section="home">
        <p>内容</p>
      </Layout>,
      { site: site, csrfToken: '', localMode: false },
    );

    // Then
    expect(html.startsWith(`${DOCTYPE}<html lang="zh-CN">`)).toBe(true);
    expect(html).toContain('<meta charset="utf-8"/>');
    expect(html).toContain('name="viewport"');
    expect(html).toContain('<title>首页 - 某某市人民政府办公室政府信息公开</title>');
    expect(html).toMatch(/<a class="skip-link" href="#main-content">跳到主要内容<\/a>/);
    expect(html.indexOf('skip-link')).toBeLessThan(html.indexOf('<header'));
    expect(html).toMatch(/<header[\s>]/);
    expect(html).toMatch(/<nav class="main-nav" aria-label="主导航">/);
    expect(html).toMatch(/<main id="main-content"[^>]*tabindex="-1"/);
    expect(html).toMatch(/<footer[\s>]/);
    expect(html).toContain('href="/static/site.css"');
    expect(inlineStyleOrScript(html)).toEqual([]);
  });

  it('lists the five public sections and marks the current one', () => {
    const html = renderPage(<Layout title="依申请公开" section="apply" />, { site: site, csrfToken: '', localMode: false });

    for (const label of ['首页', '主动公开', '依申请公开', '政府信息公开指南', '政府信息公开年报']) {
      expect(html).toContain(`>${label}</a>`);
    }
    expect(html).toContain('<a class="main-nav__link" href="/apply" aria-current="page">依申请公开</a>');
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
  });

  it('renders the footer identifiers from props', () => {
    const html = renderPage(<Layout title="首页" staffLoginHref="/login" />, { site: site, csrfToken: '', localMode: false });

    expect(html).toContain('主办单位：某某市人民政府办公室');
    expect(html).toContain('网站标识码：0000000000');
    expect(html).toContain('某ICP备00000000号');
    expect(html).toContain('<meta name="SiteIDCode" content="0000000000"/>');
    expect(html).toContain('<a href="/login">工作人员入口</a>');
  });

  it('shows the local demo banner only in local mode', () => {
    expect(renderPage(<Layout title="x" />, { site: site, csrfToken: '', localMode: true })).toContain('本地演示环境');
    expect(renderPage(<Layout title="x" />, { site: site, csrfToken: '', localMode: false })).not.toContain('本地演示环境');
  });

  it('renders the staff header with a CSRF-protected logout form and noindex', () => {
    const html = renderPage(<Layout title="工作台" section="staff" navHref="/staff" />, { site: site, staff: staff, csrfToken: 'tok-123', localMode: false });

    expect(html).toMatch(/<form class="staff-bar__logout" method="post" action="\/logout"><input type="hidden" name="_csrf" value="tok-123"\/>/);
    expect(html).toContain('退出登录');
    expect(html).toContain('张明');
    expect(html).toContain('登记员、承办人');
    expect(html).toContain('aria-label="工作台导航"');
    expect(html).toContain('<a class="main-nav__link" href="/staff" aria-current="page">工作台</a>');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).not.toContain('工作人员入口');
  });

  it('renders breadcrumbs with the last item as the current page', () => {
    const html = renderPage(<Layout title="文档" breadcrumbs={[{ href: '/', label: '首页' }, { href: '/apply', label: '依申请公开' }, { label: '工作日日历' }]} />, {
      site: site,
      csrfToken: '',
      localMode: false,
    });

    expect(html).toContain('<nav class="breadcrumbs" aria-label="当前位置">');
    expect(html).toContain('<a href="/apply">依申请公开</a>');
    expect(html).toContain('<span aria-current="page">工作日日历</span>');
  });

  it('escapes text from props', () => {
    const html = renderPage(<Layout title={'<img src=x onerror=alert(1)>'} />, { site: { agencyName: '"><script>' }, csrfToken: '', localMode: false });

    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(inlineStyleOrScript(html)).toEqual([]);
  });

  it('honours staticPrefix for previews', () => {
    const html = renderPage(<Layout title="x" />, { site: { ...site, staticPrefix: '.' }, csrfToken: '', localMode: false });
    expect(html).toContain('href="./site.css"');
  });

  it('renderPage refuses fragments without the layout', () => {
    expect(() => renderPage(<p>hi</p>)).toThrow(/Layout/);
    expect(renderFragment(<p>hi</p>)).toBe('<p>hi</p>');
  });
});
