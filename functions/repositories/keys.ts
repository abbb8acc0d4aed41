import type { IndexEntry, RecordKey } from '../ports/record-store';

/**
 * Every key and index entry of the single table is built here, and nowhere else.
 * docs/data-model.md lists the access pattern each one serves.
 */
export const keys = {
  document: (id: string): RecordKey => ({ pk: `DOC#${id}`, sk: 'DOC' }),
  /** GSI1: staff documents, newest first. */
  documentsByTime: (uploadedAt: string, id: string): IndexEntry => ({ pk: 'DOCS', sk: `${uploadedAt}#${id}` }),

  /** A presigned browser upload waiting for its completion call (expires with TTL). */
  uploadSlot: (id: string): RecordKey => ({ pk: `UPLOAD#${id}`, sk: 'SLOT' }),

  staffAccount: (username: string): RecordKey => ({ pk: `STAFF#${username}`, sk: 'ACCOUNT' }),

  /** Atomic counters for identifiers people read (tracking numbers, index numbers). */
  counter: (name: string, scope: string): RecordKey => ({ pk: `COUNTER#${name}`, sk: scope }),

  /** One item per scheduled job and day: makes a job's side effects happen once a day. */
  jobRun: (job: string, date: string): RecordKey => ({ pk: `JOB#${job}`, sk: `RUN#${date}` }),

  /** Fixed-window rate limits: one counter item per subject and window, expiring with TTL. */
  rateWindow: (subject: string, window: string): RecordKey => ({ pk: `RATE#${subject}`, sk: window }),

  /** Seed markers, so demo data goes in once. */
  seed: (name: string): RecordKey => ({ pk: 'SEED', sk: name }),
} as const;
