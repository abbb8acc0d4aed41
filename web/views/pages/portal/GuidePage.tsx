import { raw } from 'hono/html';
import { Layout } from '../../layouts/Layout';
import { MetaTable, type MetaRow } from '../../components/MetaTable';

export interface GuidePageProps {
  /** Safe HTML from adapters/markdown. */
  guideHtml: string;
  office: MetaRow[];
  categories: { name: string; description?: string; legalBasis?: string; depth: number }[];
}

/** 政府信息公开指南: the admin-edited text, the disclosure office and the catalogue's structure. */
export function GuidePage(p: GuidePageProps) {
  return (
    <Layout title="政府信息公开指南" section="guide" breadcrumbs={[{ href: '/', label: '首页' }, { label: '政府信息公开指南' }]} staffLoginHref="/login">
      <div class="page-head">
        <h1 class="page-title">政府信息公开指南</h1>
      </div>
      <div class="prose">{raw(p.guideHtml)}</div>
      {p.office.length > 0 ? (
        <section class="section" aria-labelledby="office-title">
          <h2 class="section__title" id="office-title">
            政府信息公开工作机构
          </h2>
          <MetaTable rows={p.office} layout="single" caption="政府信息公开工作机构" id="office" />
        </section>
      ) : null}
      <section class="section" aria-labelledby="cat-title">
        <h2 class="section__title" id="cat-title">
          主动公开目录分类
        </h2>
        <ul class="cat-tree">
          {p.categories.map((c) => (
            <li class={`cat-tree__item cat-tree__item--d${c.depth}`}>
              <strong>{c.name}</strong>
              {c.description ? `：${c.description}` : ''}
              {c.legalBasis ? <span class="small muted">（依据：{c.legalBasis}）</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
