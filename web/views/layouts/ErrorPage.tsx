import { Layout } from './Layout';
import { ROUTES } from './nav';
import type { StaffInfo } from '../types';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500;

export interface ErrorPageProps {
  status: ErrorStatus;
  /** A safe, user-facing message (never an exception message or stack trace). */
  message?: string;
  /** Shown so that the user can quote it when contacting the office. */
  requestId?: string;
  /** When the error happens inside the staff area. */
  staff?: StaffInfo;
}

export const ERROR_TEXT: Record<ErrorStatus, { title: string; detail: string }> = {
  400: { title: '请求有误', detail: '您提交的请求格式不正确或内容不完整，请返回检查后重试。' },
  401: { title: '请先登录', detail: '该页面仅限工作人员访问，请登录后继续操作。' },
  403: { title: '没有访问权限', detail: '您没有访问该页面或执行该操作的权限。如确需办理，请联系本单位系统管理员。' },
  404: { title: '页面不存在', detail: '您访问的页面不存在或已被移除，请检查网址是否正确。' },
  409: { title: '操作冲突：该记录已被他人修改，请刷新后重试', detail: '为避免覆盖他人的修改，本次操作未被保存。请重新打开该记录，确认最新内容后再次操作。' },
  413: { title: '上传的内容过大', detail: '您上传的文件或提交的内容超过了大小限制，请压缩或拆分后重新上传。' },
  429: { title: '操作过于频繁', detail: '您的操作过于频繁，请稍等几分钟后再试。' },
  500: { title: '系统暂时无法处理您的请求', detail: '系统出现临时故障，我们正在处理。请稍后再试；如问题持续存在，请通过页面底部的联系电话与我们联系。' },
};

/** Friendly error page; never renders stack traces or internal messages. */
export function ErrorPage({ status, message, requestId, staff }: ErrorPageProps) {
  const text = ERROR_TEXT[status] ?? ERROR_TEXT[500];
  return (
    <Layout title={text.title} section={staff ? 'staff' : undefined}>
      <div class="error-page">
        <p class="error-page__code">
          <span class="visually-hidden">错误代码</span>
          {status}
        </p>
        <h1 class="page-title error-page__title">{text.title}</h1>
        <p class="error-page__detail">{message ?? text.detail}</p>
        {requestId ? (
          <p class="error-page__ref">
            错误编号：<code class="error-page__id">{requestId}</code>（联系我们时请提供此编号）
          </p>
        ) : null}
        <div class="button-group">
          {status === 401 ? (
            <a class="button button--primary" href={ROUTES.login}>
              前往登录
            </a>
          ) : null}
          <a class={`button ${status === 401 ? 'button--secondary' : 'button--primary'}`} href={staff ? ROUTES.staffHome : ROUTES.home}>
            {staff ? '返回工作台' : '返回首页'}
          </a>
          {staff ? null : (
            <a class="button button--secondary" href={ROUTES.guide}>
              查看政府信息公开指南
            </a>
          )}
        </div>
      </div>
    </Layout>
  );
}
