import { NotFoundError, ValidationError } from '#domain/errors';
import { normaliseAccessCode } from '#domain/requests/tracking';
import { RateLimiter } from '#repositories/rate-limiter';
import type { AppDependencies } from './context';

/**
 * Brute-force limits on looking a case up by tracking number and access code (applications and
 * correction requests share them):
 *
 * - per client address: 20 attempts in 10 minutes (successful lookups are refunded);
 * - per tracking number and client: 5 wrong codes in an hour lock that client out of that number;
 * - per tracking number, from anyone: after 10 wrong codes in an hour the number is slowed down to
 *   one attempt every 10 seconds, instead of being locked. Someone guessing from many addresses
 *   cannot lock the owner out of their own case; they only make every attempt wait.
 */
export const LOOKUP_LIMITS = {
  perClient: { limit: 20, windowSeconds: 600, message: '查询次数过多，请10分钟后再试。' },
  perNumberAndClient: { limit: 5, windowSeconds: 3600, message: '该申请编号的查询错误次数过多，请1小时后再试。' },
  slowDownAfterFailures: 10,
  failureWindowSeconds: 3600,
  slowDown: { limit: 1, windowSeconds: 10, message: '该申请编号近期查询错误较多，为保护您的信息，请稍候10秒再试。' },
} as const;

export interface LookupAttempt {
  /** The code was right: the attempt does not count against the client. */
  succeeded(): Promise<void>;
  /** The code was wrong (or no such case): counts towards the lock-out and the slow-down. */
  failed(): Promise<void>;
}

export async function guardLookup(deps: Pick<AppDependencies, 'records' | 'clock'>, trackingNumber: string, client: string): Promise<LookupAttempt> {
  const limiter = new RateLimiter(deps.records, deps.clock);
  const who = client || 'unknown';
  const failures = await limiter.count(`lookup-tn-fail#${trackingNumber}`, LOOKUP_LIMITS.failureWindowSeconds);
  if (failures >= LOOKUP_LIMITS.slowDownAfterFailures) await limiter.reserve(`lookup-tn-slow#${trackingNumber}`, LOOKUP_LIMITS.slowDown);
  const perClient = await limiter.reserve(`lookup-ip#${who}`, LOOKUP_LIMITS.perClient);
  const perPair = await limiter.reserve(`lookup-tn-ip#${trackingNumber}#${who}`, LOOKUP_LIMITS.perNumberAndClient);
  return {
    async succeeded() {
      await Promise.all([limiter.refund(perClient), limiter.refund(perPair)]);
    },
    async failed() {
      await limiter.note(`lookup-tn-fail#${trackingNumber}`, LOOKUP_LIMITS.failureWindowSeconds);
    },
  };
}

const WRONG = '申请编号或查询码不正确，请核对后重新输入。';

export interface AccessCodeLookup<R> {
  /** Why a tracking number is malformed, or undefined when it is well formed. */
  readonly malformed: (trackingNumber: string) => string | undefined;
  readonly load: (trackingNumber: string) => Promise<R | undefined>;
  readonly accessCodeHash: (record: R) => string | undefined;
  readonly matches: (code: string, stored: string | undefined) => boolean;
}

/**
 * The applicant's lookup by tracking number and access code, for every case type: rate-limited per
 * client and per number, the code compared in constant time (against a dummy when there is no
 * case), and the same message for a wrong number or a wrong code.
 */
export async function lookupByAccessCode<R>(
  deps: Pick<AppDependencies, 'records' | 'clock'>,
  input: { trackingNumber: unknown; accessCode: unknown },
  client: { ip: string },
  how: AccessCodeLookup<R>,
): Promise<R> {
  const tn = String(input.trackingNumber ?? '')
    .trim()
    .toUpperCase();
  const code = normaliseAccessCode(String(input.accessCode ?? ''));
  const fields: Record<string, string> = {};
  const malformed = tn ? how.malformed(tn) : '请填写申请编号。';
  if (malformed) fields['trackingNumber'] = malformed;
  if (!code) fields['accessCode'] = '请填写查询码。';
  if (Object.keys(fields).length > 0) throw new ValidationError('请填写申请编号和查询码。', fields);
  const attempt = await guardLookup(deps, tn, client.ip);
  const record = await how.load(tn);
  if (!how.matches(code, record ? how.accessCodeHash(record) : undefined) || !record) {
    await attempt.failed();
    throw new NotFoundError(WRONG);
  }
  await attempt.succeeded();
  return record;
}
