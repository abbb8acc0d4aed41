import type { IndexEntry, RecordKey } from '#ports/record-store';

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
  /** GSI1: every local staff account by username (local mode's account administration). */
  staffAccountsByName: (username: string): IndexEntry => ({ pk: 'STAFF_ACCOUNTS', sk: username }),
  staffAccountsPk: (): string => 'STAFF_ACCOUNTS',
  /** A staff sign-in session, by a keyed hash of its cookie value (the value itself is never stored). */
  staffSession: (idHash: string): RecordKey => ({ pk: `SESSION#${idHash}`, sk: 'SESSION' }),
  /** GSI1 (sparse): the active sessions of one member of staff, to end them all at once. */
  staffSessionsOf: (staffId: string, startedAt: string, idHash: string): IndexEntry => ({ pk: `SESSIONS#${staffId}`, sk: `${startedAt}#${idHash}` }),
  staffSessionsPk: (staffId: string): string => `SESSIONS#${staffId}`,
  /** Bearer tokens issued before this instant are refused (logout everywhere, password or role change). */
  staffRevocation: (staffId: string): RecordKey => ({ pk: `STAFFREV#${staffId}`, sk: 'REVOKED' }),

  /** Atomic counters for identifiers people read (tracking numbers, index numbers). */
  counter: (name: string, scope: string): RecordKey => ({ pk: `COUNTER#${name}`, sk: scope }),

  /** One item per scheduled job and day: makes a job's side effects happen once a day. */
  jobRun: (job: string, date: string): RecordKey => ({ pk: `JOB#${job}`, sk: `RUN#${date}` }),

  /** Fixed-window rate limits: one counter item per subject and window, expiring with TTL. */
  rateWindow: (subject: string, window: string): RecordKey => ({ pk: `RATE#${subject}`, sk: window }),

  /** A stored holiday schedule (next year's national notice, or a local adjustment); one partition, read with one Query. */
  calendarOverride: (id: string): RecordKey => ({ pk: 'CALENDAR', sk: `OVERRIDE#${id}` }),
  calendarOverridesPrefix: (): RecordKey => ({ pk: 'CALENDAR', sk: 'OVERRIDE#' }),

  /**
   * GSI2 (sparse): a record with an open deadline carries this entry on its own item and drops it
   * when the deadline closes. Sorted by due date, so "due on or before D" is one range Query.
   */
  openDeadline: (due: string, kind: string, caseId: string): IndexEntry => ({ pk: 'OPEN_DEADLINE', sk: `${due}#${kind}#${caseId}` }),
  openDeadlinePk: (): string => 'OPEN_DEADLINE',
  /** Sort-key bound that includes every entry due on `date` ('~' sorts after '#' and every kind). */
  openDeadlineThrough: (date: string): string => `${date}~`,

  /** A deadline reminder or escalation: one per case, due date, kind and sweep date (its create is the idempotency guard). */
  deadlineReminder: (type: 'reminder' | 'escalation', caseId: string, due: string, kind: string, date: string): RecordKey => ({
    pk: `${type === 'escalation' ? 'ESCALATION' : 'REMINDER'}#${caseId}#${due}#${kind}#${date}`,
    sk: 'REMINDER',
  }),
  /**
   * A reminder or escalation of the hourly sweep (deadlines counted in hours): one per case, due
   * instant and kind, whatever the day (its create is the idempotency guard). The `#hours` suffix
   * and the instant keep it apart from the daily sweep's key of the same case and day.
   */
  deadlineReminderByHour: (type: 'reminder' | 'escalation', caseId: string, dueAt: string, kind: string): RecordKey => ({
    pk: `${type === 'escalation' ? 'ESCALATION' : 'REMINDER'}#${caseId}#${dueAt}#${kind}#hours`,
    sk: 'REMINDER',
  }),
  /** Reminder recipients: one staff member, or the shared inbox of a role (e.g. the leaders). */
  staffInbox: (staffId: string): string => `STAFF#${staffId}`,
  roleInbox: (role: string): string => `ROLE#${role}`,
  /** GSI2: the reminders of one recipient (a staff member, or a role's inbox), newest first. */
  remindersFor: (recipient: string, date: string, due: string, kind: string, caseId: string): IndexEntry => ({ pk: `REMINDERS#${recipient}`, sk: `${date}#${due}#${kind}#${caseId}` }),
  remindersPk: (recipient: string): string => `REMINDERS#${recipient}`,

  /** Secrecy review (保密审查单), one record per review; its stage records live inside it. */
  review: (id: string): RecordKey => ({ pk: `REVIEW#${id}`, sk: 'REVIEW' }),
  /** GSI1: reviews waiting at a stage (head, secrecy, leader, on-hold), oldest wait first. */
  reviewQueue: (stage: string, waitingSince: string, id: string): IndexEntry => ({ pk: `REVIEWQ#${stage}`, sk: `${waitingSince}#${id}` }),
  reviewQueuePk: (stage: string): string => `REVIEWQ#${stage}`,
  /** GSI1: reviews waiting for their author's self-review (draft or returned). */
  reviewSelfQueue: (authorId: string, waitingSince: string, id: string): IndexEntry => ({ pk: `REVIEWQ#self#${authorId}`, sk: `${waitingSince}#${id}` }),
  reviewSelfQueuePk: (authorId: string): string => `REVIEWQ#self#${authorId}`,
  /** GSI2: reviews an author submitted, newest first. */
  reviewsByAuthor: (authorId: string, createdAt: string, id: string): IndexEntry => ({ pk: `REVIEWBY#${authorId}`, sk: `${createdAt}#${id}` }),
  reviewsByAuthorPk: (authorId: string): string => `REVIEWBY#${authorId}`,
  /** GSI3: reviews of one subject (a publication, an answer, a clarification), newest first. */
  reviewsBySubject: (type: string, subjectId: string, createdAt: string, id: string): IndexEntry => ({ pk: `REVIEWSUBJ#${type}#${subjectId}`, sk: `${createdAt}#${id}` }),
  reviewsBySubjectPk: (type: string, subjectId: string): string => `REVIEWSUBJ#${type}#${subjectId}`,
  /** A release (发布/提供) of reviewed content; written with a check on the approved review. */
  release: (id: string): RecordKey => ({ pk: `RELEASE#${id}`, sk: 'RELEASE' }),
  /** GSI1: releases made under one review, newest first. */
  releasesByReview: (reviewId: string, releasedAt: string, id: string): IndexEntry => ({ pk: `RELEASES#${reviewId}`, sk: `${releasedAt}#${id}` }),
  releasesByReviewPk: (reviewId: string): string => `RELEASES#${reviewId}`,

  /** An e-mail owed to someone (transactional outbox). */
  outboxMessage: (id: string): RecordKey => ({ pk: `OUTBOX#${id}`, sk: 'MESSAGE' }),
  /** GSI1: every outbox message, newest first (the local mailbox page, staff delivery checks). */
  outboxByTime: (createdAt: string, id: string): IndexEntry => ({ pk: 'OUTBOX', sk: `${createdAt}#${id}` }),
  outboxByTimePk: (): string => 'OUTBOX',
  /** GSI3 (sparse): messages not yet delivered, oldest first; dropped once sent or given up. */
  outboxPending: (createdAt: string, id: string): IndexEntry => ({ pk: 'OUTBOX#PENDING', sk: `${createdAt}#${id}` }),
  outboxPendingPk: (): string => 'OUTBOX#PENDING',

  /** An application (依申请公开), keyed by its tracking number (YSQ-2026-000123). */
  request: (trackingNumber: string): RecordKey => ({ pk: `REQ#${trackingNumber}`, sk: 'REQUEST' }),
  /** GSI1: the staff queue of one status, earliest answer due date first (no due date sorts last). */
  requestQueue: (status: string, due: string, trackingNumber: string): IndexEntry => ({ pk: `REQQ#${status}`, sk: `${due}#${trackingNumber}` }),
  requestQueuePk: (status: string): string => `REQQ#${status}`,
  /** GSI3: an applicant's applications (by keyed identity hash), oldest first; duplicates and the monthly fee count. */
  requestsByApplicant: (identityHash: string, submittedAt: string, trackingNumber: string): IndexEntry => ({ pk: `REQBY#${identityHash}`, sk: `${submittedAt}#${trackingNumber}` }),
  requestsByApplicantPk: (identityHash: string): string => `REQBY#${identityHash}`,
  /**
   * Art. 44(1) marker (plain, expiring): an application left under one of its same-information
   * markers (a 文号, a band of its text), so applications for the same information find each other.
   */
  requestSameInformation: (marker: string, submittedAt: string, trackingNumber: string): RecordKey => ({ pk: `REQSAME#${marker}`, sk: `${submittedAt}#${trackingNumber}` }),
  requestSameInformationPk: (marker: string): string => `REQSAME#${marker}`,
  /** Idempotency guard of one submitted form (hash of form + form nonce), expiring with TTL. */
  requestSubmission: (formHash: string): RecordKey => ({ pk: `REQSUBMIT#${formHash}`, sk: 'GUARD' }),

  /** A clarification case (澄清, Art. 6), keyed by its id (CQ-2026-000001); the public report it came from lives inside it. */
  clarification: (id: string): RecordKey => ({ pk: `CLARIF#${id}`, sk: 'CASE' }),
  /** GSI1: every clarification case, newest first (the staff list). */
  clarificationsByTime: (registeredAt: string, id: string): IndexEntry => ({ pk: 'CLARIFS', sk: `${registeredAt}#${id}` }),
  clarificationsByTimePk: (): string => 'CLARIFS',
  /** GSI3 (sparse): published clarifications, newest publication first (public list, home page). */
  clarificationsPublished: (publishedAt: string, id: string): IndexEntry => ({ pk: 'CLARIFPUB', sk: `${publishedAt}#${id}` }),
  clarificationsPublishedPk: (): string => 'CLARIFPUB',
  /** A published clarification's link to an item it concerns: the item shows a notice linking back. */
  clarificationLink: (itemId: string, clarificationId: string): RecordKey => ({ pk: `CLARIFLINK#${itemId}`, sk: `LINK#${clarificationId}` }),
  clarificationLinksPk: (itemId: string): string => `CLARIFLINK#${itemId}`,
  /** Sort-key prefix of the links (audit events share the partition under `AUDIT#`). */
  clarificationLinksSkPrefix: (): string => 'LINK#',

  /** A correction request (更正, Art. 41), keyed by its tracking number (GZ-2026-000001). */
  correction: (trackingNumber: string): RecordKey => ({ pk: `CORR#${trackingNumber}`, sk: 'CORRECTION' }),
  /** GSI1: every correction request, newest first (the staff list). */
  correctionsByTime: (submittedAt: string, trackingNumber: string): IndexEntry => ({ pk: 'CORRS', sk: `${submittedAt}#${trackingNumber}` }),
  correctionsByTimePk: (): string => 'CORRS',
  /** Idempotency guard of one submitted correction form (hash of form + nonce), expiring with TTL. */
  correctionSubmission: (formHash: string): RecordKey => ({ pk: `CORRSUBMIT#${formHash}`, sk: 'GUARD' }),

  /** A disclosure item (主动公开信息): every version, the workflow state, its review and releases (staff only). */
  item: (id: string): RecordKey => ({ pk: `ITEM#${id}`, sk: 'ITEM' }),
  /** GSI1: the staff work list of one workflow state, most recently changed first. */
  itemsByState: (state: string, updatedAt: string, id: string): IndexEntry => ({ pk: `ITEMS#${state}`, sk: `${updatedAt}#${id}` }),
  itemsByStatePk: (state: string): string => `ITEMS#${state}`,
  /**
   * The materialised public view of an item (the published projection), written in the same commit
   * as the item change that altered it. Public pages, feeds, the API and search read only these.
   */
  publicItem: (id: string): RecordKey => ({ pk: `PUBITEM#${id}`, sk: 'VIEW' }),
  /** GSI1 (sparse): public items of one category, by first publication. */
  publicByCategory: (categoryId: string, publishedAt: string, id: string): IndexEntry => ({ pk: `PUBCAT#${categoryId}`, sk: `${publishedAt}#${id}` }),
  publicByCategoryPk: (categoryId: string): string => `PUBCAT#${categoryId}`,
  /** GSI2 (sparse): every public item, by first publication (home page, feeds, sitemap, index rebuild). */
  publicAll: (publishedAt: string, id: string): IndexEntry => ({ pk: 'PUBALL', sk: `${publishedAt}#${id}` }),
  publicAllPk: (): string => 'PUBALL',
  /** GSI3 (sparse): public items under one top-level category (listing of a parent category). */
  publicByRoot: (rootId: string, publishedAt: string, id: string): IndexEntry => ({ pk: `PUBROOT#${rootId}`, sk: `${publishedAt}#${id}` }),
  publicByRootPk: (rootId: string): string => `PUBROOT#${rootId}`,
  /** Catalogue settings: agency profile, category tree, index-number scheme, disclosure guide. */
  catalogueSettings: (): RecordKey => ({ pk: 'CATALOGUE', sk: 'SETTINGS' }),
  /** Plain counter bumped after every public change: the catalogue change stamp in ETags and the search snapshot. */
  catalogueStamp: (): RecordKey => ({ pk: 'CATALOGUE', sk: 'STAMP' }),

  /**
   * An external effect a commit owes (public copies, search entry, applicant copies): written in
   * the commit, applied afterwards by the effects processor. One partition per subject, so the
   * table's stream delivers a subject's effects in commit order.
   */
  effect: (subject: string, requestedAt: string, id: string): RecordKey => ({ pk: `EFFECTS#${subject}`, sk: `${requestedAt}#${id}` }),
  /** GSI1 (sparse): effects not yet applied, oldest first (local processor, straggler sweep). */
  effectsPending: (requestedAt: string, subject: string, id: string): IndexEntry => ({ pk: 'EFFECTS#PENDING', sk: `${requestedAt}#${subject}#${id}` }),
  effectsPendingPk: (): string => 'EFFECTS#PENDING',
  /** GSI1: effects given up after their retries, for the operators (dead letters). */
  effectsDead: (requestedAt: string, subject: string, id: string): IndexEntry => ({ pk: 'EFFECTS#DEAD', sk: `${requestedAt}#${subject}#${id}` }),
  effectsDeadPk: (): string => 'EFFECTS#DEAD',
  /** The pointer to the current search snapshot object (compare-and-swap by its revision). */
  searchPointer: (): RecordKey => ({ pk: 'SEARCH', sk: 'POINTER' }),

  /** A private file written before the commit that will reference it (found and removed if that commit never comes). */
  stagedFile: (objectKey: string): RecordKey => ({ pk: `STAGED#${objectKey}`, sk: 'FILE' }),
  /** GSI1 (sparse): staged files not yet committed, oldest first. */
  stagedFiles: (stagedAt: string, objectKey: string): IndexEntry => ({ pk: 'STAGED_FILES', sk: `${stagedAt}#${objectKey}` }),
  stagedFilesPk: (): string => 'STAGED_FILES',

  /** Seed markers, so demo data goes in once. */
  seed: (name: string): RecordKey => ({ pk: 'SEED', sk: name }),
} as const;
