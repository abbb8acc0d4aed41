import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { CsrfField } from '../components/CsrfField';
import { DOCTYPE } from '../render';
import { usePageInfo } from '../page-info';
import type { BreadcrumbItem, Section } from '../types';
import { PUBLIC_NAV, ROUTES, STAFF_NAV } from './nav';

export interface LayoutProps {
  /** Page title, without the site name (Layout appends it). */
  title: string;
  /** Highlights the main-navigation item. */
  section?: Section;
  breadcrumbs?: BreadcrumbItem[];
  /** Adds a 工作人员入口 link to the footer (public pages). */
  staffLoginHref?: string;
  /**
   * href of the navigation item to mark as current. Public pages normally rely on `section`; staff pages
   * pass their nav href (e.g. "/staff/documents"), since all of them share section="staff".
   */
  navHref?: string;
  children?: Child;
}

const SITE_TITLE = '政府信息公开';

const FOOTER_LINKS = [
  { href: ROUTES.guide, label: '政府信息公开指南' },
  { href: ROUTES.apply, label: '依申请公开' },
  { href: ROUTES.calendar, label: '工作日日历' },
];

/**
 * The document shell. Emits `<!DOCTYPE html>` itself, so `c.render(<Page/>)` and `renderPage(<Page/>, info)`
 * both produce a complete document. No inline style or script: everything comes from site.css.
 */
export function Layout({ title, section, breadcrumbs, staffLoginHref, navHref, children }: LayoutProps) {
  // The site, the signed-in member of staff (the staff header replaces the public one), the token of
  // the logout form and the 本地演示环境 banner come from the page info, never through the page.
  const { site, staff, csrfToken, localMode } = usePageInfo();
  const staticPrefix = (site.staticPrefix ?? '/static').replace(/\/$/, '');
  const footer = site.footer ?? {};
  const sectionRoot = !breadcrumbs || breadcrumbs.length <= 2;

  return (
    <>
      {raw(DOCTYPE)}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} - ${site.agencyName}${SITE_TITLE}`}</title>
          {/* 政府网站网页设计规范: site name / site identifier / column name meta tags */}
          <meta name="SiteName" content={site.agencyName} />
          {footer.siteCode ? <meta name="SiteIDCode" content={footer.siteCode} /> : null}
          <meta name="ColumnName" content={staff ? '政府信息公开工作台' : SITE_TITLE} />
          {staff ? <meta name="robots" content="noindex, nofollow" /> : null}
          <meta name="format-detection" content="telephone=no" />
          <link rel="stylesheet" href={`${staticPrefix}/site.css`} />
          <link rel="icon" type="image/svg+xml" href={`${staticPrefix}/favicon.svg`} />
        </head>
        <body class={`page${section ? ` page--${section}` : ''}${staff ? ' page--staff' : ''}`}>
          <a class="skip-link" href="#main-content">
            跳到主要内容
          </a>
          {localMode ? (
            <aside class="env-banner" aria-label="运行环境提示">
              <div class="container">
                <strong class="env-banner__label">本地演示环境</strong>
                <span>本站点运行在本地开发环境，所有数据均为演示数据，不具有法律效力，请勿提交真实个人信息。</span>
              </div>
            </aside>
          ) : null}
          <header class={`site-header${staff ? ' site-header--staff' : ''}`}>
            <div class="container site-header__inner">
              <a class="site-header__brand" href={staff ? ROUTES.staffHome : ROUTES.home}>
                <span class="site-header__agency">{site.agencyName}</span>
                <span class="site-header__title">
                  {SITE_TITLE}
                  {staff ? <span class="site-header__tag">工作台</span> : null}
                </span>
              </a>
              {staff ? (
                <div class="staff-bar">
                  <p class="staff-bar__user">
                    <span class="visually-hidden">当前登录：</span>
                    <span class="staff-bar__name">{staff.displayName}</span>
                    {staff.roleLabels.length > 0 ? <span class="staff-bar__roles">{staff.roleLabels.join('、')}</span> : null}
                  </p>
                  <form class="staff-bar__logout" method="post" action={ROUTES.logout}>
                    {csrfToken ? <CsrfField /> : null}
                    <button type="submit" class="button button--on-dark">
                      退出登录
                    </button>
                  </form>
                </div>
              ) : null}
            </div>
          </header>
          <nav class="main-nav" aria-label={staff ? '工作台导航' : '主导航'}>
            <div class="container">
              <ul class="main-nav__list">
                {(staff ? STAFF_NAV : PUBLIC_NAV).map((item: { href: string; label: string; section?: Section }) => {
                  const active = navHref ? navHref === item.href : item.section !== undefined && item.section === section;
                  return (
                    <li class="main-nav__item">
                      <a class="main-nav__link" href={item.href} aria-current={active ? (sectionRoot ? 'page' : 'true') : undefined}>
                        {item.label}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          </nav>
          {breadcrumbs && breadcrumbs.length > 0 ? (
            <div class="container">
              {/* 当前位置：首页 › 主动公开 › …; the last item (or any without href) is the current page. */}
              <nav class="breadcrumbs" aria-label="当前位置">
                <span class="breadcrumbs__lead" aria-hidden="true">
                  当前位置：
                </span>
                <ol class="breadcrumbs__list">
                  {breadcrumbs.map((item, i) => {
                    const current = i === breadcrumbs.length - 1;
                    return <li class="breadcrumbs__item">{item.href && !current ? <a href={item.href}>{item.label}</a> : <span aria-current={current ? 'page' : undefined}>{item.label}</span>}</li>;
                  })}
                </ol>
              </nav>
            </div>
          ) : null}
          <main id="main-content" class="container main" tabindex={-1}>
            {children}
          </main>
          <footer class="site-footer">
            <div class="container">
              <ul class="site-footer__links">
                {[...FOOTER_LINKS, ...(staffLoginHref && !staff ? [{ href: staffLoginHref, label: '工作人员入口' }] : [])].map((l) => (
                  <li>
                    <a href={l.href}>{l.label}</a>
                  </li>
                ))}
              </ul>
              <div class="site-footer__info">
                <p>
                  <span class="site-footer__pair">主办单位：{footer.sponsor ?? site.agencyName}</span>
                  {footer.address ? <span class="site-footer__pair">地址：{footer.address}</span> : null}
                  {footer.phone ? (
                    <span class="site-footer__pair">
                      联系电话：<a href={`tel:${footer.phone.replace(/[^0-9+]/g, '')}`}>{footer.phone}</a>
                    </span>
                  ) : null}
                </p>
                {footer.siteCode || footer.icp ? (
                  <p>
                    {footer.siteCode ? <span class="site-footer__pair">网站标识码：{footer.siteCode}</span> : null}
                    {footer.icp ? (
                      <span class="site-footer__pair">
                        <a href="https://beian.miit.gov.cn/" rel="noopener">
                          {footer.icp}
                        </a>
                      </span>
                    ) : null}
                  </p>
                ) : null}
              </div>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
