/** Staff roles. In AWS they are Cognito groups; locally the local issuer puts them in the token. */
export const STAFF_ROLES = ['clerk', 'head', 'reviewer', 'leader', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  clerk: '经办人',
  head: '科室负责人',
  reviewer: '保密审查员',
  leader: '分管领导',
  admin: '管理员',
};

export interface StaffMember {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly StaffRole[];
}

/** Who did something, as recorded in audit events. Never carries personal identifiers. */
export type Actor =
  | { readonly kind: 'staff'; readonly id: string; readonly name: string }
  | { readonly kind: 'applicant'; readonly id: string }
  | { readonly kind: 'public' }
  | { readonly kind: 'system'; readonly id: string };

export const staffActor = (s: StaffMember): Actor => ({ kind: 'staff', id: s.id, name: s.displayName });
export const systemActor = (job: string): Actor => ({ kind: 'system', id: job });

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
