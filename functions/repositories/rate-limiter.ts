import { RateLimitedError } from '#domain/errors';
import type { Clock } from '#ports/clock';
import type { RecordKey, RecordStore } from '#ports/record-store';
import { keys } from './keys';

export interface RateRule {
  readonly limit: number;
  readonly windowSeconds: number;
  readonly message: string;
}

/** An attempt counted in a window; refunding it (a success) gives the slot back. */
export interface Reservation {
  readonly key: RecordKey;
}

/**
 * Fixed-window limiter on the table (one atomic conditional ADD per attempt, TTL cleans up).
 * Used where brute force matters: tracking-code lookups, login, public forms. Attempts are
 * reserved before the check they guard (so a thousand parallel guesses cannot all slip in) and
 * refunded when they succeed (so the owner of a case or an office behind one NAT address is not
 * locked out by its own successful visits).
 */
export class RateLimiter {
  constructor(
    private readonly records: RecordStore,
    private readonly clock: Clock,
  ) {}

  async consume(subject: string, rule: RateRule): Promise<void> {
    await this.reserve(subject, rule);
  }

  async reserve(subject: string, rule: RateRule): Promise<Reservation> {
    const { key, windowStart, nowSeconds } = this.window(subject, rule.windowSeconds);
    const count = await this.records.increment(key, 1, { max: rule.limit, expiresAt: windowStart + rule.windowSeconds * 2 });
    if (count === undefined) throw new RateLimitedError(rule.message, Math.max(1, windowStart + rule.windowSeconds - nowSeconds));
    return { key };
  }

  async refund(reservation: Reservation): Promise<void> {
    await this.records.increment(reservation.key, -1);
  }

  /** Counts an event (e.g. a failed guess) without a limit; returns the window's count. */
  async note(subject: string, windowSeconds: number): Promise<number> {
    const { key, windowStart } = this.window(subject, windowSeconds);
    return (await this.records.increment(key, 1, { expiresAt: windowStart + windowSeconds * 2 })) ?? 0;
  }

  async count(subject: string, windowSeconds: number): Promise<number> {
    const item = await this.records.getPlain(this.window(subject, windowSeconds).key);
    return Number(item?.value ?? 0);
  }

  private window(subject: string, windowSeconds: number) {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % windowSeconds);
    return { key: keys.rateWindow(subject, `${windowSeconds}s#${windowStart}`), windowStart, nowSeconds };
  }
}
