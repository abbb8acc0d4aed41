/**
 * Timelines of clarification and correction cases as stored before the case kernel: entries were
 * `{ at, command, label, by: { id, name? }, public?, note? }`. Records written then are still read,
 * so the repositories pass every entry through `normaliseTimelineEntry` into the kernel's shape.
 */
import { shanghaiDateOf } from '../calendar/instant';
import type { CaseTimelineEntry } from '../case';

/** The stored shape before the kernel (kept only to read old records). */
export interface LegacyTimelineEntry {
  readonly at: string;
  readonly command: string;
  readonly label: string;
  readonly by: { readonly id: string; readonly name?: string };
  readonly public?: boolean;
  readonly note?: string;
}

const isLegacy = (e: CaseTimelineEntry | LegacyTimelineEntry): e is LegacyTimelineEntry => !('type' in e) && 'command' in e;

/**
 * A stored entry in the kernel's shape. Old entries carried a name only for staff (the public
 * reporter and the applicant were written with an id alone), so a name marks a staff member.
 * Clarification entries had no `public` flag: nothing of a clarification case was shown to the
 * public, so a missing flag reads as not public.
 */
export function normaliseTimelineEntry(e: CaseTimelineEntry | LegacyTimelineEntry): CaseTimelineEntry {
  if (!isLegacy(e)) return e;
  const staff = e.by.name !== undefined;
  return {
    at: e.at,
    on: shanghaiDateOf(e.at),
    type: e.command,
    label: e.label,
    actor: staff ? { kind: 'staff', id: e.by.id, ...(e.by.name ? { name: e.by.name } : {}) } : { kind: 'applicant', id: e.by.id },
    public: e.public ?? false,
    ...(e.note ? { note: e.note } : {}),
  };
}

export function normaliseTimeline(entries: readonly (CaseTimelineEntry | LegacyTimelineEntry)[] | undefined): CaseTimelineEntry[] {
  return (entries ?? []).map(normaliseTimelineEntry);
}
