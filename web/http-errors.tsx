import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, RateLimitedError, StorageUnavailableError, ValidationError } from '#domain/errors';
import type { AppDependencies } from '#application/context';
import { ErrorPage, type ErrorStatus } from './views/layouts/ErrorPage';
import type { WebEnv } from './env';
import { pageContext } from './page-context';
import { withPageInfo } from './views/render';

/** The request's page info, or a fresh one when the error came before the middleware that sets it. */
const pageInfo = (c: Context<WebEnv>, deps: AppDependencies) => c.get('page') ?? pageContext(c, deps);

interface ErrorResponse {
  status: ContentfulStatusCode;
  code: string;
  message: string;
  fields?: Record<string, string>;
  retryAfter?: number;
}

/** The single mapping from errors to responses. Internals never reach the client. */
export function describeError(error: unknown): ErrorResponse {
  if (error instanceof ValidationError) return { status: 400, code: 'validation_failed', message: error.message, fields: error.fields };
  if (error instanceof RateLimitedError) return { status: 429, code: 'rate_limited', message: error.message, retryAfter: error.retryAfterSeconds };
  if (error instanceof DomainError) return { status: error.status, code: codeOf(error), message: error.message };
  if (error instanceof StorageUnavailableError) return { status: 503, code: 'temporarily_unavailable', message: '系统繁忙，请稍后再试。您提交的内容未被保存，请稍后重新提交。' };
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    return { status, code: status === 413 ? 'payload_too_large' : 'bad_request', message: status === 413 ? '提交的内容超过大小限制。' : '请求格式不正确。' };
  }
  return { status: 500, code: 'internal_error', message: '系统暂时无法处理您的请求，请稍后再试。' };
}

function codeOf(error: DomainError): string {
  return error.name
    .replace(/Error$/, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

export function wantsJson(c: Context): boolean {
  return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json');
}

export function errorHandler(deps: AppDependencies) {
  return (error: unknown, c: Context<WebEnv>) => {
    const response = describeError(error);
    const log = c.get('logger') ?? deps.logger;
    if (response.status >= 500) log.error('request failed', { error, status: response.status });
    else log.info('request refused', { status: response.status, code: response.code, detail: error instanceof DomainError ? error.detail : undefined });
    if (response.retryAfter) c.header('Retry-After', String(response.retryAfter));
    if (wantsJson(c)) {
      return c.json({ error: response.code, message: response.message, ...(response.fields ? { fields: response.fields } : {}) }, response.status);
    }
    const pageStatus = (response.status === 503 || response.status === 422 ? 500 : response.status) as ErrorStatus;
    return c.html(withPageInfo(<ErrorPage status={pageStatus} message={response.status === 500 ? undefined : response.message} requestId={c.get('requestId')} />, pageInfo(c, deps)), response.status);
  };
}

export function notFoundHandler(deps: AppDependencies) {
  return (c: Context<WebEnv>) => {
    if (wantsJson(c)) return c.json({ error: 'not_found', message: '请求的资源不存在。' }, 404);
    return c.html(withPageInfo(<ErrorPage status={404} requestId={c.get('requestId')} />, pageInfo(c, deps)), 404);
  };
}
