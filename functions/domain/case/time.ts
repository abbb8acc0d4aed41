/**
 * The one time type of a step: the instant it happens (from the Clock port) and the Asia/Shanghai
 * date it falls on, which every deadline and letter uses, whatever the server's TZ.
 */
import type { IsoDate } from '../calendar/iso-date';
import { shanghaiDateOf, toInstant, type Instant } from '../calendar/instant';

export interface CaseTime {
  readonly at: Instant;
  readonly today: IsoDate;
}

export function caseTime(now: Date | Instant): CaseTime {
  const at = toInstant(now);
  return { at, today: shanghaiDateOf(at) };
}
