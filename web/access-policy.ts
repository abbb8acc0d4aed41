import { TrieRouter } from 'hono/router/trie-router';
import type { StaffRole } from '#domain/staff';

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
/** Clarification and correction case pages (every workflow role; the domain checks each step). */
const CASE_ROLES: readonly StaffRole[] = ['clerk', 'head', 'reviewer', 'leader', 'admin'];
/** Disclosure on application: who may see the queue and cases, and who may register applications. */
const REQUEST_ROLES: readonly StaffRole[] = ['clerk', 'head', 'reviewer', 'leader', 'admin'];
const REGISTER_ROLES: readonly StaffRole[] = ['clerk', 'head'];
/** 撤回 of a published item: the head of the disclosure office or the leader, with a reason. */
const WITHDRAW_ROLES: readonly StaffRole[] = ['head', 'leader'];
/** Proactive disclosure: who may see the item work list and item pages. */
const ITEM_ROLES: readonly StaffRole[] = ['clerk', 'head', 'reviewer', 'leader', 'admin'];

export const ACCESS_RULES: ReadonlyArray<readonly [Method, string, Access]> = [
  // Public site
  ['GET', '/', 'public'],
  ['GET', '/health', 'public'],
  ['GET', '/static/*', 'public'],
  // Released copies (CloudFront serves them in AWS; local mode's app stands in for it)
  ['GET', '/files/*', 'public'],
  ['GET', '/favicon.ico', 'public'],
  ['GET', '/api/openapi.json', 'public'],
  // Staff sign-in
  ['GET', '/login', 'public'],
  ['POST', '/login', 'public'],
  ['GET', '/auth/callback', 'public'],
  ['POST', '/logout', ALL_STAFF],
  // Local mode's accounts (Cognito in AWS): one's own password; roles for administrators
  ['GET', '/staff/account/password', ALL_STAFF],
  ['POST', '/staff/account/password', ALL_STAFF],
  ['GET', '/staff/accounts', ['admin']],
  ['POST', '/staff/accounts/:username/roles', ['admin']],
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
  // Disclosure on application (依申请公开): the applicant's pages are public (the tracking pages
  // check the access code / tracking session themselves); the workflow checks each step's role.
  ['GET', '/apply', 'public'],
  ['POST', '/apply', 'public'],
  ['GET', '/track', 'public'],
  ['POST', '/track', 'public'],
  ['POST', '/track/logout', 'public'],
  ['GET', '/track/:tn', 'public'],
  ['POST', '/track/:tn/supplement', 'public'],
  ['POST', '/track/:tn/withdraw', 'public'],
  ['GET', '/track/:tn/files/:index', 'public'],
  ['GET', '/staff/requests', REQUEST_ROLES],
  ['GET', '/staff/requests/new', REGISTER_ROLES],
  ['POST', '/staff/requests/new', REGISTER_ROLES],
  ['GET', '/staff/requests/:tn', REQUEST_ROLES],
  ['GET', '/staff/requests/:tn/letter', REQUEST_ROLES],
  ['GET', '/staff/requests/:tn/attachments/:id', ['clerk', 'head', 'admin']],
  ['POST', '/staff/requests/:tn/act', REQUEST_ROLES],
  ['POST', '/staff/requests/:tn/reassign', ['head', 'admin']],
  ['POST', '/staff/requests/:tn/draft', ['clerk', 'head']],
  ['POST', '/staff/requests/:tn/letter', ['clerk', 'head']],
  ['POST', '/staff/requests/:tn/review', ['clerk', 'head']],
  ['POST', '/staff/requests/:tn/review-passed', ['reviewer']],
  ['POST', '/staff/requests/:tn/release', ['clerk', 'head']],
  ['POST', '/staff/requests/:tn/identity', ['clerk', 'head', 'admin']],
  ['POST', '/staff/requests/:tn/contact', ['reviewer', 'leader']],
  ['POST', '/staff/requests/:tn/propose', ['clerk', 'head', 'admin']],
  ['POST', '/api/requests', 'public'],
  ['POST', '/api/requests/track', 'public'],
  ['POST', '/api/requests/register', REGISTER_ROLES],
  ['POST', '/api/requests/:tn/withdraw', 'public'],
  ['POST', '/api/requests/:tn/supplement', 'public'],
  ['GET', '/api/requests', REQUEST_ROLES],
  ['GET', '/api/requests/report/:year', ['head', 'leader', 'admin']],
  ['GET', '/api/requests/:tn', REQUEST_ROLES],
  ['POST', '/api/requests/:tn/act', REQUEST_ROLES],
  ['POST', '/api/requests/:tn/reassign', ['head', 'admin']],
  ['POST', '/api/requests/:tn/draft', ['clerk', 'head']],
  ['POST', '/api/requests/:tn/letter', ['clerk', 'head']],
  ['POST', '/api/requests/:tn/review', ['clerk', 'head']],
  ['POST', '/api/requests/:tn/review-passed', ['reviewer']],
  ['POST', '/api/requests/:tn/release', ['clerk', 'head']],
  // Clarifications (澄清, Art. 6) and corrections (更正, Art. 41): public forms and published pages;
  // staff pages for case handlers (each step's role is checked again by the domain). Static before /:id.
  ['GET', '/clarifications', 'public'],
  ['GET', '/clarifications/report', 'public'],
  ['POST', '/clarifications/report', 'public'],
  ['GET', '/clarifications/:id', 'public'],
  ['GET', '/api/clarifications', 'public'],
  ['GET', '/api/clarifications/:id', 'public'],
  ['GET', '/staff/clarifications', CASE_ROLES],
  ['POST', '/staff/clarifications', ['clerk', 'head']],
  ['GET', '/staff/clarifications/:id', CASE_ROLES],
  ['GET', '/staff/clarifications/:id/screenshot', CASE_ROLES],
  ['POST', '/staff/clarifications/:id/:command', CASE_ROLES],
  ['GET', '/corrections/request', 'public'],
  ['POST', '/corrections/request', 'public'],
  ['GET', '/corrections/track', 'public'],
  ['POST', '/corrections/track', 'public'],
  ['POST', '/corrections/withdraw', 'public'],
  ['POST', '/api/corrections/track', 'public'],
  ['GET', '/staff/corrections', CASE_ROLES],
  ['GET', '/staff/corrections/:tn', CASE_ROLES],
  ['GET', '/staff/corrections/:tn/evidence/:evidenceId', CASE_ROLES],
  ['POST', '/staff/corrections/:tn/:command', CASE_ROLES],
  // Proactive disclosure (主动公开): the public portal, feeds and catalogue API; the staff workflow
  // (the secrecy gate and the release step check the review again, whoever presses 发布).
  ['GET', '/proactive', 'public'],
  ['GET', '/proactive/:category', 'public'],
  ['GET', '/items/:id', 'public'],
  ['GET', '/search', 'public'],
  ['GET', '/guide', 'public'],
  ['GET', '/reports', 'public'],
  ['GET', '/feeds/:file', 'public'],
  ['GET', '/sitemap.xml', 'public'],
  ['GET', '/api/catalogue/categories', 'public'],
  ['GET', '/api/catalogue/items', 'public'],
  ['GET', '/api/catalogue/items/:id', 'public'],
  ['GET', '/api/catalogue/search', 'public'],
  ['GET', '/staff/items', ITEM_ROLES],
  ['GET', '/staff/items/new', ['clerk', 'admin']],
  ['POST', '/staff/items/new', ['clerk', 'admin']],
  ['GET', '/staff/items/:id', ITEM_ROLES],
  ['POST', '/staff/items/:id/edit', ['clerk', 'admin']],
  ['POST', '/staff/items/:id/publish', RELEASE_ROLES],
  ['POST', '/staff/items/:id/schedule', RELEASE_ROLES],
  ['POST', '/staff/items/:id/withdraw', WITHDRAW_ROLES],
  ['POST', '/staff/items/:id/:action', ['clerk', 'admin']],
  ['GET', '/staff/catalogue', ['admin']],
  ['POST', '/staff/catalogue', ['admin']],
  ['GET', '/api/items', ITEM_ROLES],
  ['POST', '/api/items', ['clerk', 'admin']],
  ['GET', '/api/items/:id', ITEM_ROLES],
  ['POST', '/api/items/:id/submit', ['clerk', 'admin']],
  ['POST', '/api/items/:id/publish', RELEASE_ROLES],
  ['POST', '/api/items/:id/withdraw', WITHDRAW_ROLES],
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
