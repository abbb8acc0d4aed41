import type { Context } from 'hono';
import { ROLE_LABELS } from '#domain/staff';
import type { AppDependencies } from '#application/context';
import type { PageInfo } from './views/page-info';
import type { WebEnv } from './env';

/** What every page shares (site identity, the signed-in staff member, CSRF token, local banner); the renderer hands it to Layout. */
export function pageContext(c: Context<WebEnv>, deps: AppDependencies): PageInfo {
  const staff = c.get('staff');
  return {
    site: { agencyName: deps.config.agencyName, footer: { sponsor: deps.config.agencyName } },
    staff: staff && { displayName: staff.displayName, roleLabels: staff.roles.map((r) => ROLE_LABELS[r]) },
    csrfToken: c.get('csrfToken') ?? '',
    localMode: deps.config.deployment === 'local',
  };
}

/** An instant as the Asia/Shanghai wall-clock time pages show ("2026-03-02 10:00"); China has no DST. */
export function shanghaiDateTime(instantIso: string): string {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) return instantIso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
