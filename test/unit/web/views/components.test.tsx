import { describe, expect, it } from 'vitest';
import { CsrfField } from '#web/views/components/CsrfField';
import { DataTable } from '#web/views/components/DataTable';
import { DeadlineChip } from '#web/views/components/DeadlineChip';
import { ErrorSummary } from '#web/views/components/ErrorSummary';
import { FormField } from '#web/views/components/FormField';
import { MetaTable } from '#web/views/components/MetaTable';
import { Notice } from '#web/views/components/Notice';
import { Pagination } from '#web/views/components/Pagination';
import { StatusBadge } from '#web/views/components/StatusBadge';
import { renderFragment } from '#web/views/render';
import { inlineStyleOrScript, tagWithId } from './fixtures';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('DeadlineChip', () => {
  it.each([
    ['normal', 12, '2026-03-16（剩余 12 个工作日）', null],
    ['soon', 2, '即将到期2026-03-16（剩余 2 个工作日）', '即将到期'],
    ['today', 0, '今日到期2026-03-16（今日为最后一个工作日）', '今日到期'],
    ['overdue', -3, '已超期2026-03-16（已超期 3 个工作日）', '已超期'],
  ] as const)('urgency %s with %i days left reads "%s"', (urgency, days, expected, flag) => {
    const html = renderFragment(<DeadlineChip dueDate="2026-03-16" workingDaysLeft={days} urgency={urgency} />);

    expect(text(html)).toBe(expected);
    expect(html).toContain(`class="deadline deadline--${urgency}"`);
    expect(html).toContain('<time datetime="2026-03-16">2026-03-16</time>');
    if (flag) expect(html).toContain(`<span class="deadline__flag">${flag}</span>`);
    else expect(html).not.toContain('deadline__flag');
    expect(html).not.toContain('暂定');
  });

  it.each([
    ['today', 3, '今日到期2026年3月8日 17:00前（剩余 3 小时）'],
    ['soon', 0, '即将到期2026年3月8日 17:00前（剩余不足 1 小时）'],
    ['overdue', -2, '已超期2026年3月8日 17:00前（已超期 2 小时）'],
    ['overdue', 0, '已超期2026年3月8日 17:00前（已超期）'],
  ] as const)('a deadline counted in hours (%s, %i hours) shows the Beijing date and time: "%s"', (urgency, hoursLeft, expected) => {
    const html = renderFragment(<DeadlineChip dueDate="2026-03-08" dueAt="2026-03-08T09:00:00.000Z" hoursLeft={hoursLeft} workingDaysLeft={-1} urgency={urgency} />);

    expect(text(html)).toBe(expected);
    expect(html).toContain('<time datetime="2026-03-08T09:00:00.000Z">2026年3月8日 17:00前</time>');
  });

  it('adds a visible 暂定 marker with an explanation when provisional', () => {
    const html = renderFragment(<DeadlineChip dueDate="2027-01-21" workingDaysLeft={14} urgency="normal" provisional />);

    expect(text(html)).toMatch(/^2027-01-21（剩余 14 个工作日）暂定：/);
    expect(html).toMatch(/<span class="deadline__provisional" title="[^"]*暂按周一至周五计算[^"]*">暂定/);
  });
});

describe('FormField', () => {
  it('ties the label, hint and error to the control', () => {
    const html = renderFragment(<FormField name="title" label="文档标题" hint="例如：通知" error="请输入文档标题" required value="旧值" />);

    expect(html).toContain('<label class="field__label" for="field-title">文档标题<span class="field__required">（必填）</span></label>');
    const input = tagWithId(html, 'field-title');
    expect(input).toContain('aria-describedby="field-title-hint field-title-error"');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('required=""');
    expect(input).toContain('value="旧值"');
    expect(tagWithId(html, 'field-title-error')).toMatch(/^<p class="field__error"/);
    expect(html).toContain('请输入文档标题');
    expect(html).toContain('class="field field--error"');
  });

  it('has no aria-invalid or describedby when there is neither hint nor error', () => {
    const html = renderFragment(<FormField name="q" label="关键词" />);
    const input = tagWithId(html, 'field-q');

    expect(input).not.toContain('aria-invalid');
    expect(input).not.toContain('aria-describedby');
    expect(html).toContain('（选填）');
  });

  it('never echoes a password or file value', () => {
    expect(renderFragment(<FormField name="password" label="密码" type="password" value="secret" />)).not.toContain('secret');
    expect(renderFragment(<FormField name="file" label="文件" type="file" value="C:\\x.pdf" accept=".pdf" />)).toContain('accept=".pdf"');
  });

  it('renders textarea and select keeping the submitted value', () => {
    const area = renderFragment(<FormField as="textarea" name="desc" label="内容描述" value={'a<b'} error="太短" />);
    expect(area).toMatch(/<textarea[^>]*id="field-desc"[^>]*>a&lt;b<\/textarea>/);
    expect(tagWithId(area, 'field-desc')).toContain('aria-describedby="field-desc-error"');

    const select = renderFragment(
      <FormField
        as="select"
        name="way"
        label="获取方式"
        placeholderOption="请选择"
        value="email"
        options={[
          { value: 'post', label: '邮寄' },
          { value: 'email', label: '电子邮件' },
        ]}
      />,
    );
    expect(select).toContain('<option value="email" selected="">电子邮件</option>');
    expect(select).toContain('<option value="post">邮寄</option>');
  });
});

describe('ErrorSummary', () => {
  it('is an alert listing each error as a link to its field, in form order', () => {
    const html = renderFragment(<ErrorSummary errors={{ file: '请选择文件', title: '请输入标题' }} order={['title', 'file']} />);

    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-labelledby="error-summary-title"');
    expect(html.indexOf('#field-title')).toBeLessThan(html.indexOf('#field-file'));
    expect(html).toContain('<a href="#field-title">请输入标题</a>');
  });

  it('renders nothing without errors', () => {
    expect(renderFragment(<ErrorSummary errors={undefined} />)).toBe('');
    expect(renderFragment(<ErrorSummary errors={{}} />)).toBe('');
  });
});

describe('tables', () => {
  it('DataTable has a caption, column headers with scope and an accessible scroll region', () => {
    const html = renderFragment(
      <DataTable
        id="t"
        caption="文档列表"
        rows={[{ a: '甲', b: 1 }]}
        columns={[
          { header: '名称', rowHeader: true, cell: (r) => r.a },
          { header: '数量', numeric: true, cell: (r) => r.b },
        ]}
      />,
    );

    expect(html).toContain('<div class="table-wrap" role="region" aria-labelledby="t-caption" tabindex="0"><table class="data-table data-table--stack" role="table">');
    expect(html).toContain('<caption id="t-caption" class="data-table__caption">文档列表</caption>');
    expect(html).toContain('<th scope="col" role="columnheader">名称</th>');
    expect(html).toContain('<th scope="row" role="rowheader" data-label="名称"><span class="data-table__value">甲</span></th>');
    expect(html).toContain('<td class="data-table__num" role="cell" data-label="数量"><span class="data-table__value">1</span></td>');
  });

  it('DataTable without stack mode is a plain semantic table', () => {
    const html = renderFragment(<DataTable caption="x" stack={false} rows={[{ a: 1 }]} columns={[{ header: 'A', cell: (r) => r.a }]} />);
    expect(html).toContain('<table class="data-table"><caption');
    expect(html).toContain('<td>1</td>');
    expect(html).not.toContain('role="cell"');
  });

  it('DataTable shows the empty state instead of an empty table', () => {
    const html = renderFragment(<DataTable caption="x" rows={[]} columns={[]} empty={<p>暂无</p>} />);
    expect(html).toBe('<div class="empty-state"><p>暂无</p></div>');
  });

  it('MetaTable pairs label/value cells and links each value to its label', () => {
    const html = renderFragment(
      <MetaTable
        rows={[
          { label: '索引号', value: '000014349/2026-00031' },
          { label: '主题分类', value: '综合政务' },
          { label: '标题', value: '关于……的通知', wide: true },
        ]}
      />,
    );

    expect(html).toContain('<caption class="visually-hidden">信息基本情况</caption>');
    expect(html).toContain('<th scope="row" id="meta-k0" class="meta-table__label">索引号</th><td headers="meta-k0" class="meta-table__value">000014349/2026-00031</td>');
    expect(html).toContain('<td headers="meta-k2" colspan="3" class="meta-table__value">关于……的通知</td>');
    expect(html.match(/<tr>/g)).toHaveLength(2);
  });
});

describe('small components', () => {
  it('CsrfField is a hidden _csrf input', () => {
    expect(renderFragment(<CsrfField token={'a"b'} />)).toBe('<input type="hidden" name="_csrf" value="a&quot;b"/>');
  });

  it('Notice states its kind in words', () => {
    const html = renderFragment(
      <Notice kind="warning" title="注意事项">
        <p>正文</p>
      </Notice>,
    );
    expect(html).toContain('<p class="notice__kind">注意</p>');
    expect(html).toContain('notice--warning');
  });

  it('StatusBadge shows its label', () => {
    expect(renderFragment(<StatusBadge label="已答复" tone="success" />)).toBe('<span class="badge badge--success">已答复</span>');
  });

  it('Pagination renders prev/next cursor links only', () => {
    const html = renderFragment(<Pagination nextHref="/proactive?after=abc" />);
    expect(html).toContain('aria-label="分页"');
    expect(html).toContain('<a class="pagination__link" href="/proactive?after=abc" rel="next">下一页 ›</a>');
    expect(html).toContain('pagination__link--disabled">‹ 上一页</span>');
    expect(renderFragment(<Pagination />)).toBe('');
  });

  it('no component output uses inline style or script', () => {
    const all = [
      renderFragment(<DeadlineChip dueDate="2026-03-16" workingDaysLeft={1} urgency="soon" provisional />),
      renderFragment(<FormField name="a" label="A" error="e" hint="h" />),
      renderFragment(<ErrorSummary errors={{ a: 'e' }} />),
      renderFragment(<Notice kind="error">x</Notice>),
    ].join('');
    expect(inlineStyleOrScript(all)).toEqual([]);
  });
});
