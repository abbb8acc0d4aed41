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
