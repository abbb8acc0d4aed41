import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { EmptyState } from '#web/views/components/EmptyState';
import { MetaTable } from '#web/views/components/MetaTable';
import { Notice } from '#web/views/components/Notice';
import { Pagination } from '#web/views/components/Pagination';
import { Section } from '#web/views/components/Section';
import { Layout, type LayoutProps } from '#web/views/layouts/Layout';
import { ROUTES } from '#web/views/layouts/nav';
import { VALIDITY_LABELS } from '#domain/catalogue';
import { usePageInfo } from '#web/views/page-info';
import type { GuideView, ItemView, ListingView, SearchView } from './view-model';

/** A public portal page: the layout with the staff entry in the footer, and the page heading. */
function PortalPage(p: Pick<LayoutProps, 'title' | 'section' | 'breadcrumbs' | 'children'> & { heading?: string; lead?: string }) {
  return (
    <Layout title={p.title} section={p.section ?? 'proactive'} breadcrumbs={p.breadcrumbs} staffLoginHref="/login">
      <div class="page-head">
        <h1 class="page-title">{p.heading ?? p.title}</h1>
        {p.lead ? <p class="lead">{p.lead}</p> : null}
      </div>
      {p.children}
    </Layout>
  );
}

/** A labelled control of a GET filter form (no 必填/选填 marks: every filter is optional). */
function Filter({ id, label, children }: { id: string; label: string; children: Child }) {
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A filter's select; its id is the form's prefix and its name (f-year, s-sort). */
function FilterSelect({ form, name, label, value, options }: { form: 'f' | 's'; name: string; label: string; value: string | undefined; options: [string, string][] }) {
  return (
    <Filter id={`${form}-${name}`} label={label}>
      <select class="field__control" id={`${form}-${name}`} name={name}>
        {options.map(([v, text]) => (
          <option value={v} selected={value === v}>
            {text}
          </option>
        ))}
      </select>
    </Filter>
  );
}

/** The filters' choices, value → label, in display order. */
const VALIDITY_OPTIONS = Object.entries({ '': '全部', ...VALIDITY_LABELS });
const ORDER_OPTIONS = Object.entries({ newest: '发布日期从新到旧', oldest: '发布日期从旧到新' });
const SORT_OPTIONS = Object.entries({ relevance: '按相关度', date: '按发布日期' });

/** 、-separated links with their counts: （3条）. */
function CountedLinks({ intro, links }: { intro: string; links: { href: string; label: string; count: number }[] }) {
  if (links.length === 0) return null;
  return (
    <p>
      {intro}
      {links.map((s, i) => (
        <>
          {i > 0 ? '、' : ''}
          <a href={s.href}>{s.label}</a>（{s.count}条）
        </>
      ))}
    </p>
  );
}

// ---- home ----

export interface HomePageProps {
  /** Newest proactive items, already sorted (newest first). */
  latestItems: { href: string; title: string; date: string }[];
  /** Catalogue categories (政府信息公开目录). */
  categories: { href: string; name: string; count?: number }[];
  staffLoginHref: string;
}

const QUICK_LINKS: [string, string, string][] = [
  [ROUTES.guide, '政府信息公开指南', '公开范围、方式、受理机构和办理流程'],
  [ROUTES.proactive, '法定主动公开内容', '政策文件、机构职能、财政预决算等'],
  [ROUTES.apply, '依申请公开', '在线提交申请，随时查询办理进度'],
  [ROUTES.reports, '政府信息公开年报', '历年政府信息公开工作年度报告'],
];

const STEPS: [string, string][] = [
  ['提交申请', '在线填写申请表并提交，系统即时出具受理回执和查询码。'],
  ['审查办理', '申请内容不明确的，本机关一次性告知需要补正的事项。'],
  ['作出答复', '按规定期限书面答复，答复书可在线查看和下载。'],
];

const PERIODS: [string, Child][] = [
  [
    '一般期限',
    <>
      自收到申请之日起 <strong>20 个工作日</strong>内答复；能够当场答复的，当场予以答复。
    </>,
  ],
  [
    '延长期限',
    <>
      需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过 <strong>20 个工作日</strong>。
    </>,
  ],
  ['不计入期限', '征求第三方和其他机关意见所需时间不计算在内；补正后的申请自收到补正之日起重新计算。'],
];

const CARDS: [string, string, string, string][] = [
  ['guide', ROUTES.guide, '政府信息公开指南', '介绍本机关政府信息的分类和编排体系、获取方式，以及政府信息公开工作机构的名称、办公地址、办公时间和联系电话。'],
  ['reports', ROUTES.reports, '政府信息公开年报', '每年 1 月 31 日前公布上一年度政府信息公开工作年度报告，包括主动公开、依申请公开、复议诉讼等情况的统计数据。'],
  ['clarify', ROUTES.clarifications, '澄清说明', '发现影响或者可能影响社会稳定、扰乱社会和经济管理秩序的虚假或者不完整信息的，本机关在职责范围内发布准确的政府信息予以澄清。'],
];

/** A panel of the home page with its heading (and a 更多 link). */
function HomePanel({ name, title, class: cls, more, children }: { name: string; title: string; class: string; more?: Child; children: Child }) {
  return (
    <section class={`panel ${cls}`} aria-labelledby={`${name}-title`}>
      <div class="panel__head">
        <h2 class="panel__title" id={`${name}-title`}>
          {title}
        </h2>
        {more}
      </div>
      {children}
    </section>
  );
}

/** Public home page of the 政府信息公开 column. */
export function HomePage({ latestItems, categories, staffLoginHref }: HomePageProps) {
  const { site } = usePageInfo();
  return (
    <Layout title="首页" section="home" staffLoginHref={staffLoginHref}>
      <section class="intro" aria-labelledby="intro-title">
        <h1 class="intro__title" id="intro-title">
          {site.agencyName}政府信息公开
        </h1>
        <p class="intro__lead">根据《中华人民共和国政府信息公开条例》，本机关在此平台集中发布主动公开的政府信息，受理公民、法人和其他组织的政府信息公开申请，并公布政府信息公开指南和年度报告。</p>
      </section>

      <ul class="quick-links">
        {QUICK_LINKS.map(([href, title, desc]) => (
          <li class="quick-links__item">
            <a class="quick-links__link" href={href}>
              <span class="quick-links__title">{title}</span>
              <span class="quick-links__desc">{desc}</span>
            </a>
          </li>
        ))}
      </ul>

      <div class="home-grid">
        <HomePanel
          name="latest"
          title="主动公开"
          class="home-grid__main"
          more={
            <a class="panel__more" href={ROUTES.proactive}>
              更多<span class="visually-hidden">主动公开信息</span> ›
            </a>
          }
        >
          {latestItems.length > 0 ? (
            <ul class="item-list">
              {latestItems.map((item) => (
                <li class="item-list__item">
                  <a class="item-list__link" href={item.href}>
                    {item.title}
                  </a>
                  <time class="item-list__date" datetime={item.date}>
                    {item.date}
                  </time>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="暂无主动公开信息">
              <p>信息经审核发布后将在此处显示。您也可以查阅政府信息公开指南，或通过依申请公开渠道提出申请。</p>
            </EmptyState>
          )}
        </HomePanel>

        <HomePanel name="catalogue" title="信息公开目录" class="home-grid__side">
          {categories.length > 0 ? (
            <ul class="category-list">
              {categories.map((c) => (
                <li class="category-list__item">
                  <a class="category-list__link" href={c.href}>
                    <span class="category-list__name">{c.name}</span>
                    {c.count !== undefined ? (
                      <span class="category-list__count">
                        {c.count}
                        <span class="visually-hidden">条</span>
                      </span>
                    ) : null}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>
              <p>目录分类正在整理中。</p>
            </EmptyState>
          )}
        </HomePanel>
      </div>

      <HomePanel name="apply" title="依申请公开" class="apply-panel">
        <div class="apply-panel__body">
          <div class="apply-panel__intro">
            <p>公民、法人或者其他组织可以向本机关申请获取主动公开以外的政府信息。申请人应当提供身份证明，并写明所需政府信息的名称、文号或者便于查询的其他特征性描述。</p>
            <div class="button-group">
              <a class="button button--primary button--large" href={ROUTES.apply}>
                在线申请
              </a>
              <a class="button button--secondary button--large" href={ROUTES.track}>
                申请查询
              </a>
            </div>
            <p class="small">
              本机关提供的与您自身相关的政府信息记录不准确的，可以<a href="/corrections/request">申请更正</a>（《条例》第四十一条）；发现涉及本机关工作的虚假或者不完整信息，可以
              <a href="/clarifications/report">向我们反映</a>。
            </p>
          </div>
          <div class="apply-panel__steps">
            <h3 class="subheading">办理流程</h3>
            <ol class="steps">
              {STEPS.map(([title, desc]) => (
                <li class="steps__item">
                  <span class="steps__title">{title}</span>
                  <span class="steps__desc">{desc}</span>
                </li>
              ))}
            </ol>
          </div>
          <div class="apply-panel__periods">
            <h3 class="subheading">答复期限</h3>
            <dl class="periods">
              {PERIODS.map(([term, text]) => (
                <div class="periods__row">
                  <dt>{term}</dt>
                  <dd>{text}</dd>
                </div>
              ))}
            </dl>
            <p class="small">
              工作日按国务院办公厅公布的节假日安排计算，详见<a href={ROUTES.calendar}>工作日日历</a>。
            </p>
          </div>
        </div>
      </HomePanel>

      <div class="card-row">
        {CARDS.map(([name, href, title, desc]) => (
          <section class="card" aria-labelledby={`${name}-title`}>
            <h2 class="card__title" id={`${name}-title`}>
              <a href={href}>{title}</a>
            </h2>
            <p class="card__desc">{desc}</p>
          </section>
        ))}
      </div>
    </Layout>
  );
}

// ---- 主动公开 listing ----

/** 主动公开 listing: category navigation, filters (GET form, works without JavaScript) and cursor paging. */
export function ListingPage(p: ListingView) {
  return (
    <PortalPage title={p.title} breadcrumbs={p.breadcrumbs} lead={p.description}>
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
              <FilterSelect form="f" name="year" label="年份" value={p.filters.year} options={[['', '全部年份'], ...p.years.map((y): [string, string] => [y, `${y}年`])]} />
              <Filter id="f-issuer" label="发布机构">
                <input class="field__control" id="f-issuer" name="issuer" type="text" value={p.filters.issuer ?? ''} list="issuer-list" maxlength={60} />
                <datalist id="issuer-list">
                  {p.issuers.map((i) => (
                    <option value={i} />
                  ))}
                </datalist>
              </Filter>
              <FilterSelect form="f" name="validity" label="有效性" value={p.filters.validity} options={VALIDITY_OPTIONS} />
              <FilterSelect form="f" name="order" label="排序" value={p.filters.order} options={ORDER_OPTIONS} />
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
            <EmptyState title="没有符合条件的信息">
              <p>
                请尝试清除筛选条件，或使用<a href="/search">全文检索</a>。如未找到所需信息，可以<a href="/apply">申请政府信息公开</a>。
              </p>
            </EmptyState>
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
    </PortalPage>
  );
}

// ---- an item ----

/** An item page: the gov.cn metadata block, the body, attachments, versions and related items. */
export function ItemPage(p: ItemView) {
  return (
    <Layout title={p.title} section="proactive" breadcrumbs={p.breadcrumbs} staffLoginHref="/login">
      <article class="item-article">
        <MetaTable rows={p.meta} />
        <h1 class="item-article__title">{p.title}</h1>
        {p.validityNotice ? (
          <Notice kind="warning" title="有效性提示">
            <p>{p.validityNotice}</p>
          </Notice>
        ) : null}
        <div class="item-article__body prose">{raw(p.bodyHtml)}</div>
        {p.attachments.length > 0 ? (
          <Section name="att" title="附件">
            <ul class="attachment-list">
              {p.attachments.map((a) => (
                <li class="attachment-list__item">
                  <a href={a.href} download>
                    {a.name}
                  </a>{' '}
                  <span class="small muted">
                    （{a.type}，{a.size}）
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        {p.related.length > 0 ? (
          <Section name="rel" title="相关信息">
            <ul class="item-list">
              {p.related.map((r) => (
                <li class="item-list__item">
                  <span class="badge badge--info">{r.kind}</span> <a href={r.href}>{r.title}</a>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        {p.revisions.length > 1 ? (
          <Section name="rev" title="修订记录">
            <ol class="revision-list">
              {p.revisions.map((r) => (
                <li>
                  第{r.version}版，发布于<time datetime={r.date}>{r.date}</time>
                  {r.current ? '（当前版本）' : ''}
                  {r.corrected ? <span class="revision-list__corrected">（已更正：{r.corrected}）</span> : null}
                </li>
              ))}
            </ol>
          </Section>
        ) : null}
      </article>
    </Layout>
  );
}

// ---- 全文检索 ----

/** 全文检索: Chinese search with highlights, filters and a no-results page that helps. */
export function SearchPage(p: SearchView) {
  return (
    <PortalPage title={p.query ? `检索：${p.query}` : '全文检索'} heading="全文检索" breadcrumbs={[{ href: '/', label: '首页' }, { label: '全文检索' }]}>
      <form class="filters no-print" method="get" action="/search" role="search" aria-label="全文检索">
        <Filter id="q" label="检索词">
          <p class="field__hint" id="q-hint">
            可输入标题、正文、文号或附件中的词语，多个词语用空格分开。
          </p>
          <input class="field__control" id="q" name="q" type="search" value={p.query} maxlength={100} aria-describedby="q-hint" />
        </Filter>
        <div class="filters__row">
          <FilterSelect form="s" name="category" label="目录分类" value={p.filters.category} options={[['', '全部分类'], ...p.categories.map((c): [string, string] => [c.value, c.label])]} />
          <Filter id="s-year" label="发布年份">
            <input class="field__control" id="s-year" name="year" type="text" inputmode="numeric" maxlength={4} value={p.filters.year ?? ''} />
          </Filter>
          <FilterSelect form="s" name="validity" label="有效性" value={p.filters.validity} options={VALIDITY_OPTIONS} />
          <FilterSelect form="s" name="sort" label="排序" value={p.filters.sort} options={SORT_OPTIONS} />
        </div>
        <button type="submit" class="button button--primary">
          检索
        </button>
      </form>
      {p.searched ? (
        <Section name="results" title="检索结果">
          <p role="status">{p.total > 0 ? `共找到 ${p.total} 条结果${p.relaxed ? '（未找到同时包含全部词语的信息，以下结果包含部分词语）' : ''}。` : '没有找到相关信息。'}</p>
          {p.help && p.total === 0 ? (
            <EmptyState title={p.help.message}>
              <CountedLinks intro="您是不是要找：" links={p.help.suggestions} />
              <CountedLinks intro="相关分类：" links={p.help.categories} />
              <p>
                建议：检查错别字，减少检索词，或浏览<a href="/proactive">主动公开目录</a>。如仍未找到所需信息，可以<a href="/apply">申请政府信息公开</a>。
              </p>
            </EmptyState>
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
        </Section>
      ) : null}
    </PortalPage>
  );
}

// ---- 政府信息公开指南 ----

/** 政府信息公开指南: the admin-edited text, the disclosure office and the catalogue's structure. */
export function GuidePage(p: GuideView) {
  return (
    <PortalPage title="政府信息公开指南" section="guide" breadcrumbs={[{ href: '/', label: '首页' }, { label: '政府信息公开指南' }]}>
      <div class="prose">{raw(p.guideHtml)}</div>
      {p.office.length > 0 ? (
        <Section name="office" title="政府信息公开工作机构">
          <MetaTable rows={p.office} layout="single" caption="政府信息公开工作机构" id="office" />
        </Section>
      ) : null}
      <Section name="cat" title="主动公开目录分类">
        <ul class="cat-tree">
          {p.categories.map((c) => (
            <li class={`cat-tree__item cat-tree__item--d${c.depth}`}>
              <strong>{c.name}</strong>
              {c.description ? `：${c.description}` : ''}
              {c.legalBasis ? <span class="small muted">（依据：{c.legalBasis}）</span> : null}
            </li>
          ))}
        </ul>
      </Section>
    </PortalPage>
  );
}
