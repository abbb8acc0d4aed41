import { ValidationError } from '#domain/errors';
import { errorSchema } from '../api-registry';

/** The refusals an API route declares, each answered with the error body (errorSchema). */
export type Refusal = 400 | 401 | 403 | 404 | 409 | 429;

const USUAL: Record<Refusal, string> = { 400: '请求无效', 401: '未登录', 403: '无权限', 404: '不存在', 409: '当前状态不允许该操作', 429: '查询过于频繁' };

/**
 * Response declarations of refusals, in the usual words unless the route says what it means
 * (`refusals([400, 401, 403, 404], { 404: '申请不存在' })`).
 */
export function refusals(statuses: readonly Refusal[], described: Partial<Record<Refusal, string>> = {}): Record<number, { description: string; schema: typeof errorSchema }> {
  return Object.fromEntries(statuses.map((status) => [status, { description: described[status] ?? USUAL[status], schema: errorSchema }]));
}

/** The refusals of a staff route that takes a request and may refuse who asks. */
export const STAFF_REFUSALS = refusals([400, 401, 403]);

/**
 * A step's refusal with its field errors under the names of the API's body where the command's
 * schema names a field otherwise (the return form's `returnComments` is the body's `comments`;
 * release's `method` is the body's `service.method`).
 */
export async function underBodyNames<T>(bodyNames: Readonly<Record<string, string>>, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const Refusal = error.constructor as new (message: string, fields: Record<string, string>) => ValidationError;
    throw new Refusal(error.message, Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [bodyNames[field] ?? field, message])));
  }
}
