/**
 * Shared view-model types for web/views. Plain data only: pages never fetch or read the clock.
 */

/** Site-wide settings, built once by the app from configuration and passed to every page. */
export interface SiteInfo {
  /** e.g. 某某市人民政府办公室 — shown in the header band and the <title>. */
  agencyName: string;
  footer?: SiteFooter;
  /**
   * URL prefix for static assets (site.css, favicon.svg). Default "/static".
   * The preview script sets "." so that pages written to disk load the copied site.css.
   */
  staticPrefix?: string;
}

export interface SiteFooter {
  /** 主办单位 */
  sponsor?: string;
  address?: string;
  phone?: string;
  /** 网站标识码 (政府网站标识码, 10 characters) */
  siteCode?: string;
  /** ICP 备案号, e.g. 京ICP备00000000号 */
  icp?: string;
}

export interface StaffInfo {
  displayName: string;
  roleLabels: string[];
}

export type Section = 'home' | 'proactive' | 'apply' | 'guide' | 'reports' | 'staff';

export interface BreadcrumbItem {
  /** Omit for the current page (the last item). */
  href?: string;
  label: string;
}
