import { randomBytes } from 'node:crypto';

/** Time-ordered, URL-safe identifiers (not for people to read: those come from counters). */
export function newId(now: Date): string {
  return `${now.getTime().toString(36).padStart(9, '0')}${randomBytes(8).toString('hex')}`;
}
