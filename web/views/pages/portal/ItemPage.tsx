import { raw } from 'hono/html';
import { Layout } from '../../layouts/Layout';
import { MetaTable, type MetaRow } from '../../components/MetaTable';
import { Notice } from '../../components/Notice';
import type { BreadcrumbItem } from '../../types';

export interface ItemPageProps {
  breadcrumbs: BreadcrumbItem[];
  title: string;
  meta: MetaRow[];
  /** Safe HTML from adapters/markdown (raw HTML disabled there). */
  bodyHtml: string;
  validityNotice?: string;
  attachments: { name: string; href: string; size: string; type: string }[];
  revisions: { version: number; date: string; current: boolean; corrected?: string }[];
  related: { href: string; title: string; kind: string }[];
}

/** An item page: the gov.cn metadata block, the body, attachments, versions and related items. */
export function ItemPage(p: ItemPageProps) {
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
          <section class="section" aria-labelledby="att-title">
            <h2 class="section__title" id="att-title">
              附件
            </h2>
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
          </section>
        ) : null}
        {p.related.length > 0 ? (
          <section class="section" aria-labelledby="rel-title">
            <h2 class="section__title" id="rel-title">
              相关信息
            </h2>
            <ul class="item-list">
              {p.related.map((r) => (
                <li class="item-list__item">
                  <span class="badge badge--info">{r.kind}</span> <a href={r.href}>{r.title}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {p.revisions.length > 1 ? (
          <section class="section" aria-labelledby="rev-title">
            <h2 class="section__title" id="rev-title">
              修订记录
            </h2>
            <ol class="revision-list">
              {p.revisions.map((r) => (
                <li>
                  第{r.version}版，发布于<time datetime={r.date}>{r.date}</time>
                  {r.current ? '（当前版本）' : ''}
                  {r.corrected ? <span class="revision-list__corrected">（已更正：{r.corrected}）</span> : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </article>
    </Layout>
  );
}
