import { raw } from 'hono/html';
import { Layout } from '../../layouts/Layout';
import { Pagination } from '../../components/Pagination';

export interface SearchHitView {
  href: string;
  /** Escaped HTML with <mark>. */
  titleHtml: string;
  snippetHtml: string;
  meta: string;
  validityLabel?: string;
}

export interface SearchPageProps {
  query: string;
  categories: { value: string; label: string }[];
  filters: { category?: string; year?: string; validity?: string; sort: 'relevance' | 'date' };
  searched: boolean;
  total: number;
  hits: SearchHitView[];
  relaxed: boolean;
  help?: { message: string; suggestions: { href: string; label: string; count: number }[]; categories: { href: string; label: string; count: number }[] };
  prevHref?: string;
  nextHref?: string;
}

/** 全文检索: Chinese search with highlights, filters and a no-results page that helps. */
export function SearchPage(p: SearchPageProps) {
  return (
    <Layout title={p.query ? `检索：${p.query}` : '全文检索'} section="proactive" breadcrumbs={[{ href: '/', label: '首页' }, { label: '全文检索' }]} staffLoginHref="/login">
      <div class="page-head">
        <h1 class="page-title">全文检索</h1>
      </div>
      <form class="filters no-print" method="get" action="/search" role="search" aria-label="全文检索">
        <div class="field">
          <label class="field__label" for="q">
            检索词
          </label>
          <p class="field__hint" id="q-hint">
            可输入标题、正文、文号或附件中的词语，多个词语用空格分开。
          </p>
          <input class="field__control" id="q" name="q" type="search" value={p.query} maxlength={100} aria-describedby="q-hint" />
        </div>
        <div class="filters__row">
          <div class="field">
            <label class="field__label" for="s-category">
              目录分类
            </label>
            <select class="field__control" id="s-category" name="category">
              <option value="">全部分类</option>
              {p.categories.map((c) => (
                <option value={c.value} selected={p.filters.category === c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label class="field__label" for="s-year">
              发布年份
            </label>
            <input class="field__control" id="s-year" name="year" type="text" inputmode="numeric" maxlength={4} value={p.filters.year ?? ''} />
          </div>
          <div class="field">
            <label class="field__label" for="s-validity">
              有效性
            </label>
            <select class="field__control" id="s-validity" name="validity">
              <option value="">全部</option>
              <option value="valid" selected={p.filters.validity === 'valid'}>
                有效
              </option>
              <option value="invalid" selected={p.filters.validity === 'invalid'}>
                失效
              </option>
              <option value="repealed" selected={p.filters.validity === 'repealed'}>
                废止
              </option>
            </select>
          </div>
          <div class="field">
            <label class="field__label" for="s-sort">
              排序
            </label>
            <select class="field__control" id="s-sort" name="sort">
              <option value="relevance" selected={p.filters.sort === 'relevance'}>
                按相关度
              </option>
              <option value="date" selected={p.filters.sort === 'date'}>
                按发布日期
              </option>
            </select>
          </div>
        </div>
        <button type="submit" class="button button--primary">
          检索
        </button>
      </form>
      {p.searched ? (
        <section class="section" aria-labelledby="results-title">
          <h2 class="section__title" id="results-title">
            检索结果
          </h2>
          <p role="status">{p.total > 0 ? `共找到 ${p.total} 条结果${p.relaxed ? '（未找到同时包含全部词语的信息，以下结果包含部分词语）' : ''}。` : '没有找到相关信息。'}</p>
          {p.help && p.total === 0 ? (
            <div class="empty-state">
              <p class="empty-state__title">{p.help.message}</p>
              {p.help.suggestions.length > 0 ? (
                <p>
                  您是不是要找：
                  {p.help.suggestions.map((s, i) => (
                    <>
                      {i > 0 ? '、' : ''}
                      <a href={s.href}>{s.label}</a>（{s.count}条）
                    </>
                  ))}
                </p>
              ) : null}
              {p.help.categories.length > 0 ? (
                <p>
                  相关分类：
                  {p.help.categories.map((s, i) => (
                    <>
                      {i > 0 ? '、' : ''}
                      <a href={s.href}>{s.label}</a>（{s.count}条）
                    </>
                  ))}
                </p>
              ) : null}
              <p>
                建议：检查错别字，减少检索词，或浏览<a href="/proactive">主动公开目录</a>。如仍未找到所需信息，可以<a href="/apply">申请政府信息公开</a>。
              </p>
            </div>
          ) : (
            <ol class="search-results">
              {p.hits.map((h) => (
                <li class="search-results__item">
                  <a class="search-results__title" href={h.href}>
                    {raw(h.titleHtml)}
                  </a>
                  {h.validityLabel ? <span class="badge badge--warning">{h.validityLabel}</span> : null}
                  <p class="search-results__snippet">{raw(h.snippetHtml)}</p>
                  <p class="small muted">{h.meta}</p>
                </li>
              ))}
            </ol>
          )}
          <Pagination prevHref={p.prevHref} nextHref={p.nextHref} />
        </section>
      ) : null}
    </Layout>
  );
}
