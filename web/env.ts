import type { StaffMember } from '../functions/domain/staff';
import type { Logger } from '../functions/observability/logger';

/** Per-request values the middleware chain puts on the Hono context. */
export interface WebEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    staff: StaffMember | undefined;
    csrfToken: string;
    /** The client's address as the host vouches for it (web/middleware/client-address.ts). */
    clientAddress: string;
  };
}
