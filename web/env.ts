import type { StaffMember } from '#domain/staff';
import type { Logger } from '#observability/logger';
import type { PageInfo } from './views/page-info';
import type { StaffInfo } from './views/types';

/** Per-request values the middleware chain puts on the Hono context. */
export interface WebEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    staff: StaffMember | undefined;
    csrfToken: string;
    /** The client's address as the host vouches for it (web/middleware/client-address.ts). */
    clientAddress: string;
    /** What every page's layout needs: site, the signed-in staff member, CSRF token, local banner. */
    page: PageInfo;
  };
}

/**
 * The staff sub-app (web/staff-app.ts): mounted behind the access guard and a check that somebody
 * is signed in, so `staff` and the staff page context are always there.
 */
export interface StaffEnv {
  Variables: Omit<WebEnv['Variables'], 'staff' | 'page'> & { staff: StaffMember; page: PageInfo & { staff: StaffInfo } };
}
