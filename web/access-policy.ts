import { TrieRouter } from 'hono/router/trie-router';
import type { StaffRole } from '../functions/domain/staff';

/**
 * Who may call what: the one place where authorisation is decided, per route and role.
 * A request that matches no rule is refused (deny by default); a test checks that every route
 * the app registers has a rule here.
 *
 * - 'public': anyone, no account (citizens, the public, applicants with their access code)
 * - 'staff': any signed-in member of staff
 * - a list of roles: staff holding at least one of them
 */
export type Access = 'public' | 'staff' | readonly StaffRole[];

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

const ALL_STAFF = 'staff' as const;
const DOCUMENT_ROLES: readonly StaffRole[] = ['clerk', 'head', 'reviewer', 'leader', 'admin'];
const REVIEW_ROLES: readonly StaffRole[] = ['clerk', 'head', 'reviewer', 'leader', 'admin'];
const SIGNING_ROLES: readonly StaffRole[] = ['clerk', 'head', 'reviewer', 'leader'];
/** Who may press 发布 on an approved item (the release step still checks the review). */
const RELEASE_ROLES: readonly StaffRole[] = ['clerk', 'leader', 'admin'];

export const ACCESS_RULES: ReadonlyArray<readonly [Method, string, Access]> = [
  // Public site
  ['GET', '/', 'public'],
  ['GET', '/health', 'public'],
  ['GET', '/static/*', 'public'],
  ['GET', '/favicon.ico', 'public'],
  ['GET', '/api/openapi.json', 'public'],
  // Staff sign-in
  ['GET', '/login', 'public'],
  ['POST', '/login', 'public'],
  ['GET', '/auth/callback', 'public'],
  ['POST', '/logout', ALL_STAFF],
  // Staff workbench
  ['GET', '/staff', ALL_STAFF],
  ['GET', '/staff/documents', DOCUMENT_ROLES],
  ['POST', '/staff/documents', DOCUMENT_ROLES],
  ['GET', '/staff/documents/:id/download', DOCUMENT_ROLES],
  // Local mode's mailbox (404 in AWS)
  ['GET', '/local/outbox', ALL_STAFF],
  // Working-day calendar and deadlines (static segments before /:year)
  ['GET', '/calendar', 'public'],
  ['GET', '/calendar/:year', 'public'],
  ['GET', '/api/calendar/due', 'public'],
  ['GET', '/api/calendar/overrides', ['admin']],
  ['POST', '/api/calendar/overrides', ['admin']],
  ['DELETE', '/api/calendar/overrides/:id', ['admin']],
  ['GET', '/api/calendar/:year', 'public'],
  ['GET', '/staff/calendar', ['admin']],
  ['POST', '/staff/calendar', ['admin']],
  ['POST', '/staff/calendar/:id/remove', ['admin']],
  ['GET', '/staff/reminders', ALL_STAFF],
  // Secrecy review (保密审查): static segments before /:id; stage rules are enforced again by the domain
  ['GET', '/staff/reviews', REVIEW_ROLES],
  ['GET', '/staff/reviews/new', ['clerk']],
  ['POST', '/staff/reviews/new', ['clerk']],
  ['GET', '/staff/reviews/:id', REVIEW_ROLES],
  ['POST', '/staff/reviews/:id/sign', SIGNING_ROLES],
  ['POST', '/staff/reviews/:id/return', ['head', 'reviewer', 'leader']],
  ['POST', '/staff/reviews/:id/findings', ['reviewer']],
  ['POST', '/staff/reviews/:id/redact-text', ['reviewer']],
  ['POST', '/staff/reviews/:id/redacted-file', ['reviewer']],
  ['POST', '/staff/reviews/:id/revise', ['clerk']],
  ['POST', '/staff/reviews/:id/referral-reply', ['reviewer', 'leader', 'admin']],
  ['POST', '/staff/reviews/:id/release', RELEASE_ROLES],
  ['POST', '/api/secrecy/scan', ALL_STAFF],
  ['GET', '/api/reviews', REVIEW_ROLES],
  ['POST', '/api/reviews', ['clerk']],
  ['GET', '/api/reviews/:id', REVIEW_ROLES],
  ['POST', '/api/reviews/:id/sign', SIGNING_ROLES],
  ['POST', '/api/reviews/:id/return', ['head', 'reviewer', 'leader']],
  ['POST', '/api/reviews/:id/findings/resolve', ['reviewer']],
  ['POST', '/api/reviews/:id/redact-text', ['reviewer']],
  ['POST', '/api/reviews/:id/referral-reply', ['reviewer', 'leader', 'admin']],
  ['POST', '/api/reviews/:id/release', RELEASE_ROLES],
  // Staff API
  ['GET', '/api/me', ALL_STAFF],
  ['GET', '/api/documents', DOCUMENT_ROLES],
  ['POST', '/api/documents/uploads', DOCUMENT_ROLES],
  ['POST', '/api/documents/uploads/:uploadId/complete', DOCUMENT_ROLES],
  ['GET', '/api/documents/:id/download', DOCUMENT_ROLES],
];

const router = new TrieRouter<Access>();
for (const [method, path, access] of ACCESS_RULES) router.add(method, path, access);

/** The rule for a request, or undefined when none matches (which means: refuse). */
export function accessFor(method: string, path: string): Access | undefined {
  const lookup = method === 'HEAD' ? 'GET' : method;
  const [matches] = router.match(lookup, path);
  // The most specific rule wins: TrieRouter returns matches in registration order, and static
  // segments are listed before parameterised ones above.
  return matches[0]?.[0];
}

export function allows(access: Access, roles: readonly StaffRole[] | undefined): boolean {
  if (access === 'public') return true;
  if (!roles) return false;
  if (access === 'staff') return roles.length > 0;
  return access.some((role) => roles.includes(role));
}
