import { TrieRouter } from 'hono/router/trie-router';
import type { StaffMember } from '#domain/staff';

/**
 * Who may reach a route, by area. Who may take a step of a case is not decided here: the case
 * types' transition tables and the use cases refuse with 403 (CaseForbiddenError, ForbiddenError).
 * A request that matches no rule is refused (deny by default); a test checks that every route the
 * app registers has a rule.
 *
 * - 'public': anyone, no account (citizens, the public, applicants with their access code)
 * - 'staff': any signed-in member of staff holding a role
 * - 'admin': administrators, for administration no case table decides
 *
 * The first matching rule wins: specific rules come before the prefixes that contain them.
 */
export type Access = 'public' | 'staff' | 'admin';

type Method = 'GET' | 'POST' | 'ALL';

export const ACCESS_RULES: ReadonlyArray<readonly [Method, string, Access]> = [
  // The public site: portal, feeds, released copies (CloudFront serves /files/* in AWS), sign-in
  ['GET', '/', 'public'],
  ['GET', '/health', 'public'],
  ['GET', '/favicon.ico', 'public'],
  ['GET', '/static/*', 'public'],
  ['GET', '/files/*', 'public'],
  ['GET', '/proactive/*', 'public'],
  ['GET', '/items/*', 'public'],
  ['GET', '/search', 'public'],
  ['GET', '/guide', 'public'],
  ['GET', '/reports', 'public'],
  ['GET', '/feeds/*', 'public'],
  ['GET', '/sitemap.xml', 'public'],
  ['GET', '/calendar/*', 'public'],
  ['GET', '/login', 'public'],
  ['POST', '/login', 'public'],
  ['GET', '/auth/callback', 'public'],
  // Applicants and the public: the tracking pages check the access code or tracking session themselves
  ['ALL', '/apply', 'public'],
  ['ALL', '/track/*', 'public'],
  ['ALL', '/clarifications/*', 'public'],
  ['ALL', '/corrections/*', 'public'],
  // The public API
  ['GET', '/api/openapi.json', 'public'],
  ['GET', '/api/catalogue/*', 'public'],
  ['GET', '/api/clarifications/*', 'public'],
  ['GET', '/api/calendar/due', 'public'],
  ['ALL', '/api/calendar/overrides/*', 'admin'],
  ['GET', '/api/calendar/:year', 'public'],
  ['POST', '/api/corrections/track', 'public'],
  ['POST', '/api/requests', 'public'],
  ['POST', '/api/requests/track', 'public'],
  ['POST', '/api/requests/:tn/withdraw', 'public'],
  ['POST', '/api/requests/:tn/supplement', 'public'],
  // Administration no case table decides: accounts (role changes: changeLocalRoles), calendar, catalogue settings
  ['GET', '/staff/accounts', 'admin'],
  ['ALL', '/staff/calendar/*', 'admin'],
  ['ALL', '/staff/catalogue/*', 'admin'],
  // Everything else for staff: the workbench, every case page and step, the staff API
  ['POST', '/logout', 'staff'],
  ['GET', '/local/outbox', 'staff'],
  ['ALL', '/staff/*', 'staff'],
  ['GET', '/api/me', 'staff'],
  ['ALL', '/api/documents/*', 'staff'],
  ['ALL', '/api/secrecy/*', 'staff'],
  ['ALL', '/api/reviews/*', 'staff'],
  ['ALL', '/api/requests/*', 'staff'],
  ['ALL', '/api/items/*', 'staff'],
];

const router = new TrieRouter<Access>();
for (const [method, path, access] of ACCESS_RULES) router.add(method, path, access);

/** The rule for a request, or undefined when none matches (which means: refuse). */
export function accessFor(method: string, path: string): Access | undefined {
  const [matches] = router.match(method === 'HEAD' ? 'GET' : method, path);
  // TrieRouter returns matches in registration order.
  return matches[0]?.[0];
}

export function allows(access: Access, staff: StaffMember | undefined): boolean {
  if (access === 'public') return true;
  if (!staff?.roles.length) return false;
  return access === 'staff' || staff.roles.includes('admin');
}
