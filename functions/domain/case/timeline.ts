/**
 * One line of a case's timeline, the same for every case type: what staff see on the case page
 * and, where `public`, what the applicant sees on the tracking page. No personal data.
 */
import type { Instant } from '../calendar/instant';
import type { IsoDate } from '../calendar/iso-date';
import type { Actor } from './actor';

export interface CaseTimelineEntry {
  readonly at: Instant | string;
  readonly on: IsoDate | string;
  /** The command (or other recorded step) this line records. */
  readonly type: string;
  readonly label: string;
  readonly actor: { readonly kind: Actor['kind']; readonly id: string; readonly name?: string };
  /** Shown to the applicant. */
  readonly public: boolean;
  readonly note?: string;
}

export function timelineActor(actor: Actor): CaseTimelineEntry['actor'] {
  return { kind: actor.kind, id: actor.id, ...(actor.kind === 'staff' && actor.name ? { name: actor.name } : {}) };
}
