import { RateLimitedError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { RecordStore } from '../ports/record-store';
import { keys } from './keys';

/**
 * Fixed-window limiter on the table (one atomic conditional ADD per attempt, TTL cleans up).
 * Used where brute force matters: tracking-code lookups, login, public report forms.
 */
export class RateLimiter {
  constructor(
    private readonly records: RecordStore,
    private readonly clock: Clock,
  ) {}

  async consume(subject: string, rule: { limit: number; windowSeconds: number; message: string }): Promise<void> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
    const count = await this.records.increment(keys.rateWindow(subject, `${rule.windowSeconds}s#${windowStart}`), 1, {
      max: rule.limit,
      expiresAt: windowStart + rule.windowSeconds * 2,
    });
    if (count === undefined) throw new RateLimitedError(rule.message, windowStart + rule.windowSeconds - nowSeconds);
  }
}
