import { Layout } from '../../layouts/Layout';
import { Pagination } from '../../components/Pagination';
import type { BreadcrumbItem } from '../../types';

export interface ListingRow {
  href: string;
  title: string;
  indexNumber: string;
  documentNumber?: string;
  issuer: string;
  date: string;
  validityLabel: string;
  /** True for 失效/废止 (shown as a badge). */
  notValid: boolean;
}

export interface CategoryLink {
  href: string;
  name: string;
  depth: number;
  current: boolean;
}

export interface ListingPageProps {
  title: string;
  description?: string;
  breadcrumbs: BreadcrumbItem[];
  categories: CategoryLink[];
  rows: ListingRow[];
  /** Current filter values. */
  filters: { year?: string; issuer?: string; validity?: string; order: 'newest' | 'oldest' };
  years: string[];
  issuers: string[];
  action: string;
  prevHref?: string;
  nextHref?: string;
  feedHref: { atom: string; rss: string };
}

/** 主动公开 listing: category navigation, filters (GET form, works without JavaScript) and cursor paging. */
export function ListingPage(p: ListingPageProps) {
  return (
    <Layout title={p.title} section="proactive" breadcrumbs={p.breadcrumbs} staffLoginHref="/login">
      <div class="page-head">
        <h1 class="page-title">{p.title}</h1>
        {p.description ? <p class="lead">{p.description}</p> : null}
      </div>
      <div class="portal-layout">
        <nav class="portal-layout__side panel" aria-labelledby="cat-nav-title">
          <h2 class="panel__title" id="cat-nav-title">
            信息公开目录
          </h2>
          <ul class="cat-tree">
            {p.categories.map((c) => (
              <li class={`cat-tree__item cat-tree__item--d${c.depth}`}>
                <a class="cat-tree__link" href={c.href} aria-current={c.current ? 'page' : undefined}>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="portal-layout__main">
          <form class="filters no-print" method="get" action={p.action} role="search" aria-label="筛选">
            <div class="filters__row">
              <div class="field">
                <label class="field__label" for="f-year">
                  年份
                </label>
                <select class="field__control" id="f-year" name="year">
                  <option value="">全部年份</option>
                  {p.years.map((y) => (
                    <option value={y} selected={p.filters.year === y}>
                      {y}年
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label class="field__label" for="f-issuer">
                  发布机构
                </label>
                <input class="field__control" id="f-issuer" name="issuer" type="text" value={p.filters.issuer ?? ''} list="issuer-list" maxlength={60} />
                <datalist id="issuer-list">
                  {p.issuers.map((i) => (
                    <option value={i} />
                  ))}
                </datalist>
              </div>
              <div class="field">
                <label class="field__label" for="f-validity">
                  有效性
                </label>
                <select class="field__control" id="f-validity" name="validity">
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
                <label class="field__label" for="f-order">
                  排序
                </label>
                <select class="field__control" id="f-order" name="order">
                  <option value="newest" selected={p.filters.order === 'newest'}>
                    发布日期从新到旧
                  </option>
                  <option value="oldest" selected={p.filters.order === 'oldest'}>
                    发布日期从旧到新
                  </option>
                </select>
              </div>
            </div>
            <div class="button-group">
              <button type="submit" class="button button--primary">
                筛选
              </button>
              <a class="button button--secondary" href={p.action}>
                清除筛选
              </a>
            </div>
          </form>
          {p.rows.length === 0 ? (
            <div class="empty-state">
              <p class="empty-state__title">没有符合条件的信息</p>
              <p>
                请尝试清除筛选条件，或使用<a href="/search">全文检索</a>。如未找到所需信息，可以<a href="/apply">申请政府信息公开</a>。
              </p>
            </div>
          ) : (
            <ul class="doc-list">
              {p.rows.map((r) => (
                <li class="doc-list__item">
                  <a class="doc-list__title" href={r.href}>
                    {r.title}
                  </a>
                  {r.notValid ? <span class="badge badge--warning">{r.validityLabel}</span> : null}
                  <p class="doc-list__meta small">
                    <span>索引号：{r.indexNumber}</span>
                    {r.documentNumber ? <span>文号：{r.documentNumber}</span> : null}
                    <span>发布机构：{r.issuer}</span>
                    <span>
                      发布日期：<time datetime={r.date}>{r.date}</time>
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination prevHref={p.prevHref} nextHref={p.nextHref} />
          <p class="small no-print">
            订阅本栏目：<a href={p.feedHref.atom}>Atom</a> · <a href={p.feedHref.rss}>RSS</a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
