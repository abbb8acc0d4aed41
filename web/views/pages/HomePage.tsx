import { usePageInfo } from '../page-info';
import { Layout } from '../layouts/Layout';
import { ROUTES } from '../layouts/nav';

export interface HomePageProps {
  /** Newest proactive items, already sorted (newest first). */
  latestItems: { href: string; title: string; date: string }[];
  /** Catalogue categories (政府信息公开目录). */
  categories: { href: string; name: string; count?: number }[];
  staffLoginHref: string;
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
        <li class="quick-links__item">
          <a class="quick-links__link" href={ROUTES.guide}>
            <span class="quick-links__title">政府信息公开指南</span>
            <span class="quick-links__desc">公开范围、方式、受理机构和办理流程</span>
          </a>
        </li>
        <li class="quick-links__item">
          <a class="quick-links__link" href={ROUTES.proactive}>
            <span class="quick-links__title">法定主动公开内容</span>
            <span class="quick-links__desc">政策文件、机构职能、财政预决算等</span>
          </a>
        </li>
        <li class="quick-links__item">
          <a class="quick-links__link" href={ROUTES.apply}>
            <span class="quick-links__title">依申请公开</span>
            <span class="quick-links__desc">在线提交申请，随时查询办理进度</span>
          </a>
        </li>
        <li class="quick-links__item">
          <a class="quick-links__link" href={ROUTES.reports}>
            <span class="quick-links__title">政府信息公开年报</span>
            <span class="quick-links__desc">历年政府信息公开工作年度报告</span>
          </a>
        </li>
      </ul>

      <div class="home-grid">
        <section class="panel home-grid__main" aria-labelledby="latest-title">
          <div class="panel__head">
            <h2 class="panel__title" id="latest-title">
              主动公开
            </h2>
            <a class="panel__more" href={ROUTES.proactive}>
              更多<span class="visually-hidden">主动公开信息</span> ›
            </a>
          </div>
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
            <div class="empty-state">
              <p class="empty-state__title">暂无主动公开信息</p>
              <p>信息经审核发布后将在此处显示。您也可以查阅政府信息公开指南，或通过依申请公开渠道提出申请。</p>
            </div>
          )}
        </section>

        <section class="panel home-grid__side" aria-labelledby="catalogue-title">
          <div class="panel__head">
            <h2 class="panel__title" id="catalogue-title">
              信息公开目录
            </h2>
          </div>
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
            <div class="empty-state">
              <p>目录分类正在整理中。</p>
            </div>
          )}
        </section>
      </div>

      <section class="panel apply-panel" aria-labelledby="apply-title">
        <div class="panel__head">
          <h2 class="panel__title" id="apply-title">
            依申请公开
          </h2>
        </div>
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
              <li class="steps__item">
                <span class="steps__title">提交申请</span>
                <span class="steps__desc">在线填写申请表并提交，系统即时出具受理回执和查询码。</span>
              </li>
              <li class="steps__item">
                <span class="steps__title">审查办理</span>
                <span class="steps__desc">申请内容不明确的，本机关一次性告知需要补正的事项。</span>
              </li>
              <li class="steps__item">
                <span class="steps__title">作出答复</span>
                <span class="steps__desc">按规定期限书面答复，答复书可在线查看和下载。</span>
              </li>
            </ol>
          </div>
          <div class="apply-panel__periods">
            <h3 class="subheading">答复期限</h3>
            <dl class="periods">
              <div class="periods__row">
                <dt>一般期限</dt>
                <dd>
                  自收到申请之日起 <strong>20 个工作日</strong>内答复；能够当场答复的，当场予以答复。
                </dd>
              </div>
              <div class="periods__row">
                <dt>延长期限</dt>
                <dd>
                  需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过 <strong>20 个工作日</strong>。
                </dd>
              </div>
              <div class="periods__row">
                <dt>不计入期限</dt>
                <dd>征求第三方和其他机关意见所需时间不计算在内；补正后的申请自收到补正之日起重新计算。</dd>
              </div>
            </dl>
            <p class="small">
              工作日按国务院办公厅公布的节假日安排计算，详见<a href={ROUTES.calendar}>工作日日历</a>。
            </p>
          </div>
        </div>
      </section>

      <div class="card-row">
        <section class="card" aria-labelledby="guide-title">
          <h2 class="card__title" id="guide-title">
            <a href={ROUTES.guide}>政府信息公开指南</a>
          </h2>
          <p class="card__desc">介绍本机关政府信息的分类和编排体系、获取方式，以及政府信息公开工作机构的名称、办公地址、办公时间和联系电话。</p>
        </section>
        <section class="card" aria-labelledby="reports-title">
          <h2 class="card__title" id="reports-title">
            <a href={ROUTES.reports}>政府信息公开年报</a>
          </h2>
          <p class="card__desc">每年 1 月 31 日前公布上一年度政府信息公开工作年度报告，包括主动公开、依申请公开、复议诉讼等情况的统计数据。</p>
        </section>
        <section class="card" aria-labelledby="clarify-title">
          <h2 class="card__title" id="clarify-title">
            <a href={ROUTES.clarifications}>澄清说明</a>
          </h2>
          <p class="card__desc">发现影响或者可能影响社会稳定、扰乱社会和经济管理秩序的虚假或者不完整信息的，本机关在职责范围内发布准确的政府信息予以澄清。</p>
        </section>
      </div>
    </Layout>
  );
}
