/**
 * Who acts on a case: one type for the workflows, the use cases and the audit log. Roles are
 * carried for the permission check; audit events store only kind, id and name (never personal
 * identifiers of applicants).
 */
import type { StaffMember, StaffRole } from '../staff';

export type Actor =
  | { readonly kind: 'staff'; readonly id: string; readonly name?: string; readonly roles: readonly StaffRole[] }
  | { readonly kind: 'applicant'; readonly id: string }
  | { readonly kind: 'system'; readonly id: string };

/** A role in a transition table: a staff role, the applicant of this case, or a scheduled job. */
export type ActorRole = StaffRole | 'applicant' | 'system';

export const actorOf = (staff: Pick<StaffMember, 'id' | 'displayName' | 'roles'>): Actor => ({ kind: 'staff', id: staff.id, name: staff.displayName, roles: staff.roles });
export const applicantActor = (caseId: string): Actor => ({ kind: 'applicant', id: caseId });
export const jobActor = (job: string): Actor => ({ kind: 'system', id: job });

export function rolesOf(actor: Actor): readonly ActorRole[] {
  return actor.kind === 'staff' ? actor.roles : [actor.kind];
}

/** Heads of office and administrators act on any case; clerks on their own. */
export const SUPERVISOR_ROLES: readonly ActorRole[] = ['head', 'admin'];
