import { describe, expect, it } from 'vitest';
import { findRawHtml, isSafeUrl, markdownToPlainText, renderMarkdown } from '#adapters/markdown';

describe('renderMarkdown', () => {
  it('renders headings (shifted below the page title), lists and tables', () => {
    const html = renderMarkdown('# 一、总则\n\n- 第一条\n- 第二条\n\n| 项目 | 金额 |\n|---|---|\n| 预算 | 100 |');
    expect(html).toContain('<h2>一、总则</h2>');
    expect(html).toContain('<li>第一条</li>');
    expect(html).toContain('<td>预算</td>');
    expect(renderMarkdown('# 标题', { headingOffset: 0 })).toContain('<h1>');
  });

  it('never passes raw HTML or scripts through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n正文<img src=x onerror=alert(1)><iframe src="https://evil"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    '&#106;avascript:alert(1)',
    'vbscript:x',
    'data:text/html;base64,PHNjcmlwdD4=',
    '//evil.example/x',
    'file:///etc/passwd',
  ])('drops the link %s', (href) => {
    const html = renderMarkdown(`[点击](${href}) ![图](${href})`);
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('<img');
    expect(html.toLowerCase()).not.toMatch(/href="(javascript|vbscript|data|file)/);
  });

  it('keeps http, https, mailto and relative links; external links get rel', () => {
    const html = renderMarkdown('[a](https://www.gov.cn/) [b](http://example.gov.cn) [c](mailto:xxgk@example.gov.cn) [d](/xxgk/items/1) [e](../guide#apply) ![图](/files/a.png)');
    expect(html).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer">a</a>');
    expect(html).toContain('href="mailto:xxgk@example.gov.cn"');
    expect(html).toContain('<a href="/xxgk/items/1">d</a>');
    expect(html).toContain('href="../guide#apply"');
    expect(html).toContain('<img src="/files/a.png" alt="图">');
    expect(isSafeUrl('items/1?a=b:c')).toBe(true);
    expect(isSafeUrl('a:b/c')).toBe(false);
  });
});

describe('markdownToPlainText', () => {
  it('extracts what a reader sees, for search and secrecy scanning', () => {
    const src = '## 一、总体情况\n\n收入**100万元**，见[附件](https://example.gov.cn/a.pdf)。\n\n| 项目 | 金额 |\n|---|---|\n| 预算 | 100 |\n\n- 甲\n- 乙';
    const text = markdownToPlainText(src);
    expect(text).toBe('一、总体情况\n收入100万元，见附件。\n项目\t金额\n预算\t100\n甲\n乙');
    expect(markdownToPlainText(src, { includeUrls: true })).toContain('附件 (https://example.gov.cn/a.pdf)');
    expect(markdownToPlainText('<b>内部</b>事项')).toContain('<b>内部</b>');
  });

  it('lists raw HTML for a warning on the staff form', () => {
    expect(findRawHtml('正文<span style="color:red">红</span>\n\n<div>块</div>')).toEqual(['<span style="color:red">', '</span>', '<div>块</div>']);
    expect(findRawHtml('纯文本')).toEqual([]);
  });
});
